/// A one-line text input: the value, a cursor (in characters), and readline-style editing keys. The
/// cursor is drawn as a reverse cell because the real terminal cursor stays hidden.
public struct TextField: Widget, Sendable, Hashable {
    public var value: String {
        didSet { cursor = min(cursor, value.count) }
    }
    /// Position between characters, 0...value.count.
    public var cursor: Int
    /// Shown dim when the value is empty.
    public var placeholder: String
    public var style: Style
    public var cursorStyle: Style
    public var placeholderStyle: Style
    /// The cursor is only drawn while focused.
    public var isFocused: Bool

    public init(value: String = "", placeholder: String = "", style: Style = .plain,
                cursorStyle: Style = .reverse, placeholderStyle: Style = .dim, isFocused: Bool = true) {
        self.value = value
        self.cursor = value.count
        self.placeholder = placeholder
        self.style = style
        self.cursorStyle = cursorStyle
        self.placeholderStyle = placeholderStyle
        self.isFocused = isFocused
    }

    /// Applies an editing key and returns true if the field consumed it (even when it changed nothing,
    /// e.g. ← at the start), so the caller does not also treat it as navigation. Keys it does not edit
    /// with (Enter, Esc, Tab, ↑, ↓, …) return false.
    ///
    /// Characters insert; Backspace and Del delete; ← → Home End (and ctrl-a, ctrl-e) move;
    /// ctrl-u deletes to the start, ctrl-k to the end, ctrl-w the word before the cursor.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            value.insert(c, at: index(cursor))
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            // Move first: removing shortens `value`, and its didSet clamps the cursor, so moving
            // afterwards would step back twice at the end of the text.
            cursor -= 1
            value.remove(at: index(cursor))
        case .delete:
            guard cursor < value.count else { return true }
            value.remove(at: index(cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(value.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = value.count
        case .ctrl("u"):
            value.removeSubrange(value.startIndex..<index(cursor))
            cursor = 0
        case .ctrl("k"):
            value.removeSubrange(index(cursor)...)
        case .ctrl("w"):
            let before = Array(value.prefix(cursor))
            var start = before.count
            while start > 0, before[start - 1] == " " { start -= 1 }
            while start > 0, before[start - 1] != " " { start -= 1 }
            value.removeSubrange(index(start)..<index(cursor))
            cursor = start
        default:
            return false
        }
        return true
    }

    public func render(into screen: inout Screen, area: Rect) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        screen.fill(line, style: style)
        let characters = Array(value)
        let widths = characters.map { displayWidth(of: $0) }
        let showsCursor = isFocused
        if characters.isEmpty {
            let x = line.x + (showsCursor ? 1 : 0)
            if line.maxX > x { screen.put(placeholder, x: x, y: line.y, style: placeholderStyle, maxWidth: line.maxX - x) }
        }
        // Scroll so the cursor cell is the last visible one at most.
        let cursorColumn = widths.prefix(cursor).reduce(0, +)
        let cursorWidth = showsCursor ? (cursor < widths.count ? widths[cursor] : 1) : 0
        var first = 0, skipped = 0
        while cursorColumn + cursorWidth - skipped > line.width, first < characters.count {
            skipped += widths[first]
            first += 1
        }
        var x = line.x
        for i in first..<characters.count {
            let cellStyle = showsCursor && i == cursor ? style.patched(with: cursorStyle) : style
            let written = screen.put(String(characters[i]), x: x, y: line.y, style: cellStyle, maxWidth: line.maxX - x)
            if written == 0 { break }
            x += written
        }
        if showsCursor && cursor == characters.count && x < line.maxX {
            screen.put(" ", x: x, y: line.y, style: style.patched(with: cursorStyle))
        }
    }

    private func index(_ offset: Int) -> String.Index {
        value.index(value.startIndex, offsetBy: offset)
    }
}
