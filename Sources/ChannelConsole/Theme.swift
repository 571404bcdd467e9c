import ChannelModel
import TerminalUI

/// Colour carries meaning here and nowhere else: SLA urgency, conflicts, tiers, proposals, outcomes.
/// (The terminal backend drops colours under NO_COLOR; bold and reverse still mark focus and selection.)
enum Theme {
    static let title = Style.bold
    static let dim = Style.dim
    static let focusBorder = Style(foreground: .cyan, bold: true)
    static let border = Style.dim
    static let success = Style(foreground: .green)
    static let error = Style(foreground: .red, bold: true)
    static let key = Style(foreground: .cyan, bold: true)
    static let marked = Style(foreground: .magenta, bold: true)

    static func sla(_ state: SLAState) -> Style {
        switch state {
        case .fresh: return Style(foreground: .green)
        case .due: return Style(foreground: .yellow, bold: true)
        case .breached: return Style(foreground: .red, bold: true)
        case .paused: return .dim
        }
    }

    static func tier(_ name: String, policy: Policy) -> Style {
        switch policy.rank(of: name) {
        case 0: return Style(foreground: .magenta, bold: true)
        case 1: return Style(foreground: .yellow)
        case policy.tiers.count - 1: return .dim
        default: return .plain
        }
    }

    static func conflict(_ kind: ConflictKind) -> Style {
        kind == .duplicate ? Style(foreground: .yellow) : Style(foreground: .red, bold: true)
    }

    static func proposal(_ proposal: TierProposal) -> Style {
        switch proposal {
        case .upgrade: return Style(foreground: .green, bold: true)
        case .downgrade: return Style(foreground: .red, bold: true)
        case .atRisk: return Style(foreground: .yellow)
        case .hold: return .dim
        }
    }

    static func status(_ status: RegistrationStatus) -> Style {
        switch status {
        case .pending: return Style(foreground: .yellow)
        case .infoRequested: return Style(foreground: .cyan)
        case .approved, .closedWon: return Style(foreground: .green)
        case .rejected, .closedLost: return Style(foreground: .red)
        case .expired: return .dim
        }
    }
}

/// The colours the console is drawn in, chosen by the config file's `theme`. Theme's styles are written
/// in `dark`; `light` draws each of their colours as a shade that stays readable on a white background, so
/// no pane needs to know which palette is in force. NO_COLOR still wins: the terminal drops every colour.
package enum Palette: String, Sendable, CaseIterable {
    case dark, light

    /// `screen` in this palette.
    package func apply(to screen: Screen) -> Screen {
        guard self == .light else { return screen }
        var screen = screen
        screen.setStyle(screen.area) { style in
            style.foreground = Self.onWhite(style.foreground)
            style.background = Self.onWhite(style.background)
        }
        return screen
    }

    /// The 256-colour shades keep each colour's meaning at 4.5:1 or better against white (ANSI yellow, cyan
    /// and green are under 2:1); a 16-colour terminal keeps the colour, its own light theme shading it.
    static func onWhite(_ color: Color) -> Color {
        switch color {
        case .green: .extended(28, fallback: .green)
        case .yellow: .extended(130, fallback: .yellow)
        case .cyan: .extended(25, fallback: .blue)
        case .red: .extended(160, fallback: .red)
        case .magenta: .extended(127, fallback: .magenta)
        default: color
        }
    }
}

/// Short human forms used across panes.
enum Format {
    /// "5h", "3d" — the age of a registration.
    static func age(_ seconds: Int64) -> String {
        let hours = seconds / 3600
        return hours < 48 ? "\(hours)h" : "\(hours / 24)d"
    }

    /// "31h" left, "-3d" past the deadline, "paused" while the partner is asked: a registration's SLA
    /// time left as the model's `QueueItem` has it.
    static func timeLeft(_ seconds: Int64?) -> String {
        guard let seconds else { return "paused" }
        // Within the hour, minutes: "-0h" would say nothing.
        let magnitude = seconds.magnitude < 3600 ? "\(seconds.magnitude / 60)m" : age(Int64(seconds.magnitude))
        return (seconds < 0 ? "-" : "") + magnitude
    }

    static func label(_ raw: String) -> String { raw.replacingOccurrences(of: "_", with: " ") }

    /// Always one decimal, so a column of shares lines up ("5.0%" beside "11.6%").
    static func percent(_ ratio: Double) -> String { decimal(ratio * 100, places: 1) + "%" }

    /// A change of a ratio, in percentage points.
    static func points(_ ratio: Double) -> String { decimal(ratio * 100, places: 1) + " pts" }

    static func decimal(_ value: Double, places: Int = 1) -> String {
        let scale = Double([1, 10, 100, 1000][min(places, 3)])
        let scaled = Int64((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(scaled) }
        let unit = Int64(scale)
        let fraction = String(scaled % unit)
        return sign + "\(scaled / unit)." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A conflict marker: "⚑ partner", "⚑ direct+partner", "⚑ dup" — or, narrow, "⚑ dir+ptnr".
    static func conflicts(_ conflicts: [Conflict], narrow: Bool = false) -> Span {
        guard !conflicts.isEmpty else { return Span("") }
        var kinds: [ConflictKind] = []
        for conflict in conflicts where !kinds.contains(conflict.kind) { kinds.append(conflict.kind) }
        let names: [ConflictKind: String] = narrow ? [.partner: "ptnr", .direct: "dir", .duplicate: "dup"]
            : [.partner: "partner", .direct: "direct", .duplicate: "dup"]
        let text = "⚑ " + kinds.map { names[$0]! }.joined(separator: "+")
        let worst = kinds.contains(.partner) || kinds.contains(.direct) ? ConflictKind.partner : .duplicate
        return Span(text, style: Theme.conflict(worst))
    }
}
