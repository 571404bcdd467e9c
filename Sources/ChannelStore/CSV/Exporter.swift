import ChannelModel
import Foundation

/// What `channeldesk export` can write: every import kind (so a programme can be moved or edited in a
/// spreadsheet and read back) plus the derived commission lines and the audit trail.
public enum ExportKind: String, CaseIterable, Sendable {
    case partners, registrations, deals, investments, nps
    case directAccounts = "direct-accounts"
    case enablement, commissions, audit
    case mdfRequests = "mdf-requests"
    case mdfAllocations = "mdf-allocations"

    /// The import kind this export reads back as; nil for derived and read-only tables.
    public var recordKind: RecordKind? { RecordKind(rawValue: rawValue) }
}

/// The file format of an export.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json
}

/// Writes one table of a programme as CSV (the import format) or JSON (camelCase keys, money as numbers
/// in currency units, dates as their import strings, null for an empty value).
public enum Exporter {
    /// - Parameter period: for commissions, only the lines dated in the period (a deal's close date, a
    ///   clawback's recording date); other kinds ignore it.
    public static func export(_ kind: ExportKind, from programme: Programme, format: ExportFormat, period: Period? = nil) -> Data {
        let table = Table.of(kind, in: programme, period: period)
        switch format {
        case .csv: return CSVWriter.write(table)
        case .json: return json(table)
        }
    }

    /// `registration_id` → `registrationId`, as in the sample's expected JSON outputs.
    static func camelCase(_ column: String) -> String {
        let words = column.split(separator: "_")
        return words.enumerated().map { $0 == 0 ? String($1) : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
    }

    static func json(_ table: Table) -> Data {
        let keys = table.columns.map(camelCase)
        let objects: [[String: Any]] = table.rows.map { row in
            var object: [String: Any] = [:]
            for (key, cell) in zip(keys, row) { object[key] = value(of: cell) }
            return object
        }
        // Only property-list types go in, so serialisation cannot fail.
        return try! JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
    }

    /// Whole numbers stay integers (counts, sequence numbers); others are currency units or rates,
    /// whose shortest double form is the decimal written (`116820.49`, `0.15`).
    private static func value(of cell: Cell) -> Any {
        switch cell {
        case .text(let text): return text.isEmpty ? NSNull() : text
        case .number(let number):
            if let integer = Int64(number) { return integer }
            return Double(number) ?? NSNull()
        case .empty: return NSNull()
        }
    }
}
