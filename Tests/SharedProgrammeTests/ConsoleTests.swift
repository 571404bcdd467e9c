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

    func keys(_ name: String, _ keys: [String]) throws {
        for key in keys { _ = try run(["send-keys", "-t", name] + (key.count > 1 && key != "Enter" ? ["-l", key] : [key])) }
    }

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
