import Foundation

/// A malformed record of a CSV file: where it is and what is wrong, in words for the import report.
struct CSVSyntaxError: Error, Equatable, Sendable {
    /// Physical line (1-based) of the problem.
    var line: Int
    /// Index of the field the problem is in, counted from 0 within its record.
    var field: Int
    var reason: String
}

/// An RFC 4180 reader over the bytes of a file: optional UTF-8 BOM, LF or CRLF line ends (a lone CR
/// counts as a line end too), quoted fields with doubled quotes and embedded commas and newlines.
///
/// Hand-written rather than taken from a library or Foundation for two reasons. The import report names
/// the physical line each record starts on, and a record with a quoted newline spans lines, so the
/// reader must count lines inside quoted fields as well — general-purpose CSV readers report records,
/// not lines. And a 1M-row registrations file (150 MB) must import faster than `sqlite3 .import`, so
/// the reader makes no string at all: a record is a list of byte ranges of the input (`field(_:)`),
/// and the row parsers read dates, amounts and labels from those bytes and make strings only of the
/// values that are text. Every field is still checked for UTF-8 and its length here, so a record the
/// reader answers is one whose every field can become a string.
///
/// Lenient where leniency loses nothing: a quote inside an unquoted field is data, and an empty line
/// between records is skipped rather than read as a one-field record.
struct CSVReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// The physical line `position` is on.
    private var line = 1
    /// Where the fields of the record `next()` read last lie; reused so a million rows make no arrays.
    private var spans: [Span] = []
    /// The text of quoted fields with doubled quotes, which differs from their bytes in the file.
    private let unquoted = ByteBuffer()
    /// Where the bytes of the field being read begin, for locating a bad byte within it.
    private var fieldStart = 0

    /// One field of the current record: a range of the input, or of `unquoted`.
    private struct Span {
        var start: Int
        var end: Int
        var isUnquoted = false
    }

    /// How far through the input the reader is, in bytes: callers size their buffers from it.
    var bytesRead: Int { position }
    var bytesRemaining: Int { bytes.count - position }
    /// The whole input, for readers of other parts of it.
    var input: UnsafeBufferPointer<UInt8> { bytes }
    /// The physical line the reader is on: where the next record starts, once empty lines are skipped.
    var currentLine: Int { line }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        position = bytes.count >= 3 && bom.indices.allSatisfy { bytes[$0] == bom[$0] } ? 3 : 0
    }

    /// A reader of the same input from `position`, taken to be on `line`: a part of a file read on its
    /// own thread (`CSVParts`), which starts where a record is believed to start.
    init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int, line: Int) {
        self.bytes = bytes
        self.position = position
        self.line = line
    }

    /// Moves the reader to `position` on `line`, past records another reader read for it.
    mutating func move(to position: Int, line: Int) {
        self.position = position
        self.line = line
    }

    /// Whether a record starts before `limit`, once the empty lines at the reader's position are skipped
    /// (as `next()` would skip them): how a reader of part of a file knows its part is done.
    mutating func hasRecord(before limit: Int) -> Bool {
        skipEmptyLines()
        return position < min(limit, bytes.count)
    }

    /// Runs `body` with a reader over `data`, which stays pinned in memory for the reader's life.
    static func reading<R>(_ data: Data, _ body: (inout CSVReader) throws -> R) rethrows -> R {
        try data.withUnsafeBytes { raw in
            var reader = CSVReader(raw.bindMemory(to: UInt8.self))
            return try body(&reader)
        }
    }

    /// Every record of `data` with its line, for callers that want them all at once (tests, small files).
    static func records(in data: Data) throws(CSVSyntaxError) -> [(line: Int, fields: [String])] {
        try [UInt8](data).withUnsafeBufferPointer { buffer throws(CSVSyntaxError) in
            var reader = CSVReader(buffer)
            var records: [(line: Int, fields: [String])] = []
            while let line = try reader.next() { records.append((line, reader.fields)) }
            return records
        }
    }

    // MARK: The current record

    /// How many fields the record `next()` read last has.
    var fieldCount: Int { spans.count }

    /// The UTF-8 bytes of field `index` of the current record (valid UTF-8, at most `maxFieldBytes`).
    /// Valid until the next call of `next()`.
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        if span.isUnquoted { return unquoted.slice(span.start..<span.end) }
        return UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
    }

    /// The fields of the current record as strings: for the header and tests, not for data rows.
    var fields: [String] { spans.indices.map { String(decoding: field($0), as: UTF8.self) } }

    /// Reads the next record and answers the physical line it starts on; nil at the end.
    /// A malformed record is consumed whole before its error is thrown, so reading can go on with the
    /// next record and report every bad row of the file — except after a quote that never closes,
    /// which leaves nothing to read.
    mutating func next() throws(CSVSyntaxError) -> Int? {
        skipEmptyLines()
        guard position < bytes.count else { return nil }
        let start = line
        spans.removeAll(keepingCapacity: true)
        unquoted.removeAll()
        var error: CSVSyntaxError?
        while true {
            let field = spans.count
            let fieldLine = line
            var (span, isASCII) = bytes[position] == Self.quote ? readQuoted(field: field, error: &error) : readUnquoted()
            let isUTF8 = isASCII || String(validating: bytes(of: span), as: UTF8.self) != nil
            if isUTF8, span.end - span.start > Self.maxFieldBytes {
                if error == nil {
                    error = CSVSyntaxError(line: fieldLine, field: field,
                                           reason: "the field is \(span.end - span.start) bytes long; a field may hold at most \(Self.maxFieldBytes) bytes (64 KiB)")
                }
                span = Span(start: 0, end: 0)
            } else if !isUTF8 {
                if error == nil { error = invalidUTF8(field: field) }
                span = Span(start: 0, end: 0)
            }
            spans.append(span)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == Self.comma {
                position += 1
                // A comma at the very end of the input still delimits a last, empty field.
                if position == bytes.count { spans.append(Span(start: 0, end: 0)); break }
                continue
            }
            consumeLineEnd()
            break
        }
        if let error { throw error }
        return start
    }

    // MARK: Fields

    /// The longest field accepted, in UTF-8 bytes. No value of the import format comes near it; a longer
    /// one is a broken file (a quote that closes thousands of rows later) or an attack on memory.
    static let maxFieldBytes = 65_536

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"),
                       cr = UInt8(ascii: "\r")

    private func bytes(of span: Span) -> UnsafeBufferPointer<UInt8> {
        span.isUnquoted ? unquoted.slice(span.start..<span.end) : UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
    }

    /// Scans to the next comma or line end. Whether every byte is ASCII comes with the scan, so the
    /// common all-ASCII field skips UTF-8 validation (valid by construction).
    ///
    /// Eight bytes at a time while eight remain: the byte loop was most of the reader's time, and a
    /// field of the import is a dozen bytes, one or two words (5% off a 1M-registration import).
    private mutating func readUnquoted() -> (Span, isASCII: Bool) {
        let start = position
        fieldStart = start
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var allBits: UInt64 = 0
        if let base = bytes.baseAddress {
            while position + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let stops = Self.matches(of: Self.comma, in: word) | Self.matches(of: Self.lf, in: word)
                    | Self.matches(of: Self.cr, in: word)
                if stops != 0 {
                    // The lowest flag is exact (see `matches(of:in:)`): the field ends there.
                    let length = stops.trailingZeroBitCount / 8
                    allBits |= word & ((1 &<< UInt64(length * 8)) &- 1)
                    position += length
                    return (Span(start: start, end: position), allBits & highBits == 0)
                }
                allBits |= word
                position += 8
            }
        }
        return finishUnquoted(from: start, allBits: allBits & highBits == 0 ? 0 : 0x80)
    }

    /// The byte loop, for the last bytes of the input (and the whole field when it is short).
    private mutating func finishUnquoted(from start: Int, allBits: UInt8) -> (Span, isASCII: Bool) {
        var allBits = allBits
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.comma || byte == Self.lf || byte == Self.cr { break }
            allBits |= byte
            position += 1
        }
        return (Span(start: start, end: position), allBits < 0x80)
    }

    /// The high bit of each byte of `word` that equals `byte`, by the classic zero-byte test on
    /// `word ^ byte…`. A borrow can also flag a byte above a real match, never below one, and nothing
    /// without a match — so the lowest flag, the only one used, is always a real match.
    @inline(__always)
    private static func matches(of byte: UInt8, in word: UInt64) -> UInt64 {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// Reads a quoted field up to its closing quote, counting the lines it spans. Its text is the bytes
    /// between the quotes unless it has doubled quotes; only then is it copied, undoubled, to `unquoted`.
    /// Bytes after the closing quote are skipped (so the record still ends where it should) but reported;
    /// the text of a field with an error is never used.
    private mutating func readQuoted(field: Int, error: inout CSVSyntaxError?) -> (Span, isASCII: Bool) {
        let openedOn = line
        position += 1
        fieldStart = position
        var allBits: UInt8 = 0
        // Bytes from `pending` on are not yet in `unquoted`; `copyFrom` is where this field's copy starts.
        var pending = position
        var copyFrom: Int?
        var end: Int
        while true {
            guard position < bytes.count else {
                end = bytes.count
                position = bytes.count
                if error == nil {
                    error = CSVSyntaxError(line: openedOn, field: field,
                                           reason: "unbalanced quote: the quoted field starting on this line never ends")
                }
                break
            }
            let byte = bytes[position]
            position += 1
            if byte == Self.quote {
                if position < bytes.count && bytes[position] == Self.quote {
                    // Keep the first quote of the pair, drop the second.
                    if copyFrom == nil { copyFrom = unquoted.count }
                    unquoted.append(UnsafeBufferPointer(rebasing: bytes[pending..<position]))
                    position += 1
                    pending = position
                    continue
                }
                end = position - 1
                // The closing quote must be followed by a comma, a line end or the end of the input.
                guard position < bytes.count else { break }
                let after = bytes[position]
                if after == Self.comma || after == Self.lf || after == Self.cr { break }
                if error == nil {
                    error = CSVSyntaxError(line: line, field: field,
                                           reason: "unexpected \(Self.describe(after)) after a closing quote; a quote inside a field must be doubled")
                }
                while position < bytes.count, ![Self.comma, Self.lf, Self.cr].contains(bytes[position]) {
                    position += 1
                }
                break
            }
            if byte == Self.lf || (byte == Self.cr && (position == bytes.count || bytes[position] != Self.lf)) {
                line += 1
            }
            allBits |= byte
        }
        guard let copyFrom else { return (Span(start: fieldStart, end: end), allBits < 0x80) }
        unquoted.append(UnsafeBufferPointer(rebasing: bytes[pending..<max(pending, end)]))
        return (Span(start: copyFrom, end: unquoted.count, isUnquoted: true), allBits < 0x80)
    }

    // MARK: Lines

    private mutating func consumeLineEnd() {
        if bytes[position] == Self.cr { position += 1 }
        if position < bytes.count && bytes[position] == Self.lf { position += 1 }
        line += 1
    }

    private mutating func skipEmptyLines() {
        while position < bytes.count, bytes[position] == Self.lf || bytes[position] == Self.cr {
            consumeLineEnd()
        }
    }

    /// Line feeds from the reader's position to the end: about the number of records still to read
    /// (more when quoted fields hold newlines, which only over-reserves), so callers can size their
    /// buffers once. Counting 150 MB costs a few milliseconds; growing a million-record array past a
    /// short estimate copies it whole.
    func lineFeedsRemaining(before limit: Int = .max) -> Int {
        var count = 0
        for byte in UnsafeBufferPointer(rebasing: bytes[position..<max(position, min(limit, bytes.count))]) where byte == Self.lf {
            count += 1
        }
        return count
    }

    /// Where a record is likely to start at or after `offset`: just past the first line feed there and
    /// any empty lines after it; nil when there is none. Only likely, because the line feed may be inside
    /// a quoted field — which nothing short of reading from the start can tell. `CSVParts` checks.
    func likelyRecordStart(after offset: Int) -> Int? {
        guard offset < bytes.count,
              var start = UnsafeBufferPointer(rebasing: bytes[offset...]).firstIndex(of: Self.lf).map({ offset + $0 + 1 })
        else { return nil }
        while start < bytes.count, bytes[start] == Self.lf || bytes[start] == Self.cr { start += 1 }
        return start < bytes.count ? start : nil
    }

    /// Finds the first byte of the current field that is not UTF-8 and names its line. Only runs on
    /// failure, so the hot path never decodes twice.
    private func invalidUTF8(field: Int) -> CSVSyntaxError {
        var iterator = bytes[fieldStart..<position].makeIterator()
        var decoder = UTF8()
        var offset = fieldStart
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        offset = min(offset, position - 1)
        // `line` has already moved past any newlines of a multi-line field: take back those after the byte.
        let linesAfter = bytes[offset..<position].reduce(0) { $0 + ($1 == Self.lf ? 1 : 0) }
        return CSVSyntaxError(line: line - linesAfter, field: field,
                              reason: "invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true))); save the file as UTF-8")
    }

    private static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "character \"\(Character(UnicodeScalar(byte)))\"" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}

/// A growable byte buffer whose storage the reader hands out as `UnsafeBufferPointer`s until its next
/// record. A class with manually managed memory because an `Array`'s storage may only be addressed
/// inside `withUnsafeBufferPointer`.
private final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 256
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    func removeAll() { count = 0 }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count > capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + bytes.count))
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = max(capacity * 2, count + bytes.count)
        }
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}
