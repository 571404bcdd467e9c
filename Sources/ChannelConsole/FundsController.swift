import Foundation
import ChannelModel
import ChannelStore
import TerminalUI

/// The Funds keys: the MDF decisions on the selected request (Funds pane or its detail). Each opens
/// its dialog or confirmation; what is submitted is checked with `MDFRules` first, so a refusal shows
/// its numbers at once, and then performed through the store like every other decision.
enum FundsController {
    static func run(_ command: Command, _ state: inout ConsoleState, _ data: ConsoleData) -> [Effect] {
        guard let row = selectedRow(state, data) else { return [] }
        let request = row.request
        switch command {
        case .approveFunds:
            // The most that can be approved: the ask, or what the partner has left of the year's allocation.
            let most = min(request.requestedAmount, row.balance?.balance ?? .zero)
            state.mode = .funds(FundsDialog(.approve, requestID: request.id, amount: most.plain))
        case .rejectFunds:
            // On a claim under review `r` rejects the claim; on a request waiting for a decision, the request.
            state.mode = .funds(FundsDialog(row.status.awaitsSettlement ? .rejectClaim : .reject, requestID: request.id))
        case .requestFundsInfo:
            state.mode = .funds(FundsDialog(.requestInfo, requestID: request.id))
        case .recordClaim:
            state.mode = .funds(FundsDialog(.claim, requestID: request.id, amount: (request.approvedAmount ?? request.requestedAmount).plain))
        case .payClaim:
            let claimed = request.claimedAmount ?? .zero, approved = request.approvedAmount ?? .zero
            state.mode = .confirm(Confirmation(
                title: "Pay the claim on \(request.id)?",
                lines: ["\(row.partnerName) · \(request.activity.rawValue) · \(request.startsOn) → \(request.endsOn)",
                        "Claimed \(claimed.grouped) · approved \(approved.grouped) · pays \(MDFRules.payAmount(claimed: claimed, approved: approved).grouped)",
                        "Proof: \(request.proof)"],
                action: .mdf(.pay(requestID: request.id))))
        default: break
        }
        return []
    }

    /// Checks the dialog with the model's rules and performs it, or says why not and keeps it open.
    static func submit(_ dialog: FundsDialog, _ state: inout ConsoleState, _ data: ConsoleData) -> [Effect] {
        guard let row = data.funds.row(dialog.requestID) else {
            state.mode = .normal
            state.status = StatusMessage("\(dialog.requestID) no longer waits for a decision", .error)
            return []
        }
        let request = row.request, id = request.id
        let decision: MDFDecision
        switch dialog.kind {
        case .approve:
            guard let amount = amount(dialog.amount.value) else { return refuse("\"\(dialog.amount.value)\" is not an amount", &state) }
            guard let balance = row.balance else {
                return refuse("cannot approve \(id): \(row.partnerName) is not enrolled, so it has no MDF allocation for \(request.year)", &state)
            }
            if let refusal = MDFRules.checkApprove(request, amount: amount, balance: balance.balance) {
                return refuse("cannot approve \(id): \(refusal.message) (\(row.partnerName) \(request.year): allocation \(balance.allocation.grouped), committed \(balance.committed.grouped), spent \(balance.spent.grouped))", &state)
            }
            decision = .approve(requestID: id, amount: amount)
        case .reject:
            let reason = dialog.text.value.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { return refuse("a rejection needs a reason", &state) }
            decision = .reject(requestID: id, reason: reason)
        case .rejectClaim:
            let reason = dialog.text.value.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { return refuse("rejecting a claim needs a reason", &state) }
            decision = .rejectClaim(requestID: id, reason: reason)
        case .requestInfo:
            decision = .requestInfo(requestID: id, question: dialog.text.value)
        case .claim:
            guard let amount = amount(dialog.amount.value) else { return refuse("\"\(dialog.amount.value)\" is not an amount", &state) }
            if let refusal = MDFRules.checkClaim(request, status: row.status, claimedAt: data.when.instant, amount: amount,
                                                 proof: dialog.text.value, policy: data.programme.mdfPolicy) {
                return refuse("cannot record a claim on \(id): \(refusal.message)", &state)
            }
            // Dated when the store records it: the claim is being entered now.
            decision = .recordClaim(requestID: id, amount: amount, proof: dialog.text.value, claimedAt: nil)
        }
        state.mode = .normal
        state.status = nil
        return [.perform(.mdf(decision))]
    }

    static func refuse(_ message: String, _ state: inout ConsoleState) -> [Effect] {
        state.status = StatusMessage(message, .error)
        return []
    }

    /// "1,234.5" or "1234.50": grouping is how amounts are shown, so it is accepted back.
    static func amount(_ text: String) -> Money? {
        Money(parsing: text.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces))
    }

    /// The request under the cursor: the open MDF request detail, or the Funds pane's selected row.
    static func selectedRow(_ state: ConsoleState, _ data: ConsoleData) -> FundsRow? {
        if case .mdfRequest(let id)? = state.details.last { return data.funds.row(id) }
        guard state.details.isEmpty, state.focus == .funds else { return nil }
        let rows = PaneRows.visible(.funds, in: state, data)
        return rows[safe: state.list.selected].map { data.funds.rows[$0] }
    }

    /// A binding condition: the selected request's status as of D accepts the decision.
    static func selection(_ accepts: @escaping @Sendable (MDFStatus) -> Bool) -> @Sendable (ConsoleState, ConsoleData) -> Bool {
        { state, data in selectedRow(state, data).map { accepts($0.status) } ?? false }
    }
}
