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
/// not lines. And a 1M-row registrations file (130 MB) must import in seconds, so the reader must cost
/// a fraction of that: it scans raw bytes, builds each field's string straight from the input (ASCII
/// fields skip UTF-8 validation) and reuses its buffers — about 0.3 s for that file in release.
///
/// Lenient where leniency loses nothing: a quote inside an unquoted field is data, and an empty line
/// between records is skipped rather than read as a one-field record.
struct CSVReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// The physical line `position` is on.
    private var line = 1
    /// The fields of the record `next()` read last; reused so a million rows make no million arrays.
    private(set) var fields: [String] = []
    /// Unquoted bytes of the quoted field being read.
    private var scratch: [UInt8] = []
    /// Where the bytes of the field being read begin, for locating a bad byte within it.
    private var fieldStart = 0

    /// How far through the input the reader is, in bytes: callers size their buffers from it.
    var bytesRead: Int { position }
    var bytesRemaining: Int { bytes.count - position }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        position = bytes.count >= 3 && bom.indices.allSatisfy { bytes[$0] == bom[$0] } ? 3 : 0
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

    /// Reads the next record into `fields` and answers the physical line it starts on; nil at the end.
    /// A malformed record is consumed whole before its error is thrown, so reading can go on with the
    /// next record and report every bad row of the file — except after a quote that never closes,
    /// which leaves nothing to read.
    mutating func next() throws(CSVSyntaxError) -> Int? {
        skipEmptyLines()
        guard position < bytes.count else { return nil }
        let start = line
        fields.removeAll(keepingCapacity: true)
        var error: CSVSyntaxError?
        while true {
            let field = fields.count
            let fieldLine = line
            let value = bytes[position] == Self.quote ? readQuoted(field: field, error: &error) : readUnquoted()
            if let value, value.utf8.count > Self.maxFieldBytes {
                if error == nil {
                    error = CSVSyntaxError(line: fieldLine, field: field,
                                           reason: "the field is \(value.utf8.count) bytes long; a field may hold at most \(Self.maxFieldBytes) bytes (64 KiB)")
                }
                fields.append("")
            } else if let value { fields.append(value) } else {
                if error == nil { error = invalidUTF8(field: field) }
                fields.append("")
            }
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == Self.comma {
                position += 1
                // A comma at the very end of the input still delimits a last, empty field.
                if position == bytes.count { fields.append(""); break }
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

    /// Scans to the next comma or line end; nil when the bytes are not UTF-8.
    private mutating func readUnquoted() -> String? {
        let start = position
        var allBits: UInt8 = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.comma || byte == Self.lf || byte == Self.cr { break }
            allBits |= byte
            position += 1
        }
        fieldStart = start
        return Self.string(UnsafeBufferPointer(rebasing: bytes[start..<position]), isASCII: allBits < 0x80)
    }

    /// Most fields are ASCII, which is valid UTF-8 by construction: they take the cheap decoding path
    /// and only the others pay for validation (`String(validating:)` costs several times as much).
    private static func string(_ field: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String? {
        isASCII ? String(decoding: field, as: UTF8.self) : String(validating: field, as: UTF8.self)
    }

    /// Reads a quoted field up to its closing quote, undoubling quotes and counting the lines it spans.
    /// Bytes after the closing quote are kept (so the record still ends where it should) but reported.
    private mutating func readQuoted(field: Int, error: inout CSVSyntaxError?) -> String? {
        let openedOn = line
        position += 1
        fieldStart = position
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard position < bytes.count else {
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
                    scratch.append(Self.quote)
                    position += 1
                    continue
                }
                // The closing quote must be followed by a comma, a line end or the end of the input.
                guard position < bytes.count else { break }
                let after = bytes[position]
                if after == Self.comma || after == Self.lf || after == Self.cr { break }
                if error == nil {
                    error = CSVSyntaxError(line: line, field: field,
                                           reason: "unexpected \(Self.describe(after)) after a closing quote; a quote inside a field must be doubled")
                }
                while position < bytes.count, ![Self.comma, Self.lf, Self.cr].contains(bytes[position]) {
                    scratch.append(bytes[position])
                    position += 1
                }
                break
            }
            if byte == Self.lf || (byte == Self.cr && (position == bytes.count || bytes[position] != Self.lf)) {
                line += 1
            }
            scratch.append(byte)
        }
        return scratch.withUnsafeBufferPointer { field in
            Self.string(field, isASCII: !field.contains { $0 >= 0x80 })
        }
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
