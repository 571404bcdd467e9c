import ChannelModel
import Foundation

/// A demo registration as numbers only: a million of these sort and scan cheaply, and strings are
/// made once, at the end, when the rows are final.
struct RegistrationPlan {
    var partner: Int32
    var prospect: Int32
    var variant: UInt8
    var status: RegistrationStatus
    /// 1 + index into `DemoRegistrations.rejections` or `.questions`; 0 for no note.
    var note: UInt8 = 0
    var submitted: Int64
    /// Seconds of the decision, or -1 while the registration waits.
    var decided: Int64 = -1
    var acvCents: Int64

    var isDecided: Bool { decided >= 0 }
    var decidedDay: Day { Instant(seconds: decided).day }
}

/// Two years of deal registrations: decided history, today's queue, and the conflicts a channel
/// manager has to untangle in it.
enum DemoRegistrations {
    static let rejections = [
        "Prospect is already engaged by direct sales",
        "Existing customer: renewal, not new business",
        "No budget or timeline confirmed with the prospect",
        "Outside the partner's territory",
        "Duplicate of an earlier registration",
        "Below the programme's minimum deal size",
    ]

    static let questions = [
        "Please confirm the economic buyer and timeline",
        "What is the expected product mix behind this estimate?",
        "Has the prospect approved budget for this year?",
        "Is this a new business unit or an existing customer?",
    ]

    /// How many registrations wait in the queue: a working backlog of 1.5%, never fewer than ten so a
    /// small demo still has a queue worth triaging.
    static func queueSize(_ count: Int) -> Int { min(count, max(10, count * 15 / 1000)) }

    /// Every registration, oldest first. History draws prospects from `0..<historyPool`; the queue
    /// uses the fresh prospects after it, so its only conflicts are the ones planted on purpose.
    static func plan(count: Int, partners: [PartnerPlan], historyPool: Int, directProspects: [Int32],
                     policy: Policy, asOf: Day, random: inout DemoRandom) -> [RegistrationPlan] {
        guard count > 0, !partners.isEmpty else { return [] }
        let queued = queueSize(count)
        var plans: [RegistrationPlan] = []
        plans.reserveCapacity(count)
        history(count - queued, into: &plans, partners: partners, pool: historyPool, policy: policy,
                asOf: asOf, random: &random)
        var queue = self.queue(queued, partners: partners, firstProspect: historyPool, policy: policy, asOf: asOf,
                               random: &random)
        plantConflicts(in: &queue, history: plans, directProspects: directProspects, policy: policy,
                       asOf: asOf, random: &random)
        plans += queue
        plans.sort { $0.submitted < $1.submitted }
        return plans
    }

    /// Decided registrations: submitted over the last two years while the partner was active, decided
    /// within about two days, then protected, won, lost, expired or rejected.
    private static func history(_ count: Int, into plans: inout [RegistrationPlan], partners: [PartnerPlan],
                                pool: Int, policy: Policy, asOf: Day, random: inout DemoRandom) {
        let lastDay = asOf.adding(days: -1)
        let picker = WeightedPicker(partners.map { $0.activeFrom <= min($0.activeUntil, lastDay) ? $0.weight : 0 })
        guard !picker.isEmpty, pool > 0 else { return }
        let now = asOf.endOfDay.seconds
        for _ in 0..<count {
            let partner = picker.pick(&random)
            let from = partners[partner].activeFrom, until = min(partners[partner].activeUntil, lastDay)
            let day = from.adding(days: random.below(from.distance(to: until) + 1))
            let submitted = day.startOfDay.seconds + Int64(businessSecond(&random))
            var plan = RegistrationPlan(partner: Int32(partner), prospect: Int32(random.below(pool)),
                                        variant: DemoProspects.variant(&random), status: .approved,
                                        submitted: submitted, acvCents: estimatedACV(&random))
            plan.decided = min(now, submitted + decisionDelay(&random))
            decide(&plan, policy: policy, asOf: asOf, random: &random)
            plans.append(plan)
        }
    }

    /// The outcome of a decided registration; one still inside its protection window is mostly still
    /// `approved`, because its deal has not closed yet.
    private static func decide(_ plan: inout RegistrationPlan, policy: Policy, asOf: Day, random: inout DemoRandom) {
        if random.chance(0.12) {
            plan.status = .rejected
            plan.note = UInt8(1 + random.below(rejections.count))
            return
        }
        let protected = plan.decidedDay.adding(days: policy.protectionDays) >= asOf
        let roll = random.unit()
        let (won, lost) = protected ? (0.10, 0.06) : (0.16, 0.11)
        plan.status = roll < won ? .closedWon : roll < won + lost ? .closedLost : protected ? .approved : .expired
    }

