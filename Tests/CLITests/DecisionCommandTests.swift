import ChannelStore
import Foundation
import Testing

/// Decisions made through the command line are durable, audited and refused when they make no sense.
@Suite struct DecisionCommandTests {
    let cli: CLI

    init() throws {
        cli = try CLI()
        try cli.importSample()
    }

    func registrations() throws -> [String: [String: Any]] {
        let result = try cli.run(["export", "registrations", "--format", "json"])
        let rows = try #require(try CLI.json(result.stdout) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["registrationId"] as! String, $0) })
    }

    @Test func approveAndRejectSurviveAReopenAndAreAudited() throws {
        let approve = try cli.run(["approve", "R-0000010", "--actor", "maria.lopez"])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout.hasPrefix("Approved R-0000010 for "))
        let reject = try cli.run(["reject", "R-0000444", "--reason", "Direct sales owns the account", "--actor", "maria.lopez"])
        #expect(reject.status == 0, "\(reject.stderr)")

        // Each command is its own process: the second and the export below re-open the file.
        let rows = try registrations()
        #expect(rows["R-0000010"]?["status"] as? String == "approved")
        #expect(rows["R-0000010"]?["tierAtApproval"] as? String != nil)
        #expect(rows["R-0000444"]?["status"] as? String == "rejected")
        #expect(rows["R-0000444"]?["note"] as? String == "Direct sales owns the account")

        let audit = try cli.run(["export", "audit", "--format", "csv"])
        let lines = audit.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "seq,at,actor,action,subject,detail")
        let approval = try #require(lines.first { $0.contains(",approve,R-0000010,") })
        #expect(approval.contains(",maria.lopez,approve,"))
        #expect(try #require(lines.first { $0.contains(",reject,R-0000444,") }).contains(",maria.lopez,"))
        // The time is the moment of the decision, in the import's instant format.
        let at = approval.split(separator: ",")[1]
        #expect(at.count == 20 && at.hasSuffix("Z"))
    }

    @Test func approveStillWorksAfterCompaction() throws {
        #expect(try cli.run(["approve", "R-0000010"]).status == 0)
        let compact = try cli.run(["compact"])
        #expect(compact.status == 0, "\(compact.stderr)")
        #expect(try registrations()["R-0000010"]?["status"] as? String == "approved")
        #expect(try cli.run(["approve", "R-0000649"]).status == 0)
        #expect(try registrations()["R-0000649"]?["status"] as? String == "approved")
    }

    @Test func refusedDecisionsSayWhyAndChangeNothing() throws {
        let before = try cli.run(["export", "registrations", "--format", "csv"]).stdout
        let twice = try cli.run(["approve", "R-0000001"])
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("R-0000001 is already expired; only a queued registration can be approved"))
        let noReason = try cli.run(["reject", "R-0000010", "--reason", "  "])
        #expect(noReason.stderr.contains("a rejection needs a reason"))
        let unknown = try cli.run(["extend", "R-9999999"])
        #expect(unknown.stderr.contains("there is no registration R-9999999"))
        // A batch is all or nothing: the valid first id is not approved either.
        let batch = try cli.run(["approve", "R-0000010", "R-0000001"])
        #expect(batch.status != 0)
        #expect(try cli.run(["export", "registrations", "--format", "csv"]).stdout == before)
    }

    @Test func extendOnceOnly() throws {
        #expect(try cli.run(["approve", "R-0000010"]).status == 0)
        let first = try cli.run(["extend", "R-0000010"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Extended R-0000010 by 30 days"))
        let second = try cli.run(["extend", "R-0000010"])
        #expect(second.stderr.contains("R-0000010 was already extended once; the policy allows 1"))
    }

    @Test func aSecondWriterIsRefusedWithTheHolder() throws {
        let held = try FileLock.acquire(for: cli.file)
        defer { held.release() }
        let result = try cli.run(["approve", "R-0000010"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
        // Readers need no lock.
        #expect(try cli.run(["queue", "--format", "json"]).status == 0)
    }
}
