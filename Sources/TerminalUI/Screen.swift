/// One terminal cell: a grapheme cluster and its style. A wide (2-column) grapheme is stored in its first
/// cell with `width == 2`, and the cell to its right is a continuation: `text == ""`, `width == 0`.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1)

    public var isContinuation: Bool { width == 0 }
}

/// A cell that differs from the previous frame: what a terminal backend must repaint.
public struct CellChange: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

/// A frame: a grid of cells that widgets render into, pure and comparable, so whole screens can be
/// asserted in tests and only the difference between two frames is sent to the terminal.
///
/// Invariant: every wide cell is followed by its continuation and every continuation follows a wide
/// cell. Writes that overwrite half of a wide character blank the other half (as ratatui's buffer does),
/// so a frame never holds half a glyph.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole screen as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x), \(y)) outside \(width)×\(height)")
        return cells[y * width + x]
    }

    /// Writes `text` from (x, y) in `style`, clipped to the screen and to `maxWidth` columns, and returns
    /// the number of columns advanced. Control characters and other zero-width clusters are skipped; a
    /// wide character that does not fit before the limit is replaced by a space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        for character in text {
            guard column < limit else { break }
            let w = displayWidth(of: character)
            if w == 0 { continue }
            if column + w > limit {
                setCell(column, y, Cell(text: " ", width: 1, style: style))
                column += 1
                break
            }
            if column < 0 {
                // Partly off the left edge: whatever shows of it is blank.
                for c in max(0, column)..<max(0, column + w) { setCell(c, y, Cell(text: " ", width: 1, style: style)) }
            } else {
                setCell(column, y, Cell(text: String(character), width: w, style: style))
            }
            column += w
        }
        return column - x
    }

    /// Writes each span of `line` in its own style; returns the columns advanced.
    @discardableResult
    public mutating func put(_ line: Line, x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        var column = x
        for span in line.spans {
            let room = maxWidth.map { $0 - (column - x) }
            if let room, room <= 0 { break }
            column += put(span.text, x: column, y: y, style: span.style, maxWidth: room)
        }
        return column - x
    }

    /// Overwrites every cell of `rect` (clipped to the screen) with `character` in `style`.
    public mutating func fill(_ rect: Rect, style: Style, character: Character = " ") {
        let clip = rect.intersection(area)
        guard !clip.isEmpty else { return }
        let w = displayWidth(of: character)
        let run = w == 1 ? String(repeating: character, count: clip.width)
            : String(repeating: w == 2 ? String(character) : " ", count: w == 2 ? clip.width / 2 : clip.width)
        for y in clip.y..<clip.maxY {
            let written = put(run, x: clip.x, y: y, style: style, maxWidth: clip.width)
            if written < clip.width {
                put(String(repeating: " ", count: clip.width - written), x: clip.x + written, y: y, style: style)
            }
        }
    }

    /// Changes the style of every cell in `rect` (clipped to the screen), keeping the text. A wide
    /// character's continuation always takes the style of its first cell.
    public mutating func setStyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let clip = rect.intersection(area)
        guard !clip.isEmpty else { return }
        for y in clip.y..<clip.maxY {
            for x in clip.x..<clip.maxX where !cells[y * width + x].isContinuation {
                transform(&cells[y * width + x].style)
            }
            for x in clip.x...min(clip.maxX, width - 1) where x > 0 && cells[y * width + x].isContinuation {
                cells[y * width + x].style = cells[y * width + x - 1].style
            }
        }
    }

    /// Layers `style` onto every cell of `rect` with `Style.patched(with:)`.
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        setStyle(rect) { $0 = $0.patched(with: style) }
    }

    /// Each row as plain text with trailing spaces trimmed: the easiest thing to assert in a test.
    public func textLines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The cells that differ from `previous`, row by row, for a backend to repaint. Everything is returned
    /// when there is no previous frame or its size differs. Continuation cells are never returned: painting
    /// a wide character at its first cell covers both, and any change to a continuation also changes (and
    /// so returns) the cell that owns it.
    public func changes(since previous: Screen?) -> [CellChange] {
        let all = previous == nil || previous!.width != width || previous!.height != height
        var result: [CellChange] = []
        for y in 0..<height {
            for x in 0..<width {
                let i = y * width + x
                let cell = cells[i]
                guard !cell.isContinuation else { continue }
                if all || previous!.cells[i] != cell { result.append(CellChange(x: x, y: y, cell: cell)) }
            }
        }
        return result
    }

    /// Stores `cell` at (x, y), keeping the wide-character invariant. Off-screen writes are ignored.
    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        // Overwriting the right half of a wide character: its left half can no longer be drawn.
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style)
        }
        // Overwriting the left half: its continuation would dangle.
        if cells[i].width == 2, x + 1 < width {
            cells[i + 1] = Cell(text: " ", width: 1, style: cells[i].style)
        }
        if cell.width == 2 {
            guard x + 1 < width else {
                cells[i] = Cell(text: " ", width: 1, style: cell.style)
                return
            }
            // The continuation takes over the next cell, which may itself be the start of a wide character.
            if cells[i + 1].width == 2, x + 2 < width {
                cells[i + 2] = Cell(text: " ", width: 1, style: cells[i + 1].style)
            }
            cells[i + 1] = Cell(text: "", width: 0, style: cell.style)
        }
        cells[i] = cell
    }
}
