import ChannelModel
import ChannelResources
import Foundation
import Testing

/// A partner at risk or heading down hears what keeps its tier; everyone else how far the next one is.
@Suite struct TierDistanceTests {
    static let policy = try! JSONDecoder().decode(Policy.self, from: ChannelResources.defaultPolicyJSON())

    func standing(_ tier: String, arr: Int64, staff: Int, _ proposal: TierProposal) -> TierStanding {
        TierStanding(partnerId: "P-1", currentTier: tier, qualifiedTier: tier, trailingSourcedARR: Money(cents: arr * 100),
                     certifiedStaff: staff, proposal: proposal, qualifiedTierBeforeGrace: tier)
    }

    @Test func atRiskShowsWhatKeepsTheTier() {
        let distance = TierEngine.distance(standing("silver", arr: 48_773, staff: 1, .atRisk), policy: Self.policy)
        #expect(distance == TierDistance(goal: .keep, tier: "silver", arr: Money(cents: 122_700), staff: 0))
    }

    @Test func downgradeShowsWhatKeepsTheTierIncludingStaff() {
        let distance = TierEngine.distance(standing("gold", arr: 100_000, staff: 1, .downgrade), policy: Self.policy)
        #expect(distance == TierDistance(goal: .keep, tier: "gold", arr: Money(cents: 15_000_000), staff: 2))
    }

    @Test func holdShowsTheNextTier() {
        let distance = TierEngine.distance(standing("silver", arr: 60_000, staff: 2, .hold), policy: Self.policy)
        #expect(distance == TierDistance(goal: .reach, tier: "gold", arr: Money(cents: 19_000_000), staff: 1))
    }

    @Test func upgradeMeetsTheNextTier() {
        let distance = TierEngine.distance(standing("silver", arr: 300_000, staff: 3, .upgrade), policy: Self.policy)
        #expect(distance == TierDistance(goal: .reach, tier: "gold", arr: .zero, staff: 0))
        #expect(distance.isMet)
    }

    @Test func theTopTierHasNowhereToGo() {
        let distance = TierEngine.distance(standing("platinum", arr: 2_000_000, staff: 9, .hold), policy: Self.policy)
        #expect(distance.goal == .top && distance.isMet)
    }
}
