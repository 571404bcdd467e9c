/// Which NPS responses count (DESIGN §3): each partner's latest response only; on the same day the
/// later row. The metrics' partner NPS and the console's per-partner NPS both read this.
public enum NetPromoter {
    /// Each partner's latest response dated in `from...through` (no lower bound when `from` is nil).
    public static func latest(_ programme: Programme, from: Day? = nil, through: Day) -> [String: NPSResponse] {
        var latest: [String: NPSResponse] = [:]
        for response in programme.npsResponses where response.respondedOn <= through && from.map({ response.respondedOn >= $0 }) ?? true {
            if let current = latest[response.partnerID], current.respondedOn > response.respondedOn { continue }
            latest[response.partnerID] = response
        }
        return latest
    }

    /// 100 × (promoters − detractors) / responses over `responses`; nil when there are none.
    public static func score(_ responses: some Collection<NPSResponse>) -> Double? {
        guard !responses.isEmpty else { return nil }
        let promoters = responses.filter { $0.score >= 9 }.count
        let detractors = responses.filter { $0.score <= 6 }.count
        return 100 * Double(promoters - detractors) / Double(responses.count)
    }
}
