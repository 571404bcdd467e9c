/// How dependent the programme is on a few partners: the answer none of the web PRM suites gives.
public struct ConcentrationReport: Hashable, Sendable, Codable {
    /// One partner's place in the ranking.
    public struct Rank: Hashable, Sendable, Codable {
        public var partnerId: String
        public var name: String
        public var sourcedARR: Money
        public var share: Double
        public var cumulativeShare: Double
    }

    /// How loudly to say it.
    public enum Risk: String, Sendable, Codable { case low, moderate, high }

    public var from: Day
    public var to: Day
    public var partnerSourcedARR: Money
    /// Partners with sourced ARR in the period, largest first (ties by id).
    public var ranking: [Rank]
    /// How many partners the distribution covers: enrolled partners plus any other partner with revenue.
    public var population: Int
    public var top5Share: Double
    public var hhi: Double
    /// 0 = every partner brings the same, 1 = one partner brings everything (over `population`).
    public var gini: Double
    /// The fewest partners whose sourced ARR reaches 80% of the total.
    public var partnersFor80Percent: Int
    /// The Lorenz curve: (share of partners, share of revenue), from (0,0) to (1,1), poorest first.
    public var lorenz: [LorenzPoint]
    public var risk: Risk

    public struct LorenzPoint: Hashable, Sendable, Codable {
        public var partners: Double
        public var revenue: Double

        public init(partners: Double, revenue: Double) {
            self.partners = partners
            self.revenue = revenue
        }
    }

    /// The risk in words, e.g. "top 5 partners = 61% of sourced ARR — high concentration".
    public var summary: String {
        guard partnerSourcedARR.cents > 0 else { return "no partner-sourced ARR in this period" }
        let percent = Int((top5Share * 100).rounded())
        let top = min(5, ranking.count)
        return "top \(top) partner\(top == 1 ? "" : "s") = \(percent)% of sourced ARR — \(risk.rawValue) concentration"
    }
}

/// Concentration analytics over one period (DESIGN.md §3 shares; Gini and Lorenz over the programme).
public enum Concentration {
    /// Above either line concentration is high; the HHI lines are the usual antitrust ones
    /// (1,500 moderately, 2,500 highly concentrated).
    public static let highTop5 = 0.6, moderateTop5 = 0.4, highHHI = 2500.0, moderateHHI = 1500.0

    public static func analyse(_ programme: Programme, asOf: Day, period: Period) -> ConcentrationReport {
        let ranking = Metrics.sourcedRanking(programme, period: period)
        let total = ranking.reduce(Int64(0)) { $0 + $1.sourcedARR.cents }
        var cumulative: Int64 = 0
        var ranks: [ConcentrationReport.Rank] = []
        var for80 = 0
        for share in ranking {
            cumulative += share.sourcedARR.cents
            let cumulativeShare = total == 0 ? 0 : Double(cumulative) / Double(total)
            if for80 == 0 && cumulative * 10 >= total * 8 { for80 = ranks.count + 1 }
            ranks.append(.init(partnerId: share.partnerId, name: share.name, sourcedARR: share.sourcedARR,
                               share: share.share, cumulativeShare: cumulativeShare))
        }
        // Zero earners are part of the distribution: a programme where 5 of 200 partners bring
        // everything is more concentrated than one where 5 of 6 do.
        let earners = Set(ranking.map(\.partnerId))
        let silent = programme.partners.filter { Metrics.isEnrolled($0, asOf: asOf) && !earners.contains($0.id) }.count
        let ascending = Array(repeating: Int64(0), count: silent) + ranking.map(\.sourcedARR.cents).reversed()
        let top5 = total == 0 ? 0 : Double(ranking.prefix(5).reduce(Int64(0)) { $0 + $1.sourcedARR.cents }) / Double(total)
        let hhi = ranking.reduce(0.0) { $0 + ($1.share * 100) * ($1.share * 100) }
        let risk: ConcentrationReport.Risk = top5 >= highTop5 || hhi >= highHHI ? .high
            : top5 >= moderateTop5 || hhi >= moderateHHI ? .moderate : .low
        return ConcentrationReport(
            from: period.from, to: period.to, partnerSourcedARR: Money(cents: total), ranking: ranks,
            population: ascending.count, top5Share: top5, hhi: hhi, gini: gini(ascending),
            partnersFor80Percent: total == 0 ? 0 : for80, lorenz: lorenz(ascending), risk: total == 0 ? .low : risk)
    }

    /// Gini of values sorted ascending: (2 Σ i·xᵢ) / (n Σ x) − (n + 1) / n, with i from 1.
    public static func gini(_ ascending: [Int64]) -> Double {
        let n = Double(ascending.count)
        let total = Double(ascending.reduce(0, +))
        guard n > 0, total > 0 else { return 0 }
        let weighted = ascending.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * Double($1.element) }
        return 2 * weighted / (n * total) - (n + 1) / n
    }

    static func lorenz(_ ascending: [Int64]) -> [ConcentrationReport.LorenzPoint] {
        let total = Double(ascending.reduce(0, +))
        guard !ascending.isEmpty, total > 0 else { return [.init(partners: 0, revenue: 0), .init(partners: 1, revenue: 1)] }
        var points = [ConcentrationReport.LorenzPoint(partners: 0, revenue: 0)]
        var running: Int64 = 0
        for (index, value) in ascending.enumerated() {
            running += value
            points.append(.init(partners: Double(index + 1) / Double(ascending.count), revenue: Double(running) / total))
        }
        return points
    }
}
