import TerminalUI

/// Where everything goes for a terminal size: one place, so the view, the reducer's paging and mouse
/// clicks agree.
struct ConsoleLayout {
    let header: Rect
    let content: Rect
    let status: Rect
    let footer: Rect
    let isGrid: Bool

    init(_ state: ConsoleState) {
        let screen = Rect(x: 0, y: 0, width: state.width, height: state.height)
        let rows = split(screen, .vertical, [.fixed(1), .min(1), .fixed(1), .fixed(1)])
        header = rows[0]
        content = rows[1]
        status = rows[2]
        footer = rows[3]
        isGrid = state.isGrid
    }

    /// The frame of a pane: its place in the grid, or the whole content area.
    ///
    /// Five panes in a 2×2 grid: Funds shares the bottom-left quarter with Tiers (Tiers above), so the
    /// Queue, Partners and Metrics keep the quarters they had — the ladder is the pane read least often
    /// and its proposals still show; `z` gives either one the whole screen.
    func frame(of pane: Pane) -> Rect {
        guard isGrid else { return content }
        let halves = split(content, .vertical, [.percent(50), .min(1)])
        let top = split(halves[0], .horizontal, [.percent(50), .min(1)])
        let bottom = split(halves[1], .horizontal, [.percent(50), .min(1)])
        let left = split(bottom[0], .vertical, [.percent(50), .min(1)])
        return [top[0], top[1], left[0], bottom[1], left[1]][pane.rawValue]
    }

    /// The inside of a pane's frame, where its own header line and table go.
    func body(of pane: Pane) -> Rect {
        isGrid ? Box.inner(frame(of: pane)) : frame(of: pane)
    }
}
