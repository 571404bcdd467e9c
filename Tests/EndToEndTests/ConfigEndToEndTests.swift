import Foundation
import Testing

/// The config file in the real console: a remapped key works and the footer shows it, the light theme
/// draws in 256-colour shades, and a bad file is named by its line while the console starts anyway.
@Suite(.serialized)
struct ConfigEndToEndTests {
    func withConsole(config: String, _ body: (Tmux, Workspace) throws -> Void) throws {
        let workspace = try Workspace()
        defer { workspace.cleanup() }
        try workspace.makeDemo()
        // HOME is the workspace's, and XDG_CONFIG_HOME unset: the console reads ~/.config/channeldesk/config.toml.
        let folder = workspace.home.appendingPathComponent(".config/channeldesk")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.toml"))
        let console = try Tmux(workspace, ["--file", workspace.file.path, "--as-of", Workspace.today])
        defer { console.kill() }
        try body(console, workspace)
    }

    @Test func aRemappedKeyWorksAndTheFooterShowsIt() throws {
        try withConsole(config: "theme = \"light\"\n[keys]\napprove = \"v\"\nquit = \"Q\"\n") { console, _ in
            let screen = try console.waitFor(" waiting ·")
            let footer = try #require(screen.split(separator: "\n").last.map(String.init))
            #expect(footer.contains("v approve") && footer.contains("Q quit"), "\(footer)")
            #expect(!footer.contains("a approve") && !footer.contains("q quit"), "\(footer)")
            // The footer's keys, cyan in the dark theme, are drawn in the light theme's blue (256-colour 25).
            #expect(try console.capture(escapes: true).contains("38;5;25"), "no 256-colour shade on the screen")

            // The old keys do nothing: `q` does not quit, so `2` still reaches the console.
            try console.type("q")
            try console.type("2")
            try console.waitUntil("the Partners tab") { ScreenText.line(containing: "not enabled", in: $0) != nil }
            try console.type("1")
            try console.waitFor("v approve")
            try console.type("v")
            let decided = try console.waitUntil("the approval or its question") { $0.contains("Approved R-") || $0.contains(" despite ") }
            if decided.contains(" despite ") { try console.type("n") }
            try console.type("Q")
            try console.waitForExit()
        }
    }

    @Test func aBadConfigShowsItsLineAndTheConsoleStartsWithTheDefaults() throws {
        try withConsole(config: "actor = \"amara\"\n\n[keys]\napprove = \"hyper-v\"\n") { console, _ in
            let screen = try console.waitFor(" waiting ·")
            #expect(screen.contains("~/.config/channeldesk/config.toml:4: \"hyper-v\" is not a key"), "\(screen)")
            let footer = try #require(screen.split(separator: "\n").last.map(String.init))
            #expect(footer.contains("a approve") && footer.contains("q quit"), "the defaults are in force: \(footer)")
            try console.type("q")
            try console.waitForExit()
        }
    }
}
