import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// Each MDF decision (DESIGN §8) changes exactly its request, records who made it, audits itself, has an
/// exact inverse, and is refused with the numbers when a rule says no.
@Suite struct MDFReducerTests {
    static let policy = try! Policy.bundledDefault()
    static func day(_ text: String) -> Day { Day(parsing: text)! }
    static func instant(_ text: String) -> Instant { Instant(parsing: text)! }
    let now = instant("2026-09-30T15:30:00Z")

    /// A gold partner (20,000 a year by tier) that has 15,000 committed elsewhere: 5,000 left for 2026.
    func programme() -> Programme {
        var programme = Programme(policy: Self.policy)
        programme.upsert(Partner(id: "P-1", name: "Nova Labs", type: .referral, tier: "gold", region: "DACH",
                                 status: .active, joinedOn: Self.day("2024-01-01"), owner: "ana", certifiedStaff: 3))
        programme.upsert(MDFRequest(id: "M-1", partnerID: "P-1", activity: .event, description: "Roadshow",
                                    submittedAt: Self.instant("2026-09-20T09:00:00Z"), startsOn: Self.day("2026-10-10"),
                                    endsOn: Self.day("2026-10-12"), requestedAmount: Money(cents: 800_000), status: .submitted))
        programme.upsert(MDFRequest(id: "M-2", partnerID: "P-1", activity: .campaign, submittedAt: Self.instant("2026-03-01T09:00:00Z"),
                                    startsOn: Self.day("2026-04-01"), endsOn: Self.day("2026-09-15"),
                                    requestedAmount: Money(cents: 1_500_000), status: .approved,
                                    decidedAt: Self.instant("2026-03-02T09:00:00Z"), approvedAmount: Money(cents: 1_500_000)))
        programme.upsert(MDFRequest(id: "M-3", partnerID: "P-1", activity: .webinar, submittedAt: Self.instant("2026-06-01T09:00:00Z"),
                                    startsOn: Self.day("2025-12-01"), endsOn: Self.day("2025-12-02"),
                                    requestedAmount: Money(cents: 100_000), status: .approved,
                                    decidedAt: Self.instant("2026-06-02T09:00:00Z"), approvedAmount: Money(cents: 100_000)))
        return programme
    }

    @discardableResult
    func send(_ decision: MDFDecision, to programme: inout Programme, seq: Int64 = 7, actor: String = "maria") throws -> ActionOutcome {
        try Reducer.apply(JournalEntry(seq: seq, generation: 1, at: now, actor: actor, action: .mdf(decision)), to: &programme)
    }

    @Test func approvePartiallyWithinTheBalance() throws {
        var state = programme()
        let before = state.mdfRequest("M-1")!
        let outcome = try send(.approve(requestID: "M-1", amount: Money(cents: 500_000)), to: &state)
        var expected = before
        expected.status = .approved
        expected.decidedAt = now
        expected.approvedAmount = Money(cents: 500_000)
        expected.decidedBy = "maria"
        #expect(state.mdfRequest("M-1") == expected)
        #expect(state.mdfRequest("M-2") == programme().mdfRequest("M-2"))
        #expect(outcome.message == "Approved M-1 for Nova Labs: 5,000.00 of 8,000.00 requested · 2026 balance 0.00 left")
        #expect(outcome.inverse == .mdf(.restore(before, undoing: 7)))
        #expect(state.audit == [AuditEntry(seq: 7, at: now, actor: "maria", action: "mdf-approve", subject: "M-1", detail: outcome.message)])
        #expect(state.mdfBalance(partnerID: "P-1", year: 2026, asOf: now.day)?.balance == .zero)
    }

