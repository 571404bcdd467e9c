@testable import ChannelConsole
import ChannelModel
import ChannelStore
import Testing

/// After an MDF decision the console rebuilds only its MDF part: after any sequence of MDF actions
/// (refused ones included) that must equal the data derived from scratch.
@Suite struct FundsDataTests {
    static func randomAction(_ programme: Programme, _ undo: [ProgrammeAction], using random: inout DemoRandom) -> ProgrammeAction {
        let requests = programme.mdfRequests
        func any(_ status: MDFStatus) -> String {
            requests.filter { $0.status == status }.randomElement(using: &random)?.id ?? requests[0].id
        }
        let amount = Money(cents: Int64.random(in: 1...500_000, using: &random))
        switch Int.random(in: 0..<9, using: &random) {
        case 0, 1: return .mdf(.approve(requestID: any(.submitted), amount: amount))
        case 2: return .mdf(.reject(requestID: any(.submitted), reason: "no plan"))
        case 3: return .mdf(.requestInfo(requestID: any(.submitted), question: "venue?"))
        case 4: return .mdf(.recordClaim(requestID: any(.approved), amount: amount, proof: "p.pdf", claimedAt: nil))
        case 5: return .mdf(.pay(requestID: any(.claimed)))
        case 6: return .mdf(.rejectClaim(requestID: any(.claimed), reason: "no proof of attendance"))
        default: return undo.last ?? .mdf(.pay(requestID: any(.claimed)))
        }
    }

    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func mdfOnlyUpdateEqualsFullRecomputation(seed: UInt64) {
        var random = DemoRandom(seed: seed)
        var programme = ConsoleFixture.programme
        var data = ConsoleFixture.data
        var undo: [ProgrammeAction] = []
        var applied = 0
        for step in 0..<30 {
            let action = Self.randomAction(programme, undo, using: &random)
            #expect(action.isMDFOnly)
            let entry = JournalEntry(seq: Int64(2000 + step), generation: 1, at: Instant(parsing: "2026-09-30T12:00:00Z")!, actor: "prop", action: action)
            guard let outcome = try? Reducer.apply(entry, to: &programme) else { continue }
            applied += 1
            if undo.last == action { undo.removeLast() } else if let inverse = outcome.inverse { undo.append(inverse) }
            data = data.updated(after: action, before: [], programme: programme)
            let full = ConsoleData(programme: programme, asOf: data.asOf, period: data.period)
            #expect(data == full, "seed \(seed), step \(step): \(action.name) diverged")
            if data != full { return }
        }
        #expect(applied > 5, "the property exercised too few decisions")
    }

    /// The fast path looks at nothing but MDF: a partner renamed behind its back (which no MDF action
    /// can do) stays unseen by the partner rows, while the Funds rows see the decision.
    @Test func anMDFDecisionRecomputesOnlyTheMDFPart() throws {
        var programme = ConsoleFixture.programme
        let entry = JournalEntry(seq: 3001, generation: 1, at: Instant(parsing: "2026-09-30T12:00:00Z")!, actor: "t",
                                 action: .mdf(.reject(requestID: "M-000056", reason: "no plan")))
        _ = try Reducer.apply(entry, to: &programme)
        programme.updatePartner("P-00001") { $0.name = "Renamed Behind Its Back" }
        let data = ConsoleFixture.data.updated(after: entry.action, before: [], programme: programme)
        #expect(data.funds.row("M-000056") == nil)
        #expect(data.partners == ConsoleFixture.data.partners && data.queue == ConsoleFixture.data.queue)
        // A rebuild would have seen the rename: the equality above is the fast path's, not a no-op's.
        let full = ConsoleData(programme: programme, asOf: data.asOf, period: data.period)
        #expect(full.partners != data.partners)
    }

    @Test func anApprovalMovesTheRowAndSpendsTheBalance() throws {
        var programme = ConsoleFixture.programme
        let entry = JournalEntry(seq: 3000, generation: 1, at: Instant(parsing: "2026-09-30T12:00:00Z")!, actor: "t",
                                 action: .mdf(.approve(requestID: "M-000056", amount: Money(cents: 100_000))))
        _ = try Reducer.apply(entry, to: &programme)
        let data = ConsoleFixture.data.updated(after: entry.action, before: [], programme: programme)
        let row = try #require(data.funds.row("M-000056"))
        #expect(row.status == .approved)
        #expect(data.funds.queued == ConsoleFixture.data.funds.queued - 1)
        // 8,480.22 left before; 1,000.00 committed now.
        #expect(row.balance?.balance == Money(cents: 748_022))
    }
}
