import ChannelModel
import Foundation

/// The programme around the deals: what it spends, what partners think of it, how far each partner
/// got through enablement, and which accounts direct sales keeps for itself.
enum DemoActivity {
    static let investmentCategories: [(name: String, share: Double)] = [
        ("mdf", 0.40), ("headcount", 0.35), ("tooling", 0.10), ("events", 0.15),
    ]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// One line per category per month over the last two years, sized at about 12% of the sourced
    /// revenue, so acquisition cost reads like a real programme's. Events come in quarter-end spikes.
    static func investments(deals: [DealPlan], asOf: Day, random: inout DemoRandom) -> [Investment] {
        let sourcedWon = deals.reduce(Int64(0)) { $1.isSourcedWin ? $0 + $1.acvCents : $0 }
        let monthlyBudget = max(Double(sourcedWon) / 24 * 0.12, 500_000)   // cents; a floor for empty demos
        let (year, month, _) = asOf.components
        var lines: [Investment] = []
        for back in stride(from: 23, through: 0, by: -1) {
            let index = year * 12 + (month - 1) - back
            let (y, m) = (index / 12, index % 12 + 1)
            guard let first = Day(year: y, month: m, day: 1) else { continue }
            for category in investmentCategories {
                let day = first.adding(days: random.below(28))
                guard day <= asOf else { continue }
                var amount = monthlyBudget * category.share * (0.8 + 0.4 * random.unit())
                if category.name == "events" { amount *= m % 3 == 0 ? 2.2 : 0.4 }
                lines.append(Investment(date: day, category: category.name, amount: Money(cents: Int64(amount.rounded())),
                                        note: "\(category.name) \(monthNames[m - 1]) \(y)"))
            }
        }
        return lines
    }

    /// Quarterly surveys answered by about two partners in three; scores lean positive, as partner
    /// NPS does, with unhappy partners among the suspended and the small.
    static func npsResponses(partners: [PartnerPlan], asOf: Day, random: inout DemoRandom) -> [NPSResponse] {
        var responses: [(day: Day, partner: Int, score: Int)] = []
        let thisQuarter = asOf.startOfQuarter
        for (index, partner) in partners.enumerated() where partner.status != .prospect && random.chance(0.65) {
            var mood = 7.9 + 1.2 * random.normal()
            if partner.rank < 10 { mood += 0.8 }
            if partner.status == .suspended { mood -= 2 }
            for back in 0..<8 {
                let quarter = Period(from: thisQuarter, to: asOf).shiftedQuarters(-back)
                let from = max(quarter.from, partner.joinedOn), until = min(quarter.to, asOf, partner.activeUntil)
                guard from <= until, random.chance(0.75) else { continue }
                let day = from.adding(days: random.below(from.distance(to: until) + 1))
                let score = Int((mood + 1.3 * random.normal()).rounded())
                responses.append((day, index, min(10, max(0, score))))
            }
        }
        responses.sort { ($0.day, $0.partner) < ($1.day, $1.partner) }
        return responses.map { NPSResponse(partnerID: partners[$0.partner].id, respondedOn: $0.day, score: $0.score) }
    }

    /// The order partners usually work through enablement.
    static let enablementPath: [EnablementItem] = [.portal, .playbook, .assets, .certification, .dealSupport]

    /// Some partners fully enabled (most of the big ones), many half-way, onboarding ones just started.
    static func enablement(partners: [PartnerPlan], asOf: Day, random: inout DemoRandom) -> [Enablement] {
        var records: [Enablement] = []
        for partner in partners {
            let full = partner.status != .prospect && random.chance(partner.rank < 20 ? 0.7 : 0.2)
            var steps: Int
            switch partner.status {
            case .prospect: steps = random.chance(0.3) ? 1 : 0
            case .onboarding: steps = random.int(0...3)
            default: steps = full ? 5 : random.int(0...4)
            }
            // Certified staff means the certification was done, whatever else was skipped.
            var items = Array(enablementPath.prefix(steps))
            if partner.certifiedStaff > 0 && !items.contains(.certification) { items.append(.certification) }
            var day = partner.joinedOn.adding(days: random.int(1...30))
            for item in items {
                guard day <= asOf else { break }
                records.append(Enablement(partnerID: partner.id, item: item, completedOn: day))
                day = day.adding(days: random.int(3...90))
            }
        }
        return records
    }

    static let directOwners = ["direct.west", "direct.east", "direct.emea", "direct.apac", "direct.strategic"]

    /// About one prospect in a hundred is a named account of direct sales (at least ten): positions in
    /// the prospect pool, drawn without repeats.
    static func directProspects(pool: Int, random: inout DemoRandom) -> [Int32] {
        let wanted = min(pool, max(10, pool / 100))
        var chosen = Set<Int32>(), order: [Int32] = []
        while order.count < wanted {
            let candidate = Int32(random.below(pool))
            if chosen.insert(candidate).inserted { order.append(candidate) }
        }
        return order
    }

    static func directAccounts(_ positions: [Int32], prospects: DemoProspects,
                               random: inout DemoRandom) -> [DirectAccount] {
        positions.map {
            DirectAccount(domain: prospects.domains[Int($0)], account: prospects.companies[Int($0)],
                          owner: random.element(directOwners))
        }
    }
}
