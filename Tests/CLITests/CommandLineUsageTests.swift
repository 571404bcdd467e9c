import Foundation
import Testing

/// The command line behaves as users expect: JSON for every report, a mistyped command answered with
/// the command meant, an export that says what it wrote, and hints that name working commands.
@Suite struct CommandLineUsageTests {
    @Test func partnerAsJSONAgreesWithTheTierReport() throws {
        let cli = try CLI()
        try cli.importSample()
        let result = try cli.run(["partner", "p-00024", "--as-of", "2026-09-30", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let partner = try #require(try CLI.json(result.stdout) as? [String: Any])
        let tiers = try #require(try CLI.expected("expected-tiers.json") as? [[String: Any]])
        let expected = try #require(tiers.first { $0["partnerId"] as? String == "P-00024" })
        #expect(partner["partnerId"] as? String == "P-00024")
        #expect(partner["tier"] as? String == expected["currentTier"] as? String)
        #expect(partner["qualifiedTier"] as? String == expected["qualifiedTier"] as? String)
        #expect(partner["proposal"] as? String == expected["proposal"] as? String)
        #expect(partner["trailingSourcedARR"] as? Double == expected["trailingSourcedARR"] as? Double)
        // Undefined values are null, never missing: every enablement item is a key.
        let enablement = try #require(partner["enablement"] as? [String: Any])
        #expect(Set(enablement.keys) == ["certification", "playbook", "assets", "dealSupport", "portal"])
        let deals = try #require(partner["deals"] as? [[String: Any]])
        #expect(deals.allSatisfy { $0.keys.contains("registrationId") })
        #expect(deals.count(where: { $0["outcome"] as? String == "won" }) == partner["wonDeals"] as? Int)

        let unknown = try cli.run(["partner", "P-99999", "--format", "json"])
        #expect(unknown.status != 0)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("there is no partner P-99999"))
    }

    @Test func aMistypedCommandIsAnsweredWithTheOneMeant() throws {
        let cli = try CLI()
        let typo = try cli.run(["exprot", "registrations"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("unknown command \"exprot\"; did you mean `export`?"), "\(typo.stderr)")
        #expect(!typo.stderr.contains("open"), "\(typo.stderr)")
        // Options before the command word belong to the command.
        let before = try cli.run(["--file", cli.file.path, "metrcs"], withFile: false)
        #expect(before.stderr.contains("did you mean `metrics`?"), "\(before.stderr)")
        let help = try cli.run(["help", "exprot"], withFile: false)
        #expect(help.status == 64)
        #expect(help.stderr.contains("did you mean `export`?"), "\(help.stderr)")
        let nothingClose = try cli.run(["frobnicate"])
        #expect(nothingClose.stderr.contains("unknown command \"frobnicate\"; the commands are open, demo, import, export"))
        #expect(!nothingClose.stderr.contains("Usage: channeldesk open"))
    }

    @Test func decisionCommandsTakeIdsInAnyCase() throws {
        let cli = try CLI()
        try cli.importSample()
        let approve = try cli.run(["approve", "r-0000010"])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout.hasPrefix("Approved R-0000010 for "))
    }

    @Test func optionsBeforeTheCommandWordWork() throws {
        let cli = try CLI()
        try cli.importSample()
        let result = try cli.run(["--file", cli.file.path, "queue", "--as-of", "2026-09-30", "--format", "json"], withFile: false)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CLI.json(result.stdout) is [Any])
    }

    @Test func exportToAFileSaysWhatItWrote() throws {
        let cli = try CLI()
        try cli.importSample()
        let csv = cli.directory.appendingPathComponent("deals.csv").path
        let result = try cli.run(["export", "deals", "--output", csv])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Wrote 487 rows of deals as CSV to \(csv)\n")
        // partners.csv has a name with a line break inside quotes: still one row.
        let json = cli.directory.appendingPathComponent("partners.json").path
        let partners = try cli.run(["export", "partners", "--format", "json", "--output", json])
        #expect(partners.stderr == "Wrote 60 rows of partners as JSON to \(json)\n")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [Any])
        #expect(objects.count == 60)
        let partnersCSV = cli.directory.appendingPathComponent("partners.csv").path
        #expect(try cli.run(["export", "partners", "--output", partnersCSV]).stderr == "Wrote 60 rows of partners as CSV to \(partnersCSV)\n")
        // To stdout the data goes alone.
        let piped = try cli.run(["export", "deals"])
        #expect(piped.stderr.isEmpty)
        #expect(piped.stdout == (try String(contentsOfFile: csv, encoding: .utf8)))
    }

    /// Runs each command the missing-programme hint names, through a shell as the user pastes it.
    @Test func theMissingProgrammeHintNamesCommandsThatCreateThatFile() throws {
        let cli = try CLI()
        for route in ["demo", "import"] {
            let file = cli.directory.appendingPathComponent("new \(route)/programme.cdesk").path
            let missing = try cli.run(["queue", "--file", file], withFile: false)
            #expect(missing.status != 0)
            let commands = missing.stderr.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            let hinted = try #require(commands.first { $0.hasPrefix("channeldesk \(route) ") }, "\(missing.stderr)")
            #expect(hinted.contains("--file '\(file)'"), "\(hinted)")
            let line = hinted.replacingOccurrences(of: "PARTNERS.csv", with: "'\(CLI.sample.appendingPathComponent("partners.csv").path)'")
                .replacingOccurrences(of: "channeldesk ", with: "'\(CLI.binary.path)' ", options: .anchored)
            let shell = try cli.run(["-c", line], withFile: false, shell: true)
            #expect(shell.status == 0, "\(line): \(shell.stderr)")
            #expect(FileManager.default.fileExists(atPath: file))
            #expect(try cli.run(["queue", "--file", file], withFile: false).status == 0)
        }
    }
}
