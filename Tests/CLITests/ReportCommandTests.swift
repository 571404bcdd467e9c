import Foundation
import Testing
import TerminalUI

/// The scriptable reports on the sample programme agree with its expected outputs, through the binary.
@Suite struct ReportCommandTests {
    let cli: CLI

    init() throws {
        cli = try CLI()
        try cli.importSample()
    }

    @Test func metricsForTheDefaultPeriod() throws {
        let result = try cli.run(["metrics", "--as-of", "2026-09-30", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(jsonDifferences(try CLI.json(result.stdout), try CLI.expected("expected-metrics.json")) == [])
    }

    @Test func metricsForAnExplicitPeriod() throws {
        let result = try cli.run(["metrics", "--as-of", "2026-09-30", "--from", "2026-04-01", "--to", "2026-06-30", "--format", "json"])
        #expect(jsonDifferences(try CLI.json(result.stdout), try CLI.expected("expected-metrics-2026-Q2.json")) == [])
    }

    @Test func metricsForANamedQuarterEqualTheSameDates() throws {
        let named = try cli.run(["metrics", "--as-of", "2026-09-30", "--period", "2026-q2", "--format", "json"])
        let dated = try cli.run(["metrics", "--as-of", "2026-09-30", "--from", "2026-04-01", "--to", "2026-06-30", "--format", "json"])
        #expect(named.stdout == dated.stdout)
    }

    @Test func tiers() throws {
        let result = try cli.run(["tiers", "--as-of", "2026-09-30", "--format", "json"])
        #expect(jsonDifferences(try CLI.json(result.stdout), try CLI.expected("expected-tiers.json"), unorderedBy: "partnerId") == [])
    }

    @Test func queueWithConflictsInTriageOrder() throws {
        let result = try cli.run(["queue", "--as-of", "2026-09-30", "--format", "json"])
        let actual = try CLI.json(result.stdout)
        // The rows carry the pane's columns and the SLA beside the four keys the expectation names.
        #expect(jsonDifferences(actual, try CLI.expected("expected-queue.json"), unorderedBy: "registrationId",
                                allowingExtraKeys: true) == [])
        // DESIGN.md §3: priority tiers' pending first, then other pending, then info requested — oldest first.
        let ids = (actual as? [[String: Any]] ?? []).compactMap { $0["registrationId"] as? String }
        #expect(ids == ["R-0000010", "R-0000649", "R-0000526", "R-0000907", "R-0000903", "R-0000905",
                        "R-0000902", "R-0000904", "R-0000906", "R-0000901", "R-0000444", "R-0000862"])
    }

    @Test func queueAndMetricsAsOfTheTwentySeventh() throws {
        let queue = try cli.run(["queue", "--as-of", "2026-09-27", "--format", "json"])
        #expect(queue.status == 0, "\(queue.stderr)")
        #expect(jsonDifferences(try CLI.json(queue.stdout), try CLI.expected("expected-queue-2026-09-27.json"),
                                unorderedBy: "registrationId", allowingExtraKeys: true) == [])
        let metrics = try cli.run(["metrics", "--as-of", "2026-09-27", "--format", "json"])
        #expect(jsonDifferences(try CLI.json(metrics.stdout), try CLI.expected("expected-metrics-2026-09-27.json")) == [])
    }

    @Test func queueJSONCarriesThePanesColumnsAndTheSLA() throws {
        let result = try cli.run(["queue", "--as-of", "2026-09-30", "--format", "json"])
        let rows = try #require(try CLI.json(result.stdout) as? [[String: Any]])
        let keys = ["registrationId", "partnerId", "partnerName", "tier", "priority", "status", "prospectCompany", "domain",
                    "estimatedACV", "submittedAt", "ageHours", "slaHoursLeft", "slaBreached", "conflicts", "similarNames"]
        for row in rows { #expect(Set(row.keys) == Set(keys), "\(row["registrationId"] ?? "?")") }
        let first = try #require(rows.first)
        // R-0000010: submitted 28 Sep 23:32:01, 48 hours end 30 Sep 23:32:01 — past at 23:59:59, by under an hour.
        #expect(first["registrationId"] as? String == "R-0000010")
        #expect(first["slaBreached"] as? Bool == true && first["slaHoursLeft"] as? Int == 0)
        #expect(first["tier"] as? String == "gold" && first["priority"] as? Bool == true)
        #expect(rows.filter { $0["slaBreached"] as? Bool == true }.count == 8)
    }

    @Test func commissions() throws {
        let result = try cli.run(["export", "commissions", "--format", "json"])
        // The ledger adds each line's date, status and note to the keys of the expected file.
        #expect(jsonDifferences(try CLI.json(result.stdout), try CLI.expected("expected-commissions.json"), unorderedBy: "dealId",
                                allowingExtraKeys: true) == [])
        let first = try #require((try CLI.json(result.stdout) as? [[String: Any]])?.first)
        #expect(first["status"] as? String == "accrued")
    }

    @Test func tablesAreAlignedByDisplayWidth() throws {
        let result = try cli.run(["tiers", "--as-of", "2026-09-30"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("Partner") })
        let currentColumn = displayWidth(String(header[..<header.range(of: "Current")!.lowerBound]))
        // P-00008 has a CJK name (two columns a character) and is "registered": its tier must start
        // exactly under "Current", as every ASCII row's does.
        let cjk = try #require(lines.first { $0.hasPrefix("P-00008") })
        #expect(cjk.contains("深圳数据科技有限公司"))
        #expect(displayWidth(String(cjk[..<cjk.range(of: "registered")!.lowerBound])) == currentColumn)
        let ascii = try #require(lines.first { $0.hasPrefix("P-00001") })
        #expect(displayWidth(String(ascii[..<ascii.range(of: "registered")!.lowerBound])) == currentColumn)
    }

    @Test func humanMetricsNameEveryFigure() throws {
        let result = try cli.run(["metrics", "--as-of", "2026-09-30"])
        for text in ["Partner-sourced ARR", "672,984.72", "82.7%", "48.9%", "HHI 717", "-38.5", "8 past the 48h SLA", "Orbit Logic KK"] {
            #expect(result.stdout.contains(text), "missing \(text)")
        }
    }
}
