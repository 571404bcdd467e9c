import ChannelModel
import TerminalUI

extension ConsoleReducer {
    /// Keeps selections inside their lists after the data changed under them (an approved row leaves
    /// the queue; the selection then rests on the next one, which is what triage wants).
    public static func normalize(_ state: inout ConsoleState, _ data: ConsoleData) {
        // The focused pane only: the others are clamped when they get the focus (and the table widget
        // keeps an out-of-range selection visible meanwhile), so a key costs one pane's rows, not four.
        var list = state.list
        let count = HeldRow.rowCount(state.focus, state, data)
        list.selected = max(0, min(list.selected, count - 1))
        list.offset = Table.scrollOffset(selected: list.selected, previousOffset: list.offset,
                                         visibleRows: ConsoleView.visibleRows(state), count: count)
        state.list = list
        if !state.marked.isEmpty {
            let queued = Set(data.queue.map(\.id))
            state.marked = state.marked.filter(queued.contains)
        }
        let content = ConsoleLayout(state).content
        switch state.details.last {
        case .registration(let id)?:
            state.detailOffset = min(state.detailOffset, RegistrationDetailView.maxOffset(id: id, data: data, area: content))
        case .partner(let id)? where state.partnerView.section == .history:
            if let rows = PartnerDetailRows.of(id, data, state.partnerView) {
                let body = PartnerDetailView.body(content)
                let count = PartnerDetailView.historyCount(rows)
                state.detailOffset = min(state.detailOffset, DetailText.maxOffset(lines: count, height: body.height))
            }
        case .partner? where state.partnerView.section == .funds: break
        case .partner?: state.detailOffset = 0
        case .concentration?: state.detailOffset = min(state.detailOffset, max(0, data.concentration.ranking.count - 1))
        case .mdfRequest?, nil: break
        }
        if case .help(let offset) = state.mode { state.mode = .help(offset: min(offset, Overlays.helpMaxOffset(state, data))) }
    }
}
