import ChannelModel
import ChannelStore
import TerminalUI

/// The Queue's "mine" view (`M`, `:mine`): only registrations of partners the console's actor owns —
/// the manager's own share of a queue the whole team triages. It is a part of the Queue's row-cache
/// key, so it composes with `/` and the sort and costs one pass over the queue per change of data,
/// never one per keystroke.
enum MineView {
    static func toggle(_ state: inout ConsoleState) {
        state.mineOnly.toggle()
        // A narrower list starts at its top, as a new filter does.
        state.lists[.queue]?.selected = 0
        state.lists[.queue]?.offset = 0
        state.status = StatusMessage(state.mineOnly ? "Showing registrations of partners \(owner(state)) owns — M shows everyone's"
                                                    : "Showing every partner's registrations")
    }

    /// `:mine` from anywhere: the Queue, narrowed (or widened again).
    static func command(_ state: inout ConsoleState) {
        state.focus = .queue
        state.details = []
        toggle(&state)
    }

    /// The owner the view compares with, as the header names it.
    static func owner(_ state: ConsoleState) -> String { state.actor.isEmpty ? "you" : state.actor }

    /// The header's mark that the list is narrowed: " · mine (ben's partners)".
    static func summary(_ state: ConsoleState) -> Span? {
        state.mineOnly ? Span(" · mine (partners \(owner(state)) owns)", style: Theme.key) : nil
    }

    /// What an empty Queue says in the "mine" view.
    static func emptyText(_ state: ConsoleState, filter: String) -> String {
        filter.isEmpty ? "No registration of a partner \(owner(state)) owns is waiting — M shows everyone's."
                       : "No registration of a partner \(owner(state)) owns matches \"\(filter)\"."
    }
}

extension ConsoleData {
    /// Who owns the partner of the queue row at `row` (an index into `queue`).
    func owner(ofQueueRow row: Int) -> String? {
        partnerRow(registration: queue[row].position).map { programme.partners[$0].owner }
    }
}

extension ConsoleData {
    /// After an owner assignment: who owns a partner changes no figure, tier or queue order — only
    /// the partner's row (what `/` and `owner:` read) and which rows "mine" shows, so a million
    /// registrations are not looked at again.
    mutating func applyOwner(_ partnerID: String, programme: Programme) {
        self.programme = programme
        rowCache = RowCache()
        guard let position = programme.partnerPosition(partnerID) else { return }
        let partner = programme.partners[position]
        partners[position].search = PartnerRow.search(partner)
        partners[position].facets = PartnerFacets(partner)
    }
}

extension ProgrammeAction {
    /// The partner whose owner the action changes, when it does nothing else.
    var ownerAssigned: String? {
        switch self {
        case .assignOwner(let partnerID, _), .restoreOwner(let partnerID, _, _): return partnerID
        default: return nil
        }
    }
}
