import Foundation
import Testing

/// `channeldesk mdf …` on the sample programme agrees with its expected MDF outputs to the cent, and
/// decisions made through the binary are journaled, undoable and exported with who made them and when.
@Suite struct MDFCommandTests {
    let cli: CLI

    init() throws {
        cli = try CLI()
        try cli.importSample()
    }

    func json(_ arguments: [String]) throws -> Any {
        let result = try cli.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try CLI.json(result.stdout)
    }

    @Test func queueInReviewOrder() throws {
        let actual = try json(["mdf", "queue", "--as-of", "2026-09-30"])
        #expect(jsonDifferences(actual, try CLI.expected("expected-mdf-queue.json")) == [])
        let earlier = try json(["mdf", "queue", "--as-of", "2026-08-31"])
        #expect(jsonDifferences(earlier, try CLI.expected("expected-mdf-queue-2026-08-31.json")) == [])
        // Unordered comparison would hide a wrong order: the ids must come exactly so.
        let ids = (actual as? [[String: Any]] ?? []).compactMap { $0["requestId"] as? String }
        #expect(ids == ["M-000052", "M-000068", "M-000046", "M-000056", "M-000040", "M-000032"])
        #expect((actual as? [[String: Any]])?[3]["approvedAmount"] is NSNull)
    }

    @Test func balancesOfEnrolledPartners() throws {
        let actual = try json(["mdf", "balances", "--as-of", "2026-09-30", "--year", "2026"])
        #expect(jsonDifferences(actual, try CLI.expected("expected-mdf-balances.json")) == [])
        // The year defaults to that of --as-of.
        #expect(jsonDifferences(try json(["mdf", "balances", "--as-of", "2026-09-30"]), actual) == [])
    }

    @Test func figuresForTheQuarterAndTheYear() throws {
        let quarter = try json(["mdf", "metrics", "--as-of", "2026-09-30"])
        #expect(jsonDifferences(quarter, try CLI.expected("expected-mdf-metrics.json")) == [])
        let year = try json(["mdf", "metrics", "--as-of", "2026-09-30", "--from", "2026-01-01", "--to", "2026-09-30"])
        #expect(jsonDifferences(year, try CLI.expected("expected-mdf-metrics-2026.json")) == [])
        #expect(jsonDifferences(try json(["mdf", "metrics", "--as-of", "2026-09-30", "--year", "2026"]), year) == [])
        #expect(jsonDifferences(try json(["mdf", "metrics", "--as-of", "2026-09-30", "--period", "2026-Q3"]), quarter) == [])
    }

    @Test func humanTablesNameTheFigures() throws {
        let metrics = try cli.run(["mdf", "metrics", "--as-of", "2026-09-30"])
        for text in ["232,500.00", "11,700.88", "32,499.60", "19.0%", "8,985.28", "19,932.75", "2.22×"] {
            #expect(metrics.stdout.contains(text), "missing \(text) in \(metrics.stdout)")
        }
        let queue = try cli.run(["mdf", "queue", "--as-of", "2026-09-30"])
        #expect(queue.stdout.hasPrefix("6 MDF requests waiting as of 2026-09-30, 2 past the 5-day window"))
        #expect(queue.stdout.contains("breached"))
    }

    /// A request dated around today, so its claim window is open whenever the test runs.
    func importFreshRequest() throws {
        let day = 86_400.0
        func date(_ offset: Double) -> String { ISO8601DateFormatter.string(from: Date().addingTimeInterval(offset * day), timeZone: .gmt, formatOptions: [.withFullDate]) }
        func instant(_ offset: Double) -> String { ISO8601DateFormatter.string(from: Date().addingTimeInterval(offset * day), timeZone: .gmt, formatOptions: [.withInternetDateTime]) }
        let csv = try cli.write("fresh.csv", """
            request_id,partner_id,activity,description,submitted_at,starts_on,ends_on,requested_amount,status,decided_at,approved_amount,claimed_at,claimed_amount,proof,paid_on,paid_amount
            M-900001,P-00053,webinar,Launch webinar,\(instant(-1)),\(date(-1)),\(date(0)),1200.00,submitted,,,,,,,

            """)
        let imported = try cli.run(["import", "mdf-requests", csv.path])
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test func approveClaimPayUndoIsExportedWithActorAndTime() throws {
        try importFreshRequest()
        let script = """
            mdf approve M-900001 1000.00
            mdf claim M-900001 1100.00 https://assets.example/M-900001.pdf
            mdf pay M-900001
            undo

            """
        let batch = try cli.run(["batch", "--actor", "maria.lopez"], input: script)
        #expect(batch.status == 0, "\(batch.stdout)\(batch.stderr)")
        let lines = batch.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("ok ") }, "\(lines)")
        #expect(lines[2].contains("Paid 1,000.00 on M-900001 (claimed 1,100.00, approved 1,000.00)"))

