import ChannelModel
import ChannelStore
import Foundation

/// The sqlite3 baseline: the same rows, exported with `Exporter` and `.import`ed into a database file
/// with typed columns, and the same metrics (DESIGN.md §3) answered in SQL by the system `sqlite3` CLI.
enum SQLiteBaseline {
    /// Finds `sqlite3`, installing it with apt-get when it is missing. Answers the path and a note for the report.
    static func locate() -> (path: String?, note: String) {
        if let path = which("sqlite3") { return (path, "system sqlite3 found at \(path)") }
        log("sqlite3 missing; trying apt-get install -y sqlite3")
        _ = try? run("/usr/bin/env", ["apt-get", "install", "-y", "sqlite3"])
        if let path = which("sqlite3") { return (path, "sqlite3 was missing and was installed with apt-get install -y sqlite3") }
        return (nil, "sqlite3 is missing and could not be installed (apt-get install -y sqlite3 failed); baseline skipped")
    }

    static func version(_ sqlite: String) -> String {
        ((try? run(sqlite, ["--version"]))?.stdout ?? "?").split(separator: " ").first.map(String.init) ?? "?"
    }

    /// Column types for the typed tables: money and counts numeric, everything else text
    /// (ISO dates and instants compare correctly as text).
    static func sqlType(_ column: String) -> String {
        switch column {
        case "acv", "estimated_acv", "amount": return "REAL"
        case "certified_staff", "score", "extensions": return "INTEGER"
        default: return "TEXT"
        }
    }

    static let tables: [(ExportKind, String)] = [
        (.partners, "partners"), (.registrations, "registrations"), (.deals, "deals"),
        (.investments, "investments"), (.nps, "nps"),
    ]

    /// Writes each table's CSV with `Exporter` into `directory`; answers the paths by table name.
    static func exportCSVs(_ programme: Programme, to directory: URL) throws -> [String: URL] {
        var urls: [String: URL] = [:]
        for (kind, name) in tables {
            let url = directory.appendingPathComponent("\(name).csv")
            try Exporter.export(kind, from: programme, format: .csv).write(to: url)
            urls[name] = url
        }
        return urls
    }

