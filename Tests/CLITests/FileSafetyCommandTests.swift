import Foundation
import Testing

/// A damaged programme file is detected, explained and never overwritten.
@Suite struct FileSafetyCommandTests {
    func damaged(_ damage: (inout Data) -> Void) throws -> (CLI, Data) {
        let cli = try CLI()
        try cli.importSample()
        #expect(try cli.run(["compact"]).status == 0)
        var data = try Data(contentsOf: cli.file)
        damage(&data)
        try data.write(to: cli.file)
        return (cli, data)
    }

    @Test func aHealthyFileChecksClean() throws {
        let cli = try CLI()
        try cli.importSample()
        #expect(try cli.run(["approve", "R-0000010"]).status == 0)
        let check = try cli.run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("OK"))
    }

    @Test func aTruncatedFileIsDetectedAndLeftAlone() throws {
        let (cli, damagedBytes) = try damaged { $0 = $0.prefix($0.count / 2) }
        let check = try cli.run(["check"])
        #expect(check.status != 0)
        #expect(check.stdout.contains("snapshot"))
        let approve = try cli.run(["approve", "R-0000010"])
        #expect(approve.status != 0)
        #expect(approve.stderr.contains("cannot be read"))
        #expect(try cli.run(["metrics"]).status != 0)
        #expect(try Data(contentsOf: cli.file) == damagedBytes)
    }

    @Test func aFlippedBitIsDetectedAndLeftAlone() throws {
        let (cli, damagedBytes) = try damaged { data in
            // Flip a bit in the middle of the column data, well away from the plist trailer.
            let position = data.count / 3
            data[position] ^= 0x10
        }
        let check = try cli.run(["check"])
        #expect(check.status != 0, "\(check.stdout)")
        #expect(try cli.run(["import", "partners", CLI.sample.appendingPathComponent("partners.csv").path]).status != 0)
        #expect(try Data(contentsOf: cli.file) == damagedBytes)
    }

    @Test func aTornJournalTailIsDroppedWithAWarning() throws {
        let cli = try CLI()
        try cli.importSample()
        #expect(try cli.run(["approve", "R-0000010"]).status == 0)
        #expect(try cli.run(["approve", "R-0000649"]).status == 0)
        let journal = URL(fileURLWithPath: cli.file.path + "-journal")
        let bytes = try Data(contentsOf: journal)
        try bytes.prefix(bytes.count - 5).write(to: journal)
        let result = try cli.run(["export", "registrations", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("was incomplete"))
        #expect(result.stdout.contains("R-0000010"))
    }
}

/// The policy is the programme's own and is validated before it replaces the old one.
@Suite struct PolicyCommandTests {
    @Test func exportEditImport() throws {
        let cli = try CLI()
        try cli.importSample()
        let exported = try cli.run(["policy", "export"])
        #expect(exported.stdout.contains("\"approvalSLAHours\" : 48"))
        let edited = try cli.write("policy.json", exported.stdout.replacingOccurrences(of: "\"approvalSLAHours\" : 48", with: "\"approvalSLAHours\" : 24"))
        #expect(try cli.run(["policy", "import", edited.path]).status == 0)
        #expect(try cli.run(["policy", "show"]).stdout.contains("Approval SLA 24h"))
    }

    @Test func anInvalidPolicyIsRefusedWithEveryProblem() throws {
        let cli = try CLI()
        try cli.importSample()
        let exported = try cli.run(["policy", "export"]).stdout
        let broken = exported
            .replacingOccurrences(of: "\"referralCommission\" : 0.25", with: "\"referralCommission\" : 1.5")
            .replacingOccurrences(of: "\"protectionDays\" : 90", with: "\"protectionDays\" : 0")
        let file = try cli.write("bad-policy.json", broken)
        let result = try cli.run(["policy", "import", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("tier platinum: referralCommission must be between 0 and 1"))
        #expect(result.stderr.contains("protectionDays must be positive"))
        #expect(try cli.run(["policy", "export"]).stdout == exported)
    }
}
