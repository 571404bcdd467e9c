/// A run of text in one style: the unit a row provider or a status line is built from.
public struct Span: Sendable, Hashable, ExpressibleByStringInterpolation {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(text: String, style: Style = .plain) {
        self.init(text, style: style)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }

    public var displayWidth: Int { TerminalUI.displayWidth(text) }
}

/// One line of mixed-style text.
public struct Line: Sendable, Hashable, ExpressibleByStringInterpolation, ExpressibleByArrayLiteral {
    public var spans: [Span]

    public init(_ spans: [Span]) {
        self.spans = spans
    }

    public init(spans: [Span]) {
        self.spans = spans
    }

    public init(_ text: String, style: Style = .plain) {
        self.spans = [Span(text, style: style)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }

    public init(arrayLiteral elements: Span...) {
        self.spans = elements
    }

    public var displayWidth: Int { spans.reduce(0) { $0 + $1.displayWidth } }

    /// The text without styles.
    public var text: String { spans.map(\.text).joined() }

    /// The line cut to at most `width` columns, ending in "…" (in the style of the span that was cut)
    /// when anything was cut.
    public func truncated(toWidth width: Int) -> Line {
        guard displayWidth > width else { return self }
        guard width > 0 else { return Line([]) }
        var result: [Span] = []
        var remaining = width
        for span in spans {
            let w = span.displayWidth
            if w < remaining {
                result.append(span)
                remaining -= w
            } else {
                // Later spans exist (the whole line is too wide), so this one must end in "…" even if it fits.
                result.append(Span(cut(span.text, toWidth: remaining), style: span.style))
                break
            }
        }
        return Line(result)
    }

    public static func + (lhs: Line, rhs: Line) -> Line { Line(lhs.spans + rhs.spans) }
}
