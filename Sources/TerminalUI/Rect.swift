/// A rectangle of cells on a `Screen`: where a widget draws. Sizes are never negative, so arithmetic on
/// tiny terminals degrades to empty areas instead of crashing.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var area: Int { width * height }
    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The rectangle shrunk by `margin` cells on every side.
    public func inset(by margin: Int) -> Rect {
        inset(top: margin, left: margin, bottom: margin, right: margin)
    }

    public func inset(horizontal: Int = 0, vertical: Int = 0) -> Rect {
        inset(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right)
        let h = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
    }

    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The one-cell-high strip at row `index` (0-based from the top), empty when outside.
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + max(0, index), width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// The one-cell-wide strip at column `index` (0-based from the left), empty when outside.
    public func column(_ index: Int) -> Rect {
        guard index >= 0, index < width else { return Rect(x: x + max(0, index), y: y, width: 0, height: height) }
        return Rect(x: x + index, y: y, width: 1, height: height)
    }

    /// Every row, top to bottom.
    public var rows: [Rect] { (0..<height).map { row($0) } }

    /// Every column, left to right.
    public var columns: [Rect] { (0..<width).map { column($0) } }

    /// The first `count` rows, and the rest.
    public func top(_ count: Int) -> Rect { Rect(x: x, y: y, width: width, height: min(height, count)) }
    /// The last `count` rows.
    public func bottom(_ count: Int) -> Rect {
        let h = min(height, max(0, count))
        return Rect(x: x, y: maxY - h, width: width, height: h)
    }

    /// A `width` × `height` rectangle centred in this one (clipped to it), e.g. for a modal dialog.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(width, max(0, w)), ch = min(height, max(0, h))
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// Splits this rectangle with `TerminalUI.split`.
    public func split(_ direction: Direction, _ constraints: [Constraint]) -> [Rect] {
        TerminalUI.split(self, direction, constraints)
    }
}