        let rows = try #require(try json(["export", "mdf-requests"]) as? [[String: Any]])
        let row = try #require(rows.first { $0["requestId"] as? String == "M-900001" })
        #expect(row["status"] as? String == "claimed")
        #expect(row["approvedAmount"] as? Double == 1000)
        #expect(row["claimedAmount"] as? Double == 1100)
        #expect(row["proof"] as? String == "https://assets.example/M-900001.pdf")
        #expect(row["decidedBy"] as? String == "maria.lopez")
        #expect(row["claimRecordedBy"] as? String == "maria.lopez")
        #expect(row["decidedAt"] as? String != nil)
        #expect(row["claimedAt"] as? String != nil)
        // The payment was undone: nothing of it is left on the request…
        #expect(row["paidOn"] is NSNull)
        #expect(row["paidAmount"] is NSNull)
        #expect(row["settledBy"] is NSNull)
        // …while the audit trail keeps all four steps, with their actor.
        let audit = try #require(try json(["export", "audit"]) as? [[String: Any]])
        let steps = audit.filter { $0["subject"] as? String == "M-900001" }
        #expect(steps.map { $0["action"] as? String } == ["mdf-approve", "mdf-claim", "mdf-pay", "undo"])
        #expect(steps.allSatisfy { $0["actor"] as? String == "maria.lopez" && $0["at"] as? String != nil })
        // The claim is back in the review queue.
        let queue = try #require(try json(["mdf", "queue"]) as? [[String: Any]])
        #expect(queue.first?["requestId"] as? String == "M-900001" || queue.contains { $0["requestId"] as? String == "M-900001" && $0["status"] as? String == "claimed" })
    }

    @Test func decisionsRefusedWithTheNumbers() throws {
        try importFreshRequest()
        let tooMuch = try cli.run(["mdf", "approve", "M-900001", "--amount", "1200.01"])
        #expect(tooMuch.status != 0)
        #expect(tooMuch.stderr.contains("approved amount 1200.01 exceeds requested 1200.00"), "\(tooMuch.stderr)")
        let noProof = try cli.run(["mdf", "claim", "M-000019", "--amount", "10", "--proof", " "])
        #expect(noProof.status != 0)
        // M-000019 ended 2026-07-15; its claim window closed 60 days later.
        #expect(noProof.stderr.contains("after the last claim day 2026-09-13 (ends 2026-07-15 + 60 days)"), "\(noProof.stderr)")
        let reject = try cli.run(["mdf", "reject", "M-900001", "--reason", "Not a joint activity", "--actor", "ana"])
        #expect(reject.status == 0, "\(reject.stderr)")
        let again = try cli.run(["mdf", "info", "M-900001"])
        #expect(again.stderr.contains("M-900001 is rejected; only a submitted request can be asked for more information"), "\(again.stderr)")
        let pay = try cli.run(["mdf", "pay", "M-000052", "--actor", "finance"])
        #expect(pay.status == 0, "\(pay.stderr)")
        #expect(pay.stdout.contains("Paid 780.73 on M-000052"))
        let refuse = try cli.run(["mdf", "reject-claim", "M-000068", "--reason", "Proof does not show our logo", "--actor", "finance"])
        #expect(refuse.status == 0, "\(refuse.stderr)")
        #expect(refuse.stdout.contains("Rejected the claim on M-000068: Proof does not show our logo · 415.88 released"))
        let rows = try #require(try json(["export", "mdf-requests"]) as? [[String: Any]])
        let refused = try #require(rows.first { $0["requestId"] as? String == "M-000068" })
        #expect(refused["status"] as? String == "claim_rejected")
        #expect(refused["settledBy"] as? String == "finance")
        #expect(refused["note"] as? String == "Proof does not show our logo")
        #expect(rows.first { $0["requestId"] as? String == "M-000052" }?["settledBy"] as? String == "finance")
    }

    @Test func badMDFFilesStoreNothing() throws {
        let csv = try cli.write("bad.csv", """
            request_id,partner_id,activity,description,submitted_at,starts_on,ends_on,requested_amount,status,decided_at,approved_amount,claimed_at,claimed_amount,proof,paid_on,paid_amount
            M-1,P-00001,event,,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,10,submitted,,,,,,,
            M-2,P-00001,event,,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,10,approved,2026-03-02T09:00:00Z,11,,,,,

            """)
        let result = try cli.run(["import", "mdf-requests", csv.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.csv:3: approved_amount: 11.00 is more than the requested amount 10.00"), "\(result.stderr)")
        let rows = try #require(try json(["export", "mdf-requests"]) as? [[String: Any]])
        #expect(!rows.contains { $0["requestId"] as? String == "M-1" })
    }

    @Test func policyImportValidatesTheMDFWindows() throws {
        var policy = try #require(try JSONSerialization.jsonObject(with: Data(cli.run(["policy", "export"]).stdout.utf8)) as? [String: Any])
        #expect(policy["mdfClaimDays"] as? Int == 60)
        #expect(policy["mdfApprovalDays"] as? Int == 5)
        policy["mdfClaimDays"] = 0
        let file = cli.directory.appendingPathComponent("policy.json")
        try JSONSerialization.data(withJSONObject: policy).write(to: file)
        let result = try cli.run(["policy", "import", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("mdfClaimDays must be positive"), "\(result.stderr)")
    }
}

extension CLI {
    /// Runs the binary with `input` on stdin (for `channeldesk batch`).
    func run(_ arguments: [String], input: String) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments + ["--file", file.path]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["USER"] = "ci.tester"
        env.removeValue(forKey: "CHANNELDESK_FILE")
        process.environment = env
        let stdin = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
