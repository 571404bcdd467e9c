/// A terminal colour: the sixteen ANSI colours plus the terminal's own default, so a UI can stay
/// readable on both light and dark themes by leaving most text in `.default`.
public indirect enum Color: Sendable, Hashable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    /// One of the 256-colour palette's extra shades (16–255), for a theme the sixteen cannot serve (a
    /// yellow readable on white); a terminal with fewer colours shows `fallback`.
    case extended(UInt8, fallback: Color)

    /// The ANSI index (0–15), or nil for the terminal default; an extended colour's is its fallback's.
    public var ansiIndex: Int? {
        switch self {
        case .default: nil
        case .extended(_, let fallback): fallback.ansiIndex
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .brightBlack: 8
        case .brightRed: 9
        case .brightGreen: 10
        case .brightYellow: 11
        case .brightBlue: 12
        case .brightMagenta: 13
        case .brightCyan: 14
        case .brightWhite: 15
        }
    }

    /// The case name, as written in styled snapshots (`fg=brightRed`).
    public var name: String {
        switch self {
        case .default: "default"
        case .black: "black"
        case .red: "red"
        case .green: "green"
        case .yellow: "yellow"
        case .blue: "blue"
        case .magenta: "magenta"
        case .cyan: "cyan"
        case .white: "white"
        case .brightBlack: "brightBlack"
        case .brightRed: "brightRed"
        case .brightGreen: "brightGreen"
        case .brightYellow: "brightYellow"
        case .brightBlue: "brightBlue"
        case .brightMagenta: "brightMagenta"
        case .brightCyan: "brightCyan"
        case .brightWhite: "brightWhite"
        case .extended(let index, _): "color\(index)"
        }
    }
}

/// How a cell looks: colours plus the attributes every terminal supports (and that survive `NO_COLOR`).
public struct Style: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(foreground: Color = .default, background: Color = .default,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let underline = Style(underline: true)
    public static let dim = Style(dim: true)

    public static func fg(_ color: Color) -> Style { Style(foreground: color) }
    public static func bg(_ color: Color) -> Style { Style(background: color) }

    // Chaining helpers, so styles read as `.fg(.red).bolded()`.
    public func fg(_ color: Color) -> Style { with { $0.foreground = color } }
    public func bg(_ color: Color) -> Style { with { $0.background = color } }
    public func bolded() -> Style { with { $0.bold = true } }
    public func reversed() -> Style { with { $0.reverse = true } }
    public func underlined() -> Style { with { $0.underline = true } }
    public func dimmed() -> Style { with { $0.dim = true } }

    public func with(_ change: (inout Style) -> Void) -> Style {
        var copy = self
        change(&copy)
        return copy
    }

    /// Layers `overlay` on top: its non-default colours win and its attributes are added. This is how a
    /// selection highlight keeps a cell's own colour (red text becomes a red bar when reversed).
    public func patched(with overlay: Style) -> Style {
        Style(foreground: overlay.foreground == .default ? foreground : overlay.foreground,
              background: overlay.background == .default ? background : overlay.background,
              bold: bold || overlay.bold, reverse: reverse || overlay.reverse,
              underline: underline || overlay.underline, dim: dim || overlay.dim)
    }

    /// The attributes that differ from `.plain`, in a fixed order: `fg=red,bold`. Empty for `.plain`.
    public var markup: String {
        var parts: [String] = []
        if foreground != .default { parts.append("fg=\(foreground.name)") }
        if background != .default { parts.append("bg=\(background.name)") }
        if bold { parts.append("bold") }
        if dim { parts.append("dim") }
        if underline { parts.append("underline") }
        if reverse { parts.append("reverse") }
        return parts.joined(separator: ",")
    }
}
