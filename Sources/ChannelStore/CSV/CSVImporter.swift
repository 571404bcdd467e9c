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
        var log = IssueLog(file: fileName)
        let batch: ImportBatch? = CSVReader.reading(data) { reader in
            guard let columns = header(of: kind, reader: &reader, log: &log) else { return nil }
            var file = FileRows(columns: columns, log: log,
                                rows: RowReader(programme: programme, header: columns, reader: reader), progress: progress)
            defer { log = file.log }
            switch kind {
            case .partners: return .partners(file.records { $0.partner() })
            case .registrations: return .registrations(file.records { $0.registration() })
            case .deals: return .deals(file.records { $0.deal() })
            case .investments: return .investments(file.records { $0.investment() })
            case .nps: return .nps(file.records { $0.npsResponse() })
            case .directAccounts: return .directAccounts(file.records { $0.directAccount() })
            case .enablement: return .enablement(file.records { $0.enablement() })
            case .mdfRequests: return .mdfRequests(file.records { $0.mdfRequest() })
            case .mdfAllocations: return .mdfAllocations(file.records { $0.mdfAllocation() })
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

/// The data rows of one file after its header: reads each, checks its width, builds its record and
/// logs its problems. Keeps going after a bad row, so the report covers the whole file.
private struct FileRows {
    let columns: [String]
    var log: IssueLog
    /// The row parsers, which own the reader of the file.
    var rows: RowReader
    let progress: ((Int) -> Void)?

    mutating func records<Records: RecordSink>(_ build: (inout RowReader) -> Records.Record?) -> Records {
        var records = Records()
        var done = 0
        while true {
            let line: Int
            let rowStart = rows.reader.bytesRead
            do {
                guard let next = try rows.reader.next() else { break }
                line = next
            } catch {
                log.add(line: error.line, column: name(of: error.field), error.reason)
                done += 1
                continue
            }
            done += 1
            if done == 1 { expectRows(after: rowStart, &records) }
            if done % CSVImporter.progressInterval == 0 { progress?(done) }
            guard rows.reader.fieldCount == columns.count else {
                log.add(line: line, column: "-",
                        "the row has \(rows.reader.fieldCount) fields; the header has \(columns.count)")
                continue
            }
            rows.begin(line: line)
            let record = build(&rows)
            for problem in rows.problems { log.add(line: line, column: problem.column, problem.reason) }
            // Once the file has failed its records are never used: stop holding them.
            // `consume`: the record moves into the array; a copy retained and released its strings.
            if log.isEmpty, let record = consume record { records.append(record) }
        }
        progress?(done)
        return records
    }

    /// Reserves room for about as many records as the file has lines left, which spares a million-row
    /// import the repeated growth of its record array and key index. The line count, not an estimate
    /// from the first row's length: a first row longer than the average reserved too little, and the
    /// last growth copied the whole array (150 MB for a million registrations). A file whose lines end
    /// in lone CRs has no line feeds to count and keeps the first row's estimate.
    private mutating func expectRows(after rowStart: Int, _ records: inout some RecordSink) {
        let lineFeeds = rows.reader.lineFeedsRemaining()
        let estimate = lineFeeds > 0
            ? lineFeeds + 1
            : 1 + rows.reader.bytesRemaining / max(1, rows.reader.bytesRead - rowStart)
        records.reserveCapacity(estimate)
        rows.expect(rows: estimate)
    }

    private func name(of field: Int) -> String { field < columns.count ? columns[field] : "field \(field + 1)" }
}

/// What a file's records are gathered into: an array, or for registrations and deals the column table
/// the programme keeps them in.
protocol RecordSink {
    associatedtype Record
    init()
    mutating func reserveCapacity(_ rows: Int)
    mutating func append(_ record: Record)
}

extension Array: RecordSink {}
extension RegistrationTable: RecordSink {}
extension DealTable: RecordSink {}
