import ChannelModel

// Rules across the fields of one row, or between a row and the records it names: checked after the
// fields themselves parsed, so a row whose date is unreadable is not also blamed for lacking it.
extension RowReader {
    /// A registration's status must agree with its decision fields (`RegistrationStatus.hasDecision`
    /// and `hasProtection`): a queued one was never decided; a rejected one was decided and protects
    /// nothing; an approved one — and so an expired or closed one, which were approved first — was
    /// decided and protected until a day. A contradiction is reported on the decision column, where
    /// the fix goes.
    mutating func checkDecision(status: RegistrationStatus?, decidedAt: Instant?, protectedUntil: Day?) {
        guard let status, !problems.contains(where: { $0.column == "decided_at" || $0.column == "protected_until" }) else { return }
        // Only a contradiction needs the status's name: worded for every row, it was 28% of a 1M-row
        // registrations import (`replacingOccurrences` is Foundation's string search).
        var aName: String {
            let name = status.rawValue.replacingOccurrences(of: "_", with: " ")
            return ("aeiou".contains(name.first!) ? "an " : "a ") + name
        }
        switch (status.hasDecision, decidedAt) {
        case (false, let decidedAt?):
            fail("decided_at", "\"\(decidedAt)\" is set, but \(aName) registration has not been decided; leave it empty")
        case (true, nil):
            fail("decided_at", status.hasProtection ? "is empty, but \(approved(status, aName)) needs the time it was approved"
                 : "is empty, but \(aName) registration was decided; give the time of the decision")
        default: break
        }
        switch (status.hasProtection, protectedUntil) {
        case (false, let protectedUntil?):
            fail("protected_until", status.hasDecision
                 ? "\"\(protectedUntil)\" is set, but \(aName) registration protects nothing; leave it empty"
                 : "\"\(protectedUntil)\" is set, but \(aName) registration is not protected yet; leave it empty")
        case (true, nil):
            fail("protected_until", "is empty, but \(approved(status, aName)) needs the day its protection ends")
        default: break
        }
    }

    private func approved(_ status: RegistrationStatus, _ aName: String) -> String {
        status == .approved ? "an approved registration" : "\(aName) registration was approved first and"
    }

    /// A deal may name only a registration of its own partner: another partner's registration would
    /// pay this partner a commission on a claim it never made.
    mutating func checkRegistrationOwner(_ registrationID: String?, partnerID: String?) {
        guard let registrationID, let partnerID, let position = programme.registrationPosition(registrationID) else { return }
        let owners = programme.registrations.partnerIDs
        // Compared as bytes: a String of the owner per deal row would cost 300k allocations at scale.
        guard !owners.withUTF8(position, { $0.elementsEqual(partnerID.utf8) }) else { return }
        fail("registration_id", "\(registrationID) is a registration of partner \(owners[position]), not of \(partnerID)")
    }
}
