import ChannelModel
import Foundation

/// The programme's only way to change: a pure function from (state, journaled action) to new state.
/// It checks every precondition before it touches anything, so a refused action leaves the state as it
/// was, and the runtime can validate before it journals.
public enum Reducer {
    /// Applies `entry` to `programme`, appending its audit line.
    @discardableResult
    public static func apply(_ entry: JournalEntry, to programme: inout Programme) throws(ActionError) -> ActionOutcome {
        let change = try plan(entry.action, seq: entry.seq, at: entry.at, in: programme)
        // A change to deals or registrations may undo a commission finance already approved or paid:
        // that is clawed back as a negative line, never edited away.
        let settled = touchesLedger(entry.action) && !programme.commissionStatus.isEmpty ? Ledger.settledLines(programme) : [:]
        var outcome = change(&programme)
        MDFReducer.stamp(entry.action, actor: entry.actor, in: &programme)
        if !settled.isEmpty {
            let clawed = Ledger.reconcile(&programme, settledBefore: settled, on: entry.at.day)
            if clawed > 0 { outcome.message += " · \(clawed) commission\(clawed == 1 ? "" : "s") clawed back" }
        }
        programme.append(AuditEntry(seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action.name,
                                    subject: subject(of: entry.action), detail: outcome.message))
        return outcome
    }

    /// Checks that `action` would apply, without changing (or copying) anything: the runtime calls it
    /// before journaling, so the journal only ever holds actions that apply.
    public static func check(_ action: ProgrammeAction, in programme: Programme, at: Instant) throws(ActionError) {
        _ = try plan(action, seq: 0, at: at, in: programme)
    }

    /// A checked action, ready to run: it cannot fail.
    typealias Change = (inout Programme) -> ActionOutcome

