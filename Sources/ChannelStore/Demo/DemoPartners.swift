import ChannelModel
import Foundation

/// A demo partner before its tier is known: the tier follows from revenue, which follows from the
/// deals, which are drawn from these plans.
struct PartnerPlan {
    var id: String
    var name: String
    var type: PartnerType
    var region: String
    var status: PartnerStatus
    var joinedOn: Day
    var owner: String
    var certifiedStaff: Int
    /// Position in the revenue ranking, 0 for the largest partner.
    var rank: Int
    /// Expected registrations per day, relative to the other partners.
    var rate: Double
    /// The days in which the partner did business with the programme.
    var activeFrom: Day
    var activeUntil: Day

    var isEnrolled: Bool { status.isEnrolled }
    /// Share of all registrations over the two years: the daily rate times the days it was active.
    var weight: Double { rate * Double(max(0, activeFrom.distance(to: activeUntil) + 1)) }
}

/// Builds the partner roster: who they are, and the power law that decides how much each one sells.
enum DemoPartners {
    /// Share of sourced revenue the five largest partners should bring: real programmes are lopsided,
    /// and a demo whose concentration gauge sits at 10% would hide the console's point.
    static let targetTop5Share = 0.5

    static func make(count: Int, asOf: Day, random: inout DemoRandom) -> [PartnerPlan] {
        guard count > 0 else { return [] }
        let regions = DemoNames.regions
        let regionPicker = WeightedPicker(regions.map(\.weight))
        let typePicker = WeightedPicker([30, 25, 15, 10, 12, 8])   // PartnerType.allCases order
        let statusPicker = WeightedPicker([3, 10, 78, 4, 5])       // PartnerStatus.allCases order
        var used = Set<String>()
        var plans: [PartnerPlan] = []
        plans.reserveCapacity(count)
        let digits = DemoNames.digits(5, for: count)
        for index in 0..<count {
            let region = regions[regionPicker.pick(&random)]
            // The first six cover every type, so even a tiny demo shows them all.
            let type = index < PartnerType.allCases.count
                ? PartnerType.allCases[index] : PartnerType.allCases[typePicker.pick(&random)]
            let status = index == 0 ? .active : PartnerStatus.allCases[statusPicker.pick(&random)]
            plans.append(PartnerPlan(
                id: DemoNames.identifier("P", index + 1, digits: digits),
                name: DemoNames.partnerName(region: region, random: &random, used: &used),
                type: type, region: region.name, status: status, joinedOn: asOf, owner: region.owner,
                certifiedStaff: 0, rank: 0, rate: 0, activeFrom: asOf, activeUntil: asOf))
            if random.chance(0.12) { plans[index].owner = random.element(DemoNames.floatingOwners) }
        }
        for (slot, name) in DemoNames.emojiNames.enumerated() where count >= 40 * (slot + 1) {
            let index = random.below(count)
            if used.insert(name).inserted { plans[index].name = name }
        }
        rank(&plans, random: &random)
        for index in plans.indices { schedule(&plans[index], count: count, asOf: asOf, random: &random) }
        return plans
    }

    /// Orders partners by size — active ones first, so the giants are partners still selling — and
    /// gives them Zipf rates whose exponent puts `targetTop5Share` of the volume on the top five.
    private static func rank(_ plans: inout [PartnerPlan], random: inout DemoRandom) {
        var active = plans.indices.filter { plans[$0].status == .active }
        var others = plans.indices.filter { plans[$0].status != .active && plans[$0].status != .prospect }
        random.shuffle(&active)
        random.shuffle(&others)
        let ranked = active + others
        let exponent = zipfExponent(count: ranked.count, top5Share: targetTop5Share)
        for (rank, index) in ranked.enumerated() {
            plans[index].rank = rank
            plans[index].rate = pow(Double(rank + 1), -exponent)
        }
        for index in plans.indices where plans[index].status == .prospect { plans[index].rank = ranked.count }
    }

    /// The Zipf exponent at which the first five of `count` ranks hold `top5Share` of the total; found
    /// by bisection because the share has no closed form in the exponent.
    static func zipfExponent(count: Int, top5Share: Double) -> Double {
        guard count > 5 else { return 1 }
        func share(_ s: Double) -> Double {
            var top = 0.0, all = 0.0
            for rank in 1...count {
                let weight = pow(Double(rank), -s)
                all += weight
                if rank <= 5 { top += weight }
            }
            return top / all
        }
        var low = 0.0, high = 4.0
        for _ in 0..<40 {
            let middle = (low + high) / 2
            if share(middle) < top5Share { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// Joining date, active window and certified staff, consistent with status and size.
    private static func schedule(_ plan: inout PartnerPlan, count: Int, asOf: Day, random: inout DemoRandom) {
        let horizon = asOf.adding(days: -729)
        let percentile = Double(plan.rank) / Double(max(1, count))
        switch plan.status {
        case .prospect:
            plan.joinedOn = asOf.adding(days: -random.int(0...60))
        case .onboarding:
            plan.joinedOn = asOf.adding(days: -random.int(14...150))
        default:
            // The biggest partners have been in the programme longest: revenue takes years to build.
            plan.joinedOn = asOf.adding(days: -(plan.rank < max(5, count / 50) ? random.int(760...1460) : random.int(120...1460)))
        }
        plan.activeFrom = max(plan.joinedOn.adding(days: random.int(3...30)), horizon)
        switch plan.status {
        case .churned: plan.activeUntil = asOf.adding(days: -random.int(120...400))
        case .suspended: plan.activeUntil = asOf.adding(days: -random.int(20...150))
        case .prospect: plan.activeUntil = plan.activeFrom.adding(days: -1)   // no business yet
        default: plan.activeUntil = asOf
        }
        if plan.activeUntil < plan.activeFrom && plan.status != .prospect {
            plan.activeUntil = min(asOf, plan.activeFrom.adding(days: 30))
        }
        switch plan.status {
        case .prospect: plan.certifiedStaff = 0
        case .onboarding: plan.certifiedStaff = random.int(0...1)
        default:
            if percentile < 0.02 || plan.rank < 5 { plan.certifiedStaff = random.int(5...14) }
            else if percentile < 0.10 { plan.certifiedStaff = random.int(3...8) }
            else if percentile < 0.40 { plan.certifiedStaff = random.int(1...4) }
            else { plan.certifiedStaff = random.int(0...2) }
        }
    }
}
