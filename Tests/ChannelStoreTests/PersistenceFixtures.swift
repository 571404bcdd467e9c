import ChannelModel
import ChannelStore
import Foundation

/// A small programme touching every record kind and every optional, for the round-trip tests.
enum PersistenceFixtures {
    static let policy = Policy(
        tiers: [
            Tier(name: "gold", minTrailingSourcedARR: Money(cents: 25_000_000), minCertifiedStaff: 3,
                 referralCommission: 0.2, resellerDiscount: 0.3, mdfPerYear: Money(cents: 2_000_000), priorityRegistration: true),
            Tier(name: "registered", minTrailingSourcedARR: .zero, minCertifiedStaff: 0,
                 referralCommission: 0.1, resellerDiscount: 0.15, mdfPerYear: .zero, priorityRegistration: false),
        ],
        approvalSLAHours: 48, protectionDays: 90, extensionDays: 30, maxExtensions: 1, activityWindowDays: 90,
        tierGraceDays: 90)

    static func day(_ text: String) -> Day { Day(parsing: text)! }
    static func instant(_ text: String) -> Instant { Instant(parsing: text)! }

    static let partners = [
        Partner(id: "P-001", name: "株式会社サクラ", type: .systemIntegrator, tier: "gold", region: "APAC",
                status: .active, joinedOn: day("2024-01-15"), owner: "alice", certifiedStaff: 4),
        Partner(id: "P-002", name: "Acme 🚀 Resale", type: .reseller, tier: "registered", region: "",
                status: .onboarding, joinedOn: day("1969-12-31"), owner: "bob", certifiedStaff: 0),
    ]

    static let registrations = [
        Registration(id: "R-1", partnerID: "P-001", prospectCompany: "Globex", prospectDomain: "www.globex.co.uk",
                     estimatedACV: Money(cents: 12_345_678), submittedAt: instant("2026-09-01T10:20:30Z"), status: .pending),
        Registration(id: "R-2", partnerID: "P-002", prospectCompany: "", prospectDomain: "initech.com",
                     estimatedACV: Money(cents: -5), submittedAt: instant("2026-08-01T00:00:00Z"), status: .approved,
                     decidedAt: instant("2026-08-02T09:00:00Z"), protectedUntil: day("2026-10-31"),
                     tierAtApproval: "registered", extensions: 1, note: ""),
        Registration(id: "R-3", partnerID: "P-001", prospectCompany: "Ünïcödé GmbH", prospectDomain: "umlaut.de",
                     estimatedACV: .zero, submittedAt: instant("2026-07-01T23:59:59Z"), status: .rejected,
                     decidedAt: instant("2026-07-03T12:00:00Z"), note: "duplicate of R-2 😕"),
    ]

    static let deals = [
        Deal(id: "D-1", partnerID: "P-002", registrationID: "R-2", account: "Initech", domain: "initech.com",
             acv: Money(cents: 9_999_999), closedOn: day("2026-09-15"), outcome: .won, attribution: .sourced),
        Deal(id: "D-2", partnerID: "P-001", registrationID: nil, account: "Hooli", domain: "hooli.com",
             acv: Money(cents: 100), closedOn: day("2026-06-30"), outcome: .lost, attribution: .influenced),
    ]

    static func programme() throws -> Programme {
        try Programme.loaded(
            policy: policy, partners: partners, registrations: registrations, deals: deals,
            investments: [Investment(date: day("2026-07-01"), category: "MDF", amount: Money(cents: 500_000), note: "Q3 co-marketing")],
            npsResponses: [NPSResponse(partnerID: "P-001", respondedOn: day("2026-08-08"), score: 9),
                           NPSResponse(partnerID: "P-002", respondedOn: day("2026-08-08"), score: 0)],
            directAccounts: [DirectAccount(domain: "bigco.com", account: "BigCo", owner: "carol")],
            enablement: [Enablement(partnerID: "P-001", item: .dealSupport, completedOn: day("2025-03-01"))],
            audit: [AuditEntry(seq: 1, at: instant("2026-09-02T08:00:00Z"), actor: "alice", action: "approve",
                               subject: "R-2", detail: "Approved R-2")])
    }
}

/// A fresh directory under the system temp dir, removed when the test is done with it.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("channeldesk-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
