import Foundation
import Testing

/// The built binary with a config file: `keys` shows its remapping, its actor and programme are the
/// defaults that flags beat, and a bad file is named by its line while the command still runs.
@Suite struct ConfigCommandTests {
    let cli: CLI

    init() throws { cli = try CLI() }

    /// Writes the config where the harness's XDG_CONFIG_HOME points.
    func writeConfig(_ text: String) throws -> URL {
        let folder = cli.directory.appendingPathComponent("config/channeldesk")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.toml")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func keysShowsTheRemappedKeys() throws {
        _ = try writeConfig("[keys]\napprove = [\"v\", \"y\"]\ncopy-id = \"Y\"\nquit = \"Q\"\n")
        let keys = try cli.run(["keys"], withFile: false)
        #expect(keys.status == 0 && keys.stderr.isEmpty, "\(keys.stderr)")
        #expect(keys.stdout.contains("| `v` `y` | Deciding (Queue and registration detail) | Approve the selected registration"))
        #expect(keys.stdout.contains("| `Y` | Everywhere | Copy the selected id"))
        #expect(keys.stdout.contains("| `Q` | Everywhere | Quit |"))
        let commands = try cli.run(["keys", "--commands"], withFile: false)
        #expect(commands.stdout.contains("| `approve` | `v` `y` | Approve the selected registration"), "\(commands.stdout)")
        #expect(commands.stdout.contains("| `quit` | `Q` | Quit |"))
    }

    @Test func aBadConfigIsNamedByItsLineAndTheDefaultsApply() throws {
        let file = try writeConfig("theme = \"light\"\n[keys]\naprove = \"v\"\n")
        let keys = try cli.run(["keys"], withFile: false)
        #expect(keys.status == 0)
        #expect(keys.stderr == "channeldesk: warning: \(file.path):3: unknown command \"aprove\" in [keys] (did you mean \"approve\"?); "
                + "`channeldesk keys --commands` lists them — using the defaults\n")
        #expect(keys.stdout.contains("| `a` | Deciding (Queue and registration detail) | Approve the selected registration"))
    }

    @Test func theConfigsActorIsRecordedUnlessActorIsGiven() throws {
        try cli.importSample()
        _ = try writeConfig("actor = \"amara\"\n")
        #expect(try cli.run(["approve", "R-0000010"]).status == 0)
        #expect(try cli.run(["approve", "R-0000649", "--actor", "maria.lopez"]).status == 0)
        let audit = try cli.run(["export", "audit", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(try #require(audit.first { $0.contains(",approve,R-0000010,") }).contains(",amara,approve,"))
        #expect(try #require(audit.first { $0.contains(",approve,R-0000649,") }).contains(",maria.lopez,approve,"))
    }

    @Test func theConfigsProgrammeIsTheDefaultFile() throws {
        try cli.importSample()
        _ = try writeConfig("programme = \"\(cli.file.path)\"\n")
        let configured = try cli.run(["queue", "--format", "json", "--as-of", "2026-09-30"], withFile: false)
        let explicit = try cli.run(["queue", "--format", "json", "--as-of", "2026-09-30"])
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(configured.stdout == explicit.stdout && !configured.stdout.isEmpty)
        // --file beats the config: an empty programme elsewhere has an empty queue.
        let other = cli.directory.appendingPathComponent("other.cdesk").path
        let elsewhere = try cli.run(["queue", "--format", "json", "--file", other], withFile: false)
        #expect(elsewhere.stdout != explicit.stdout, "\(elsewhere.stderr)")
    }
}
