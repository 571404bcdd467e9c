import Foundation
import Testing

/// `channeldesk assign PARTNER ROLE`: the owner changes durably, the audit names who assigned it, and
/// a wrong partner or an empty role is refused with the reason.
@Suite struct AssignCommandTests {
    let cli: CLI

    init() throws {
        cli = try CLI()
        try cli.importSample()
    }

    func owner(of partner: String) throws -> String? {
        let result = try cli.run(["export", "partners", "--format", "json"])
        let rows = try #require(try CLI.json(result.stdout) as? [[String: Any]])
        return rows.first { $0["partnerId"] as? String == partner }?["owner"] as? String
    }

    @Test func assigningIsDurableAndAudited() throws {
        #expect(try owner(of: "P-00001") == "kenji.sato")
        let assign = try cli.run(["assign", "p-00001", "ben", "--actor", "lead"])
        #expect(assign.status == 0, "\(assign.stderr)")
        #expect(assign.stdout == "Müller & Söhne GmbH is now owned by ben (was kenji.sato)\n")
        #expect(try owner(of: "P-00001") == "ben")
        let audit = try cli.run(["export", "audit", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(audit.contains { $0.contains(",lead,assign,P-00001,") })
    }

    @Test(arguments: [
        (["assign", "P-99999", "ben"], "there is no partner P-99999"),
        (["assign", "P-00001", " "], "an owner needs a name"),
        (["assign", "P-00001", "kenji.sato"], "is already owned by kenji.sato"),
    ])
    func refusalsSayWhyAndChangeNothing(arguments: [String], message: String) throws {
        let result = try cli.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try owner(of: "P-00001") == "kenji.sato")
    }
}
