import ChannelModel

/// The demo's market development funds (DESIGN §8): about one request for every ten registrations,
/// from enrolled partners with an MDF budget, over the same two years as the rest of the history.
///
/// Built to look like a real programme: managers mostly keep within each partner's balance (an
/// over-ask is approved in part, or refused once the budget is spent), most approvals are claimed
/// with proof and paid, some claims come in after the window and lapse or are refused, a few
/// requests wait past the approval window, and registrations that follow a campaign name it.
enum DemoMDF {
    static let reasons = ["Not a joint marketing activity", "Budget for the year is spent", "Duplicate of an earlier request",
                          "Outside the partner's region"]
    static let questions = ["Which accounts will attend?", "Please send the agenda and the co-branding plan",
                            "What pipeline do you expect from it?"]
    static let claimRefusals = ["Claimed after the claim window", "Proof does not show our logo", "Invoice missing"]
    static let themes = ["Spring", "Summer", "Autumn", "Winter", "Regional", "Partner", "Customer", "Executive"]

    struct Output {
        var requests: [MDFRequest]
        var allocations: [MDFAllocation]
    }

    /// Requests in submission order (ids follow time, `M-000001` oldest) and a few explicit allocations;
    /// links about a third of funded campaigns and events to registrations the partner submitted while
    /// the activity ran or just after.
    static func make(count: Int, partners: [Partner], registrations: inout [Registration], policy: Policy, asOf: Day,
                     random: inout DemoRandom) -> Output {
        let budgetOf = Dictionary(policy.tiers.map { ($0.name, $0.mdfPerYear) }, uniquingKeysWith: { a, _ in a })
        let funded = partners.filter { $0.status.isEnrolled && (budgetOf[$0.tier]?.cents ?? 0) > 0 }
        guard count > 0, !funded.isEmpty else { return Output(requests: [], allocations: []) }
        // A tenth of the funded partners negotiated their own amount for this year.
        var allocations: [MDFAllocation] = []
        var budget: [MDFRules.AllocationKey: Int64] = [:]
        for partner in funded where random.chance(0.1) {
            let cents = (budgetOf[partner.tier]!.cents * Int64(random.int(12...25)) / 10) / 100_000 * 100_000
            allocations.append(MDFAllocation(partnerID: partner.id, year: asOf.year, amount: Money(cents: cents)))
            budget[MDFRules.AllocationKey(partnerID: partner.id, year: asOf.year)] = cents
        }
        // Bigger tiers spend more often, though not in proportion to their budget.
        let picker = WeightedPicker(funded.map { Double(budgetOf[$0.tier]!.cents).squareRoot() })
        let span: Int64 = 730 * 86_400
        let end = asOf.endOfDay.seconds
        var times = (0..<count).map { _ in end - Int64(random.below(Int(span))) }
        // A queue of recent requests, some already past the approval window.
        let recent = max(3, count / 60)
        for index in 0..<min(recent, count) { times[index] = end - Int64(random.below(10 * 86_400)) }
        times.sort()
        var used: [MDFRules.AllocationKey: Int64] = [:]
        var requests: [MDFRequest] = []
        requests.reserveCapacity(count)
        for (index, submitted) in times.enumerated() {
            let partner = funded[picker.pick(&random)]
            requests.append(request(index + 1, partner: partner, submitted: Instant(seconds: submitted), policy: policy,
                                    asOf: asOf, budget: &budget, used: &used, tierBudget: budgetOf[partner.tier]!.cents,
                                    random: &random))
        }
        link(requests, to: &registrations, random: &random)
        return Output(requests: requests, allocations: allocations)
    }

