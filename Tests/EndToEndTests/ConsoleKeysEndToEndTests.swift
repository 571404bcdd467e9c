import Foundation
import Testing

/// lazygit/k9s habits in the real console: `y` puts the selected id on the clipboard through OSC 52
/// (tmux, keeping it as a paste buffer, shows the sequence reached the pty), `z` zooms a grid pane,
/// the mouse selects, opens and scrolls, and a screen too small — or still loading — takes no key but quit.
@Suite(.serialized)
struct ConsoleKeysEndToEndTests {
    func withConsole(width: Int = 120, height: Int = 40, _ body: (Tmux) throws -> Void) throws {
        let workspace = try Workspace()
        defer { workspace.cleanup() }
        try workspace.makeDemo()
        let console = try Tmux(workspace, ["--file", workspace.file.path, "--as-of", Workspace.today, "--actor", "e2e.tester"],
                               width: width, height: height)
        defer { console.kill() }
        try body(console)
    }

    @Test func yCopiesTheSelectedRegistrationThroughOSC52() throws {
        try withConsole { console in
            let screen = try console.waitFor(" waiting ·")
            let first = try #require(ScreenText.queueIDs(screen).first)
            try console.type("y")
            try console.waitFor("Copied \(first)")
            let buffer = try console.tmux(["show-buffer"])
            #expect(buffer.status == 0 && buffer.stdout == first, "tmux buffer: \(buffer.stdout) \(buffer.stderr)")
        }
    }

    @Test func zZoomsTheFocusedPaneOfTheGrid() throws {
        try withConsole(width: 160, height: 40) { console in
            var screen = try console.waitFor("┌─ 1 Queue")
            #expect(screen.contains("┌─ 2 Partners"), "the grid shows every pane framed:\n\(screen)")
            try console.type("z")
            screen = try console.waitFor("fills the screen")
            // Zoomed, the panes are tabs of one full-width view, as on a smaller terminal.
            #expect(!screen.contains("┌─ 1 Queue") && !screen.contains("┌─ 2 Partners"), "\(screen)")
            try console.type("z")
            try console.waitFor("Back to the grid")
        }
    }

    /// Keys typed while a large programme is still loading act on nothing: the queue comes up as it
    /// was, and the status line says how many keys were ignored.
    @Test func keysTypedWhileLoadingAreDroppedAndCounted() throws {
        let workspace = try Workspace()
        defer { workspace.cleanup() }
        // Big enough that the debug build takes a few seconds to open it.
        try workspace.makeDemo(partners: 2_000, registrations: 300_000)
        let before = try workspace.run(["queue", "--file", workspace.file.path, "--as-of", Workspace.today, "--format", "json"])
        let console = try Tmux(workspace, ["--file", workspace.file.path, "--as-of", Workspace.today, "--actor", "e2e.tester"])
        defer { console.kill() }
        try console.waitFor("Opening ")
        // `j j j a`, then Enter: without the guard the fourth row would be approved.
        try console.type("jjja")
        try console.send("Enter")
        let screen = try console.waitFor("typed while the programme was loading", timeout: 120)
        #expect(screen.contains(" waiting ·"), "\(screen)")
        #expect(!screen.contains("Approved"), "\(screen)")
        let after = try workspace.run(["queue", "--file", workspace.file.path, "--as-of", Workspace.today, "--format", "json"])
        // The same registrations wait (ages move with the clock; ids and statuses do not).
        func waiting(_ json: String) throws -> [String] {
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            return rows.map { "\($0["registrationId"] ?? "") \($0["status"] ?? "")" }
        }
        #expect(before.status == 0 && after.status == 0)
        #expect(try waiting(after.stdout) == waiting(before.stdout), "the queue is unchanged")
    }