    /// Today's queue: pending ones both inside and past the approval SLA, and some waiting on the
    /// partner (`info_requested`, which pauses the SLA clock).
    private static func queue(_ count: Int, partners: [PartnerPlan], firstProspect: Int, policy: Policy,
                              asOf: Day, random: inout DemoRandom) -> [RegistrationPlan] {
        // Only partners still selling register today.
        var picker = WeightedPicker(partners.map { $0.activeUntil >= asOf && $0.isEnrolled ? $0.rate : 0 })
        if picker.isEmpty { picker = WeightedPicker(partners.map { _ in 1 }) }
        let end = asOf.endOfDay.seconds
        let sla = Int64(policy.approvalSLAHours) * 3600
        return (0..<count).map { index in
            var plan = RegistrationPlan(partner: Int32(picker.pick(&random)), prospect: Int32(firstProspect + index),
                                        variant: DemoProspects.variant(&random), status: .pending,
                                        submitted: 0, acvCents: estimatedACV(&random))
            switch random.below(10) {
            case 0, 1:
                plan.status = .infoRequested
                plan.note = UInt8(1 + random.below(questions.count))
                plan.submitted = end - Int64(random.int(3 * 86_400...25 * 86_400))
            case 2, 3, 4:
                plan.submitted = end - Int64(random.below(Int(sla) - 60))                 // within the SLA
            default:
                plan.submitted = end - sla - 60 - Int64(random.below(12 * 86_400))      // breached
            }
            return plan
        }
    }

    /// Points some queued registrations at prospects already claimed: by another partner (`partner`),
    /// by the same partner (`duplicate`), or owned by direct sales (`direct`). Each plants at least two
    /// of its kind, so every conflict badge of the console has something to show.
    private static func plantConflicts(in queue: inout [RegistrationPlan], history: [RegistrationPlan],
                                       directProspects: [Int32], policy: Policy, asOf: Day,
                                       random: inout DemoRandom) {
        var slots = Array(queue.indices)
        random.shuffle(&slots)
        func take() -> Int? { slots.popLast() }
        let protectedHistory = history.indices.filter {
            history[$0].status == .approved && history[$0].decidedDay.adding(days: policy.protectionDays) >= asOf
        }
        for _ in 0..<max(2, queue.count / 10) {
            guard let target = take() else { break }
            if !protectedHistory.isEmpty && random.chance(0.6) {
                let rival = history[protectedHistory[random.below(protectedHistory.count)]]
                if rival.partner != queue[target].partner { claim(&queue[target], like: rival, random: &random); continue }
            }
            // Two partners racing for the same prospect, both still waiting.
            guard let rival = take() else { break }
            if queue[rival].partner == queue[target].partner { continue }
            claim(&queue[target], like: queue[rival], random: &random)
        }
        for _ in 0..<max(2, queue.count * 3 / 100) {
            guard let first = take(), let second = take() else { break }
            queue[second].partner = queue[first].partner
            claim(&queue[second], like: queue[first], random: &random)
        }
        guard !directProspects.isEmpty else { return }
        for _ in 0..<max(2, queue.count * 3 / 100) {
            guard let target = take() else { break }
            queue[target].prospect = directProspects[random.below(directProspects.count)]
        }
    }

    /// Same prospect, typed differently: conflicts must be found by registrable domain, not by text.
    private static func claim(_ plan: inout RegistrationPlan, like other: RegistrationPlan, random: inout DemoRandom) {
        plan.prospect = other.prospect
        plan.variant = (other.variant + 1 + UInt8(random.below(2))) % UInt8(DemoProspects.subdomains.count + 1)
    }

    /// Log-normal around 28k, kept to the 5k–500k a mid-market programme sees.
    static func estimatedACV(_ random: inout DemoRandom) -> Int64 {
        let units = exp(log(28_000) + 0.85 * random.normal())
        return Int64((min(500_000, max(5_000, units)) * 100).rounded())
    }

    /// Most decisions within two days, a few slow ones, as any real queue has.
    private static func decisionDelay(_ random: inout DemoRandom) -> Int64 {
        let roll = random.below(100)
        if roll < 85 { return Int64(random.int(3_600...40 * 3_600)) }
        if roll < 96 { return Int64(random.int(40 * 3_600...60 * 3_600)) }
        return Int64(random.int(60 * 3_600...120 * 3_600))
    }

    /// A moment between 06:00 and 20:00 UTC: partners submit in working hours across time zones.
    private static func businessSecond(_ random: inout DemoRandom) -> Int {
        random.int(6 * 3_600...20 * 3_600 - 1)
    }
}
