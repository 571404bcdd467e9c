@testable import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation
import Testing

/// `queue`, the console's Queue pane and `metrics` apply one SLA rule, so they agree at the boundary
/// second: a registration whose 48 hours end exactly at the end of the as-of day is not yet breached;
/// one second earlier, it is.
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

        // The JSON rows say the same, row by row.
        let rows = try #require(try CLI.json(try cli.run(["queue", "--as-of", "2026-09-30", "--format", "json"]).stdout) as? [[String: Any]])
        let breached = Dictionary(uniqueKeysWithValues: rows.map { ($0["registrationId"] as? String ?? "?", $0["slaBreached"] as? Bool) })
        #expect(breached == ["R-ON": false, "R-LATE": true, "R-HALF": true])

        // The console, opened on the same file as of the same day: its Queue pane rows and its metrics.
        let programme = try ProgrammeLoader.load(ProgrammeLocation(url: cli.file)).programme
        let day = Day(parsing: "2026-09-30")!
        let data = ConsoleData(programme: programme, asOf: day, period: .quarterToDate(day))
        let states = Dictionary(uniqueKeysWithValues: data.queue.map { ($0.id, $0.sla) })
        #expect(states == ["R-ON": .due, "R-LATE": .breached, "R-HALF": .breached])
        #expect(data.queue.first { $0.id == "R-ON" }?.item.slaHoursLeft == 0)
        #expect(data.metrics.slaBreaches == 2 && data.activity.queue?.breaches == 2)
    }
}
