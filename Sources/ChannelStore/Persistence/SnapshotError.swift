/// Why a programme file (or a columnar table inside a journal record) could not be read, in words a
/// channel manager can act on: every message names the table and column at fault.
public struct SnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// The file does not start like a binary property list: it is not a programme file at all.
        case notABinaryPropertyList
        /// The property list is truncated or damaged; `detail` says what the reader found.
        case damaged(detail: String)
        case wrongFormat(found: String?)
        case unsupportedVersion(found: Int)
        case missingTable(String)
        case missingColumn(table: String, column: String)
        case checksumMismatch(table: String, column: String, stored: Int, computed: Int)
        case rowCountMismatch(table: String, column: String, expected: Int, found: Int)
        /// Wrong kind, bad string offsets, a null where none is allowed, an out-of-range value…
        case malformedColumn(table: String, column: String, detail: String)
        case unknownLabel(table: String, column: String, label: String)
        case duplicateID(table: String, id: String)
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .notABinaryPropertyList:
            return "not a programme file: it is not a binary property list"
        case .damaged(let detail):
            return "the programme file is damaged or truncated: \(detail)"
        case .wrongFormat(let found):
            return "not a programme file: format is \(found.map { "\"\($0)\"" } ?? "missing"), expected \"\(SnapshotCodec.format)\""
        case .unsupportedVersion(let found):
            return "the programme file has version \(found); this channeldesk reads version \(SnapshotCodec.version) — upgrade channeldesk"
        case .missingTable(let table):
            return "the programme file has no \(table) table"
        case .missingColumn(let table, let column):
            return "table \(table) has no column \(column)"
        case .checksumMismatch(let table, let column, let stored, let computed):
            return "table \(table) column \(column): checksum mismatch (stored \(hex(stored)), computed \(hex(computed))) — the file is damaged"
        case .rowCountMismatch(let table, let column, let expected, let found):
            return "table \(table) column \(column): holds \(found) rows, the table says \(expected)"
        case .malformedColumn(let table, let column, let detail):
            return "table \(table) column \(column): \(detail)"
        case .unknownLabel(let table, let column, let label):
            return "table \(table) column \(column): unknown value \"\(label)\""
        case .duplicateID(let table, let id):
            return "table \(table) holds id \(id) twice"
        }
    }

    private func hex(_ value: Int) -> String { "0x" + String(UInt32(truncatingIfNeeded: value), radix: 16, uppercase: true) }
}
