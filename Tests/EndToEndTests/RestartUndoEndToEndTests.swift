import Foundation
import Testing

/// Undo across a restart in the real console: approve, quit, open the programme again, `u` asks about
/// that approval, `y` undoes it, and the file then says the registration is queued again.
@Suite(.serialized)
struct RestartUndoEndToEndTests {
    func open(_ workspace: Workspace) throws -> Tmux {
        try Tmux(workspace, ["--file", workspace.file.path, "--as-of", Workspace.today, "--actor", "e2e.tester"], width: 120, height: 40)
    }

    /// Each registration's status, from `export registrations --format json`.
    func statuses(_ workspace: Workspace) throws -> [String: String] {
        let result = try workspace.run(["export", "registrations", "--format", "json", "--file", workspace.file.path])
        try #require(result.status == 0, "export failed: \(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["registrationId"] as! String, $0["status"] as! String) })
    }

    @Test func anApprovalFromTheLastSessionIsUndoneAfterAskingFirst() throws {
        let workspace = try Workspace()
        defer { workspace.cleanup() }
        try workspace.makeDemo()
        let before = try statuses(workspace)

        var console = try open(workspace)
        var screen = try console.waitFor(" waiting ·")
        let id = try #require(ScreenText.queueIDs(screen).first)
        try console.type(":approve \(id)")
        try console.send("Enter")
        try console.waitFor("Approved \(id) for ")
        try console.type("q")
        try console.waitForExit()
        console.kill()
        #expect(try statuses(workspace)[id] == "approved")

        console = try open(workspace)
        defer { console.kill() }
        try console.waitFor(" waiting ·")
        try console.type("u")
        screen = try console.waitFor("Undo your approval of \(id) at ")
        #expect(screen.contains("(today)?") && screen.contains("y confirm · n cancel"), "\(screen)")
        try console.type("y")
        let original = try #require(before[id])
        screen = try console.waitFor("\(id) is \(original.replacingOccurrences(of: "_", with: " ")) again")
        #expect(ScreenText.queueIDs(screen).contains(id), "the registration is back in the queue:\n\(screen)")
        // Nothing earlier of this actor's is left to undo.
        try console.type("u")
        try console.waitFor("Nothing to undo")
        try console.type("q")
        try console.waitForExit()
        #expect(try statuses(workspace)[id] == original)
    }
}
