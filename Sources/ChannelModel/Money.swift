/// An amount of programme currency, exact to the cent. Money is never a floating-point value in the
/// engine: sums, shares of revenue and commissions are all computed on integer cents.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    /// Parses a plain decimal such as `116820.49`, `-12.5` or `100`. At most two decimals: a third
    /// would be silently rounded, and money that changes on import is worse than an error.
    public init?(parsing text: some StringProtocol) {
        var text = String(text)
        guard let money = text.withUTF8({ Money(utf8: $0) }) else { return nil }
        self = money
    }

    /// The same from UTF-8 bytes: the importer reads a million amounts in place, without a `String` each.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        var whole: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, digits = 0
        var seenPoint = false
        for byte in bytes[index...] {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard byte >= 48 && byte <= 57 else { return nil }
            let digit = Int64(byte - 48)
            if seenPoint {
                fractionDigits += 1
                if fractionDigits > 2 { return nil }
                fraction = fraction * 10 + digit
            } else {
                digits += 1
                if digits > 15 { return nil }
                whole = whole * 10 + digit
            }
        }
        guard digits > 0 || fractionDigits > 0 else { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        let cents = whole * 100 + fraction
        self.cents = negative ? -cents : cents
    }

    /// The amount in currency units, for JSON and ratios.
    public var units: Double { Double(cents) / 100 }

    /// `116820.49` — the form the import accepts and the export writes.
    public var plain: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `116,820.49` — grouped for people.
    public var grouped: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(Money.group(magnitude / 100)).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `1.2M`, `250k`, `980` — compact, for dense table cells and chart labels.
    public var compact: String {
        let units = Double(cents) / 100
        let magnitude = abs(units)
        let sign = units < 0 ? "-" : ""
        func short(_ value: Double, _ suffix: String) -> String {
            let rounded = (value * 10).rounded() / 10
            let text = rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
            return sign + text + suffix
        }
        if magnitude >= 1_000_000_000 { return short(magnitude / 1_000_000_000, "B") }
        if magnitude >= 1_000_000 { return short(magnitude / 1_000_000, "M") }
        if magnitude >= 10_000 { return sign + String(Int64((magnitude / 1_000).rounded())) + "k" }
        return sign + String(Int64(magnitude.rounded()))
    }

    public var description: String { plain }

    public static func group(_ value: UInt64) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    /// `self × rate`, rounded half away from zero to the cent. The rate is taken to six decimals so the
    /// product is exact integer arithmetic (0.15 has no exact binary form; 150000 / 10⁶ does).
    public func times(rate: Double) -> Money {
        let micros = Int64((rate * 1_000_000).rounded())
        let product = cents * micros
        let half: Int64 = 500_000
        let rounded = product >= 0 ? (product + half) / 1_000_000 : (product - half) / 1_000_000
        return Money(cents: rounded)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }
}

extension Money: Codable {
    /// Encoded as a number in currency units, as the JSON outputs and the policy file show money.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        // The import's bound (15 whole digits). NaN or a huge number trapped converting to Int64 cents,
        // crashing on a damaged programme file, journal or policy file (found by Fuzz/).
        guard abs(value) < 1e15 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(value) is not an amount of money (at most 15 digits before the point)")
        }
        self.cents = Int64((value * 100).rounded())
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(units)
    }
}
