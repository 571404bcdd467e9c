@testable import ChannelConsole
import ChannelModel
import ChannelStore
import Testing

/// The console keeps its data up to date incrementally after decisions. After any random sequence of
/// actions the incremental data must equal a full recomputation from the programme.
@Suite struct IncrementalDataTests {
    /// A random action that may or may not apply (refused ones are part of the property too).
    static func randomAction(_ programme: Programme, _ undo: [ProgrammeAction], using random: inout DemoRandom) -> ProgrammeAction {
        let registrations = programme.registrations
        let queued = registrations.filter(\.status.isQueued).map(\.id)
        let approved = registrations.filter { $0.status == .approved }.map(\.id)
        func any(_ ids: [String]) -> String { ids.randomElement(using: &random) ?? registrations[0].id }
        switch Int.random(in: 0..<13, using: &random) {
        case 0, 1: return .approve(registrationID: any(queued))
        case 2: return .reject(registrationID: any(queued), reason: "not a fit")
        case 3: return .requestInfo(registrationID: any(queued), question: "which division?")
        case 4: return .extend(registrationID: any(approved))
        case 5: return .batch((0..<Int.random(in: 1...3, using: &random)).map { _ in .approve(registrationID: any(queued)) })
        case 6, 7: return undo.last ?? .approve(registrationID: any(queued))
        case 8:
            let partner = programme.partners.randomElement(using: &random)!
            return .changeTier(partnerID: partner.id, to: programme.policy.tiers.randomElement(using: &random)!.name)
        case 9: return .advanceCommissions(dealIDs: [Commissions.lines(programme).randomElement(using: &random)?.dealId ?? "D-0000001"])
        case 10: return .approve(registrationID: any(approved))
        case 11:
            // An owner assignment updates only the partner's row: it must read as a rebuild would.
            let partner = programme.partners.randomElement(using: &random)!
            return .assignOwner(partnerID: partner.id, owner: ["ben", "kenji.sato", "amara.okafor"].randomElement(using: &random)!)
        default: return .approve(registrationID: any(registrations.map(\.id)))
        }
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func incrementalEqualsFullRecomputation(seed: UInt64) throws {
        var random = DemoRandom(seed: seed)
        var programme = ConsoleFixture.programme
        var data = ConsoleData(programme: programme, asOf: ConsoleFixture.asOf, period: .quarterToDate(ConsoleFixture.asOf))
        var undo: [ProgrammeAction] = []
        var seq: Int64 = 1000
        for step in 0..<40 {
            let action = Self.randomAction(programme, undo, using: &random)
            let before = (action.decidedRegistrationIDs ?? []).compactMap { programme.registration($0) }
            seq += 1
            let entry = JournalEntry(seq: seq, generation: 1, at: Instant(parsing: "2026-09-30T12:00:00Z")!, actor: "prop", action: action)
            guard let outcome = try? Reducer.apply(entry, to: &programme) else { continue }
            if undo.last == action { undo.removeLast() } else if let inverse = outcome.inverse { undo.append(inverse) }
            data = data.updated(after: action, before: before, programme: programme)
            let full = ConsoleData(programme: programme, asOf: data.asOf, period: data.period)
            #expect(data == full, "seed \(seed), step \(step): \(action.name) \(Reducer.subject(of: action)) diverged")
            if data != full { return }
        }
    }

    @Test func aDecisionIsIncrementalNotARebuild() throws {
        var programme = ConsoleFixture.programme
        let data = ConsoleFixture.data
        let before = [programme.registration("R-0000010")!]
        try Reducer.apply(JournalEntry(seq: 99, generation: 1, at: Instant(parsing: "2026-09-30T12:00:00Z")!, actor: "t",
                                       action: .approve(registrationID: "R-0000010")), to: &programme)
        let updated = data.updated(after: .approve(registrationID: "R-0000010"), before: before, programme: programme)
        #expect(updated.queue.count == data.queue.count - 1)
        #expect(updated.metrics.pendingRegistrations == 11)
        // R-0000904 competes for the same domain: its conflict with the now approved (still open) R-0000010 stays.
        #expect(updated.queue.first { $0.id == "R-0000904" }?.conflicts == [Conflict(kind: .partner, registrationId: "R-0000010")])
    }

    /// Two queued registrations of one company under two domains hint at each other; rejecting one
    /// takes its hint off the other, as a full recomputation has it.
    @Test func aRejectionTakesItsSimilarNameHintOffTheOtherRow() throws {
        var programme = ConsoleFixture.programme
        let partner = programme.partners[0].id, at = Instant(parsing: "2026-09-29T09:00:00Z")!
        for (id, domain) in [("R-SIM-1", "orbital-kites.example"), ("R-SIM-2", "orbitalkites.example")] {
            programme.upsert(Registration(id: id, partnerID: partner, prospectCompany: "Orbital Kites Ltd", prospectDomain: domain,
                                          estimatedACV: Money(cents: 1_000_000), submittedAt: at, status: .pending))
        }
        let data = ConsoleData(programme: programme, asOf: ConsoleFixture.asOf, period: .quarterToDate(ConsoleFixture.asOf))
        #expect(data.queue.first { $0.id == "R-SIM-1" }?.item.similarNames.map(\.registrationId) == ["R-SIM-2"])
        let action = ProgrammeAction.reject(registrationID: "R-SIM-2", reason: "duplicate")
        let before = [programme.registration("R-SIM-2")!]
        try Reducer.apply(JournalEntry(seq: 99, generation: 1, at: at.adding(seconds: 60), actor: "t", action: action), to: &programme)
        let updated = data.updated(after: action, before: before, programme: programme)
        #expect(updated.queue.first { $0.id == "R-SIM-1" }?.item.similarNames == [])
        // The rows only: a whole ConsoleData that differs prints the programme.
        #expect(updated.queue == ConsoleData(programme: programme, asOf: data.asOf, period: data.period).queue)
    }
}

/// Narrowing a remembered filter gives the same rows as filtering from scratch.
@Suite struct FilterNarrowingTests {
    @Test func typingNarrowsToTheSameRowsAsAFreshSearch() {
        var state = ConsoleFixture.state()
        let data = ConsoleFixture.data
        for pane in [Pane.queue, .partners] {
            state.focus = pane
            for text in ["", "o", "or", "orb", "orbi", "x"] {
                state.list.filter = text
                let narrowed = PaneRows.visible(pane, in: state, data)
                let fresh = PaneRows.visible(pane, in: state, ConsoleData(programme: data.programme, asOf: data.asOf, period: data.period))
                #expect(narrowed == fresh, "\(pane) \"\(text)\"")
            }
        }
    }
}

/// The byte-level search agrees with String.contains on lower-cased text, non-ASCII included.
@Suite struct SearchTests {
    @Test(arguments: [("nova labs", "nov", true), ("nova labs", "labs", true), ("nova labs", "x", false), ("", "a", false),
                      ("株式会社サクラ", "サクラ", true), ("müller & söhne", "söh", true), ("abc", "", true), ("ab", "abc", false),
                      ("aab", "ab", true)])
    func byteSearch(text: String, needle: String, expected: Bool) {
        #expect(SearchQuery.contains(text, needle) == expected)
        #expect(SearchQuery.contains(text, needle) == (needle.isEmpty || text.contains(needle)))
    }
}
