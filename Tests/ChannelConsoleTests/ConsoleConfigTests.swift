import Foundation
import Testing
import TerminalUI
@testable import ChannelConsole

/// The config file: a good one sets every setting; each kind of mistake is named by its line, and
/// loading a bad file gives the defaults with the problem beside them.
@Suite struct ConsoleConfigTests {
    static let path = "/home/amara/.config/channeldesk/config.toml"

    func problem(_ text: String) -> ConfigError? {
        do {
            _ = try ConsoleConfig.parse(text, path: Self.path)
            return nil
        } catch {
            return error
        }
    }

    @Test func aGoodFileSetsEverySetting() throws {
        let config = try ConsoleConfig.parse("""
            # ChannelDesk's settings
            actor = "amara"
            programme = "~/programmes/emea.cdesk"
            theme = "light"

            [keys]
            approve = "v"     # one key
            quit = ["Q", "ctrl-q"]
            "next-pane" = "n"
            """, path: Self.path)
        #expect(config.actor == "amara")
        #expect(config.programme == ("~/programmes/emea.cdesk" as NSString).expandingTildeInPath)
        #expect(config.palette == .light)
        let expected = try KeyBindings(remapping: [.approve: [.char("v")], .quit: [.char("Q"), .ctrl("q")], .nextPane: [.char("n")]])
        #expect(config.keyBindings == expected)
        #expect(config.keyBindings.keys(for: .approve) == [.char("v")])
    }

    @Test func anEmptyFileIsTheDefaults() throws {
        #expect(try ConsoleConfig.parse("# nothing yet\n", path: Self.path) == ConsoleConfig())
        #expect(ConsoleConfig().keyBindings == .standard && ConsoleConfig().palette == .dark)
    }

    @Test func aRelativeProgrammeIsTakenFromTheConfigFilesFolder() throws {
        let config = try ConsoleConfig.parse("programme = \"emea.cdesk\"", path: Self.path)
        #expect(config.programme == "/home/amara/.config/channeldesk/emea.cdesk")
    }

    @Test func keysAreNamedAsTheFooterShowsThemOrByTheirConfigName() throws {
        let config = try ConsoleConfig.parse("""
            keys.top = ["Home", "f1"]
            keys.bottom = ["END", "insert"]
            keys.previous-pane = ["S-Tab", "f2"]
            keys.page-down = ["PgDn", "f3"]
            keys.mark = ["SPACE", "m"]
            """, path: Self.path)
        #expect(config.keyBindings.keys(for: .top) == [.home, .function(1)])
        #expect(config.keyBindings.keys(for: .bottom) == [.end, .insert])
        #expect(config.keyBindings.keys(for: .previousPane) == [.backTab, .function(2)])
        #expect(config.keyBindings.keys(for: .pageDown) == [.pageDown, .function(3)])
        #expect(config.keyBindings.keys(for: .toggleMark) == [.char(" "), .char("m")])
    }

    @Test func aKeyMayKeepTheTwoMeaningsItHasByDefault() throws {
        // Tab is a registration's next conflict and, elsewhere, the next pane: restating it is no conflict.
        let config = try ConsoleConfig.parse("[keys]\nnext-pane = [\"tab\", \"n\"]", path: Self.path)
        #expect(config.keyBindings.keys(for: .nextPane) == [.tab, .char("n")])
    }

    @Test func swappingTwoCommandsKeysIsNoConflict() throws {
        let config = try ConsoleConfig.parse("[keys]\napprove = \"A\"\napprove-marked = \"a\"", path: Self.path)
        #expect(config.keyBindings.keys(for: .approve) == [.char("A")])
        #expect(config.keyBindings.keys(for: .approveMarked) == [.char("a")])
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        /// The start of the message; nil for TOMLKit's own wording of a syntax error.
        var message: String?
        var testDescription: String { message ?? text }
    }

