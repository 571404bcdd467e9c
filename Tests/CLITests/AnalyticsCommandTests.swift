import Foundation
import Testing

/// The analytics commands on the sample: trend, concentration, partner, ledger advance and statements.
@Suite struct AnalyticsCommandTests {
    let cli: CLI

    init() throws {
        cli = try CLI()
        try cli.importSample()
    }

    @Test func trendEndsWithTheSinglePeriodReport() throws {
        let trend = try #require(try CLI.json(try cli.run(["metrics", "--trend", "--as-of", "2026-09-30", "--format", "json"]).stdout) as? [Any])
        #expect(trend.count == 8)
        let single = try CLI.json(try cli.run(["metrics", "--as-of", "2026-09-30", "--format", "json"]).stdout)
        #expect(jsonDifferences(trend[7], single) == [])
        let table = try cli.run(["metrics", "--trend", "--as-of", "2026-09-30"]).stdout
        #expect(table.contains("2024-Q4") && table.contains("2026-Q3"))
        // Ratios change in points; every quarter is as of its last day.
        #expect(table.contains(" pts") && table.contains("as of its last day"))
    }

    @Test func concentration() throws {
        let table = try cli.run(["concentration", "--as-of", "2026-09-30"])
        #expect(table.stdout.contains("top 5 partners = 49% of sourced ARR — moderate concentration"))
        #expect(table.stdout.contains("12 partners make 80% of sourced ARR"))
        let json = try #require(try CLI.json(try cli.run(["concentration", "--as-of", "2026-09-30", "--period", "2026-Q2", "--format", "json"]).stdout) as? [String: Any])
        #expect(json["risk"] as? String == "high")
        #expect((json["ranking"] as? [[String: Any]])?.first?["partnerId"] as? String == "P-00043")
    }

    @Test func advancingACommissionShowsInTheExportAndThePartner() throws {
        #expect(try cli.run(["commission", "advance", "D-0000001", "--actor", "fin"]).stdout == "Commission on D-0000001 is now approved\n")
        let lines = try #require(try CLI.json(try cli.run(["export", "commissions", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(lines.first { $0["dealId"] as? String == "D-0000001" }?["status"] as? String == "approved")
        // As of today: the advance happened now, so as of the sample's day it is not in the trail yet.
        let partner = try cli.run(["partner", "P-00035"]).stdout
        #expect(partner.contains("Commissions: accrued 1,713.15 · approved 1,977.48 · paid 0.00"))
        #expect(partner.contains("  fin    commission  D-0000001  Commission on D-0000001 is now approved"))
        let then = try cli.run(["partner", "P-00035", "--as-of", "2026-09-30"]).stdout
        #expect(!then.contains("Commission on D-0000001 is now approved"))
    }

    @Test func statementHasPartnerSubtotalsAndAGrandTotal() throws {
        let statement = try cli.run(["export", "commissions", "--statement", "--period", "2025-Q3"]).stdout
        let rows = statement.split(separator: "\n")
        #expect(rows.first == "deal_id,partner_id,registration_id,date,acv,rate,amount,kind,status,note")
        #expect(rows.last == "TOTAL,,,,,,90915.48,,,\"13 lines, 11 partners, 2025-Q3\"")
        #expect(rows.contains("TOTAL,P-00052,,,,,3001.16,,,1 line for Harbor Solutions GmbH"))
        let refused = try cli.run(["export", "partners", "--statement"])
        #expect(refused.status != 0)
    }
}
