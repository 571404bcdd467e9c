import Foundation
import Testing

/// `queue` and `metrics` apply one SLA rule, so they agree at the boundary second: a registration whose
/// 48 hours end exactly at the end of the as-of day is not yet breached; one second earlier, it is.
@Suite struct SLABoundaryTests {
    @Test func queueAndMetricsAgreeAtTheBoundarySecond() throws {
        let cli = try CLI()
        let partners = try cli.write("partners.csv", """
            partner_id,name,type,tier,region,status,joined_on,owner,certified_staff
            P-1,Acme Partners,referral,registered,EMEA,active,2025-01-01,amara,0

            """)
        let registrations = try cli.write("registrations.csv", """
            registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until
            R-ON,P-1,On Time,ontime.com,100,2026-09-28T23:59:59Z,pending,,
            R-LATE,P-1,One Second Late,onesecond.com,100,2026-09-28T23:59:58Z,pending,,
            R-HALF,P-1,Half Hour Late,halfhour.com,100,2026-09-28T23:29:59Z,pending,,

            """)
        #expect(try cli.run(["import", "partners", partners.path]).status == 0)
        #expect(try cli.run(["import", "registrations", registrations.path]).status == 0)

        let queue = try cli.run(["queue", "--as-of", "2026-09-30"])
        #expect(queue.status == 0, "\(queue.stderr)")
        func line(_ id: String) -> String { queue.stdout.split(separator: "\n").map(String.init).first { $0.contains(id) } ?? "" }
        #expect(line("R-ON").contains("0h left"))
        #expect(line("R-LATE").contains("breached"))
        #expect(line("R-HALF").contains("breached"))

        let metrics = try cli.run(["metrics", "--as-of", "2026-09-30", "--format", "json"])
        let json = try #require(try CLI.json(metrics.stdout) as? [String: Any])
        #expect(json["slaBreaches"] as? Int == 2)
        #expect(json["pendingRegistrations"] as? Int == 3)
    }
}