    static let broken: [Broken] = [
        Broken(text: "actor = \"amara\"\ntheme = \"solarized\"", line: 2, message: "theme is \"dark\" or \"light\", not \"solarized\""),
        Broken(text: "actor = 7", line: 1, message: "actor must be a string in quotes (found: integer)"),
        Broken(text: "programme = \"\"", line: 1, message: "programme is empty"),
        Broken(text: "# settings\n\ncolour = \"red\"", line: 3, message: "unknown setting \"colour\""),
        Broken(text: "actor = \"amara\"\n[colours]\nqueue = \"red\"", line: 2, message: "unknown setting \"colours\""),
        Broken(text: "keys = \"vim\"", line: 1, message: "keys is a table of commands and their keys"),
        Broken(text: "[keys]\naprove = \"v\"", line: 2, message: "unknown command \"aprove\" in [keys] (did you mean \"approve\"?)"),
        Broken(text: "[keys]\napprove = \"hyper-x\"", line: 2, message: "\"hyper-x\" is not a key"),
        Broken(text: "[keys]\napprove = \"ctrl-m\"", line: 2, message: "\"ctrl-m\" is not a key"),
        Broken(text: "[keys]\n\napprove = 3", line: 3, message: "approve is a key or a list of keys"),
        Broken(text: "[keys]\napprove = [\"v\", 3]", line: 2, message: "approve is a key or a list of keys"),
        Broken(text: "[keys]\napprove = []", line: 2, message: "approve has no key"),
        Broken(text: "[keys]\napprove = [\"v\", \"v\"]", line: 2, message: "\"v\" is listed twice for approve"),
        Broken(text: "[keys]\nundo = \"ctrl-c\"", line: 2, message: "ctrl-c always quits; give undo another key"),
        Broken(text: "theme = \"light\"\n[keys]\nquit = \"Q\"\napprove = \"A\"", line: 4,
               message: "\"A\" for approve is already approve-marked's key (Queue); remap approve-marked too, or choose another key"),
        Broken(text: "actor = \"amara\"\nkeys = { aprove = \"v\" }", line: 2, message: "unknown command \"aprove\""),
        Broken(text: "keys.approve = \"j\"", line: 1, message: "\"j\" for approve is already down's key (Moving)"),
        // The first problem in the file is the one reported.
        Broken(text: "[keys]\napprove = \"hyper\"\n[more]\n", line: 2, message: "\"hyper\" is not a key"),
        Broken(text: "actor = \"amara\ntheme = \"light\"", line: 1, message: nil),
        Broken(text: "[keys]\napprove = \"v\"\napprove = \"w\"", line: 3, message: nil),
    ]

    @Test(arguments: broken) func eachMistakeIsNamedByItsLine(_ broken: Broken) throws {
        let problem = try #require(self.problem(broken.text), "no problem found in:\n\(broken.text)")
        #expect(problem.line == broken.line, "\(problem)")
        #expect(problem.path == Self.path)
        if let message = broken.message { #expect(problem.message.hasPrefix(message), "\(problem)") }
        #expect(problem.description.hasPrefix("/home/amara/.config/channeldesk/config.toml:\(broken.line): "))
    }

    // MARK: Loading

    func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("channeldesk-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("channeldesk"), withIntermediateDirectories: true)
        return directory
    }

    @Test func theFileIsUnderXDGConfigHomeElseDotConfig() {
        #expect(ConsoleConfig.location(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == ("/x/channeldesk/config.toml", false))
        #expect(ConsoleConfig.location(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == ("/h/.config/channeldesk/config.toml", false))
        #expect(ConsoleConfig.location(environment: ["CHANNELDESK_CONFIG": "/c.toml", "XDG_CONFIG_HOME": "/x"]) == ("/c.toml", true))
    }

    @Test func noFileIsTheDefaultsAndNoProblem() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = ConsoleConfig.load(environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(loaded.config == ConsoleConfig() && loaded.problem == nil)
        let named = ConsoleConfig.load(environment: ["CHANNELDESK_CONFIG": directory.path + "/missing.toml"])
        #expect(named.config == ConsoleConfig())
        #expect(named.problem?.message == "no such file (named by CHANNELDESK_CONFIG)")
    }

    @Test func aBadFileLoadsAsTheDefaultsWithItsProblem() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("channeldesk/config.toml")
        try Data("actor = \"amara\"\n[keys]\naprove = \"v\"\n".utf8).write(to: file)
        let loaded = ConsoleConfig.load(environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(loaded.config == ConsoleConfig(), "nothing of a bad file is used, not even its good lines")
        #expect(loaded.problem == ConfigError(path: file.path, line: 3, message: loaded.problem?.message ?? ""))
        #expect(loaded.problem?.message.hasPrefix("unknown command \"aprove\"") == true)

        try Data("actor = \"amara\"\n".utf8).write(to: file)
        #expect(ConsoleConfig.load(environment: ["CHANNELDESK_CONFIG": file.path]).config.actor == "amara")
    }

    @Test func everyCommandOfTheTableHasItsOwnConfigName() {
        let names = Command.configurable.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } }, "\(names)")
        for (name, command) in Command.configurable { #expect(Command.named(name) == command) }
        #expect(Set(KeyBindings.all.map(\.command)) == Set(Command.configurable.map(\.command)))
    }

    @Test func everyDefaultKeyReadsBackFromItsConfigName() {
        for key in Set(KeyBindings.all.flatMap(\.keys)) {
            #expect(Key(configName: key.configName) == key, "\(key.configName)")
        }
    }
}
