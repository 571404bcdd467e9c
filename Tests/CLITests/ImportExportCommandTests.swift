import Foundation
import Testing

/// Import is all or nothing per file, and export gives back what was imported.
@Suite struct ImportExportCommandTests {
    @Test func aBadRowNamesFileLineAndColumnAndStoresNothing() throws {
        let cli = try CLI()
        try cli.importSample()
        let before = try cli.run(["export", "partners"]).stdout
        let csv = try cli.write("new-partners.csv", """
        partner_id,name,type,tier,region,status,joined_on,owner,certified_staff
        P-09001,Good Row Ltd,reseller,silver,DACH,active,2026-01-05,ana,2
        P-09002,Bad Type Ltd,resellr,silver,DACH,active,2026-01-05,ana,2
        P-09003,Bad Date Ltd,agency,gold,DACH,active,2026-02-30,ana,2

        """)
        let result = try cli.run(["import", "partners", csv.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("new-partners.csv:3: type: unknown type \"resellr\""))
        #expect(result.stderr.contains("new-partners.csv:4: joined_on: \"2026-02-30\" is not a date (YYYY-MM-DD)"))
        #expect(result.stderr.contains("nothing from it was imported"))
        #expect(try cli.run(["export", "partners"]).stdout == before)
    }

    @Test func dryRunValidatesWithoutStoring() throws {
        let cli = try CLI()
        try cli.importSample()
        let csv = try cli.write("more.csv", """
        partner_id,name,type,tier,region,status,joined_on,owner,certified_staff
        P-09001,Dry Run Ltd,reseller,silver,DACH,active,2026-01-05,ana,2

        """)
        let result = try cli.run(["import", "partners", csv.path, "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 partners rows are valid (dry run: nothing stored)"))
        #expect(!(try cli.run(["export", "partners"]).stdout.contains("P-09001")))
    }

    @Test func reimportingReportsUpdatesAndUnchangedRows() throws {
        let cli = try CLI()
        try cli.importSample()
        let again = try cli.run(["import", "partners", CLI.sample.appendingPathComponent("partners.csv").path])
        #expect(again.stdout.contains("0 added, 0 updated, 60 unchanged"), "\(again.stdout)\(again.stderr)")
    }

    @Test func exportThenImportGivesBackTheSameRows() throws {
        let original = try CLI()
        try original.importSample()
        #expect(try original.run(["approve", "R-0000010"]).status == 0)
        #expect(try original.run(["reject", "R-0000444", "--reason", "duplicate, \"stale\""]).status == 0)
        let copy = try CLI()
        for kind in ["partners", "mdf-requests", "mdf-allocations", "registrations", "deals", "investments", "nps", "direct-accounts", "enablement"] {
            let exported = try original.run(["export", kind, "--output", original.directory.appendingPathComponent("\(kind).csv").path])
            #expect(exported.status == 0, "\(exported.stderr)")
            let imported = try copy.run(["import", kind, original.directory.appendingPathComponent("\(kind).csv").path])
            #expect(imported.status == 0, "\(kind): \(imported.stderr)")
        }
        for kind in ["partners", "mdf-requests", "mdf-allocations", "registrations", "deals", "investments", "nps", "direct-accounts", "enablement", "commissions"] {
            let a = try original.run(["export", kind, "--format", "json"]).stdout
            let b = try copy.run(["export", kind, "--format", "json"]).stdout
            #expect(a == b, "\(kind) differs after a round trip")
            #expect(a.count > 10)
        }
    }

    @Test func exportRefusesToOverwriteWithoutForce() throws {
        let cli = try CLI()
        try cli.importSample()
        let target = try cli.write("out.csv", "keep me")
        let refused = try cli.run(["export", "partners", "--output", target.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("already exists; add --force"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "keep me")
        #expect(try cli.run(["export", "partners", "--output", target.path, "--force"]).status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("partner_id,"))
    }

    @Test func importPathsThatAreNotFiles() throws {
        let cli = try CLI()
        let missing = try cli.run(["import", "partners", cli.directory.appendingPathComponent("nope.csv").path])
        #expect(missing.stderr.contains("nope.csv: no such file"))
        let directory = try cli.run(["import", "partners", cli.directory.path])
        #expect(directory.stderr.contains("is a directory, not a CSV file"))
    }

    @Test func programmeFilesArePrivate() throws {
        let cli = try CLI()
        try cli.importSample()
        #expect(try cli.run(["approve", "R-0000010"]).status == 0)
        for suffix in ["", "-journal", ".lock"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: cli.file.path + suffix)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "programme.cdesk\(suffix)")
        }
    }
}
