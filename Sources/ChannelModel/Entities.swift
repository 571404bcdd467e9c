/// A company in the partner programme.
public struct Partner: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var type: PartnerType
    /// Name of a tier of the programme's policy.
    public var tier: String
    public var region: String
    public var status: PartnerStatus
    public var joinedOn: Day
    public var owner: String
    public var certifiedStaff: Int

    public init(id: String, name: String, type: PartnerType, tier: String, region: String,
                status: PartnerStatus, joinedOn: Day, owner: String, certifiedStaff: Int) {
        self.id = id; self.name = name; self.type = type; self.tier = tier; self.region = region
        self.status = status; self.joinedOn = joinedOn; self.owner = owner; self.certifiedStaff = certifiedStaff
    }
}

/// A partner's claim on a prospect: approved, it protects the partner's deal for a window.
public struct Registration: Hashable, Sendable, Codable {
    public var id: String
    public var partnerID: String
    public var prospectCompany: String
    public var prospectDomain: String
    /// Derived from `prospectDomain` when asked: the scans over every registration read the table's
    /// stored column instead, so paying for it in every record made bought nothing.
    public var registrableDomain: String { Domain.key(prospectDomain) }
    public var estimatedACV: Money
    public var submittedAt: Instant
    public var status: RegistrationStatus
    public var decidedAt: Instant?
    public var protectedUntil: Day?
    /// The partner's tier when the registration was approved: it fixes the commission rate.
    public var tierAtApproval: String?
    /// How many times protection was extended (the policy allows a number, by default one).
    public var extensions: Int
    /// The reason of a rejection or the question of an info request.
    public var note: String?
    /// The MDF request whose activity produced this registration (DESIGN §4): MDF ROI counts its wins.
    public var mdfRequestID: String?

    private enum CodingKeys: String, CodingKey {
        case id, partnerID, prospectCompany, prospectDomain, estimatedACV, submittedAt, status, decidedAt
        case protectedUntil, tierAtApproval, extensions, note, mdfRequestID
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), partnerID: try c.decode(String.self, forKey: .partnerID),
            prospectCompany: try c.decode(String.self, forKey: .prospectCompany),
            prospectDomain: try c.decode(String.self, forKey: .prospectDomain),
            estimatedACV: try c.decode(Money.self, forKey: .estimatedACV),
            submittedAt: try c.decode(Instant.self, forKey: .submittedAt),
            status: try c.decode(RegistrationStatus.self, forKey: .status),
            decidedAt: try c.decodeIfPresent(Instant.self, forKey: .decidedAt),
            protectedUntil: try c.decodeIfPresent(Day.self, forKey: .protectedUntil),
            tierAtApproval: try c.decodeIfPresent(String.self, forKey: .tierAtApproval),
            extensions: try c.decodeIfPresent(Int.self, forKey: .extensions) ?? 0,
            note: try c.decodeIfPresent(String.self, forKey: .note),
            mdfRequestID: try c.decodeIfPresent(String.self, forKey: .mdfRequestID))
    }

    public init(id: String, partnerID: String, prospectCompany: String, prospectDomain: String,
                estimatedACV: Money, submittedAt: Instant, status: RegistrationStatus,
                decidedAt: Instant? = nil, protectedUntil: Day? = nil, tierAtApproval: String? = nil,
                extensions: Int = 0, note: String? = nil, mdfRequestID: String? = nil) {
        self.id = id; self.partnerID = partnerID; self.prospectCompany = prospectCompany
        self.prospectDomain = prospectDomain
        self.estimatedACV = estimatedACV; self.submittedAt = submittedAt; self.status = status
        self.decidedAt = decidedAt; self.protectedUntil = protectedUntil; self.tierAtApproval = tierAtApproval
        self.extensions = extensions; self.note = note; self.mdfRequestID = mdfRequestID
    }

    /// Open registrations hold a claim on their prospect as of `asOf` (DESIGN.md §3, conflicts).
    public func isOpen(asOf: Day) -> Bool {
        switch status {
        case .pending, .infoRequested: return true
        case .approved: return protectedUntil.map { $0 >= asOf } ?? false
        default: return false
        }
    }
}

/// A closed opportunity, won or lost, that a partner sourced or influenced.
public struct Deal: Hashable, Sendable, Codable {
    public var id: String
    public var partnerID: String
    public var registrationID: String?
    public var account: String
    public var domain: String
    public var acv: Money
    public var closedOn: Day
    public var outcome: DealOutcome
    public var attribution: Attribution

    public init(id: String, partnerID: String, registrationID: String?, account: String, domain: String,
                acv: Money, closedOn: Day, outcome: DealOutcome, attribution: Attribution) {
        self.id = id; self.partnerID = partnerID; self.registrationID = registrationID; self.account = account
        self.domain = domain; self.acv = acv; self.closedOn = closedOn; self.outcome = outcome
        self.attribution = attribution
    }

    /// Counts towards partner-sourced revenue.
    public var isSourcedWin: Bool { outcome == .won && attribution == .sourced }
}

/// Money the programme spent (MDF, headcount, tooling, events…): the numerator of acquisition cost.
public struct Investment: Hashable, Sendable, Codable {
    public var date: Day
    public var category: String
    public var amount: Money
    public var note: String

    public init(date: Day, category: String, amount: Money, note: String) {
        self.date = date; self.category = category; self.amount = amount; self.note = note
    }
}

/// One partner's answer to "how likely are you to recommend…", 0–10.
public struct NPSResponse: Hashable, Sendable, Codable {
    public var partnerID: String
    public var respondedOn: Day
    public var score: Int

    public init(partnerID: String, respondedOn: Day, score: Int) {
        self.partnerID = partnerID; self.respondedOn = respondedOn; self.score = score
    }
}

/// An account the direct sales team owns: a registration for it is a conflict of kind `direct`.
public struct DirectAccount: Hashable, Sendable, Codable {
    public var domain: String
    public var account: String
    public var owner: String

    public init(domain: String, account: String, owner: String) {
        self.domain = domain; self.account = account; self.owner = owner
    }
}

/// The date a partner completed one enablement item.
public struct Enablement: Hashable, Sendable, Codable {
    public var partnerID: String
    public var item: EnablementItem
    public var completedOn: Day

    public init(partnerID: String, item: EnablementItem, completedOn: Day) {
        self.partnerID = partnerID; self.item = item; self.completedOn = completedOn
    }
}

/// One line of the audit trail: who did what to which record, when, and what it was before.
public struct AuditEntry: Hashable, Sendable, Codable {
    public var seq: Int64
    public var at: Instant
    public var actor: String
    /// The action's name, e.g. `approve`, `reject`, `undo`, `import`.
    public var action: String
    /// The registration, partner or file the action was about.
    public var subject: String
    public var detail: String

    public init(seq: Int64, at: Instant, actor: String, action: String, subject: String, detail: String) {
        self.seq = seq; self.at = at; self.actor = actor; self.action = action; self.subject = subject
        self.detail = detail
    }
}
