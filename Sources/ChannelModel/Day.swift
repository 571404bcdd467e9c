/// A calendar date (UTC), stored as days since 1970-01-01. Pure arithmetic, no Calendar: date maths is
/// on the hot path of every metric and must be cheap and deterministic.
public struct Day: Hashable, Comparable, Sendable, Strideable, CustomStringConvertible {
    public var ordinal: Int32

    public init(ordinal: Int32) { self.ordinal = ordinal }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        ordinal = Int32(Day.daysFromCivil(year, month, day))
    }

    /// Parses `YYYY-MM-DD`; rejects impossible dates such as 2026-02-30.
    public init?(parsing text: some StringProtocol) {
        var text = String(text)
        guard let day = text.withUTF8({ Day(utf8: $0) }) else { return nil }
        self = day
    }

    /// The same from UTF-8 bytes: the importer reads a million dates in place, without a `String` each.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45,
              let year = Day.number(bytes, 0..<4), let month = Day.number(bytes, 5..<7),
              let day = Day.number(bytes, 8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) { Day.civilFromDays(Int(ordinal)) }
    public var year: Int { components.year }
    public var quarter: Int { (components.month - 1) / 3 + 1 }

    /// First day of the quarter containing this day.
    public var startOfQuarter: Day {
        let (year, month, _) = components
        return Day(year: year, month: (month - 1) / 3 * 3 + 1, day: 1)!
    }

    public var description: String {
        let (year, month, day) = components
        return Day.pad(year, 4) + "-" + Day.pad(month, 2) + "-" + Day.pad(day, 2)
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + Int32(days)) }
    public func distance(to other: Day) -> Int { Int(other.ordinal - ordinal) }
    public func advanced(by n: Int) -> Day { adding(days: n) }
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// The last second of this day, `D 23:59:59Z`, against which instants are compared.
    public var endOfDay: Instant { Instant(seconds: Int64(ordinal) * 86_400 + 86_399) }
    public var startOfDay: Instant { Instant(seconds: Int64(ordinal) * 86_400) }

    /// The decimal number the ASCII digits at `range` write, or nil when one is not a digit.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// A moment in time (UTC) to the second, as the import's `YYYY-MM-DDTHH:MM:SSZ` instants are.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`.
    public init?(parsing text: some StringProtocol) {
        var text = String(text)
        guard let instant = text.withUTF8({ Instant(utf8: $0) }) else { return nil }
        self = instant
    }

    /// The same from UTF-8 bytes, as the importer reads them in place.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == 58, bytes[16] == 58,
              bytes[19] == UInt8(ascii: "Z"),
              let day = Day(utf8: UnsafeBufferPointer(rebasing: bytes[0..<10])),
              let hour = Day.number(bytes, 11..<13), let minute = Day.number(bytes, 14..<16),
              let second = Day.number(bytes, 17..<19), hour < 24, minute < 60, second < 60
        else { return nil }
        seconds = Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public var day: Day {
        Day(ordinal: Int32((seconds >= 0 ? seconds : seconds - 86_399) / 86_400))
    }

    public var description: String {
        let secondOfDay = Int(seconds - Int64(day.ordinal) * 86_400)
        return "\(day)T\(Day.pad(secondOfDay / 3600, 2)):\(Day.pad(secondOfDay / 60 % 60, 2)):\(Day.pad(secondOfDay % 60, 2))Z"
    }

    public func adding(seconds delta: Int64) -> Instant { Instant(seconds: seconds + delta) }
    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }
}

/// An inclusive range of days `[from, to]`: the reporting period of every revenue metric.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public var from: Day
    public var to: Day

    public init(from: Day, to: Day) {
        self.from = from
        self.to = to
    }

    /// The default period: from the first day of the quarter containing `asOf` to `asOf`.
    public static func quarterToDate(_ asOf: Day) -> Period { Period(from: asOf.startOfQuarter, to: asOf) }

    /// The whole calendar quarter, e.g. `2026-Q3` → 2026-07-01...2026-09-30.
    public static func quarter(year: Int, quarter: Int) -> Period? {
        guard (1...4).contains(quarter), let start = Day(year: year, month: quarter * 3 - 2, day: 1)
        else { return nil }
        let next = quarter == 4 ? Day(year: year + 1, month: 1, day: 1) : Day(year: year, month: quarter * 3 + 1, day: 1)
        guard let next else { return nil }
        return Period(from: start, to: next.adding(days: -1))
    }

    /// Parses `2026-Q3` (case-insensitive).
    public init?(quarter text: String) {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("Q"),
              let quarter = Int(parts[1].dropFirst()), let period = Period.quarter(year: year, quarter: quarter)
        else { return nil }
        self = period
    }

    /// The same span of calendar quarter moved by `count` quarters (negative goes back).
    public func shiftedQuarters(_ count: Int) -> Period {
        let (year, month, _) = from.components
        let index = year * 4 + (month - 1) / 3 + count
        return Period.quarter(year: index / 4, quarter: index % 4 + 1) ?? self
    }

    /// `2026-Q3` for a whole calendar quarter, `2026-Q4 to date` for its start up to a day inside it
    /// (the default period), otherwise `from..to`.
    public var label: String {
        let (year, month, day) = from.components
        if month % 3 == 1, day == 1, let whole = Period.quarter(year: year, quarter: (month - 1) / 3 + 1), to <= whole.to, to >= from {
            return "\(year)-Q\((month - 1) / 3 + 1)" + (to == whole.to ? "" : " to date")
        }
        return "\(from)..\(to)"
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }
    public var description: String { label }
}
