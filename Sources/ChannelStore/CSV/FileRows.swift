import ChannelModel

/// The data rows of one file after its header, or of one part of them (`CSVParts`): reads each, checks
/// its width, builds its record and logs its problems. Keeps going after a bad row, so the report covers
/// the whole file.
struct FileRows<Records: RecordSink> {
    /// What makes a record of the row the reader has just read; nil when a field was bad.
    typealias Build = @Sendable (inout RowReader) -> Records.Record?

    let columns: [String]
    var log: IssueLog
    /// The row parsers, which own the reader of the file.
    var rows: RowReader
    private(set) var records = Records()
    /// Rows read, bad ones included.
    private(set) var done = 0
    /// Hears `done` every `CSVImporter.progressInterval` rows.
    var progress: ((Int) -> Void)?
    private let build: Build

    init(columns: [String], log: IssueLog, rows: RowReader, progress: ((Int) -> Void)?, build: @escaping Build) {
        self.columns = columns
        self.log = log
        self.rows = rows
        self.progress = progress
        self.build = build
    }

    /// Reads every record that starts before `limit` (one that starts before it and runs on past it is
    /// read whole). On its first row it reserves room for the rows up to `reserveLimit`.
    mutating func read(until limit: Int = .max, reservingUntil reserveLimit: Int = .max) {
        while rows.reader.hasRecord(before: limit) {
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
            if done == 1 { expectRows(after: rowStart, until: reserveLimit) }
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
    }

    /// Takes in `part`, the rows of the file from `start` on read by another reader that began there on
    /// line 1, when that is exactly what reading on from here would have given: this reader stopped at
    /// `start` (so a record does begin there, which `part` could only assume), `part` found no problem,
    /// and no key of it repeats one of these rows (a duplicate across the two would be a problem of the
    /// part's row, which it could not see). Otherwise nothing changes and the answer is false: reading
    /// on from here, row by row, then gives the report exactly as one reader would.
    mutating func absorb(_ part: FileRows, at start: Int) -> Bool {
        guard rows.reader.bytesRead == start, part.log.isEmpty else { return false }
        let lineOffset = rows.reader.currentLine - 1
        guard rows.absorbKeys(of: part.rows, lineOffset: lineOffset) else { return false }
        rows.reader.move(to: part.rows.reader.bytesRead, line: part.rows.reader.currentLine + lineOffset)
        done += part.done
        if log.isEmpty { records.append(contentsOf: part.records) }
        return true
    }

    /// Reserves room for about as many records as the input has lines up to `limit`, which spares a
    /// million-row import the repeated growth of its record array and key index. The line count, not an
    /// estimate from the first row's length: a first row longer than the average reserved too little,
    /// and the last growth copied the whole array (150 MB for a million registrations). A file whose
    /// lines end in lone CRs has no line feeds to count and keeps the first row's estimate.
    private mutating func expectRows(after rowStart: Int, until limit: Int) {
        let lineFeeds = rows.reader.lineFeedsRemaining(before: limit)
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
protocol RecordSink: SendableMetatype {
    associatedtype Record
    init()
    mutating func reserveCapacity(_ rows: Int)
    mutating func append(_ record: Record)
    /// The records of a later part of the file, after these.
    mutating func append(contentsOf other: Self)
}

extension Array: RecordSink {}
extension DealTable: RecordSink {}

/// A registration row as the importer builds it, with the derived columns it has already worked out
/// (`RegistrationTable.append(_:partner:registrable:companyKey:)`).
struct ImportedRegistration {
    var registration: Registration
    var registrable: String
    var companyKey: UInt64
}

extension RegistrationTable: RecordSink {
    typealias Record = ImportedRegistration

    mutating func append(_ record: ImportedRegistration) {
        append(record.registration, partner: -1, registrable: record.registrable, companyKey: record.companyKey)
    }
}
