import ChannelModel
import Foundation
import Synchronization

/// Reads the data rows of a large file on every core: the bytes after the header are cut into one part
/// per core, each part is read by its own `FileRows` on its own thread, and the parts are joined in file
/// order into what one reader reading the whole file would have made — the same records, and for a bad
/// file the same report, line for line.
///
/// A part is cut just after a line feed, where a record likely starts; but a line feed inside a quoted
/// field (RFC 4180 allows them) is no record boundary, and only reading from the start tells them
/// apart. So no part is trusted before the join: the first part is read from the header on, as one
/// reader would, and each later part is taken in (`FileRows.absorb`) only when the reader of what comes
/// before it stopped exactly where the part began, the part found no problem, and none of its keys
/// repeats an earlier one. A part that fails any of these is read again, row by row, by the reader of
/// what came before it: a wrong cut or a bad file costs that part's time twice, never a wrong answer.
enum CSVParts {
    /// Below this many bytes a part is not worth a thread: waking one and building a part's row
    /// parsers costs about a millisecond, a megabyte of rows about ten.
    static let minimumPartBytes = 1 << 20

    /// The records and the report of the rows of `reader`'s file after its header. `parts` forces the
    /// number of parts (tests cut small files); nil picks one per core for a file large enough.
    static func read<Records: RecordSink>(_ reader: CSVReader, columns: [String], log: IssueLog, programme: Programme,
                                          progress: ((Int) -> Void)?, parts: Int? = nil,
                                          build: @escaping FileRows<Records>.Build) -> (records: Records, log: IssueLog) {
        let bytes = Bytes(buffer: reader.input)
        let starts = cuts(of: reader, into: parts ?? automaticParts(reader.bytesRemaining))
        var first = FileRows<Records>(columns: columns, log: log, rows: RowReader(programme: programme, header: columns, reader: reader),
                             progress: progress, build: build)
        guard starts.count > 1 else {
            first.read()
            progress?(first.done)
            return (first.records, first.log)
        }
        // Part 0 reports progress, on whichever thread runs it; the others only count their rows into
        // `counted`, so the figure it reports is all parts' rows. Only that one part calls `progress`,
        // and it returns before the join does.
        let counted = RowCount()
        nonisolated(unsafe) let progress = progress
        nonisolated(unsafe) let firstPart = first
        let limits = Array(starts.dropFirst()) + [Int.max]
        let read = Parallel.map(count: starts.count) { part in
            var rows = part == 0 ? firstPart : FileRows<Records>(
                columns: columns, log: IssueLog(file: log.file, limit: log.limit),
                rows: RowReader(programme: programme, header: columns,
                                reader: CSVReader(bytes.buffer, from: starts[part], line: 1)),
                progress: nil, build: build)
            rows.progress = part == 0
                ? { _ in progress?(counted.add(CSVImporter.progressInterval)) }
                : { _ in _ = counted.add(CSVImporter.progressInterval) }
            // The first part reserves room for the whole file, so that joining the others copies each
            // once and never regrows the first.
            rows.read(until: limits[part], reservingUntil: part == 0 ? .max : limits[part])
            return rows
        }
        var joined = read[0]
        joined.progress = progress
        for part in 1..<starts.count {
            if !joined.absorb(read[part], at: starts[part]) { joined.read(until: limits[part]) }
        }
        progress?(joined.done)
        return (joined.records, joined.log)
    }

    /// One part per core when each would hold at least `minimumPartBytes`.
    static func automaticParts(_ bytes: Int) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, bytes / minimumPartBytes))
    }

    /// Where each part starts: the reader's position, then the likely record start after each
    /// `1/parts` of the rest. Fewer when the rest has too few line feeds to cut at.
    static func cuts(of reader: CSVReader, into parts: Int) -> [Int] {
        let start = reader.bytesRead, length = reader.bytesRemaining
        var starts = [start]
        for part in 1..<max(1, parts) {
            guard let cut = reader.likelyRecordStart(after: max(start + length * part / parts, starts.last!)),
                  cut > starts.last! else { continue }
            starts.append(cut)
        }
        return starts
    }

    /// The file's bytes, shared by the parts' readers: read-only for as long as `read` runs.
    private struct Bytes: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }

    /// Rows read by all parts so far, for the progress figure.
    private final class RowCount: Sendable {
        private let rows = Atomic<Int>(0)
        func add(_ count: Int) -> Int { rows.add(count, ordering: .relaxed).newValue }
    }
}
