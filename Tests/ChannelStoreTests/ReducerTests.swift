import ChannelModel
@testable import ChannelStore
import Testing

/// Each domain action changes exactly what it should, audits itself, and has an exact inverse.
@Suite struct ReducerTests {
    static let policy = try! Policy.bundledDefault()
    let submitted = Instant(parsing: "2026-09-28T10:00:00Z")!
    let now = Instant(parsing: "2026-09-30T15:30:00Z")!

    func programme() -> Programme {
        var programme = Programme(policy: Self.policy)
        programme.upsert(Partner(id: "P-1", name: "Nova Labs", type: .referral, tier: "gold", region: "DACH",
                                 status: .active, joinedOn: Day(parsing: "2024-01-01")!, owner: "ana", certifiedStaff: 3))
        programme.upsert(Registration(id: "R-1", partnerID: "P-1", prospectCompany: "Acme", prospectDomain: "www.acme.com",
                                      estimatedACV: Money(cents: 5_000_000), submittedAt: submitted, status: .pending))
        programme.upsert(Registration(id: "R-2", partnerID: "P-1", prospectCompany: "Globex", prospectDomain: "globex.co.uk",
                                      estimatedACV: Money(cents: 2_000_000), submittedAt: submitted, status: .pending))
        return programme
    }

    func send(_ action: ProgrammeAction, to programme: inout Programme, seq: Int64 = 7) throws -> ActionOutcome {
        try Reducer.apply(JournalEntry(seq: seq, generation: 1, at: now, actor: "maria", action: action), to: &programme)
    }

    @Test func approveProtectsForTheWindowAndLocksTheTier() throws {
        var state = programme()
        let before = state.registration("R-1")!
        let outcome = try send(.approve(registrationID: "R-1"), to: &state)
        var expected = before
        expected.status = .approved
        expected.decidedAt = now
        expected.protectedUntil = Day(parsing: "2026-12-29")!
        expected.tierAtApproval = "gold"
        #expect(state.registration("R-1") == expected)
        #expect(state.registration("R-2") == programme().registration("R-2"))
        #expect(outcome.message == "Approved R-1 for Nova Labs — protected until 2026-12-29")
        #expect(outcome.inverse == .restoreRegistration(before, undoing: 7))
        #expect(state.audit == [AuditEntry(seq: 7, at: now, actor: "maria", action: "approve", subject: "R-1", detail: outcome.message)])
    }

    @Test func rejectKeepsTheReason() throws {
        var state = programme()
        _ = try send(.reject(registrationID: "R-1", reason: "  Direct owns it "), to: &state)
        let rejected = state.registration("R-1")!
        #expect(rejected.status == .rejected)
        #expect(rejected.note == "Direct owns it")
        #expect(rejected.decidedAt == now)
        #expect(rejected.protectedUntil == nil)
    }

