import ChannelShared
import Foundation
import Testing

/// Two consoles in tmux on one shared programme see each other's decisions.
extension PostgresSuite {
    @Suite
    struct ConsoleTests {
        @Test func twoConsolesSeeEachOthersDecisions() async throws {
            try await withTeam { team in
                try team.shareSample(extraRegistrations: Team.pendingRegistrations(2, submitted: "2026-09-26T09:00:00Z"))
                try team.addMembers(["ann", "ben"], to: "manager")
                let tmux = Tmux(socket: team.directory.appendingPathComponent("tmux").path)
                defer { tmux.killServer() }
                for member in ["ann", "ben"] {
                    let home = team.directory.appendingPathComponent("home-\(member)").path
                    let command = "HOME=\(home) XDG_CACHE_HOME=\(home)/cache XDG_STATE_HOME=\(home)/state TZ=UTC LANG=C.UTF-8 TERM=xterm-256color "
                        + "\(Team.binary.path) --database '\(team.url(member))'"
                    try tmux.start(member, command: command)
                }
                // As of today (a decision made now shows as of today, not as of an earlier day). R-9000001
                // and R-9000002 were both submitted on 2026-09-26, so filter each console to one of them.
                for member in ["ann", "ben"] { try tmux.waitFor(member, "waiting") }
                try tmux.keys("ann", ["/", "R-9000001", "Enter"])
                try tmux.waitFor("ann") { $0.contains("R-9000001") && !$0.contains("R-9000002") }
                try tmux.keys("ann", ["a"])
                try tmux.waitFor("ann", "Approved R-9000001")
                // Ben's console hears it: the registration leaves his queue without a key pressed.
                try tmux.waitFor("ben", seconds: 5) { !$0.contains("R-9000001") && $0.contains("R-9000002") }
                #expect(try team.cluster.psql("SELECT actor FROM channeldesk.actions", database: team.database) == "ann")

                // Ben's cursor is on R-9000002 when Ann rejects it: his row is not swapped for another
                // under the cursor but stays, marked with who decided it, and his `a` on it is refused.
                try tmux.keys("ben", ["/", "R-9000002", "Enter"])
                try tmux.waitFor("ben") { $0.contains("matching \"R-9000002\"") && $0.contains("R-9000002") }
                try tmux.keys("ann", ["/", "BSpace", "2", "Enter"])
                try tmux.waitFor("ann") { $0.contains("R-9000002") && !$0.contains("R-9000001") }
                try tmux.keys("ann", ["r", "Enter"])
                try tmux.waitFor("ann", "Rejected R-9000002")
                try tmux.waitFor("ben", seconds: 5) {
                    $0.contains("ann rejected R-9000002 at ") && $0.contains("it stays under the cursor") && $0.contains("⚑ R-9000002 ann: rejected")
                }
                try tmux.keys("ben", ["a"])
                try tmux.waitFor("ben") { $0.contains("ann rejected R-9000002 at ") && $0.contains("nothing was changed — move to go on") }
                // Moving lets it go: the queue, filtered to it, is empty now.
                try tmux.keys("ben", ["j"])
                try tmux.waitFor("ben") { !$0.contains("⚑") && !$0.contains("ann: rejected") && $0.contains("No registration matches \"R-9000002\"") }
                #expect(try team.cluster.psql("SELECT string_agg(actor || ' ' || kind, ',' ORDER BY seq) FROM channeldesk.actions",
                                              database: team.database) == "ann approve,ann reject")
                // Ben's "mine" view is of the partners his PostgreSQL role owns.
                try tmux.keys("ben", ["M"])
                try tmux.waitFor("ben") { $0.contains("· mine (partners ben owns)") && $0.contains("Showing registrations of partners ben owns") }
            }
        }
    }
}

/// Consoles in a private tmux server.
struct Tmux {
    let socket: String

    func run(_ arguments: [String]) throws -> Shell.Result {
        try Shell.run(["tmux", "-S", socket] + arguments)
    }

    func start(_ name: String, command: String) throws {
        let result = try run(["new-session", "-d", "-s", name, "-x", "160", "-y", "40", command])
        guard result.status == 0 else { throw HarnessError("tmux: \(result.stderr)") }
    }

    func screen(_ name: String) throws -> String { try run(["capture-pane", "-p", "-t", name]).stdout }

    /// Sends each of `keys`: tmux's key names (Enter, BSpace, Escape) as keys, anything else as typed text.
    func keys(_ name: String, _ keys: [String]) throws {
        for key in keys { _ = try run(["send-keys", "-t", name] + (key.count > 1 && !Self.keyNames.contains(key) ? ["-l", key] : [key])) }
    }

    static let keyNames: Set<String> = ["Enter", "BSpace", "Escape"]

    func waitFor(_ name: String, _ text: String) throws { try waitFor(name) { $0.contains(text) } }

    /// Polls the screen until `condition` holds; the failure shows the last screen.
    func waitFor(_ name: String, seconds: TimeInterval = 20, _ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen(name)
            if condition(last) { return }
            usleep(50_000)
        }
        throw HarnessError("\(name)'s console never showed what was expected; its screen:\n\(last)")
    }

    func killServer() { _ = try? run(["kill-server"]) }
}
