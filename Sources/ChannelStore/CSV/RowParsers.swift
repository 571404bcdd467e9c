import ChannelModel

// One builder per record kind: the columns of DESIGN.md §4, each read with the parser of its value
// type. Every field is read before any is unwrapped, so a row reports all of its problems at once.
extension RowReader {
    mutating func partner() -> Partner? {
        let id = key("partner_id", text("partner_id"))
        let name = text("name")
        let type = label("type", PartnerType.self)
        let tier = tier("tier")
        let region = text("region")
        let status = label("status", PartnerStatus.self)
        let joinedOn = day("joined_on")
        let owner = text("owner")
        let staff = integer("certified_staff", in: 0...Int.max)
        guard let id, let name, let type, let tier, let region, let status, let joinedOn, let owner, let staff
        else { return nil }
        return Partner(id: id, name: name, type: type, tier: tier, region: region, status: status,
                       joinedOn: joinedOn, owner: owner, certifiedStaff: staff)
    }

    /// Also reads `tier_at_approval`, `extensions` and `note` when the file has them, as our own export
    /// does, so an exported programme reads back whole.
    mutating func registration() -> ImportedRegistration? {
        let id = key("registration_id", text("registration_id"))
        let partnerID = partnerReference("partner_id")
        let company = text("prospect_company")
        let domain = prospectDomain("prospect_domain")
        let acv = money("estimated_acv")
        let submittedAt = instant("submitted_at")
        let status = label("status", RegistrationStatus.self)
        let decidedAt = instant("decided_at", optional: true)
        let protectedUntil = day("protected_until", optional: true)
        let tierAtApproval = tier("tier_at_approval", optional: true)
        let extensions = integer("extensions", in: 0...Int.max, fallback: 0)
        let note = text("note", optional: true)
        let mdfRequestID = mdfRequestReference("mdf_request_id", partner: partnerID)
        checkDecision(status: status, decidedAt: decidedAt, protectedUntil: protectedUntil)
        guard let id, let partnerID, let company, let domain, let acv, let submittedAt, let status,
              let extensions else { return nil }
        let registration = Registration(id: id, partnerID: partnerID, prospectCompany: company, prospectDomain: domain.typed,
                                        estimatedACV: acv, submittedAt: submittedAt, status: status, decidedAt: decidedAt,
                                        protectedUntil: protectedUntil, tierAtApproval: tierAtApproval,
                                        extensions: extensions, note: note, mdfRequestID: mdfRequestID)
        return ImportedRegistration(registration: registration, registrable: domain.registrable, companyKey: companyKey(company))
    }

    mutating func deal() -> Deal? {
        let id = key("deal_id", text("deal_id"))
        let partnerID = partnerReference("partner_id")
        let registrationID = registrationReference("registration_id")
        let account = text("account")
        let domain = text("domain")
        let acv = money("acv")
        let closedOn = day("closed_on")
        let outcome = label("outcome", DealOutcome.self)
        let attribution = label("attribution", Attribution.self)
        checkRegistrationOwner(registrationID, partnerID: partnerID)
        guard let id, let partnerID, let account, let domain, let acv, let closedOn, let outcome, let attribution
        else { return nil }
        return Deal(id: id, partnerID: partnerID, registrationID: registrationID, account: account, domain: domain,
                    acv: acv, closedOn: closedOn, outcome: outcome, attribution: attribution)
    }

    /// Investments carry no id: two identical rows are two facts, so there is no uniqueness check.
    mutating func investment() -> Investment? {
        let date = day("date")
        let category = text("category")
        let amount = money("amount")
        let note = text("note", optional: true) ?? ""
        guard let date, let category, let amount else { return nil }
        return Investment(date: date, category: category, amount: amount, note: note)
    }

    mutating func npsResponse() -> NPSResponse? {
        let partnerID = partnerReference("partner_id")
        let respondedOn = day("responded_on")
        let score = integer("score", in: 0...10)
        guard let partnerID, let respondedOn, let score else { return nil }
        return NPSResponse(partnerID: partnerID, respondedOn: respondedOn, score: score)
    }

    /// A direct account is identified by its registrable domain, as the programme indexes it: `acme.com`
    /// and `www.acme.com` on two rows are the same account twice.
    mutating func directAccount() -> DirectAccount? {
        let given = prospectDomain("domain")
        let domain = key("domain", given?.typed, as: given?.registrable)
        let account = text("account")
        let owner = text("owner")
        guard let domain, let account, let owner else { return nil }
        return DirectAccount(domain: domain, account: account, owner: owner)
    }

    /// A partner completes each enablement item once: the pair is the record's identity.
    mutating func enablement() -> Enablement? {
        let partnerID = partnerReference("partner_id")
        let item = label("item", EnablementItem.self)
        let completedOn = day("completed_on")
        guard let partnerID, let item, let completedOn else { return nil }
        guard key("item", item.rawValue, as: "\(partnerID)|\(item.rawValue)",
                  what: "item \(item.rawValue) for partner \(partnerID)") != nil else { return nil }
        return Enablement(partnerID: partnerID, item: item, completedOn: completedOn)
    }
}