    @Test func requestInfoPausesAndRecordsTheQuestion() throws {
        var state = programme()
        _ = try send(.requestInfo(registrationID: "R-1", question: "Which division?"), to: &state)
        #expect(state.registration("R-1")?.status == .infoRequested)
        #expect(state.registration("R-1")?.note == "Which division?")
        #expect(throws: ActionError("R-1 is info requested; only a pending registration can be asked for more information")) {
            try send(.requestInfo(registrationID: "R-1", question: ""), to: &state)
        }
    }

    @Test func extendOnceByThirtyDays() throws {
        var state = programme()
        _ = try send(.approve(registrationID: "R-1"), to: &state)
        _ = try send(.extend(registrationID: "R-1"), to: &state, seq: 8)
        #expect(state.registration("R-1")?.protectedUntil == Day(parsing: "2027-01-28")!)
        #expect(state.registration("R-1")?.extensions == 1)
        #expect(throws: ActionError("R-1 was already extended once; the policy allows 1")) {
            try send(.extend(registrationID: "R-1"), to: &state, seq: 9)
        }
        #expect(throws: ActionError("R-2 is pending; only an approved registration's protection can be extended")) {
            try send(.extend(registrationID: "R-2"), to: &state, seq: 9)
        }
    }

    @Test func undoRestoresExactlyAndIsItselfAudited() throws {
        var state = programme()
        let original = state
        let approval = try send(.approve(registrationID: "R-1"), to: &state)
        let undo = try send(try #require(approval.inverse), to: &state, seq: 8)
        #expect(state.registrations == original.registrations)
        #expect(undo.message == "Undid #7: R-1 is pending again")
        #expect(state.audit.map(\.action) == ["approve", "undo"])
    }

    @Test func refusedActionsChangeNothing() throws {
        var state = programme()
        _ = try send(.approve(registrationID: "R-1"), to: &state)
        let before = state
        #expect(throws: ActionError("R-1 is already approved; only a queued registration can be approved")) {
            try send(.approve(registrationID: "R-1"), to: &state, seq: 8)
        }
        #expect(throws: ActionError("there is no registration R-404")) {
            try send(.reject(registrationID: "R-404", reason: "x"), to: &state, seq: 8)
        }
        #expect(state == before)
    }

    @Test func batchIsAllOrNothing() throws {
        var state = programme()
        let before = state
        #expect(throws: ActionError("a rejection needs a reason")) {
            try send(.batch([.approve(registrationID: "R-1"), .reject(registrationID: "R-2", reason: "")]), to: &state)
        }
        #expect(state == before)
        let outcome = try send(.batch([.approve(registrationID: "R-1"), .approve(registrationID: "R-2")]), to: &state)
        #expect(outcome.message == "Approved 2 registrations")
        #expect(state.registrations.map(\.status) == [.approved, .approved])
        _ = try send(try #require(outcome.inverse), to: &state, seq: 8)
        #expect(state.registrations == before.registrations)
    }

    @Test func tierChangeAndItsUndo() throws {
        var state = programme()
        let outcome = try send(.changeTier(partnerID: "P-1", to: "Platinum"), to: &state)
        #expect(state.partner("P-1")?.tier == "platinum")
        #expect(outcome.message == "Moved Nova Labs from gold to platinum")
        _ = try send(try #require(outcome.inverse), to: &state, seq: 8)
        #expect(state.partner("P-1")?.tier == "gold")
        #expect(throws: ActionError("there is no tier diamond; the tiers are platinum, gold, silver, registered")) {
            try send(.changeTier(partnerID: "P-1", to: "diamond"), to: &state, seq: 9)
        }
    }

    @Test func checkValidatesWithoutApplying() throws {
        let state = programme()
        try Reducer.check(.approve(registrationID: "R-1"), in: state, at: now)
        #expect(throws: ActionError("there is no registration R-9")) {
            try Reducer.check(.approve(registrationID: "R-9"), in: state, at: now)
        }
        #expect(throws: ActionError("R-1 appears twice in one batch")) {
            try Reducer.check(.batch([.approve(registrationID: "R-1"), .reject(registrationID: "R-1", reason: "x")]), in: state, at: now)
        }
    }

    @Test func importUpsertsAndCounts() throws {
        var state = programme()
        var changed = state.registration("R-2")!
        changed.estimatedACV = Money(cents: 1)
        let fresh = Registration(id: "R-3", partnerID: "P-1", prospectCompany: "Initech", prospectDomain: "initech.com",
                                 estimatedACV: Money(cents: 100), submittedAt: submitted, status: .approved,
                                 decidedAt: submitted, protectedUntil: Day(parsing: "2026-12-27"))
        let outcome = try send(.importBatch(.registrations([state.registration("R-1")!, changed, fresh]), source: "regs.csv"), to: &state)
        #expect(outcome.message == "Imported regs.csv: 1 added, 1 updated, 1 unchanged")
        #expect(state.registration("R-2")?.estimatedACV == Money(cents: 1))
        // An imported decision locks the partner's tier at import (DESIGN.md §3).
        #expect(state.registration("R-3")?.tierAtApproval == "gold")
    }
}

/// Rows without ids (investments, NPS) are counted, so a re-import adds nothing and a file's own
/// repeated rows are all kept.
@Suite struct CountedRowTests {
    @Test func identicalRowsInAFileAreKeptAndReimportingAddsNothing() throws {
        var programme = Programme(policy: try Policy.bundledDefault())
        let spend = Investment(date: Day(parsing: "2026-07-01")!, category: "events", amount: Money(cents: 100), note: "booth")
        let first = try Reducer.apply(JournalEntry(seq: 1, generation: 1, at: Instant(seconds: 0), actor: "t",
                                                   action: .importBatch(.investments([spend, spend]), source: "i.csv")), to: &programme)
        #expect(first.message == "Imported i.csv: 2 added, 0 updated, 0 unchanged")
        let again = try Reducer.apply(JournalEntry(seq: 2, generation: 1, at: Instant(seconds: 0), actor: "t",
                                                   action: .importBatch(.investments([spend, spend, spend]), source: "i.csv")), to: &programme)
        #expect(again.message == "Imported i.csv: 1 added, 0 updated, 2 unchanged")
        #expect(programme.investments.count == 3)
    }
}
