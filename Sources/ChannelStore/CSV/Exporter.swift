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
        case .json: return JSONRowWriter.write(table)
        }
    }

    /// `registration_id` → `registrationId`, as in the sample's expected JSON outputs.
    static func camelCase(_ column: String) -> String {
        let words = column.split(separator: "_")
        return words.enumerated().map { $0 == 0 ? String($1) : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
    }
}