    @Test func approvalBeyondTheBalanceIsRefusedWithTheNumbers() {
        var state = programme()
        #expect(throws: ActionError("cannot approve M-1: approved amount 5000.01 exceeds balance 5000.00 (Nova Labs 2026: allocation 20,000.00, committed 15,000.00, spent 0.00)")) {
            try send(.approve(requestID: "M-1", amount: Money(cents: 500_001)), to: &state)
        }
        #expect(throws: ActionError("cannot approve M-1: approved amount 0.00 must be more than 0 (Nova Labs 2026: allocation 20,000.00, committed 15,000.00, spent 0.00)")) {
            try send(.approve(requestID: "M-1", amount: .zero), to: &state)
        }
        #expect(state == programme())
    }

    @Test func approvalAboveTheRequestIsRefused() {
        var state = programme()
        state.upsert(MDFAllocation(partnerID: "P-1", year: 2026, amount: Money(cents: 10_000_000)))
        #expect(throws: ActionError("cannot approve M-1: approved amount 8000.01 exceeds requested 8000.00 (Nova Labs 2026: allocation 100,000.00, committed 15,000.00, spent 0.00)")) {
            try send(.approve(requestID: "M-1", amount: Money(cents: 800_001)), to: &state)
        }
    }

    @Test func onlyAQueuedRequestCanBeDecided() {
        var state = programme()
        #expect(throws: ActionError("M-2 is already approved; only a submitted request or one waiting for information can be approved")) {
            try send(.approve(requestID: "M-2", amount: Money(cents: 100)), to: &state)
        }
        #expect(throws: ActionError("there is no MDF request M-9")) { try send(.pay(requestID: "M-9"), to: &state) }
    }

    @Test func rejectNeedsAReasonAndKeepsIt() throws {
        var state = programme()
        #expect(throws: ActionError("a rejection needs a reason")) { try send(.reject(requestID: "M-1", reason: "  "), to: &state) }
        try send(.reject(requestID: "M-1", reason: " Not a joint activity "), to: &state)
        let rejected = state.mdfRequest("M-1")!
        #expect(rejected.status == .rejected)
        #expect(rejected.note == "Not a joint activity")
        #expect(rejected.decidedAt == now)
        #expect(rejected.decidedBy == "maria")
    }

    @Test func requestInfoPausesTheWindow() throws {
        var state = programme()
        try send(.requestInfo(requestID: "M-1", question: "Which venue?"), to: &state)
        let asked = state.mdfRequest("M-1")!
        #expect(asked.status == .infoRequested)
        #expect(asked.note == "Which venue?")
        #expect(state.mdfQueue(asOf: Self.day("2026-12-31")).first { $0.request.id == "M-1" }?.breached == false)
        #expect(throws: ActionError("M-1 is info requested; only a submitted request can be asked for more information")) {
            try send(.requestInfo(requestID: "M-1", question: ""), to: &state)
        }
        // Still decidable once the partner has answered.
        try send(.approve(requestID: "M-1", amount: Money(cents: 100_000)), to: &state)
        #expect(state.mdfRequest("M-1")?.status == .approved)
    }

    @Test func claimWithProofThenPayTheLesserAmount() throws {
        var state = programme()
        let claimedAt = Self.instant("2026-09-20T10:00:00Z")
        let claim = try send(.recordClaim(requestID: "M-2", amount: Money(cents: 1_600_000), proof: " https://x/roadshow.pdf ", claimedAt: claimedAt),
                             to: &state, seq: 8, actor: "ops")
        var claimed = programme().mdfRequest("M-2")!
        #expect(claim.inverse == .mdf(.restore(claimed, undoing: 8)))
        claimed.status = .claimed
        claimed.claimedAt = claimedAt
        claimed.claimedAmount = Money(cents: 1_600_000)
        claimed.proof = "https://x/roadshow.pdf"
        claimed.claimRecordedBy = "ops"
        #expect(state.mdfRequest("M-2") == claimed)
        let paid = try send(.pay(requestID: "M-2"), to: &state, seq: 9, actor: "finance")
        #expect(paid.message == "Paid 15,000.00 on M-2 (claimed 16,000.00, approved 15,000.00)")
        let request = state.mdfRequest("M-2")!
        #expect(request.status == .paid)
        #expect(request.paidAmount == Money(cents: 1_500_000))
        #expect(request.paidOn == now.day)
        #expect(request.settledBy == "finance")
        #expect(state.audit.map(\.action) == ["mdf-claim", "mdf-pay"])
    }

    @Test func lateClaimIsRefusedWithTheLastDay() {
        var state = programme()
        // M-3 ended 2025-12-02: the last claim day is 60 days on, 2026-01-31.
        #expect(throws: ActionError("cannot record a claim on M-3: claim on 2026-09-30 is after the last claim day 2026-01-31 (ends 2025-12-02 + 60 days)")) {
            try send(.recordClaim(requestID: "M-3", amount: Money(cents: 100), proof: "x", claimedAt: nil), to: &state)
        }
    }

    @Test func claimWithoutProofOrAmountIsRefused() {
        var state = programme()
        let at = Self.instant("2026-09-20T00:00:00Z")
        #expect(throws: ActionError("cannot record a claim on M-2: a claim needs proof of performance")) {
            try send(.recordClaim(requestID: "M-2", amount: Money(cents: 100), proof: "  ", claimedAt: at), to: &state)
        }
        #expect(throws: ActionError("cannot record a claim on M-2: claimed amount 0.00 must be more than 0")) {
            try send(.recordClaim(requestID: "M-2", amount: .zero, proof: "x", claimedAt: at), to: &state)
        }
        #expect(throws: ActionError("cannot record a claim on M-1: request M-1 is submitted, not approved")) {
            try send(.recordClaim(requestID: "M-1", amount: Money(cents: 100), proof: "x", claimedAt: at), to: &state)
        }
        #expect(throws: ActionError("cannot record a claim on M-2 dated 2026-10-01T00:00:00Z: that is in the future")) {
            try send(.recordClaim(requestID: "M-2", amount: Money(cents: 100), proof: "x", claimedAt: Self.instant("2026-10-01T00:00:00Z")), to: &state)
        }
        #expect(state == programme())
    }

    @Test func payAndRejectClaimNeedAClaim() throws {
        var state = programme()
        #expect(throws: ActionError("M-2 is approved; only a claim waiting for review can be paid")) { try send(.pay(requestID: "M-2"), to: &state) }
        #expect(throws: ActionError("M-2 is approved; only a claim waiting for review can be rejected")) {
            try send(.rejectClaim(requestID: "M-2", reason: "no proof"), to: &state)
        }
        try send(.recordClaim(requestID: "M-2", amount: Money(cents: 100_000), proof: "p", claimedAt: Self.instant("2026-09-20T00:00:00Z")), to: &state)
        #expect(throws: ActionError("rejecting a claim needs a reason")) { try send(.rejectClaim(requestID: "M-2", reason: ""), to: &state) }
        let outcome = try send(.rejectClaim(requestID: "M-2", reason: "Invoice missing"), to: &state)
        #expect(outcome.message == "Rejected the claim on M-2: Invoice missing · 15,000.00 released")
        #expect(state.mdfRequest("M-2")?.status == .claimRejected)
        // The commitment is released: the whole tier allocation but M-3's 1,000 (a 2025 activity) is free again.
        #expect(state.mdfBalance(partnerID: "P-1", year: 2026, asOf: now.day)?.balance == Money(cents: 2_000_000))
    }

    @Test func undoRestoresTheRequestAndIsAudited() throws {
        var state = programme()
        let approve = try send(.approve(requestID: "M-1", amount: Money(cents: 400_000)), to: &state, seq: 7)
        let claim = try send(.recordClaim(requestID: "M-1", amount: Money(cents: 390_000), proof: "p", claimedAt: now), to: &state, seq: 8)
        let pay = try send(.pay(requestID: "M-1"), to: &state, seq: 9)
        let afterClaim = state
        guard case .mdf(let undoPay)? = pay.inverse else { Issue.record("pay has no undo"); return }
        let undo = try send(undoPay, to: &state, seq: 10, actor: "maria")
        #expect(state.mdfRequest("M-1") == afterClaim.mdfRequest("M-1").map { var r = $0; r.status = .claimed; r.paidOn = nil; r.paidAmount = nil; r.settledBy = nil; return r })
        #expect(undo.message == "Undid #9: M-1 is claimed again")
        #expect(state.audit.last?.action == "undo")
        #expect(state.audit.last?.subject == "M-1")
        // Undoing the claim and the approval puts the request back as it was submitted.
        for (seq, outcome) in [(11, claim), (12, approve)] {
            guard case .mdf(let inverse)? = outcome.inverse else { Issue.record("no undo"); return }
            try send(inverse, to: &state, seq: Int64(seq))
        }
        #expect(state.mdfRequest("M-1") == programme().mdfRequest("M-1"))
    }

    @Test func decisionsSurviveTheJournal() throws {
        let request = programme().mdfRequest("M-1")!
        let decisions: [MDFDecision] = [
            .approve(requestID: "M-1", amount: Money(cents: 123_456)), .reject(requestID: "M-1", reason: "Dup 😕"),
            .requestInfo(requestID: "M-1", question: ""), .recordClaim(requestID: "M-1", amount: Money(cents: 1), proof: "p", claimedAt: now),
            .recordClaim(requestID: "M-1", amount: Money(cents: 1), proof: "p", claimedAt: nil), .pay(requestID: "M-1"),
            .rejectClaim(requestID: "M-1", reason: "r"), .restore(request, undoing: 42),
        ]
        for decision in decisions {
            let entry = JournalEntry(seq: 3, generation: 1, at: now, actor: "maria", action: .mdf(decision))
            #expect(try JournalCodec.decode(JournalCodec.encode(entry)) == entry, "\(decision)")
        }
    }

    @Test func policyWindowsDriveTheRules() throws {
        var state = programme()
        var policy = Self.policy
        policy.mdfClaimDays = 400
        state.policy = policy
        // With a 400-day window M-3's claim is on time.
        try send(.recordClaim(requestID: "M-3", amount: Money(cents: 100), proof: "x", claimedAt: nil), to: &state)
        #expect(state.mdfRequest("M-3")?.status == .claimed)
    }
}
