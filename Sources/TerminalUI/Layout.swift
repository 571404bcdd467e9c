/// The axis along which `split` lays out its pieces: `.horizontal` makes columns side by side,
/// `.vertical` makes rows stacked top to bottom.
public enum Direction: Sendable, Hashable {
    case horizontal, vertical
}

/// How much of a split one piece asks for.
public enum Constraint: Sendable, Hashable {
    /// Exactly this many cells (less only when the rectangle runs out).
    case fixed(Int)
    /// This percentage of the whole rectangle, rounded down.
    case percent(Int)
    /// At least this many cells, growing to share whatever the fixed and percent pieces leave, equally.
    case min(Int)
}

/// Divides `rect` along `direction`. Fixed pieces are served first, then percentages of the whole, then
/// the `min` pieces share what is left: each gets its minimum if possible, then the rest is split equally
/// among them, any odd cells going to the earliest. Sizes are never negative and never sum past the rectangle;
/// if there are no `min` pieces, any leftover is left unused at the end.
public func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint]) -> [Rect] {
    let total = direction == .horizontal ? rect.width : rect.height
    var sizes = Array(repeating: 0, count: constraints.count)
    var remaining = total

    func take(_ wanted: Int) -> Int {
        let granted = Swift.min(Swift.max(0, wanted), remaining)
        remaining -= granted
        return granted
    }

    for (i, c) in constraints.enumerated() {
        if case .fixed(let n) = c { sizes[i] = take(n) }
    }
    for (i, c) in constraints.enumerated() {
        if case .percent(let p) = c { sizes[i] = take(total * Swift.min(Swift.max(0, p), 100) / 100) }
    }
    let flexible = constraints.indices.filter { if case .min = constraints[$0] { true } else { false } }
    for i in flexible {
        if case .min(let n) = constraints[i] { sizes[i] = take(n) }
    }
    if !flexible.isEmpty {
        let share = remaining / flexible.count, odd = remaining % flexible.count
        for (k, i) in flexible.enumerated() { sizes[i] += share + (k < odd ? 1 : 0) }
    }

    var position = direction == .horizontal ? rect.x : rect.y
    return sizes.map { size in
        defer { position += size }
        switch direction {
        case .horizontal: return Rect(x: position, y: rect.y, width: size, height: rect.height)
        case .vertical: return Rect(x: rect.x, y: position, width: rect.width, height: size)
        }
    }
}
