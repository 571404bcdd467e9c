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
        var data = Data()
        export(kind, from: programme, format: format, period: period) { data.append(contentsOf: $0) }
        return data
    }

    /// The same export handed to `sink` in chunks as its rows are made, so that exporting a million
    /// registrations holds one chunk rather than the whole text; answers how many rows it wrote.
    @discardableResult
    public static func export<E: Error>(_ kind: ExportKind, from programme: Programme, format: ExportFormat, period: Period? = nil,
                                        to sink: ([UInt8]) throws(E) -> Void) throws(E) -> Int {
        let table = Table.of(kind, in: programme, period: period)
        try write(table, format: format, to: sink)
        return table.rows.count
    }

    static func write<E: Error>(_ table: Table, format: ExportFormat, to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        switch format {
        case .csv: try CSVWriter.write(table, to: sink)
        case .json: try JSONRowWriter.write(table, to: sink)
        }
    }

    /// `registration_id` → `registrationId`, as in the sample's expected JSON outputs.
    static func camelCase(_ column: String) -> String {
        let words = column.split(separator: "_")
        return words.enumerated().map { $0 == 0 ? String($1) : $1.prefix(1).uppercased() + $1.dropFirst() }.joined()
    }
}
