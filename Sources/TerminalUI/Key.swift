/// A key press, independent of the terminal library, so key bindings and tests speak one language.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character, already shifted (`"A"`, `"?"`, `"株"`).
    case char(Character)
    /// Control plus a letter, lower-cased: `.ctrl("u")`. Ctrl-I, -J, -M and -H arrive as tab, enter and
    /// backspace because terminals send the same bytes for them.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)

    /// A short human name for help screens and footers: "a", "ctrl-u", "↑", "PgDn", "S-Tab", "F5".
    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "ctrl-\(c)"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let n): "F\(n)"
        }
    }
}

/// A mouse button or wheel movement.
public enum MouseButton: Hashable, Sendable {
    case left, middle, right, scrollUp, scrollDown
}

/// Something the application should react to.
public enum Event: Hashable, Sendable {
    case key(Key)
    /// The terminal now has this size; the next frame should be rendered for it.
    case resize(width: Int, height: Int)
    /// A click or wheel movement at a cell.
    case mouse(x: Int, y: Int, button: MouseButton)
}