    static func header(of url: URL) throws -> [String] {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 4096)
        let line = String(decoding: head.prefix { $0 != 0x0A }, as: UTF8.self)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r\u{FEFF}"))
        return line.split(separator: ",").map { String($0) }
    }

    /// Creates `database` from the CSVs: typed tables, then `.import --csv --skip 1`.
    static func buildDatabase(_ sqlite: String, database: String, csvs: [String: URL]) throws -> Double {
        try? FileManager.default.removeItem(atPath: database)
        var script = "PRAGMA journal_mode=OFF;\nPRAGMA synchronous=OFF;\n"
        for (_, name) in tables {
            guard let url = csvs[name] else { continue }
            let columns = try header(of: url)
            script += "CREATE TABLE \(name) (\(columns.map { "\($0) \(sqlType($0))" }.joined(separator: ", ")));\n"
            script += ".import --csv --skip 1 '\(url.path)' \(name)\n"
        }
        let result = try run(sqlite, [database], stdin: script)
        guard result.status == 0, result.stderr.isEmpty else {
            throw BenchError("sqlite3 could not build the baseline database: \(result.stderr.prefix(500))")
        }
        return result.seconds
    }

    /// The metrics of DESIGN.md §3 in SQL, for as-of `asOf` over `period`.
    static func metricsSQL(asOf: Day, period: Period, policy: Policy) -> String {
        let d = asOf.description, from = period.from.description, to = period.to.description
        let earliest = asOf.adding(days: -policy.activityWindowDays).description
        // submitted_at + SLA < D 23:59:59Z  ⇔  submitted_at < D 23:59:59Z − SLA (same ISO text format).
        let cutoff = Instant(seconds: asOf.endOfDay.seconds - Int64(policy.approvalSLAHours) * 3600).description
        let enrolled = "status NOT IN ('prospect','churned') AND joined_on <= '\(d)'"
        let sourcedWins = "outcome='won' AND attribution='sourced' AND closed_on BETWEEN '\(from)' AND '\(to)'"
        return """
        .mode list
        .separator |
        SELECT 'sourced', printf('%.2f', COALESCE(SUM(acv), 0)) FROM deals WHERE \(sourcedWins);
        SELECT 'influenced', printf('%.2f', COALESCE(SUM(acv), 0)) FROM deals
          WHERE outcome='won' AND attribution='influenced' AND closed_on BETWEEN '\(from)' AND '\(to)';
        SELECT 'enrolled', COUNT(*) FROM partners WHERE \(enrolled);
        SELECT 'active', COUNT(*) FROM partners WHERE \(enrolled) AND partner_id IN (
          SELECT partner_id FROM registrations
            WHERE substr(submitted_at, 1, 10) > '\(earliest)' AND substr(submitted_at, 1, 10) <= '\(d)'
          UNION SELECT partner_id FROM deals WHERE closed_on > '\(earliest)' AND closed_on <= '\(d)');
        WITH s AS (SELECT partner_id, SUM(acv) AS a FROM deals WHERE \(sourcedWins) GROUP BY partner_id),
             t AS (SELECT SUM(a) AS total FROM s)
        SELECT 'top5', COALESCE((SELECT SUM(a) FROM (SELECT a FROM s ORDER BY a DESC LIMIT 5)) / total, 0),
               COALESCE((SELECT SUM((100.0 * a / total) * (100.0 * a / total)) FROM s), 0) FROM t;
        SELECT 'pending', COUNT(*) FROM registrations WHERE status IN ('pending', 'info_requested');
        SELECT 'breaches', COUNT(*) FROM registrations WHERE status = 'pending' AND submitted_at < '\(cutoff)';
        SELECT 'investment', printf('%.2f', COALESCE(SUM(amount), 0)) FROM investments WHERE date BETWEEN '\(from)' AND '\(to)';
        WITH r AS (SELECT score, ROW_NUMBER() OVER (PARTITION BY partner_id ORDER BY responded_on DESC, rowid DESC) AS n
                   FROM nps WHERE responded_on BETWEEN '\(from)' AND '\(to)')
        SELECT 'nps', COALESCE(100.0 * (SUM(score >= 9) - SUM(score <= 6)) / COUNT(*), 'null'), COUNT(*) FROM r WHERE n = 1;

        """
    }

    /// Runs the metrics script against `database`; answers the seconds and the answers by name.
    static func answer(_ sqlite: String, database: String, sql: String) throws -> (seconds: Double, values: [String: [String]]) {
        let result = try run(sqlite, ["-readonly", database], stdin: sql)
        guard result.status == 0, result.stderr.isEmpty else {
            throw BenchError("sqlite3 metrics query failed: \(result.stderr.prefix(500))")
        }
        var values: [String: [String]] = [:]
        for line in result.stdout.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if let name = fields.first { values[name] = Array(fields.dropFirst()) }
        }
        return (result.seconds, values)
    }

    /// Where sqlite's answers and `Metrics.report` disagree (empty when they agree).
    static func disagreements(_ values: [String: [String]], _ report: MetricsReport) -> [String] {
        func number(_ name: String, _ index: Int = 0) -> Double? { values[name].flatMap { index < $0.count ? Double($0[index]) : nil } }
        var problems: [String] = []
        func check(_ name: String, _ sql: Double?, _ ours: Double, tolerance: Double) {
            guard let sql else { problems.append("\(name): sqlite gave no answer"); return }
            if abs(sql - ours) > tolerance { problems.append("\(name): sqlite \(sql) vs ChannelDesk \(ours)") }
        }
        check("sourcedARR", number("sourced"), Double(report.partnerSourcedARR.cents) / 100, tolerance: 0.01)
        check("influencedARR", number("influenced"), Double(report.partnerInfluencedARR.cents) / 100, tolerance: 0.01)
        check("enrolledPartners", number("enrolled"), Double(report.enrolledPartners), tolerance: 0)
        check("activePartners", number("active"), Double(report.activePartners), tolerance: 0)
        check("top5Concentration", number("top5"), report.top5Concentration, tolerance: 1e-9)
        check("hhi", number("top5", 1), report.hhi, tolerance: 1e-6)
        check("pendingRegistrations", number("pending"), Double(report.pendingRegistrations), tolerance: 0)
        check("slaBreaches", number("breaches"), Double(report.slaBreaches), tolerance: 0)
        check("programmeInvestment", number("investment"), Double(report.programmeInvestment.cents) / 100, tolerance: 0.01)
        if let nps = report.partnerNPS { check("partnerNPS", number("nps"), nps, tolerance: 1e-9) }
        check("npsResponses", number("nps", 1), Double(report.npsResponses), tolerance: 0)
        return problems
    }

    /// `sqlite3` importing one CSV (`.mode csv` / `.import`, header row names the columns) into
    /// `database`: `:memory:`, or a file (created afresh), which is what `channeldesk import` compares with.
    static func importCSV(_ sqlite: String, csv: URL, into database: String = ":memory:") throws -> (seconds: Double, rows: Int) {
        if database != ":memory:" { try? FileManager.default.removeItem(atPath: database) }
        let script = ".mode csv\n.import '\(csv.path)' registrations\nSELECT COUNT(*) FROM registrations;\n"
        let result = try run(sqlite, [database], stdin: script)
        guard result.status == 0 else { throw BenchError("sqlite3 .import failed: \(result.stderr.prefix(500))") }
        return (result.seconds, Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
