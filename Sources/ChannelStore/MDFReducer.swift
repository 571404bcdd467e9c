import ChannelModel
import Foundation

/// The reducer's MDF half (DESIGN §8): every decision is checked against the request's status as of the
/// day it is made, with the rules of `MDFRules`, before anything changes; a refusal gives the numbers.
enum MDFReducer {
    static func plan(_ decision: MDFDecision, seq: Int64, at: Instant, in programme: Programme) throws(ActionError) -> Reducer.Change {
        let id = decision.requestID
        let policy = programme.mdfPolicy
        switch decision {
        case .approve(_, let amount):
            let (before, _) = try queued(id, in: programme, at: at, verb: "approved")
            let partner = programme.partner(before.partnerID)?.name ?? before.partnerID
            guard let balance = programme.mdfBalance(partnerID: before.partnerID, year: before.year, asOf: at.day) else {
                throw ActionError("cannot approve \(id): \(partner) is not an enrolled partner, so it has no MDF allocation for \(before.year)")
            }
            if let refusal = MDFRules.checkApprove(before, amount: amount, balance: balance.balance) {
                throw ActionError("cannot approve \(id): \(refusal.message) (\(partner) \(before.year): allocation \(balance.allocation.grouped), committed \(balance.committed.grouped), spent \(balance.spent.grouped))")
            }
            return {
                $0.updateMDFRequest(id) {
                    $0.status = .approved
                    $0.decidedAt = at
                    $0.approvedAmount = amount
                    $0.note = nil
                }
                return ActionOutcome(message: "Approved \(id) for \(partner): \(amount.grouped) of \(before.requestedAmount.grouped) requested · \(before.year) balance \((balance.balance - amount).grouped) left",
                                     inverse: .mdf(.restore(before, undoing: seq)))
            }
        case .reject(_, let reason):
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw ActionError("a rejection needs a reason") }
            let (before, _) = try queued(id, in: programme, at: at, verb: "rejected")
            return {
                $0.updateMDFRequest(id) {
                    $0.status = .rejected
                    $0.decidedAt = at
                    $0.approvedAmount = nil
                    $0.note = reason
                }
                return ActionOutcome(message: "Rejected \(id): \(reason)", inverse: .mdf(.restore(before, undoing: seq)))
            }
        case .requestInfo(_, let question):
            let (before, status) = try current(id, in: programme, at: at)
            guard status.acceptsInfoRequest else {
                throw ActionError("\(id) is \(label(status)); only a submitted request can be asked for more information")
            }
            let question = question.trimmingCharacters(in: .whitespacesAndNewlines)
            return {
                $0.updateMDFRequest(id) {
                    $0.status = .infoRequested
                    $0.note = question.isEmpty ? nil : question
                }
                return ActionOutcome(message: "Asked for more information on \(id)" + (question.isEmpty ? "" : ": \(question)"),
                                     inverse: .mdf(.restore(before, undoing: seq)))
            }
        case .recordClaim(_, let amount, let proof, let claimedAt):
            let (before, status) = try current(id, in: programme, at: at)
            let claimedAt = claimedAt ?? at
            guard claimedAt <= at else { throw ActionError("cannot record a claim on \(id) dated \(claimedAt): that is in the future") }
            if let decided = before.decidedAt, claimedAt < decided {
                throw ActionError("cannot record a claim on \(id) dated \(claimedAt): it was approved only at \(decided)")
            }
            // An approval whose claim window has closed reads as expired; the date check says by how much.
            let checked = status == .expired ? .approved : status
            if let refusal = MDFRules.checkClaim(before, status: checked, claimedAt: claimedAt, amount: amount, proof: proof, policy: policy) {
                throw ActionError("cannot record a claim on \(id): \(refusal.message)")
            }
            let proof = proof.trimmingCharacters(in: .whitespacesAndNewlines)
            return {
                $0.updateMDFRequest(id) {
                    $0.status = .claimed
                    $0.claimedAt = claimedAt
                    $0.claimedAmount = amount
                    $0.proof = proof
                }
                return ActionOutcome(message: "Recorded a claim of \(amount.grouped) on \(id) (approved \((before.approvedAmount ?? .zero).grouped))",
                                     inverse: .mdf(.restore(before, undoing: seq)))
            }
        case .pay:
            let before = try claimed(id, in: programme, at: at, verb: "paid")
            let amount = MDFRules.payAmount(claimed: before.claimedAmount ?? .zero, approved: before.approvedAmount ?? .zero)
            return {
                $0.updateMDFRequest(id) {
                    $0.status = .paid
                    $0.paidOn = at.day
                    $0.paidAmount = amount
                }
                return ActionOutcome(message: "Paid \(amount.grouped) on \(id) (claimed \((before.claimedAmount ?? .zero).grouped), approved \((before.approvedAmount ?? .zero).grouped))",
                                     inverse: .mdf(.restore(before, undoing: seq)))
            }
        case .rejectClaim(_, let reason):
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw ActionError("rejecting a claim needs a reason") }
            let before = try claimed(id, in: programme, at: at, verb: "rejected")
            return {
                $0.updateMDFRequest(id) {
                    $0.status = .claimRejected
                    $0.note = reason
                }
                return ActionOutcome(message: "Rejected the claim on \(id): \(reason) · \((before.approvedAmount ?? .zero).grouped) released",
                                     inverse: .mdf(.restore(before, undoing: seq)))
            }
        case .restore(let request, let undone):
            guard let current = programme.mdfRequest(request.id) else { throw ActionError("there is no MDF request \(request.id)") }
            return {
                $0.upsert(request)
                return ActionOutcome(message: "Undid #\(undone): \(request.id) is \(label(request.status)) again",
                                     inverse: .mdf(.restore(current, undoing: seq)))
            }
        }
    }

    /// Records who made a decision on the request itself, for finance's export; an undo restores the
    /// whole earlier record, names included, so it stamps nothing.
    static func stamp(_ action: ProgrammeAction, actor: String, in programme: inout Programme) {
        switch action {
        case .mdf(let decision):
            switch decision {
            case .approve(let id, _), .reject(let id, _), .requestInfo(let id, _):
                programme.updateMDFRequest(id) { $0.decidedBy = actor }
            case .recordClaim(let id, _, _, _): programme.updateMDFRequest(id) { $0.claimRecordedBy = actor }
            case .pay(let id), .rejectClaim(let id, _): programme.updateMDFRequest(id) { $0.settledBy = actor }
            case .restore: break
            }
        case .batch(let actions): for action in actions { stamp(action, actor: actor, in: &programme) }
        default: break
        }
    }

    /// The request and its status as of the day of the decision.
    static func current(_ id: String, in programme: Programme, at: Instant) throws(ActionError) -> (MDFRequest, MDFStatus) {
        guard let request = programme.mdfRequest(id) else { throw ActionError("there is no MDF request \(id)") }
        guard let status = programme.mdfStatus(request, asOf: at.day) else {
            throw ActionError("\(id) was submitted at \(request.submittedAt), after \(at.day); it cannot be decided yet")
        }
        return (request, status)
    }

    static func queued(_ id: String, in programme: Programme, at: Instant, verb: String) throws(ActionError) -> (MDFRequest, MDFStatus) {
        let (request, status) = try current(id, in: programme, at: at)
        guard status.awaitsDecision else {
            throw ActionError("\(id) is already \(label(status)); only a submitted request or one waiting for information can be \(verb)")
        }
        return (request, status)
    }

    static func claimed(_ id: String, in programme: Programme, at: Instant, verb: String) throws(ActionError) -> MDFRequest {
        let (request, status) = try current(id, in: programme, at: at)
        guard status.awaitsSettlement else { throw ActionError("\(id) is \(label(status)); only a claim waiting for review can be \(verb)") }
        return request
    }

    static func label(_ status: MDFStatus) -> String { status.rawValue.replacingOccurrences(of: "_", with: " ") }
}
