import Foundation
import Testing

/// `channeldesk import` refuses rows that contradict themselves or another partner's records, with
/// `file:line: column: reason`, and stores nothing from the file.
@Suite struct ImportRuleCommandTests {
    @Test func contradictionsAreRefusedWithLineAndColumnAndNothingIsStored() throws {
        let cli = try CLI()
        try cli.importSample()
        let registrationsBefore = try cli.run(["export", "registrations"]).stdout
        let dealsBefore = try cli.run(["export", "deals"]).stdout

        let registrations = try cli.write("late-registrations.csv", """
        registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until
        R-0009001,P-00024,Good Row Ltd,goodrow.com,1000.00,2026-09-01T10:00:00Z,pending,,
        R-0009002,P-00024,No Decision Ltd,nodecision.com,1000.00,2026-09-01T10:00:00Z,approved,,2026-12-01
        R-0009003,P-00024,Protected Reject Ltd,protectedreject.com,1000.00,2026-09-01T10:00:00Z,rejected,2026-09-02T10:00:00Z,2026-12-01

        """)
        let refused = try cli.run(["import", "registrations", registrations.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("late-registrations.csv:3: decided_at: is empty, but an approved registration needs the time it was approved"), "\(refused.stderr)")
        #expect(refused.stderr.contains("late-registrations.csv:4: protected_until: \"2026-12-01\" is set, but a rejected registration protects nothing; leave it empty"))
        #expect(refused.stderr.contains("nothing from it was imported"))
        #expect(try cli.run(["export", "registrations"]).stdout == registrationsBefore)

        // R-0000010 is P-00024's registration; P-00050 cannot close a deal on it.
        let deals = try cli.write("late-deals.csv", """
        deal_id,partner_id,registration_id,account,domain,acv,closed_on,outcome,attribution
        D-0009001,P-00024,R-0000010,Northlogic282 Corp,northlogic282.net,1000.00,2026-09-30,won,sourced
        D-0009002,P-00050,R-0000010,Northlogic282 Corp,northlogic282.net,1000.00,2026-09-30,won,sourced

        """)
        let crossed = try cli.run(["import", "deals", deals.path])
        #expect(crossed.status != 0)
        #expect(crossed.stderr.contains("late-deals.csv:3: registration_id: R-0000010 is a registration of partner P-00024, not of P-00050"), "\(crossed.stderr)")
        #expect(try cli.run(["export", "deals"]).stdout == dealsBefore)
    }
}
