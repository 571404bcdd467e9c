import ChannelModel

/// The value parsers of the import that read straight from a field's UTF-8 bytes, beside ChannelModel's
/// own byte parsers (`Day(utf8:)`, `Instant(utf8:)`, `Money(utf8:)`): making a string of every value
/// of a million-row file only to parse it again cost more than the whole `sqlite3 .import` of it.
///
/// Each answers a value only when the field is exactly what the string parser (`Int(_:)`,
/// `Labelled(rawValue:)`) would accept with the same value, and nil otherwise — also for some values
/// those accept, such as `+5` or non-ASCII labels.
/// A nil sends the row parser down its string path, which decides and words the error, so the reports
/// are the ones the import always gave. `FieldBytesTests` holds the two paths to the same answers.
enum FieldBytes {
    /// Unsigned decimal digits that fit an `Int`, as `Int(_:)` reads them. A sign, an empty field or
    /// anything else is nil: rare in an import, and `Int(_:)` on the string decides those.
    static func digits(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        // 18 digits cannot overflow an Int; longer numbers take the string path.
        guard !field.isEmpty, field.count <= 18 else { return nil }
        var value = 0
        for byte in field {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
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
