/// Partners' tiers on an earlier day, from the tier changes the audit trail records (DESIGN.md §3: a
/// tier change applied after D has not happened at D). Undoing a change is recorded as an `undo` whose
/// text does not name the tier it replaced, so only `tier-change` lines count: a change made after D and
/// undone later still shows the tier it started from, which is right.
public struct TierHistory: Sendable, Equatable {
    /// Per partner id, its applied changes in order: when, and the tier it had before.
    let changes: [String: [(at: Int64, from: String)]]

    public init(_ programme: Programme) {
        var changes: [String: [(at: Int64, from: String)]] = [:]
        for entry in programme.audit where entry.action == "tier-change" {
            // "Moved NAME from OLD to NEW": the name may hold anything, the tiers are single words.
            let words = entry.detail.split(separator: " ")
            guard words.count >= 5, words[words.count - 2] == "to", words[words.count - 4] == "from" else { continue }
            changes[entry.subject, default: []].append((entry.at.seconds, String(words[words.count - 3])))
        }
        self.changes = changes
    }

    /// The partner's tier at the end of `asOf`: the tier before its first change after that instant.
    public func tier(of partner: Partner, asOf: AsOf) -> String {
        let end = asOf.endOfDay.seconds
        return changes[partner.id]?.first { $0.at > end }?.from ?? partner.tier
    }

    public static func == (a: TierHistory, b: TierHistory) -> Bool {
        a.changes.count == b.changes.count && a.changes.allSatisfy { id, list in
            guard let other = b.changes[id], other.count == list.count else { return false }
            return zip(list, other).allSatisfy { $0.at == $1.at && $0.from == $1.from }
        }
    }
}
