import ChannelModel

/// Names shared by the MDF row builders and the export, so a file we write reads back whole.
enum MDFRowParsers {
    /// Read when present: what the decisions add to a request beyond the import columns of DESIGN §4.
    static let decisionColumns = ["note", "decided_by", "claim_recorded_by", "settled_by"]

    /// Which of the decision fields each status needs (true) or forbids (false), in the order of the
    /// columns of DESIGN §4: a row whose status contradicts its fields is refused, not guessed at.
    static func needs(_ status: MDFStatus) -> (decided: Bool, approved: Bool, claimed: Bool, paid: Bool) {
        switch status {
        case .submitted, .infoRequested: return (false, false, false, false)
        case .rejected: return (true, false, false, false)
        case .approved, .expired: return (true, true, false, false)
        case .claimed, .claimRejected: return (true, true, true, false)
        case .paid: return (true, true, true, true)
        }
    }
}

// The MDF files of DESIGN §4 and §8. Every field is read before any is unwrapped, so a row reports all
// of its problems at once; the checks across fields run only on a row whose fields each parsed.
extension RowReader {
    mutating func mdfRequest() -> MDFRequest? {
        let id = key("request_id", text("request_id"))
        let partnerID = partnerReference("partner_id")
        let activity = label("activity", MDFActivity.self)
        let description = text("description", optional: true) ?? ""
        let submittedAt = instant("submitted_at")
        let startsOn = day("starts_on")
        let endsOn = day("ends_on")
        let requested = amount("requested_amount")
        let status = label("status", MDFStatus.self)
        let decidedAt = instant("decided_at", optional: true)
        let approved = amount("approved_amount", optional: true)
        let claimedAt = instant("claimed_at", optional: true)
        let claimed = amount("claimed_amount", optional: true)
        let proof = text("proof", optional: true)
        let paidOn = day("paid_on", optional: true)
        let paid = amount("paid_amount", optional: true)
        let note = text("note", optional: true)
        let decidedBy = text("decided_by", optional: true)
        let claimRecordedBy = text("claim_recorded_by", optional: true)
        let settledBy = text("settled_by", optional: true)
        guard let id, let partnerID, let activity, let submittedAt, let startsOn, let endsOn, let requested, let status,
              problems.isEmpty else { return nil }
        if endsOn < startsOn { fail("ends_on", "\(endsOn) is before starts_on \(startsOn)") }
        if let approved, approved > requested {
            fail("approved_amount", "\(approved) is more than the requested amount \(requested)")
        }
        let needs = MDFRowParsers.needs(status)
        func expect(_ column: String, present: Bool, needed: Bool) {
            if needed && !present { fail(column, "is empty; a request that is \(status.rawValue) needs it") }
            if !needed && present { fail(column, "must be empty for a request that is \(status.rawValue)") }
        }
        expect("decided_at", present: decidedAt != nil, needed: needs.decided)
        expect("approved_amount", present: approved != nil, needed: needs.approved)
        expect("claimed_at", present: claimedAt != nil, needed: needs.claimed)
        expect("claimed_amount", present: claimed != nil, needed: needs.claimed)
        expect("proof", present: proof != nil, needed: needs.claimed)
        expect("paid_on", present: paidOn != nil, needed: needs.paid)
        expect("paid_amount", present: paid != nil, needed: needs.paid)
        // Events happen in order: a decision after the submission, a claim after the approval, a payment after the claim.
        if let decidedAt, decidedAt < submittedAt { fail("decided_at", "\(decidedAt) is before submitted_at \(submittedAt)") }
        if let claimedAt, let decidedAt, claimedAt < decidedAt { fail("claimed_at", "\(claimedAt) is before decided_at \(decidedAt)") }
        if let paidOn, let claimedAt, paidOn < claimedAt.day { fail("paid_on", "\(paidOn) is before claimed_at \(claimedAt)") }
        guard problems.isEmpty else { return nil }
        return MDFRequest(id: id, partnerID: partnerID, activity: activity, description: description, submittedAt: submittedAt,
                          startsOn: startsOn, endsOn: endsOn, requestedAmount: requested, status: status, decidedAt: decidedAt,
                          approvedAmount: approved, claimedAt: claimedAt, claimedAmount: claimed, proof: proof ?? "",
                          paidOn: paidOn, paidAmount: paid, note: note, decidedBy: decidedBy,
                          claimRecordedBy: claimRecordedBy, settledBy: settledBy)
    }

    /// One partner's allocation for one year; the pair is the row's identity. Zero is a valid allocation
    /// (no MDF that year), a negative one is not.
    mutating func mdfAllocation() -> MDFAllocation? {
        let partnerID = partnerReference("partner_id")
        let year = integer("year", in: 1900...9999)
        let amount = money("amount")
        guard let partnerID, let year, let amount else { return nil }
        guard key("year", "\(year)", as: "\(partnerID)|\(year)", what: "allocation of \(partnerID) for \(year)") != nil else { return nil }
        return MDFAllocation(partnerID: partnerID, year: year, amount: amount)
    }

    /// An amount that must be more than 0 (DESIGN §8: every MDF amount is); an optional one is nil when empty.
    mutating func amount(_ column: String, optional: Bool = false) -> Money? {
        guard let value = text(column, optional: optional) else { return nil }
        guard let money = Money(parsing: value) else {
            fail(column, "\"\(value)\" is not an amount")
            return nil
        }
        guard money.cents > 0 else {
            fail(column, "\"\(value)\" must be more than 0")
            return nil
        }
        return money
    }

    /// The id of an MDF request the programme already holds, made by the registration's own partner
    /// (another partner's campaign cannot have produced it); nil when empty.
    mutating func mdfRequestReference(_ column: String, partner: String?) -> String? {
        guard let id = text(column, optional: true) else { return nil }
        guard let request = programme.mdfRequest(id) else {
            fail(column, "unknown MDF request \(id); import mdf-requests first")
            return nil
        }
        if let partner, request.partnerID != partner {
            fail(column, "MDF request \(id) belongs to partner \(request.partnerID), not \(partner)")
            return nil
        }
        return id
    }
}
