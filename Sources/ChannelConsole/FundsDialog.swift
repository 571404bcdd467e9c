import ChannelModel
import ChannelStore
import TerminalUI

/// The dialog of an MDF decision: an approval's amount (prefilled, editable), a rejection's reason,
/// an info request's question, or a claim's amount and proof.
public struct FundsDialog: Sendable, Hashable {
    /// Which decision the dialog is for.
    public enum Kind: Sendable, Hashable { case approve, reject, requestInfo, claim, rejectClaim }

    public var kind: Kind
    public var requestID: String
    /// The approval's or the claim's amount.
    public var amount: TextField
    /// The reason, the question, or the claim's proof of performance.
    public var text: TextField
    /// Which field has the keyboard in the two-field claim dialog (Tab switches).
    public var onText: Bool

    public init(_ kind: Kind, requestID: String, amount: String = "", text: String = "") {
        self.kind = kind
        self.requestID = requestID
        self.amount = TextField(value: amount, placeholder: "amount")
        self.text = TextField(value: text, placeholder: kind == .claim ? "proof: a link or a document name" : kind == .reject || kind == .rejectClaim ? "reason" : "question (optional)")
        onText = kind != .approve && kind != .claim
    }

    var title: String {
        switch kind {
        case .approve: return "Approve MDF"
        case .reject: return "Reject MDF request"
        case .requestInfo: return "Request information"
        case .claim: return "Record a claim"
        case .rejectClaim: return "Reject the claim"
        }
    }

    var hints: [(key: String, label: String)] {
        let verb: String
        switch kind {
        case .approve: verb = "approve"
        case .reject, .rejectClaim: verb = "reject"
        case .requestInfo: verb = "send"
        case .claim: verb = "record"
        }
        return (kind == .claim ? [("Tab", "next field")] : []) + [("Enter", verb), ("Esc", "cancel")]
    }

    /// Keys while the dialog is open; Enter asks `FundsController` to check and submit it.
    static func handle(_ key: Key, _ dialog: FundsDialog, _ state: inout ConsoleState, _ data: ConsoleData) -> [Effect] {
        var dialog = dialog
        switch key {
        case .escape:
            state.mode = .normal
            state.status = StatusMessage("Cancelled")
            return []
        case .enter:
            return FundsController.submit(dialog, &state, data)
        case .tab, .backTab, .up, .down:
            if dialog.kind == .claim { dialog.onText.toggle() }
        default:
            if dialog.onText { _ = dialog.text.handle(key) } else { _ = dialog.amount.handle(key) }
        }
        state.mode = .funds(dialog)
        return []
    }

    /// The dialog drawn over the panes.
    static func render(_ dialog: FundsDialog, _ screen: inout Screen, _ area: Rect, _ data: ConsoleData) {
        var body: [Line] = []
        if let row = data.funds.row(dialog.requestID) {
            let request = row.request
            body.append(Line([Span("\(request.id)  ", style: .bold), Span("\(row.partnerName) · \(request.activity.rawValue) · \(request.startsOn) → \(request.endsOn)")]))
            body.append(Line("Requested \(request.requestedAmount.grouped)"
                             + (request.approvedAmount.map { " · approved \($0.grouped)" } ?? "")
                             + (row.status == .approved ? " · last claim day \(request.endsOn.adding(days: data.programme.mdfPolicy.claimDays))" : ""),
                             style: Theme.dim))
            if let balance = row.balance {
                // The balance first: it is what an approval is measured against, and it must survive a narrow screen.
                body.append(Line([Span("Balance \(request.year) "), Span(balance.balance.grouped, style: .bold),
                                  Span(" left of \(balance.allocation.grouped)", style: Theme.dim)]))
                body.append(Line("committed \(balance.committed.grouped) · spent \(balance.spent.grouped)", style: Theme.dim))
            }
            body.append("")
        }
        func field(_ label: String, _ field: TextField, focused: Bool) -> Line {
            Line([Span(focused ? "▸ " : "  ", style: Theme.key), Span(pad(label, toWidth: 8), style: Theme.dim),
                  Span(field.value.isEmpty ? field.placeholder : field.value + (focused ? "▏" : ""),
                       style: field.value.isEmpty ? Theme.dim : focused ? Style.reverse : .plain)])
        }
        switch dialog.kind {
        case .approve: body.append(field("Amount", dialog.amount, focused: true))
        case .reject: body.append(field("Reason", dialog.text, focused: true))
        case .rejectClaim:
            body.append(field("Reason", dialog.text, focused: true))
            body += ["", Line("Rejecting the claim releases the approved amount to the partner's balance.", style: Theme.dim)]
        case .requestInfo:
            body.append(field("Question", dialog.text, focused: true))
            body += ["", Line("The approval window's clock pauses until the partner answers.", style: Theme.dim)]
        case .claim:
            body.append(field("Amount", dialog.amount, focused: !dialog.onText))
            body.append(field("Proof", dialog.text, focused: dialog.onText))
        }
        let footer = dialog.hints.map { "\($0.key) \($0.label)" }.joined(separator: " · ")
        screen.render(Modal(title: dialog.title, body: body, footer: Line(footer), width: min(area.width - 4, 90)), in: area)
    }
}
