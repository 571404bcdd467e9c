import Foundation
import Testing

/// The Funds pane in the real console: open it (5), approve a request partially (editing the prefilled
/// amount), record its claim, pay it, undo the payment, quit — then finance's export shows exactly that,
/// with who did it and when.
@Suite(.serialized)
struct FundsEndToEndTests {
    @Test func approvePartiallyClaimPayUndoThenTheExportShowsIt() throws {
        let workspace = try Workspace()
        defer { workspace.cleanup() }
        try workspace.makeDemo()
        let started = Date().addingTimeInterval(-1)

        // A submitted request whose prefill, min(requested, balance), leaves room to approve less.
        let queue = try json(workspace.run(["mdf", "queue", "--format", "json", "--file", workspace.file.path]))
        let candidate = try #require(queue.first { row in
            row["status"] as? String == "submitted"
                && min(row["requestedAmount"] as? Double ?? 0, row["balance"] as? Double ?? 0) >= 2
        }, "the demo has no submitted MDF request to approve")
        let id = try #require(candidate["requestId"] as? String)
        let most = min(candidate["requestedAmount"] as! Double, candidate["balance"] as! Double)
        let amount = min(999, Int(most / 2))

        let console = try Tmux(workspace, ["--file", workspace.file.path, "--as-of", Workspace.today, "--actor", "e2e.tester"],
                               width: 120, height: 40)
        defer { console.kill() }
        try console.waitFor(" waiting ·")
        try console.type("5")
        try console.waitFor("in the MDF queue")
        // Filter to the one request: it stays the only row as it moves from request to approval to claim.
        try console.type("/\(id)")
        try console.send("Enter")
        try console.waitFor("1 match \"\(id)\"")

        try console.type("a")
        var screen = try console.waitFor("Approve MDF")
        #expect(screen.contains("Amount  \(plain(most))"), "the amount is prefilled with min(requested, balance):\n\(screen)")
        try console.send("C-u")
        try console.type("\(amount)")
        try console.send("Enter")
        screen = try console.waitFor("Approved \(id) for ")
        #expect(screen.contains("\(amount).00 of "), "a partial approval:\n\(screen)")

        try console.type("c")
        screen = try console.waitFor("Record a claim")
        #expect(screen.contains("Amount  \(amount).00"), "the claim is prefilled with the approved amount:\n\(screen)")
        try console.send("Tab")
        try console.type("https://e2e.example/proof.pdf")
        try console.send("Enter")
        try console.waitFor("Recorded a claim of \(amount).00 on \(id)")

        try console.type("p")
        try console.waitFor("Pay the claim on \(id)?")
        try console.type("y")
        try console.waitFor("Paid \(amount).00 on \(id)")

        try console.type("u")
        try console.waitFor("\(id) is claimed again")
        try console.type("q")
        _ = try console.waitForExit()
        let finished = Date().addingTimeInterval(1)

        let exported = try json(workspace.run(["export", "mdf-requests", "--format", "json", "--file", workspace.file.path]))
        let row = try #require(exported.first { $0["requestId"] as? String == id })
        #expect(row["status"] as? String == "claimed")
        #expect(row["approvedAmount"] as? Double == Double(amount))
        #expect(row["claimedAmount"] as? Double == Double(amount))
        #expect(row["proof"] as? String == "https://e2e.example/proof.pdf")
        #expect(row["decidedBy"] as? String == "e2e.tester")
        #expect(row["claimRecordedBy"] as? String == "e2e.tester")
        // The payment was undone: nothing paid, nobody settled.
        #expect(row["paidOn"] is NSNull && row["paidAmount"] is NSNull && row["settledBy"] is NSNull, "\(row)")
        for key in ["decidedAt", "claimedAt"] {
            let at = try #require((row[key] as? String).flatMap(ISO8601DateFormatter().date(from:)), "\(key): \(row[key] ?? "none")")
            #expect(at >= started.addingTimeInterval(-1) && at <= finished, "\(key) \(at) is not the time of the session")
        }
    }

    func json(_ result: Workspace.Result) throws -> [[String: Any]] {
        guard result.status == 0 else { throw EndToEndFailure("channeldesk failed (exit \(result.status)): \(result.stderr)") }
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    /// "1234.5" → "1234.50", as the dialog writes an amount it prefills.
    func plain(_ value: Double) -> String { String(format: "%.2f", value) }
}
