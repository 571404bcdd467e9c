import ChannelModel
import ChannelStore
import TerminalUI

/// The triage keys (lazygit's per-context controllers): deciding the selected or marked registrations,
/// and moving through the queue and a registration's conflicts without going back to the list.
enum TriageController {
    static func run(_ command: Command, _ state: inout ConsoleState, _ data: ConsoleData) -> [Effect] {
        switch command {
        case .approve:
            guard let id = ConsoleReducer.selectedRegistration(state, data) else { break }
            let conflicts = conflictLines(id, data)
            guard !conflicts.isEmpty else { return [.perform(.approve(registrationID: id))] }
            state.mode = .confirm(Confirmation(
                title: "Approve \(id) despite \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s")?",
                lines: [describe(id, data), ""] + conflicts,
                action: .approve(registrationID: id)))
        case .reject:
            if let id = ConsoleReducer.selectedRegistration(state, data) { state.mode = .reject(RejectDialog(ids: [id])) }
        case .requestInfo:
            if let id = ConsoleReducer.selectedRegistration(state, data) {
                state.mode = .requestInfo(ids: [id], field: TextField(placeholder: "question for the partner (optional)"))
            }
        case .extend:
            // In a partner's registrations, the marked ones go together (one batch, one undo).
            let marked = markedRegistrations(state, data)
            if !marked.isEmpty {
                state.partnerView.marked.subtract(marked)
                return [.perform(marked.count == 1 ? .extend(registrationID: marked[0]) : .batch(marked.map { .extend(registrationID: $0) }))]
            }
            return ConsoleReducer.selectedRegistration(state, data).map { [.perform(.extend(registrationID: $0))] } ?? []
        case .toggleMark:
            if case .partner? = state.details.last, state.partnerView.section == .registrations {
                guard let id = ConsoleReducer.selectedRegistration(state, data) else { break }
                if state.partnerView.marked.remove(id) == nil {
                    guard data.programme.registration(id)?.accepts(.extend, policy: data.programme.policy) == true else {
                        state.status = StatusMessage("Only an approved registration's protection can be extended", .error)
                        break
                    }
                    state.partnerView.marked.insert(id)
                }
                ConsoleReducer.move(.down, &state, data)
                break
            }
            if case .partner(let id)? = state.details.last {
                guard state.partnerView.section == .commissions, let rows = PartnerDetailRows.of(id, data, state.partnerView),
                      let line = rows.ledger[safe: state.partnerView.selected[.commissions] ?? 0], line.status != nil else { break }
                if state.partnerView.marked.remove(line.dealId) == nil { state.partnerView.marked.insert(line.dealId) }
                ConsoleReducer.move(.down, &state, data)
                break
            }
            guard state.details.isEmpty, let id = ConsoleReducer.selectedRegistration(state, data) else { break }
            if state.marked.remove(id) == nil { state.marked.insert(id) }
            ConsoleReducer.move(.down, &state, data)
        case .approveMarked:
            let ids = markedInQueueOrder(state, data)
            guard !ids.isEmpty else { state.status = StatusMessage("Nothing is marked — space marks a registration", .error); break }
            let conflicting = ids.filter { !conflictLines($0, data).isEmpty }
            state.mode = .confirm(Confirmation(
                title: "Approve \(ids.count) registration\(ids.count == 1 ? "" : "s")?",
                lines: (conflicting.isEmpty ? [] : ["⚑ \(conflicting.count) of them conflict\(conflicting.count == 1 ? "s" : ""): "
                                                    + conflicting.prefix(6).joined(separator: ", ") + (conflicting.count > 6 ? ", …" : ""), ""])
                    + ids.prefix(8).map { describe($0, data) } + (ids.count > 8 ? ["…and \(ids.count - 8) more"] : []),
                action: .batch(ids.map { .approve(registrationID: $0) })))
        case .rejectMarked:
            let ids = markedInQueueOrder(state, data)
            guard !ids.isEmpty else { state.status = StatusMessage("Nothing is marked — space marks a registration", .error); break }
            state.mode = .reject(RejectDialog(ids: ids))
        case .requestInfoMarked:
            let ids = markedInQueueOrder(state, data).filter { data.programme.registration($0)?.status == .pending }
            guard !ids.isEmpty else {
                state.status = StatusMessage(state.marked.isEmpty ? "Nothing is marked — space marks a registration"
                                                                  : "None of the marked registrations is pending: only a pending one can be asked", .error)
                break
            }
            state.mode = .requestInfo(ids: ids, field: TextField(placeholder: "question for the partners (optional)"))
        case .nextQueued, .previousQueued: step(command == .nextQueued ? 1 : -1, &state, data)
        case .nextConflict: openNextConflict(&state, data)
        default: break
        }
        return []
    }

    /// Replaces the open registration detail with the next (or previous) registration of the queue, in
    /// the Queue pane's order and filter: triage without going back to the list.
    static func step(_ by: Int, _ state: inout ConsoleState, _ data: ConsoleData) {
        guard case .registration(let id)? = state.details.last else { return }
        let rows = PaneRows.visible(.queue, in: state, data).map { data.queue[$0].id }
        guard !rows.isEmpty else { state.status = StatusMessage("The queue is empty", .error); return }
        let next: String
        if let index = rows.firstIndex(of: id) {
            guard rows.indices.contains(index + by) else {
                state.status = StatusMessage(by > 0 ? "\(id) is the last queued registration" : "\(id) is the first queued registration")
                return
            }
            next = rows[index + by]
        } else {
            // Decided since it was opened (or opened from a partner): start from the queue's first row.
            next = rows[0]
        }
        state.details[state.details.count - 1] = .registration(next)
        state.detailOffset = 0
        if state.details.count == 1, let index = rows.firstIndex(of: next) { state.lists[.queue]?.selected = index }
    }

    /// Opens the registration the open one conflicts with (the next one each time); Esc comes back.
    static func openNextConflict(_ state: inout ConsoleState, _ data: ConsoleData) {
        guard case .registration(let id)? = state.details.last else { return }
        let others = conflictingRegistrations(id, data)
        guard !others.isEmpty else {
            state.status = StatusMessage("\(id) conflicts with no other registration", .error)
            return
        }
        // Coming from a conflict of this one, go on to the next; otherwise open the first.
        var target = others[0]
        if state.details.count >= 2, case .registration(let previous) = state.details[state.details.count - 2],
           let index = others.firstIndex(of: previous) {
            target = others[(index + 1) % others.count]
        }
        state.details.append(.registration(target))
        state.detailOffset = 0
        state.status = StatusMessage("\(target) conflicts with \(id) — Esc goes back")
    }

    /// The registrations marked in the open partner detail's Registrations section, in its order.
    static func markedRegistrations(_ state: ConsoleState, _ data: ConsoleData) -> [String] {
        guard case .partner(let id)? = state.details.last, state.partnerView.section == .registrations,
              !state.partnerView.marked.isEmpty, let rows = PartnerDetailRows.of(id, data, state.partnerView) else { return [] }
        return rows.registrations.map(\.id).filter(state.partnerView.marked.contains)
    }

    static func markedInQueueOrder(_ state: ConsoleState, _ data: ConsoleData) -> [String] {
        data.queue.map(\.id).filter(state.marked.contains)
    }

    /// The other registrations registration `id` conflicts with (partner and duplicate conflicts).
    static func conflictingRegistrations(_ id: String, _ data: ConsoleData) -> [String] {
        conflicts(of: id, data).compactMap(\.registrationId)
    }

    static func conflicts(of id: String, _ data: ConsoleData) -> [Conflict] {
        guard let position = data.programme.registrationPosition(id) else { return [] }
        return ConflictDetector.conflicts(data.programme, of: [position], openByDomain: data.openByDomain)[position] ?? []
    }

    /// One line per conflict of registration `id` ("⚑ partner R-0019305 — Vanta Logic"), empty when it
    /// has none: what approving over a conflict must show first.
    static func conflictLines(_ id: String, _ data: ConsoleData) -> [String] {
        conflicts(of: id, data).map { conflict in
            switch conflict.kind {
            case .direct: return "⚑ direct: \(conflict.domain ?? "") is a direct-sales account"
            default:
                let other = conflict.registrationId.flatMap(data.programme.registration)
                let owner = other.flatMap { data.programme.partner($0.partnerID)?.name } ?? other?.partnerID ?? ""
                return "⚑ \(conflict.kind.rawValue): \(conflict.registrationId ?? "") — \(owner), \(other.map { Format.label($0.status.rawValue) } ?? "")"
            }
        }
    }

    static func describe(_ id: String, _ data: ConsoleData) -> String {
        guard let registration = data.programme.registration(id) else { return id }
        let partner = data.programme.partner(registration.partnerID)?.name ?? registration.partnerID
        return "\(id)  \(registration.prospectCompany) — \(partner)"
    }

}
