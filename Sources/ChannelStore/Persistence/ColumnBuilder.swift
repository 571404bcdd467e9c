import ChannelModel
import Foundation

/// Collects the null bits of a column as rows are appended; stays empty (and is not written) until
/// the first null, so columns without nulls carry no bitmap.
struct NullBitmap {
    private(set) var bytes: [UInt8] = []
    private(set) var rows = 0
    private var anyNull = false

    mutating func append(isNull: Bool) {
        if isNull {
            if !anyNull {
                anyNull = true
                bytes = [UInt8](repeating: 0, count: rows / 8 + 1)
            }
            while bytes.count <= rows / 8 { bytes.append(0) }
            bytes[rows / 8] |= 1 << UInt8(rows % 8)
        }
        rows += 1
    }

    /// The bitmap sized for every row appended, or nil when no row was null.
    var data: Data? {
        guard anyNull else { return nil }
        var full = bytes
        full.append(contentsOf: repeatElement(0, count: (rows + 7) / 8 - full.count))
        return Data(full)
    }
}

/// Builds one fixed-width column row by row: `int64`, `float64`, `uint8` (enum codes with labels),
/// `bool` or `date`. Values are kept in a typed array and copied out in one go by `build()`.
public struct FixedWidthColumnBuilder<Value: BitwiseCopyable & Numeric> {
    public let kind: ColumnKind
    public let labels: [String]?
    private var values: [Value] = []
    private var nulls = NullBitmap()

    /// `kind` must store `Value`'s width: Int64 for int64, Double for float64 and date, UInt8 for
    /// uint8 and bool.
    public init(kind: ColumnKind, labels: [String]? = nil, capacity: Int = 0) {
        precondition(kind.width == MemoryLayout<Value>.size, "\(kind) does not store \(Value.self)")
        self.kind = kind
        self.labels = labels
        values.reserveCapacity(capacity)
    }

    /// A column of `values` as they are (no nulls).
    public init(kind: ColumnKind, values: [Value]) {
        self.init(kind: kind)
        self.values = values
        for _ in values.indices { nulls.append(isNull: false) }
    }

    public var count: Int { values.count }

    public mutating func append(_ value: Value) {
        values.append(value)
        nulls.append(isNull: false)
    }

    /// Appends a value or, for nil, a zero with the row's null bit set.
    public mutating func append(_ value: Value?) {
        values.append(value ?? .zero)
        nulls.append(isNull: value == nil)
    }

    public func build() -> Column {
        let data = values.withUnsafeBytes { Data($0) }
        return Column(kind: kind, values: data, nulls: nulls.data, labels: labels)
    }
}

extension FixedWidthColumnBuilder where Value == Double {
    /// A `date` column: float64 seconds since 1970-01-01 UTC, as DESIGN.md §5 fixes.
    public static func dates(capacity: Int = 0) -> Self { Self(kind: .date, capacity: capacity) }

    public mutating func append(_ day: Day) { append(Double(day.ordinal) * 86_400) }
    public mutating func append(_ day: Day?) { append(day.map { Double($0.ordinal) * 86_400 }) }
    public mutating func append(_ instant: Instant) { append(Double(instant.seconds)) }
    public mutating func append(_ instant: Instant?) { append(instant.map { Double($0.seconds) }) }

    /// A `date` column of instants held as seconds, `null` marking an absent one.
    public static func dates(seconds: [Int64], null: Int64? = nil) -> Self {
        var column = dates(capacity: seconds.count)
        for value in seconds { column.append(value == null ? nil : Double(value)) }
        return column
    }

    /// A `date` column of days held as ordinals, `null` marking an absent one.
    public static func dates(days: [Int32], null: Int32? = nil) -> Self {
        var column = dates(capacity: days.count)
        for value in days { column.append(value == null ? nil : Double(value) * 86_400) }
        return column
    }
}

extension FixedWidthColumnBuilder where Value == UInt8 {
    /// A `bool` column: one byte per row, 0 or 1.
    public static func bools(capacity: Int = 0) -> Self { Self(kind: .bool, capacity: capacity) }

    public mutating func append(_ flag: Bool) { append(UInt8(flag ? 1 : 0)) }
    public mutating func append(_ flag: Bool?) { append(flag.map { UInt8($0 ? 1 : 0) }) }
}

/// Builds a `uint8` column of an enum's codes, labelled with its values. The codes come from a table
/// built once: `Labelled.code` searches a fresh `allCases` on every call (a third of a second per
/// million rows).
public struct EnumColumnBuilder<E: Labelled> {
    private var codes: FixedWidthColumnBuilder<UInt8>
    private let table: [E: UInt8]

    public init(_ type: E.Type, capacity: Int = 0) {
        codes = FixedWidthColumnBuilder(kind: .uint8, labels: E.labels, capacity: capacity)
        table = Dictionary(uniqueKeysWithValues: E.allCases.enumerated().map { ($0.element, UInt8($0.offset)) })
    }

    public mutating func append(_ value: E) { codes.append(table[value]!) }
    public mutating func append(_ value: E?) { codes.append(value.map { table[$0]! }) }
    public func build() -> Column { codes.build() }
}
