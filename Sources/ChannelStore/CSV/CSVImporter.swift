import ChannelModel
import Foundation

/// Turns one import file (DESIGN.md §4) into a validated `ImportBatch`, or into every reason it cannot
/// be one. All or nothing: a file with any problem yields only the report, so nothing of it is stored.
/// Whether a row adds or updates a record is the reducer's business, not the importer's.
public enum CSVImporter {
    /// How often `progress` hears the number of rows read, so a million-row import can show progress.
    public static let progressInterval = 10_000

    public static func parse(_ kind: RecordKind, data: Data, fileName: String, programme: Programme,
                             progress: ((Int) -> Void)? = nil) -> Result<ImportBatch, ImportFailure> {
        parse(kind, data: data, fileName: fileName, programme: programme, progress: progress, parts: nil)
    }

    /// `parse` with the number of parts the rows are cut into forced (`CSVParts`), so tests can hold a
    /// small file cut anywhere to the report of the file read in one piece; nil picks by size.
    static func parse(_ kind: RecordKind, data: Data, fileName: String, programme: Programme,
                      progress: ((Int) -> Void)?, parts: Int?) -> Result<ImportBatch, ImportFailure> {
        var log = IssueLog(file: fileName)
        let batch: ImportBatch? = CSVReader.reading(data) { reader in
            guard let columns = header(of: kind, reader: &reader, log: &log) else { return nil }
            func records<Records: RecordSink>(_ build: @escaping FileRows<Records>.Build) -> Records {
                let read: (records: Records, log: IssueLog) = CSVParts.read(
                    reader, columns: columns, log: log, programme: programme, progress: progress, parts: parts, build: build)
                log = read.log
                return read.records
            }
            switch kind {
            case .partners: return .partners(records { $0.partner() })
            case .registrations: return .registrations(records { $0.registration() })
            case .deals: return .deals(records { $0.deal() })
            case .investments: return .investments(records { $0.investment() })
            case .nps: return .nps(records { $0.npsResponse() })
            case .directAccounts: return .directAccounts(records { $0.directAccount() })
            case .enablement: return .enablement(records { $0.enablement() })
            case .mdfRequests: return .mdfRequests(records { $0.mdfRequest() })
            case .mdfAllocations: return .mdfAllocations(records { $0.mdfAllocation() })
            }
        }
        if let batch, log.isEmpty { return .success(batch) }
        return .failure(log.failure)
    }

    /// Reads the header row and checks it names every required column; answers the column names as
    /// written (trimmed, lower-cased), or nil when rows cannot be read against it.
    private static func header(of kind: RecordKind, reader: inout CSVReader, log: inout IssueLog) -> [String]? {
        let expected = "expected a header row: \(kind.columns.joined(separator: ","))"
        let line: Int
        do {
            guard let first = try reader.next() else {
                log.add(line: 1, column: "-", "the file is empty; \(expected)")
                return nil
            }
            line = first
        } catch {
            log.add(line: error.line, column: "-", "header: \(error.reason)")
            return nil
        }
        let columns = reader.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        // A spreadsheet set to another list separator writes the whole header as one "column": say so,
        // rather than report every required column missing.
        if columns.count == 1, let name = [(";", "semicolons"), ("\t", "tabs"), ("|", "bars (|)")]
            .first(where: { columns[0].contains($0.0) })?.1 {
            log.add(line: line, column: "-", "the file is separated by \(name), not commas; save it as comma-separated CSV (\(expected))")
            return nil
        }
        var seen = Set<String>()
        for column in columns where kind.knownColumns.contains(column) && !seen.insert(column).inserted {
            log.add(line: line, column: column, "column appears twice in the header")
        }
        for column in kind.columns where !columns.contains(column) {
            log.add(line: line, column: column, "missing column")
        }
        return log.isEmpty ? columns : nil
    }
}

extension RecordKind {
    /// Columns read when present, beyond the required ones: what our own export adds so that an
    /// exported programme reads back whole.
    var optionalColumns: [String] {
        switch self {
        case .registrations: return ["tier_at_approval", "extensions", "note", "mdf_request_id"]
        case .mdfRequests: return MDFRowParsers.decisionColumns
        default: return []
        }
    }

    var knownColumns: [String] { columns + optionalColumns }
}