    /// Every precondition is checked here, against the state before the action; the returned change
    /// only mutates. Splitting the two keeps `check` free of copies of a million-row programme.
    static func plan(_ action: ProgrammeAction, seq: Int64, at: Instant,
                     in programme: Programme) throws(ActionError) -> Change {
        switch action {
        case .importBatch(let batch, let source):
            return { ImportApplier.apply(batch, source: source, to: &$0) }
        case .approve(let id):
            let before = try queued(id, in: programme, verb: "approved")
            let partner = programme.partner(before.partnerID)
            let until = at.day.adding(days: programme.policy.protectionDays)
            return {
                $0.updateRegistration(id) {
                    $0.status = .approved
                    $0.decidedAt = at
                    $0.protectedUntil = until
                    $0.tierAtApproval = partner?.tier
                    $0.note = nil
                }
                return ActionOutcome(message: "Approved \(id) for \(partner?.name ?? before.partnerID) — protected until \(until)",
                                     inverse: .restoreRegistration(before, undoing: seq))
            }
        case .reject(let id, let reason):
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw ActionError("a rejection needs a reason") }
            let before = try queued(id, in: programme, verb: "rejected")
            return {
                $0.updateRegistration(id) {
                    $0.status = .rejected
                    $0.decidedAt = at
                    $0.protectedUntil = nil
                    $0.note = reason
                }
                return ActionOutcome(message: "Rejected \(id): \(reason)", inverse: .restoreRegistration(before, undoing: seq))
            }
        case .requestInfo(let id, let question):
            let before = try existing(id, in: programme)
            guard before.status == .pending else {
                throw ActionError("\(id) is \(label(before.status)); only a pending registration can be asked for more information")
            }
            let question = question.trimmingCharacters(in: .whitespacesAndNewlines)
            return {
                $0.updateRegistration(id) {
                    $0.status = .infoRequested
                    $0.note = question.isEmpty ? nil : question
                }
                return ActionOutcome(message: "Asked for more information on \(id)" + (question.isEmpty ? "" : ": \(question)"),
                                     inverse: .restoreRegistration(before, undoing: seq))
            }
        case .extend(let id):
            let before = try existing(id, in: programme)
            let policy = programme.policy
            guard before.status == .approved, let until = before.protectedUntil else {
                throw ActionError("\(id) is \(label(before.status)); only an approved registration's protection can be extended")
            }
            guard before.extensions < policy.maxExtensions else {
                throw ActionError("\(id) was already extended \(before.extensions == 1 ? "once" : "\(before.extensions) times"); the policy allows \(policy.maxExtensions)")
            }
            guard until >= at.day else { throw ActionError("\(id)'s protection ended on \(until); it can no longer be extended") }
            let newUntil = until.adding(days: policy.extensionDays)
            return {
                $0.updateRegistration(id) {
                    $0.protectedUntil = newUntil
                    $0.extensions += 1
                }
                return ActionOutcome(message: "Extended \(id) by \(policy.extensionDays) days — protected until \(newUntil)",
                                     inverse: .restoreRegistration(before, undoing: seq))
            }
        case .changeTier(let partnerID, let tier):
            guard let partner = programme.partner(partnerID) else { throw ActionError("there is no partner \(partnerID)") }
            guard let name = programme.policy.tierName(matching: tier) else {
                throw ActionError("there is no tier \(tier); the tiers are \(programme.policy.tiers.map(\.name).joined(separator: ", "))")
            }
            guard name != partner.tier else { throw ActionError("\(partner.name) is already \(name)") }
            return {
                $0.updatePartner(partnerID) { $0.tier = name }
                return ActionOutcome(message: "Moved \(partner.name) from \(partner.tier) to \(name)",
                                     inverse: .restoreTier(partnerID: partnerID, tier: partner.tier, undoing: seq))
            }
        case .assignOwner(let partnerID, let owner):
            guard let partner = programme.partner(partnerID) else { throw ActionError("there is no partner \(partnerID)") }
            let owner = try ownerName(owner)
            guard owner != partner.owner else { throw ActionError("\(partner.name) is already owned by \(owner)") }
            return {
                $0.updatePartner(partnerID) { $0.owner = owner }
                return ActionOutcome(message: "\(partner.name) is now owned by \(owner)" + (partner.owner.isEmpty ? "" : " (was \(partner.owner))"),
                                     inverse: .restoreOwner(partnerID: partnerID, owner: partner.owner, undoing: seq))
            }
        case .setPolicy(let policy):
            let problems = policy.problems()
            guard problems.isEmpty else { throw ActionError("the policy is not valid: " + problems.joined(separator: "; ")) }
            let unknown = Set(programme.partners.map(\.tier)).filter { policy.tier(named: $0) == nil }
            guard unknown.isEmpty else {
                throw ActionError("partners hold tiers the new policy lacks: \(unknown.sorted().joined(separator: ", "))")
            }
            let before = programme.policy
            return {
                $0.policy = policy
                return ActionOutcome(message: "Policy updated: \(policy.tiers.map(\.name).joined(separator: " > "))",
                                     inverse: .setPolicy(before))
            }
        case .restoreRegistration(let registration, let undone):
            let current = try existing(registration.id, in: programme)
            return {
                $0.upsert(registration)
                return ActionOutcome(message: "Undid #\(undone): \(registration.id) is \(label(registration.status)) again",
                                     inverse: .restoreRegistration(current, undoing: seq))
            }
        case .restoreTier(let partnerID, let tier, let undone):
            guard let partner = programme.partner(partnerID) else { throw ActionError("there is no partner \(partnerID)") }
            return {
                $0.updatePartner(partnerID) { $0.tier = tier }
                return ActionOutcome(message: "Undid #\(undone): \(partner.name) is \(tier) again",
                                     inverse: .restoreTier(partnerID: partnerID, tier: partner.tier, undoing: seq))
            }
        case .restoreOwner(let partnerID, let owner, let undone):
            guard let partner = programme.partner(partnerID) else { throw ActionError("there is no partner \(partnerID)") }
            return {
                $0.updatePartner(partnerID) { $0.owner = owner }
                return ActionOutcome(message: "Undid #\(undone): \(partner.name) is owned by \(owner.isEmpty ? "nobody" : owner) again",
                                     inverse: .restoreOwner(partnerID: partnerID, owner: partner.owner, undoing: seq))
            }
        case .advanceCommissions(let ids):
            guard !ids.isEmpty else { throw ActionError("no commission is selected") }
            var before: [String: CommissionStatus] = [:]
            for id in ids {
                guard before[id] == nil else { throw ActionError("\(id) appears twice") }
                guard let deal = programme.deal(id), Commissions.line(for: deal, in: programme) != nil else {
                    throw ActionError("\(id) earns no commission")
                }
                let status = programme.commissionStatus[id] ?? .accrued
                guard status.next != nil else { throw ActionError("the commission on \(id) is already paid") }
                before[id] = status
            }
            return {
                for (id, status) in before { $0.setCommissionStatus(id, status.next) }
                let message = ids.count == 1
                    ? "Commission on \(ids[0]) is now \(before[ids[0]]!.next!.rawValue)"
                    : "Moved \(ids.count) commissions on a step"
                return ActionOutcome(message: message, inverse: .restoreCommissionStatus(before, undoing: seq))
            }
        case .restoreCommissionStatus(let statuses, let undone):
            let current = Dictionary(uniqueKeysWithValues: statuses.keys.map { ($0, programme.commissionStatus[$0] ?? .accrued) })
            return {
                for (id, status) in statuses { $0.setCommissionStatus(id, status) }
                let names = statuses.keys.sorted()
                let message = names.count == 1 ? "Undid #\(undone): commission on \(names[0]) is \(statuses[names[0]]!.rawValue) again"
                    : "Undid #\(undone): \(names.count) commissions are back where they were"
                return ActionOutcome(message: message, inverse: .restoreCommissionStatus(current, undoing: seq))
            }
        case .mdf(let decision):
            return try MDFReducer.plan(decision, seq: seq, at: at, in: programme)
        case .batch(let actions):
            guard !actions.isEmpty else { throw ActionError("nothing is marked") }
            // Each part is checked against the state before the batch; distinct subjects make that
            // the same as checking them in turn, and the batch applies all or nothing.
            var seen = Set<String>()
            var changes: [Change] = []
            for action in actions {
                let subject = subject(of: action)
                guard seen.insert(subject).inserted else { throw ActionError("\(subject) appears twice in one batch") }
                if case .batch = action { throw ActionError("a batch cannot contain a batch") }
                changes.append(try plan(action, seq: seq, at: at, in: programme))
            }
            return { programme in
                let outcomes = changes.map { $0(&programme) }
                let verbs = Set(actions.map(\.name))
                let noun = actions.count == 1 ? "registration" : "registrations"
                let verb = verbs.count == 1 ? ProgrammeAction.pastTense(verbs.first!) : "Changed"
                return ActionOutcome(message: "\(verb) \(actions.count) \(noun)",
                                     inverse: .batch(outcomes.compactMap(\.inverse).reversed()))
            }
        }
    }

    /// The record an action is about, for the audit trail.
    public static func subject(of action: ProgrammeAction) -> String {
        switch action {
        case .importBatch(let batch, let source): return source.isEmpty ? batch.kind.rawValue : source
        case .approve(let id), .reject(let id, _), .requestInfo(let id, _), .extend(let id): return id
        case .changeTier(let id, _), .restoreTier(let id, _, _): return id
        case .assignOwner(let id, _), .restoreOwner(let id, _, _): return id
        case .setPolicy: return "policy"
        case .restoreRegistration(let registration, _): return registration.id
        case .advanceCommissions(let ids): return ids.joined(separator: " ")
        case .restoreCommissionStatus(let statuses, _): return statuses.keys.sorted().joined(separator: " ")
        case .batch(let actions): return actions.map(subject(of:)).joined(separator: " ")
        case .mdf(let decision): return decision.requestID
        }
    }

    /// Actions that can change which deals earn a commission, or how much.
    static func touchesLedger(_ action: ProgrammeAction) -> Bool {
        switch action {
        case .importBatch(.deals, _), .importBatch(.registrations, _), .restoreRegistration, .batch: return true
        default: return false
        }
    }

    static func existing(_ id: String, in programme: Programme) throws(ActionError) -> Registration {
        guard let registration = programme.registration(id) else { throw ActionError("there is no registration \(id)") }
        return registration
    }

    static func queued(_ id: String, in programme: Programme, verb: String) throws(ActionError) -> Registration {
        let registration = try existing(id, in: programme)
        guard registration.status.isQueued else {
            throw ActionError("\(id) is already \(label(registration.status)); only a queued registration can be \(verb)")
        }
        return registration
    }

    /// An owner as a partner holds it: a team member's login, one word — on a shared programme the
    /// PostgreSQL role the "mine" view compares with, so a name with spaces could never be anyone's.
    static func ownerName(_ typed: String) throws(ActionError) -> String {
        let owner = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !owner.isEmpty else { throw ActionError("an owner needs a name: the team member's login (their PostgreSQL role on a shared programme)") }
        guard !owner.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }) else {
            throw ActionError("\"\(owner)\" is not a login name: an owner is one word, the team member's login (their PostgreSQL role)")
        }
        return owner
    }

    static func label(_ status: RegistrationStatus) -> String { status.rawValue.replacingOccurrences(of: "_", with: " ") }
}
