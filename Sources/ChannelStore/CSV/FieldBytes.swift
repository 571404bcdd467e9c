import ChannelModel

/// The value parsers of the import read straight from a field's UTF-8 bytes, because making a string
/// of every date and amount of a million-row file only to parse it again cost more than the whole
/// `sqlite3 .import` of that file.
///
/// Each answers a value only when the field is exactly what the string parser of ChannelModel
/// (`Day(parsing:)`, `Money(parsing:)`, `Int(_:)`, `Labelled(rawValue:)`) would accept with the same
/// value, and nil otherwise — also for some values those accept, such as `+5` or non-ASCII labels.
/// A nil sends the row parser down its string path, which decides and words the error, so the reports
/// are the ones the import always gave. `FieldBytesTests` holds the two paths to the same answers.
enum FieldBytes {
    private static let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-"), point = UInt8(ascii: ".")

    /// The value of the ASCII digit at `index`, or nil.
    @inline(__always)
    private static func digit(_ field: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        let value = field[index] &- zero
        return value < 10 ? Int(value) : nil
    }

    /// The number written by the `count` digits at `index`, or nil when one is not a digit.
    @inline(__always)
    private static func number(_ field: UnsafeBufferPointer<UInt8>, at index: Int, count: Int) -> Int? {
        var value = 0
        for offset in index..<(index + count) {
            guard let digit = digit(field, offset) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// `YYYY-MM-DD`, as `Day(parsing:)`: impossible dates (2026-02-30) are nil.
    static func day(_ field: UnsafeBufferPointer<UInt8>) -> Day? {
        guard field.count == 10 else { return nil }
        return day(field, at: 0)
    }

    private static func day(_ field: UnsafeBufferPointer<UInt8>, at start: Int) -> Day? {
        guard field[start + 4] == dash, field[start + 7] == dash,
              let year = number(field, at: start, count: 4), let month = number(field, at: start + 5, count: 2),
              let day = number(field, at: start + 8, count: 2) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, as `Instant(parsing:)`.
    static func instant(_ field: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard field.count == 20, field[10] == UInt8(ascii: "T"), field[13] == UInt8(ascii: ":"),
              field[16] == UInt8(ascii: ":"), field[19] == UInt8(ascii: "Z"),
              let day = day(field, at: 0),
              let hour = number(field, at: 11, count: 2), let minute = number(field, at: 14, count: 2),
              let second = number(field, at: 17, count: 2), hour < 24, minute < 60, second < 60
        else { return nil }
        return Instant(seconds: Int64(day.ordinal) * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }

    /// A plain decimal with an optional sign and at most two decimals, as `Money(parsing:)` — including
    /// its limit of 15 digits before the point, leading zeros counted.
    static func money(_ field: UnsafeBufferPointer<UInt8>) -> Money? {
        var index = 0
        var negative = false
        if let first = field.first, first == dash || first == UInt8(ascii: "+") {
            negative = first == dash
            index = 1
        }
        var whole: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, digits = 0
        var seenPoint = false
        while index < field.count {
            let byte = field[index]
            index += 1
            if byte == point {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            let digit = byte &- zero
            guard digit < 10 else { return nil }
            if seenPoint {
                fractionDigits += 1
                if fractionDigits > 2 { return nil }
                fraction = fraction * 10 + Int64(digit)
            } else {
                digits += 1
                if digits > 15 { return nil }
                whole = whole * 10 + Int64(digit)
            }
        }
        guard digits > 0 || fractionDigits > 0 else { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        let cents = whole * 100 + fraction
        return Money(cents: negative ? -cents : cents)
    }

    /// Unsigned decimal digits that fit an `Int`, as `Int(_:)` reads them. A sign, an empty field or
    /// anything else is nil: rare in an import, and `Int(_:)` on the string decides those.
    static func digits(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        // 18 digits cannot overflow an Int; longer numbers take the string path.
        guard !field.isEmpty, field.count <= 18 else { return nil }
        return number(field, at: 0, count: field.count)
    }

    /// The field lower-cased when it is all ASCII, which is the whole of what `lowercased()` changes in
    /// ASCII text, and whether that changed it; nil otherwise. Up to 15 bytes the string is a small
    /// string: no allocation.
    static func asciiLowercased(_ field: UnsafeBufferPointer<UInt8>) -> (text: String, changed: Bool)? {
        var allBits: UInt8 = 0, upper = false
        for byte in field {
            allBits |= byte
            upper = upper || byte &- UInt8(ascii: "A") < 26
        }
        guard allBits < 0x80 else { return nil }
        let text = String(unsafeUninitializedCapacity: field.count) { buffer in
            for (index, byte) in field.enumerated() {
                buffer[index] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
            }
            return field.count
        }
        return (text, upper)
    }

    /// One of a closed vocabulary in any ASCII letter case, as the importer's `Value(rawValue: text) ??
    /// Value(label: text)`: the exact spelling first, then the lower-cased one (`Value(label:)` is the
    /// first case whose raw value is the lower-cased text, and raw values are unique).
    static func label<Value: Labelled>(_ field: UnsafeBufferPointer<UInt8>, as _: Value.Type = Value.self) -> Value? {
        guard let (lowered, changed) = asciiLowercased(field) else { return nil }
        guard changed else { return Value(rawValue: lowered) }
        return Value(rawValue: String(decoding: field, as: UTF8.self)) ?? Value(rawValue: lowered)
    }
}