    /// A partner too large to gather within a keystroke (8,000 records or more): Enter answers at once
    /// with what is being gathered, and the loop draws the detail when it is ready — no key needed.
    @Test func aLargePartnersDetailComesUpWithoutAnotherKey() throws {
        let workspace = try Workspace()
        defer { workspace.cleanup() }
        try workspace.makeDemo(partners: 12, registrations: 70_000)
        let export = try workspace.run(["export", "registrations", "--file", workspace.file.path, "--format", "csv"])
        let lines = export.stdout.split(separator: "\n")
        let column = try #require(lines.first?.split(separator: ",").firstIndex(of: "partner_id"))
        var counts: [Substring: Int] = [:]
        // Ids and partner ids come before any quoted field, so a plain split finds them.
        for line in lines.dropFirst() { counts[line.split(separator: ",", omittingEmptySubsequences: false)[column], default: 0] += 1 }
        let largest = try #require(counts.max { $0.value < $1.value })
        #expect(largest.value >= 8_000, "the demo's largest partner is large enough to be gathered in the background")
        let console = try Tmux(workspace, ["--file", workspace.file.path, "--as-of", Workspace.today, "--actor", "e2e.tester"])
        defer { console.kill() }
        try console.waitFor(" waiting ·", timeout: 60)
        try console.type(":partner \(largest.key)")
        try console.send("Enter")
        let screen = try console.waitFor("Registrations (", timeout: 60)
        #expect(screen.contains("Overview") && !screen.contains("Gathering"), "\(screen)")
    }

    /// `?` then `:` closes the help and opens the command line, so the rest of `:reject R-… reason`
    /// is the command, not keys for the registration under the cursor.
    @Test func helpThenColonOpensTheCommandLine() throws {
        try withConsole { console in
            let screen = try console.waitFor(" waiting ·")
            let ids = ScreenText.queueIDs(screen)
            let target = try #require(ids.dropFirst(2).first)
            try console.type("?")
            try console.waitFor("Keys — ")
            try console.type(":reject \(target) Duplicate of an earlier registration")
            try console.send("Enter")
            let after = try console.waitFor("Rejected \(target)")
            #expect(!after.contains("eject \(target)"), "no keystroke of the command leaked into a reason:\n\(after)")
            #expect(ScreenText.queueIDs(after).first == ids.first, "the selected registration was not touched")
        }
    }

    /// The mouse, as lazygit users expect: a click on a tab focuses its pane, a double click opens the
    /// row under the pointer, the wheel moves the selection three rows.
    @Test func clicksSelectDoubleClicksOpenAndTheWheelScrolls() throws {
        try withConsole { console in
            var screen = try console.waitFor(" waiting ·")
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let ids = ScreenText.queueIDs(screen)
            // Partners is the second tab on the top line.
            let tab = try #require(lines.first?.range(of: "2 Partners")).lowerBound
            try console.click(x: lines[0].distance(from: lines[0].startIndex, to: tab) + 1, y: 0)
            try console.waitFor(" partners · ")
            try console.type("1")
            screen = try console.waitFor(" waiting ·")
            // Double click on the second queue row: its registration opens.
            let row = try #require(lines.firstIndex { $0.contains(ids[1]) })
            try console.click(x: 20, y: row)
            try console.click(x: 20, y: row)
            try console.waitFor("› registration \(ids[1])")
            try console.send("Escape")
            try console.waitFor(" waiting ·")
            // One notch down from the first row selects the fourth; Enter opens it.
            try console.send("g")
            try console.wheel(down: true, x: 20, y: row)
            try console.send("Enter")
            try console.waitFor("› registration \(ids[3])")
        }
    }

    @Test func aTooSmallTerminalTakesNoKeyButQuit() throws {
        try withConsole { console in
            var screen = try console.waitFor(" waiting ·")
            let waiting = try #require(screen.split(separator: "\n").first { $0.contains(" waiting") }.map(String.init))
            try console.resize(60, 20)
            try console.waitFor("Terminal too small")
            try console.type("a")
            try console.type("A")
            try console.send("Enter")
            try console.resize(120, 40)
            screen = try console.waitFor(" waiting ·")
            #expect(screen.contains(waiting), "nothing was decided while the screen was too small:\n\(screen)")
            #expect(!screen.contains("Approved"), "\(screen)")
        }
    }
}
