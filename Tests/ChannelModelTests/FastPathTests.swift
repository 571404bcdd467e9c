import ChannelModel
import ChannelResources
import Foundation
import Testing
@testable import ChannelStore

/// The scans that read columns (metrics, tiers, the queue, conflicts, activity, per-partner groups)
/// against the definitions of DESIGN.md §3 written the plain way, over the materialised records —
/// on random programmes, before and after random decisions change rows in place.
@Suite("Fast paths agree with the plain definitions")
struct FastPathTests {
    static let policy = try! JSONDecoder().decode(Policy.self, from: ChannelResources.defaultPolicyJSON())
    static let asOf = Day(year: 2026, month: 9, day: 30)!

    /// A random programme, then `decisions` random decisions on its queue through the reducer.
    static func programme(seed: UInt64, decisions: Int) -> Programme {
        var programme = DemoGenerator.programme(policy: policy, partners: 40, registrations: 2_500, seed: seed, asOf: asOf)
        var random = DemoRandom(seed: seed)
        for seq in 0..<decisions {
            let queued = programme.registrations.indices.filter { programme.registrations.statuses[$0].isQueued }
            let approved = programme.registrations.indices.filter { programme.registrations.statuses[$0] == .approved }
            guard let position = queued.randomElement(using: &random) else { break }
            let id = programme.registrations.ids[position]
            let action: ProgrammeAction = switch Int.random(in: 0..<4, using: &random) {
            case 0: .approve(registrationID: id)
            case 1: .reject(registrationID: id, reason: "Duplicate \(seq)")
            case 2: .requestInfo(registrationID: id, question: "Budget? \(seq)")
            default: .extend(registrationID: approved.randomElement(using: &random).map { programme.registrations.ids[$0] } ?? id)
            }
            _ = try? Reducer.apply(JournalEntry(seq: Int64(seq + 1), generation: 1, at: asOf.endOfDay, actor: "test", action: action),
                                   to: &programme)
        }
        return programme
    }

    @Test(arguments: [(UInt64(1), 0), (2, 40), (3, 120), (4, 300)])
    func columnScansEqualThePlainDefinitions(seed: UInt64, decisions: Int) {
        let programme = Self.programme(seed: seed, decisions: decisions)
        let registrations = Array(programme.registrations), deals = Array(programme.deals)
        // Some partners' first activity day, and the day it leaves the activity window: where an edge
        // of the window decides whether the partner counts as active.
        let firsts = programme.partners.prefix(3).compactMap { partner in
            (registrations.filter { $0.partnerID == partner.id }.map(\.submittedAt.day)
                + deals.filter { $0.partnerID == partner.id }.map(\.closedOn)).min()
        }
        let edges = firsts + firsts.map { $0.adding(days: programme.policy.activityWindowDays) }
        for asOf in [Self.asOf, Self.asOf.adding(days: -45), Self.asOf.adding(days: -400)] + edges {
            let period = Period.quarterToDate(asOf)
            let report = Metrics.report(programme, asOf: asOf, period: period)
            let indexed = Metrics.report(programme, asOf: asOf, period: period, index: ActivityIndex(programme))
            #expect(indexed == report)

            // Revenue: won deals closed in the period, split by attribution.
            let won = deals.filter { $0.outcome == .won && period.contains($0.closedOn) }
            #expect(report.partnerSourcedARR == won.filter { $0.attribution == .sourced }.reduce(.zero) { $0 + $1.acv })
            #expect(report.partnerInfluencedARR == won.filter { $0.attribution == .influenced }.reduce(.zero) { $0 + $1.acv })

            // Active partners: enrolled, with a registration or deal in the window.
            let earliest = asOf.adding(days: -programme.policy.activityWindowDays)
            let activeIDs = Set(registrations.filter { earliest < $0.submittedAt.day && $0.submittedAt.day <= asOf }.map(\.partnerID)
                                + deals.filter { earliest < $0.closedOn && $0.closedOn <= asOf }.map(\.partnerID))
            let enrolled = programme.partners.filter { Metrics.isEnrolled($0, asOf: asOf) }
            #expect(report.enrolledPartners == enrolled.count)
            #expect(report.activePartners == enrolled.filter { activeIDs.contains($0.id) }.count)
            #expect(Metrics.activePartnerIDs(programme, asOf: asOf) == activeIDs)
            // The window's edges: what happened on its first and last days.
            let index = ActivityIndex(programme)
            for partner in programme.partners {
                let days = registrations.filter { $0.partnerID == partner.id }.map(\.submittedAt.day)
                    + deals.filter { $0.partnerID == partner.id }.map(\.closedOn)
                #expect(index.lastActivity(partner.id, onOrBefore: asOf) == days.filter { $0 <= asOf }.max())
                #expect(index.isActive(partner.id, asOf: asOf) == activeIDs.contains(partner.id))
            }

            // Concentration: sourced won ACV per partner, largest first.
            var byPartner: [String: Money] = [:]
            for deal in won where deal.attribution == .sourced { byPartner[deal.partnerID, default: .zero] += deal.acv }
            #expect(Metrics.sourcedRanking(programme, period: period).map(\.partnerId)
                    == byPartner.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key))

