/// The kind of joint-marketing activity an MDF request funds (DESIGN §8).
public enum MDFActivity: String, Labelled {
    case event, webinar, campaign, content, training, other
}

/// The life of an MDF request, from pre-approval to reimbursement. `expired` is normally derived as of D.
public enum MDFStatus: String, Labelled {
    case submitted
    case infoRequested = "info_requested"
    case approved, rejected, claimed, paid
    case claimRejected = "claim_rejected"
    case expired
}

/// One MDF request as recorded: the stored status is the latest one; `MDFRules.status(_:asOf:)` rewinds it to D.
public struct MDFRequest: Hashable, Sendable, Codable {
    public var id: String
    public var partnerID: String
    public var activity: MDFActivity
    public var description: String
    public var submittedAt: Instant
    public var startsOn: Day
    public var endsOn: Day
    public var requestedAmount: Money
    public var status: MDFStatus
    public var decidedAt: Instant?
    public var approvedAmount: Money?
    public var claimedAt: Instant?
    public var claimedAmount: Money?
    public var proof: String
    public var paidOn: Day?
    public var paidAmount: Money?
    /// The reason of a rejection (of the request or of its claim) or the question of an info request.
    public var note: String?
    /// Who decided (approved, rejected or asked for information), who recorded the claim, and who
    /// settled it (paid or rejected the claim): finance's export names them beside the times, and an
    /// undo puts them back with the rest.
    public var decidedBy: String?
    public var claimRecordedBy: String?
    public var settledBy: String?

    public init(id: String, partnerID: String, activity: MDFActivity, description: String = "", submittedAt: Instant,
                startsOn: Day, endsOn: Day, requestedAmount: Money, status: MDFStatus, decidedAt: Instant? = nil,
                approvedAmount: Money? = nil, claimedAt: Instant? = nil, claimedAmount: Money? = nil,
                proof: String = "", paidOn: Day? = nil, paidAmount: Money? = nil, note: String? = nil,
                decidedBy: String? = nil, claimRecordedBy: String? = nil, settledBy: String? = nil) {
        self.id = id; self.partnerID = partnerID; self.activity = activity; self.description = description
        self.submittedAt = submittedAt; self.startsOn = startsOn; self.endsOn = endsOn
        self.requestedAmount = requestedAmount; self.status = status; self.decidedAt = decidedAt
        self.approvedAmount = approvedAmount; self.claimedAt = claimedAt; self.claimedAmount = claimedAmount
        self.proof = proof; self.paidOn = paidOn; self.paidAmount = paidAmount
        self.note = note; self.decidedBy = decidedBy; self.claimRecordedBy = claimRecordedBy; self.settledBy = settledBy
    }

    /// The fiscal (calendar) year the request's money belongs to: the year of `starts_on`.
    public var year: Int { startsOn.year }
}

/// An explicit allocation row; it overrides the tier's "MDF / year" for that partner and year.
public struct MDFAllocation: Hashable, Sendable, Codable {
    public var partnerID: String
    public var year: Int
    public var amount: Money

    public init(partnerID: String, year: Int, amount: Money) {
        self.partnerID = partnerID; self.year = year; self.amount = amount
    }
}

/// The two MDF windows of a programme's policy, as the rules read them (DESIGN §8).
public struct MDFPolicy: Hashable, Sendable, Codable {
    public var claimDays: Int
    public var approvalDays: Int

    public init(claimDays: Int = 60, approvalDays: Int = 5) {
        self.claimDays = claimDays; self.approvalDays = approvalDays
    }

    /// The windows of `policy`: the one place the MDF rules learn them from.
    public init(_ policy: Policy) {
        self.init(claimDays: policy.mdfClaimDays, approvalDays: policy.mdfApprovalDays)
    }
}

extension MDFRequest {
    /// An imported row that names no one keeps the names the programme recorded for the same events, so
    /// re-importing a partner portal's file does not erase who decided, recorded or settled.
    public func keepingRecordedNames(from existing: MDFRequest) -> MDFRequest {
        var row = self
        if row.decidedBy == nil, row.decidedAt == existing.decidedAt { row.decidedBy = existing.decidedBy }
        if row.claimRecordedBy == nil, row.claimedAt == existing.claimedAt { row.claimRecordedBy = existing.claimRecordedBy }
        if row.settledBy == nil, row.status == existing.status, row.paidOn == existing.paidOn { row.settledBy = existing.settledBy }
        if row.note == nil, row.status == existing.status { row.note = existing.note }
        return row
    }
}
