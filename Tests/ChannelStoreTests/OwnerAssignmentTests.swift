import ChannelModel
@testable import ChannelStore
import Testing

/// `assignOwner`: a partner's owner becomes a team member's login, audited, with an exact undo that
/// `u` finds again after a restart; the refusals say what was wrong.
@Suite struct OwnerAssignmentTests {
    let now = Instant(parsing: "2026-09-30T15:30:00Z")!

    func programme() -> Programme {
        var programme = Programme(policy: try! Policy.bundledDefault())
        programme.upsert(Partner(id: "P-1", name: "Nova Labs", type: .referral, tier: "gold", region: "DACH",
                                 status: .active, joinedOn: Day(parsing: "2024-01-01")!, owner: "ana", certifiedStaff: 3))
        programme.upsert(Partner(id: "P-2", name: "Vanta Logic", type: .reseller, tier: "silver", region: "EMEA",
                                 status: .active, joinedOn: Day(parsing: "2024-01-01")!, owner: "", certifiedStaff: 0))
        return programme
    }

    @discardableResult
    func send(_ action: ProgrammeAction, to programme: inout Programme, seq: Int64 = 7,
              remembering compensations: inout Compensations) throws -> ActionOutcome {
        let entry = JournalEntry(seq: seq, generation: 1, at: now, actor: "lead", action: action)
        let outcome = try Reducer.apply(entry, to: &programme)
        compensations.record(entry, outcome)
        return outcome
    }

    @Test func assigningChangesOnlyTheOwnerAndAuditsIt() throws {
        var state = programme(), remembered = Compensations()
        let outcome = try send(.assignOwner(partnerID: "P-1", owner: " ben "), to: &state, remembering: &remembered)
        var expected = programme().partner("P-1")!
        expected.owner = "ben"
        #expect(state.partner("P-1") == expected)
        #expect(state.partner("P-2") == programme().partner("P-2"))
        #expect(outcome == ActionOutcome(message: "Nova Labs is now owned by ben (was ana)",
                                         inverse: .restoreOwner(partnerID: "P-1", owner: "ana", undoing: 7)))
        #expect(state.audit == [AuditEntry(seq: 7, at: now, actor: "lead", action: "assign", subject: "P-1", detail: outcome.message)])
    }

    @Test func theUndoPutsTheOwnerBackAndIsRememberedAsOne() throws {
        var state = programme(), remembered = Compensations()
        let outcome = try send(.assignOwner(partnerID: "P-2", owner: "ben"), to: &state, remembering: &remembered)
        #expect(outcome.message == "Vanta Logic is now owned by ben")
        let undo = try send(try #require(outcome.inverse), to: &state, seq: 8, remembering: &remembered)
        #expect(state.partners == programme().partners)
        #expect(undo.message == "Undid #7: Vanta Logic is owned by nobody again")
        #expect(remembered.change(7, by: "lead") == Compensations.Change(seq: 7, inverse: .restoreOwner(partnerID: "P-2", owner: "", undoing: 7)))
        #expect(remembered.change(8, by: "lead") == Compensations.Change(seq: 8, inverse: nil))
        #expect(LastUndoable.find(actor: "lead", in: state, remembered: remembered) == .nothing)
    }

    @Test func uFindsTheAssignmentAfterARestart() throws {
        var state = programme(), remembered = Compensations()
        try send(.assignOwner(partnerID: "P-1", owner: "ben"), to: &state, remembering: &remembered)
        guard case .undo(let entry, let inverse) = LastUndoable.find(actor: "lead", in: state, remembered: remembered) else {
            Issue.record("the assignment is not offered for undoing")
            return
        }
        #expect(entry.action == "assign")
        #expect(inverse == .restoreOwner(partnerID: "P-1", owner: "ana", undoing: 7))
    }

    @Test(arguments: [
        (ProgrammeAction.assignOwner(partnerID: "P-9", owner: "ben"), "there is no partner P-9"),
        (.assignOwner(partnerID: "P-1", owner: "  "), "an owner needs a name: the team member's login (their PostgreSQL role on a shared programme)"),
        (.assignOwner(partnerID: "P-1", owner: "ben okafor"),
         "\"ben okafor\" is not a login name: an owner is one word, the team member's login (their PostgreSQL role)"),
        (.assignOwner(partnerID: "P-1", owner: "ana"), "Nova Labs is already owned by ana"),
        (.restoreOwner(partnerID: "P-9", owner: "ana", undoing: 3), "there is no partner P-9"),
    ])
    func refusalsSayWhyAndChangeNothing(action: ProgrammeAction, message: String) {
        var state = programme()
        #expect(throws: ActionError(message)) { try Reducer.check(action, in: state, at: now) }
        var remembered = Compensations()
        #expect(throws: ActionError(message)) { try send(action, to: &state, remembering: &remembered) }
        #expect(state == programme())
    }
}