            // Tiers: trailing 365 days of sourced wins.
            var trailing: [String: Money] = [:]
            for deal in deals where deal.isSourcedWin && asOf.adding(days: -365) < deal.closedOn && deal.closedOn <= asOf {
                trailing[deal.partnerID, default: .zero] += deal.acv
            }
            #expect(TierEngine.trailingSourcedARR(programme, asOf: asOf) == trailing)

            // Open registrations by registrable domain, as they stood at the end of the day (DESIGN.md §3):
            // submitted by then, and queued then (decided later), or approved then with protection ahead.
            let end = asOf.endOfDay
            let closedLater = Set(deals.filter { $0.closedOn > asOf }.compactMap(\.registrationID))
            func wasOpen(_ registration: Registration) -> Bool {
                guard registration.submittedAt <= end else { return false }
                if registration.status.isQueued { return true }
                if let decided = registration.decidedAt, decided > end { return true }
                guard let until = registration.protectedUntil, until >= asOf else { return false }
                switch registration.status {
                case .approved, .expired: return true
                case .closedWon, .closedLost: return closedLater.contains(registration.id)
                default: return false
                }
            }
            var open: [String: [Int]] = [:]
            for (position, registration) in registrations.enumerated() where wasOpen(registration) {
                open[registration.registrableDomain, default: []].append(position)
            }
            #expect(ConflictDetector.openByDomain(programme, asOf: asOf) == open)
        }

        // Queue: queued registrations in (group, submitted, id) order, and the SLA counts.
        let keyed = registrations.enumerated().filter { $0.element.status.isQueued }.map { position, registration in
            (ConflictDetector.QueueKey(registration, priority: ConflictDetector.hasPriority(registration.partnerID, in: programme)), position)
        }
        #expect(ConflictDetector.queuedPositions(programme) == keyed.sorted { $0.0 < $1.0 }.map(\.1))
        let sla = Int64(programme.policy.approvalSLAHours) * 3600
        let pending = registrations.filter { $0.status == .pending }
        #expect(Metrics.queueCounts(programme, asOf: Self.asOf)
                == (registrations.filter(\.status.isQueued).count,
                    pending.filter { $0.submittedAt.adding(seconds: sla) < Self.asOf.endOfDay }.count))

        // Per-partner groups and look-ups.
        let byPartner = programme.registrationPositionsByPartner()
        for partner in programme.partners.prefix(10) {
            let plain = registrations.indices.filter { registrations[$0].partnerID == partner.id }
            #expect(programme.registrationPositions(ofPartner: partner.id) == plain)
            #expect(byPartner[partner.id] ?? [] == plain)
            #expect(programme.dealPositions(ofPartner: partner.id) == deals.indices.filter { deals[$0].partnerID == partner.id })
        }
        for (position, registration) in registrations.enumerated() where position % 11 == 0 {
            #expect(programme.registration(registration.id) == registration)
        }
        #expect(Commissions.lines(programme) == deals.compactMap { Commissions.line(for: $0, in: programme) })
    }

    /// The activity window is `asOf − window < day <= asOf`, for registrations and deals alike.
    @Test func theActivityWindowsEdges() throws {
        var programme = Programme(policy: Self.policy)
        let day = Self.asOf.adding(days: -100), window = Self.policy.activityWindowDays
        programme.upsert(Partner(id: "P-1", name: "Edge", type: .reseller, tier: Self.policy.tiers[0].name, region: "EMEA",
                                 status: .active, joinedOn: day.adding(days: -500), owner: "o", certifiedStaff: 0))
        programme.upsert(Partner(id: "P-2", name: "Deal", type: .reseller, tier: Self.policy.tiers[0].name, region: "EMEA",
                                 status: .active, joinedOn: day.adding(days: -500), owner: "o", certifiedStaff: 0))
        programme.upsert(Registration(id: "R-1", partnerID: "P-1", prospectCompany: "A", prospectDomain: "a.com",
                                      estimatedACV: Money(cents: 100), submittedAt: Instant(seconds: Int64(day.ordinal) * 86_400 + 86_399),
                                      status: .pending))
        programme.upsert(Deal(id: "D-1", partnerID: "P-2", registrationID: nil, account: "B", domain: "b.com",
                              acv: Money(cents: 100), closedOn: day, outcome: .lost, attribution: .influenced))
        for (offset, active) in [(-1, false), (0, true), (window - 1, true), (window, false)] {
            let asOf = day.adding(days: offset)
            let expected: Set<String> = active ? ["P-1", "P-2"] : []
            #expect(Metrics.activePartnerIDs(programme, asOf: asOf) == expected, "as of day + \(offset)")
            #expect(programme.partners.map { ActivityIndex(programme).isActive($0.id, asOf: asOf) } == [active, active])
        }
    }
}