    private static func request(_ number: Int, partner: Partner, submitted: Instant, policy: Policy, asOf: Day,
                                budget: inout [MDFRules.AllocationKey: Int64], used: inout [MDFRules.AllocationKey: Int64],
                                tierBudget: Int64, random: inout DemoRandom) -> MDFRequest {
        let activity = random.element(MDFActivity.allCases.filter { $0 != .other } + [.event, .webinar, .campaign])
        let starts = submitted.day.adding(days: random.int(7...45))
        let length = switch activity {
        case .event, .training: random.int(0...2)
        case .webinar: 0
        case .campaign: random.int(14...60)
        default: random.int(7...30)
        }
        let ends = starts.adding(days: length)
        // Most asks are a slice of the year's budget; one in eight is an over-ask.
        let share = random.chance(0.125) ? random.int(30...70) : random.int(2...12)
        let requested = max(20_000, tierBudget * Int64(share) / 100 / 1_000 * 1_000 + Int64(random.below(100)) * 100)
        var r = MDFRequest(id: DemoNames.identifier("M", number, digits: 6), partnerID: partner.id, activity: activity,
                           description: "\(random.element(themes)) \(activity.rawValue) with \(partner.name)", submittedAt: submitted,
                           startsOn: starts, endsOn: ends, requestedAmount: Money(cents: requested), status: .submitted)
        let now = asOf.endOfDay.seconds
        // Decided a few days after submission; some are decided late, and the newest are still waiting.
        let delay = Int64(random.chance(0.15) ? random.int(6...12) : random.int(1...4)) * 86_400 + Int64(random.int(3_600...30_000))
        // The newest are still waiting (some past the approval window), as are a few of the last month's.
        let lastMonth = now - submitted.seconds < 30 * 86_400
        guard submitted.seconds + delay <= now, !(lastMonth && random.chance(0.25)) else {
            if random.chance(0.2) { r.status = .infoRequested; r.note = random.element(questions) }
            return r
        }
        r.decidedAt = Instant(seconds: submitted.seconds + delay)
        let key = MDFRules.AllocationKey(partnerID: partner.id, year: r.year)
        let left = (budget[key] ?? tierBudget) - used[key, default: 0]
        if random.chance(0.06) || left < 20_000 {
            r.status = .rejected
            r.note = left < 20_000 ? reasons[1] : random.element(reasons)
            return r
        }
        // Managers keep within the balance: an over-ask is approved in part.
        var approved = min(requested, left)
        if approved == requested, random.chance(0.2) { approved = requested * Int64(random.int(70...95)) / 100 }
        r.status = .approved
        r.approvedAmount = Money(cents: approved)
        let lastClaimDay = ends.adding(days: policy.mdfClaimDays)
        // Most claim within the window; some late, which lapses or is refused.
        let late = random.chance(0.08)
        let claimDay = max(r.decidedAt!.day.adding(days: 1),
                           ends.adding(days: late ? policy.mdfClaimDays + random.int(1...30) : random.int(3...policy.mdfClaimDays)))
        if late && random.chance(0.6) || claimDay > asOf {
            // Never claimed (yet): committed while the window is open, expired once it closes.
            if lastClaimDay >= asOf { used[key, default: 0] += approved }
            return r
        }
        r.claimedAt = Instant(seconds: claimDay.startOfDay.seconds + Int64(random.int(32_400...61_200)))
        r.claimedAmount = Money(cents: approved * Int64(random.int(80...105)) / 100)
        r.proof = "https://assets.example/\(r.id).pdf"
        r.status = .claimed
        if late || random.chance(0.04) {
            r.status = .claimRejected
            r.note = late ? claimRefusals[0] : random.element(claimRefusals)
            return r
        }
        let paidOn = claimDay.adding(days: random.int(7...35))
        let paid = MDFRules.payAmount(claimed: r.claimedAmount!, approved: r.approvedAmount!)
        if paidOn <= asOf {
            r.status = .paid
            r.paidOn = paidOn
            r.paidAmount = paid
            used[key, default: 0] += paid.cents
        } else {
            used[key, default: 0] += approved
        }
        return r
    }

    /// Registrations a funded campaign or event produced: the partner's own, submitted while the activity
    /// ran or in the six weeks after, not yet linked to another request.
    private static func link(_ requests: [MDFRequest], to registrations: inout [Registration], random: inout DemoRandom) {
        var byPartner: [String: [Int]] = [:]
        for (index, registration) in registrations.enumerated() { byPartner[registration.partnerID, default: []].append(index) }
        for r in requests where [.paid, .claimed].contains(r.status) && [.campaign, .event, .webinar].contains(r.activity) {
            guard random.chance(0.35), let mine = byPartner[r.partnerID] else { continue }
            let from = r.startsOn.startOfDay, to = r.endsOn.adding(days: 42).endOfDay
            var left = random.int(1...4)
            for index in mine where left > 0 && registrations[index].mdfRequestID == nil {
                let at = registrations[index].submittedAt
                guard at >= from, at <= to else { continue }
                registrations[index].mdfRequestID = r.id
                left -= 1
            }
        }
    }
}
