import ChannelModel
@testable import ChannelStore
import Testing

/// The rule of what `u` undoes after a restart: this actor's newest change not undone yet, with the
/// inverse the reducer gave it; never another actor's; blocked when someone changed the record since.
@Suite struct LastUndoableTests {
    let now = Instant(parsing: "2026-09-30T15:30:00Z")!

    /// Two pending registrations and a partner, and what the store remembers of the changes so far.
    struct History {
        var programme: Programme
        var remembered = Compensations()
        var seq: Int64 = 0

        init() {
            programme = Programme(policy: try! Policy.bundledDefault())
            programme.upsert(Partner(id: "P-1", name: "Nova Labs", type: .referral, tier: "gold", region: "DACH",
                                     status: .active, joinedOn: Day(parsing: "2024-01-01")!, owner: "ana", certifiedStaff: 3))
            for id in ["R-1", "R-2"] {
                programme.upsert(Registration(id: id, partnerID: "P-1", prospectCompany: "Acme \(id)", prospectDomain: "\(id).example.com",
                                              estimatedACV: Money(cents: 5_000_000), submittedAt: Instant(seconds: 0), status: .pending))
            }
        }

        @discardableResult
        mutating func apply(_ action: ProgrammeAction, by actor: String, remember: Bool = true) throws -> ActionOutcome {
            seq += 1
            let entry = JournalEntry(seq: seq, generation: 1, at: Instant(parsing: "2026-09-30T15:30:00Z")!, actor: actor, action: action)
            let outcome = try Reducer.apply(entry, to: &programme)
            if remember { remembered.record(entry, outcome) }
            return outcome
        }

        func last(_ actor: String) -> LastUndoable { LastUndoable.find(actor: actor, in: programme, remembered: remembered) }
    }

    @Test func theNewestDecisionComesWithTheReducersInverse() throws {
        var history = History()
        let before = history.programme.registration("R-1")!
        try history.apply(.approve(registrationID: "R-1"), by: "alice")
        try history.apply(.reject(registrationID: "R-2", reason: "dup"), by: "bob")
        #expect(history.last("alice") == .undo(history.programme.audit[0], inverse: .restoreRegistration(before, undoing: 1)))
        #expect(history.last("carol") == .nothing)
    }

    @Test func undoneChangesAreSkippedBatchesIncluded() throws {
        var history = History()
        try history.apply(.approve(registrationID: "R-1"), by: "alice")
        let batch = try history.apply(.batch([.reject(registrationID: "R-2", reason: "dup"), .extend(registrationID: "R-1")]), by: "alice")
        #expect(history.last("alice") == .undo(history.programme.audit[1], inverse: batch.inverse!))
        try history.apply(batch.inverse!, by: "alice")
        guard case .undo(let entry, let inverse) = history.last("alice") else { Issue.record("\(history.last("alice"))"); return }
        #expect(entry.seq == 1)
        try history.apply(inverse, by: "alice")
        #expect(history.last("alice") == .nothing)
    }

    @Test func aLaterChangeBySomeoneElseBlocksTheUndo() throws {
        var history = History()
        try history.apply(.approve(registrationID: "R-1"), by: "alice")
        try history.apply(.extend(registrationID: "R-1"), by: "bob")
        #expect(history.last("alice") == .changedSince(history.programme.audit[0], by: history.programme.audit[1]))
        guard case .undo(let entry, _) = history.last("bob") else { Issue.record("\(history.last("bob"))"); return }
        #expect(entry.seq == 2)
    }

    @Test func aChangeTheStoreDoesNotRememberIsForgottenNotGuessed() throws {
        var history = History()
        try history.apply(.approve(registrationID: "R-1"), by: "alice", remember: false)
        #expect(history.last("alice") == .forgotten(history.programme.audit[0]))
        // Imports and policy changes are not decisions `u` goes back to.
        try history.apply(.setPolicy(history.programme.policy), by: "alice")
        #expect(history.last("alice") == .forgotten(history.programme.audit[0]))
    }

    @Test func eachActorKeepsItsMostRecentChangesOnly() throws {
        var history = History()
        for n in 0..<(Compensations.perActor + 10) {
            let pending = history.programme.registration("R-1")!.pending
            try history.apply(n % 2 == 0 ? .approve(registrationID: "R-1") : .restoreRegistration(pending, undoing: 0), by: "alice")
        }
        #expect(history.remembered.change(1, by: "alice") == nil)
        #expect(history.remembered.change(history.seq, by: "alice") != nil)
        #expect(history.remembered.change(history.seq, by: "bob") == nil)
    }
}

private extension Registration {
    var pending: Registration {
        var copy = self
        copy.status = .pending
        copy.decidedAt = nil
        copy.protectedUntil = nil
        copy.tierAtApproval = nil
        return copy
    }
}
