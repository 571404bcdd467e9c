import ChannelModel

/// Generates a realistic demo partner programme: the data behind `channeldesk demo`, the benchmark
/// and any test that needs a programme bigger than the sample.
///
/// The programme is a pure function of its arguments — the same arguments give an identical programme
/// on every run and machine — so a demo can be reproduced, and a benchmark compared, from its seed.
/// It is built to show the console at work: a lopsided revenue ranking (a few partners bring most
/// sourced ARR), a queue with SLA breaches and conflicts of every kind, tiers out of step with revenue,
/// and names in many scripts.
public enum DemoGenerator {
    /// A programme of `partners` partners and `registrations` registrations (about 0.3 deals per
    /// registration), with two years of history up to `asOf`.
    ///
    /// Ids widen past five digits (partners) and seven (registrations, deals) when the counts need it.
    public static func programme(policy: Policy, partners: Int = 300, registrations: Int = 20_000,
                                 seed: UInt64 = 1, asOf: Day) -> Programme {
        precondition(partners >= 0 && registrations >= 0, "counts are not negative")
        let registrationCount = partners == 0 ? 0 : registrations
        // One stream per part, so that tuning one part leaves the others' data as it was.
        let root = DemoRandom(seed: seed)
        var partnerRandom = root.fork(1), prospectRandom = root.fork(2), registrationRandom = root.fork(3)
        var dealRandom = root.fork(4), tierRandom = root.fork(5), activityRandom = root.fork(6)

        let partnerPlans = DemoPartners.make(count: partners, asOf: asOf, random: &partnerRandom)
        let queued = registrationCount == 0 ? 0 : DemoRegistrations.queueSize(registrationCount)
        // History reuses prospects (about two registrations each); the queue gets fresh ones.
        let historyPool = max(20, (registrationCount - queued) / 2)
        let prospects = DemoProspects(count: historyPool + queued, random: &prospectRandom)
        let direct = DemoActivity.directProspects(pool: historyPool, random: &activityRandom)
        let registrationPlans = DemoRegistrations.plan(
            count: registrationCount, partners: partnerPlans, historyPool: historyPool, directProspects: direct,
            policy: policy, asOf: asOf, random: &registrationRandom)
        let dealPlans = DemoDeals.plan(registrations: registrationPlans, partners: partnerPlans,
                                       historyPool: historyPool, policy: policy, asOf: asOf, random: &dealRandom)
        let tiers = DemoTiers.assign(partners: partnerPlans, deals: dealPlans, policy: policy, asOf: asOf,
                                     random: &tierRandom)

        let partnerRecords = partnerPlans.indices.map { index in
            let plan = partnerPlans[index]
            return Partner(id: plan.id, name: plan.name, type: plan.type, tier: tiers[index], region: plan.region,
                           status: plan.status, joinedOn: plan.joinedOn, owner: plan.owner,
                           certifiedStaff: plan.certifiedStaff)
        }
        var registrationRecords = materialise(registrationPlans, partners: partnerPlans, tiers: tiers,
                                              prospects: prospects, policy: policy)
        var mdfRandom = root.fork(7)
        let mdf = DemoMDF.make(count: registrationCount / 10, partners: partnerRecords, registrations: &registrationRecords,
                               policy: policy, asOf: asOf, random: &mdfRandom)
        let dealRecords = materialise(dealPlans, registrations: registrationRecords, partners: partnerPlans,
                                      prospects: prospects)
        do {
            return try Programme.loaded(
                policy: policy, partners: partnerRecords, registrations: registrationRecords, deals: dealRecords,
                investments: DemoActivity.investments(deals: dealPlans, asOf: asOf, random: &activityRandom),
                npsResponses: DemoActivity.npsResponses(partners: partnerPlans, asOf: asOf, random: &activityRandom),
                directAccounts: DemoActivity.directAccounts(direct, prospects: prospects, random: &activityRandom),
                enablement: DemoActivity.enablement(partners: partnerPlans, asOf: asOf, random: &activityRandom),
                audit: [], mdfRequests: mdf.requests, mdfAllocations: mdf.allocations)
        } catch {
            preconditionFailure("demo ids are numbered in sequence and cannot repeat: \(error)")
        }
    }

    /// Registration rows from their plans; ids follow submission order, so `R-0000001` is the oldest.
    private static func materialise(_ plans: [RegistrationPlan], partners: [PartnerPlan], tiers: [String],
                                    prospects: DemoProspects, policy: Policy) -> [Registration] {
        let partnerIDs = partners.map(\.id)
        let protectionDays = policy.protectionDays, digits = DemoNames.digits(7, for: plans.count)
        return DemoParallel.rows(count: plans.count) { position in
            let plan = plans[position]
            let partner = Int(plan.partner), prospect = Int(plan.prospect)
            let approved = plan.isDecided && plan.status != .rejected
            let note: String? = switch plan.status {
            case _ where plan.note == 0: nil
            case .rejected: DemoRegistrations.rejections[Int(plan.note) - 1]
            default: DemoRegistrations.questions[Int(plan.note) - 1]
            }
            return Registration(
                id: DemoNames.identifier("R", position + 1, digits: digits), partnerID: partnerIDs[partner],
                prospectCompany: prospects.companies[prospect],
                prospectDomain: prospects.domain(prospect, variant: plan.variant),
                estimatedACV: Money(cents: plan.acvCents), submittedAt: Instant(seconds: plan.submitted),
                status: plan.status, decidedAt: plan.isDecided ? Instant(seconds: plan.decided) : nil,
                protectedUntil: approved ? plan.decidedDay.adding(days: protectionDays) : nil,
                // As an import would record it: the tier the partner holds, for every decided row.
                tierAtApproval: plan.isDecided ? tiers[partner] : nil,
                note: note)
        }
    }

    /// Deal rows; a registered deal names the account and domain exactly as its registration did.
    private static func materialise(_ plans: [DealPlan], registrations: [Registration], partners: [PartnerPlan],
                                    prospects: DemoProspects) -> [Deal] {
        let partnerIDs = partners.map(\.id), digits = DemoNames.digits(7, for: plans.count)
        return DemoParallel.rows(count: plans.count) { position in
            let plan = plans[position]
            let registration = plan.registration >= 0 ? registrations[Int(plan.registration)] : nil
            return Deal(
                id: DemoNames.identifier("D", position + 1, digits: digits), partnerID: partnerIDs[Int(plan.partner)],
                registrationID: registration?.id,
                account: registration?.prospectCompany ?? prospects.companies[Int(plan.prospect)],
                domain: registration?.prospectDomain ?? prospects.domains[Int(plan.prospect)],
                acv: Money(cents: plan.acvCents), closedOn: plan.closedOn,
                outcome: plan.won ? .won : .lost, attribution: plan.sourced ? .sourced : .influenced)
        }
    }
}
