import Foundation

/// Writes a table as a JSON array of objects, one row at a time, byte for byte what
/// `JSONSerialization` makes of the same rows with `[.prettyPrinted, .sortedKeys]` on Linux: two-space
/// indent, `" : "` between key and value, `\/` for a slash, whole numbers as integers, other numbers in
/// their shortest double form, null for an empty value. Building `[[String: Any]]` first held every row
/// as boxed objects (several times the output) before a byte was written; this holds one chunk.
enum JSONRowWriter {
    /// Bytes gathered before they go to the sink: big enough that a write call per chunk costs nothing,
    /// small enough that memory stays flat whatever the row count.
    static let chunkSize = 1 << 20

    /// The whole export as one value, for callers that want bytes in memory (tests, `Exporter.export`).
    static func write(_ table: Table) -> Data {
        var data = Data()
        write(table) { data.append(contentsOf: $0) }
        return data
    }

    /// Hands the export to `sink` in chunks of about `chunkSize` bytes, in order, as rows are made.
    static func write<E: Error>(_ table: Table, to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        // Sorted once: every row has the same keys, so every object lists them in the same order.
        let keys = table.columns.map(Exporter.camelCase)
        let order = keys.indices.sorted { keys[$0].compare(keys[$1], options: sortOptions) == .orderedAscending }
        let keyBytes = order.map { index -> [UInt8] in
            var bytes = Array("    ".utf8)
            appendString(keys[index], to: &bytes)
            bytes.append(contentsOf: " : ".utf8)
            return bytes
        }
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize + (1 << 16))
        out.append(contentsOf: "[\n".utf8)
        var first = true
        for row in table.rows {
            out.append(contentsOf: first ? "  {\n".utf8 : ",\n  {\n".utf8)
            first = false
            var firstKey = true
            for (slot, index) in order.enumerated() where index < row.count {
                if !firstKey { out.append(contentsOf: ",\n".utf8) }
                firstKey = false
                out.append(contentsOf: keyBytes[slot])
                appendValue(row[index], to: &out)
            }
            // Also right for an object without keys, which Foundation writes as "{", two line ends, "}".
            out.append(contentsOf: "\n  }".utf8)
            if out.count >= chunkSize {
                try sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        // Also right for no rows, which Foundation writes as "[", two line ends, "]".
        out.append(contentsOf: "\n]".utf8)
        try sink(out)
    }

    /// How Foundation's `.sortedKeys` orders keys: case-insensitive, digits as numbers. Keys differing only in
    /// case tie-break otherwise than Foundation; export keys are camelCase column names and never do.
    private static let sortOptions: String.CompareOptions = [.numeric, .caseInsensitive, .forcedOrdering]

    private static func appendValue(_ cell: Cell, to out: inout [UInt8]) {
        switch cell {
        case .text(let text) where !text.isEmpty: appendString(text, to: &out)
        case .number(let number):
            var number = number
            if number.withUTF8({ appendPlainNumber($0, to: &out) }) { return }
            // Whole numbers stay integers (counts, sequence numbers); others are currency units or
            // rates, whose shortest double form is the decimal written (`116820.49`, `0.15`).
            if let integer = Int64(number) {
                out.append(contentsOf: String(integer).utf8)
            } else if let double = Double(number), double.isFinite {
                // Foundation prints a whole double without its ".0" (`-0`, `100`) and keeps exponents.
                var text = double.description
                if text.hasSuffix(".0") { text.removeLast(2) }
                out.append(contentsOf: text.utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        default: out.append(contentsOf: "null".utf8)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string as Foundation escapes it: quote, backslash and slash get a backslash, the named
    /// control characters their letter, other controls `\u00xx`; everything else (DEL, U+2028, emoji)
    /// goes through as UTF-8.
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs that need no escape go in whole: a byte-by-byte append was a tenth of an export.
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") else { continue }
                if start < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                appendEscaped(byte, to: &out)
                start = index + 1
            }
            if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 0x08: out.append(contentsOf: "\\b".utf8)
        case 0x0C: out.append(contentsOf: "\\f".utf8)
        case 0x0A: out.append(contentsOf: "\\n".utf8)
        case 0x0D: out.append(contentsOf: "\\r".utf8)
        case 0x09: out.append(contentsOf: "\\t".utf8)
        case 0..<0x20:
            out.append(contentsOf: "\\u00".utf8)
            out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0xF)])
        default: out.append(UInt8(ascii: "\\")); out.append(byte)
        }
    }

    /// Writes a plain decimal (`-?digits(.digits)?`, no leading zeros) of at most 15 significant digits,
    /// between 0.0001 and 10^15, as the double it parses to prints — itself without trailing fraction
    /// zeros, since every decimal of 15 digits or fewer survives the round trip through a double (and
    /// so has no shorter twin) — and answers false for anything else, which takes the parsing path.
    /// Parsing a million amounts to print them again was half of a deals export.
    static func appendPlainNumber(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
        let integerStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        guard integerDigits > 0, integerDigits <= 15, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return false }
        let zeroInteger = bytes[integerStart] == UInt8(ascii: "0")
        var end = index
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count else { return false }
            let fractionStart = index + 1
            index = fractionStart
            var lastNonZero = -1, firstNonZero = -1
            while index < bytes.count, isDigit(bytes[index]) {
                if bytes[index] != UInt8(ascii: "0") {
                    lastNonZero = index
                    if firstNonZero < 0 { firstNonZero = index }
                }
                index += 1
            }
            guard index == bytes.count else { return false }
            if lastNonZero >= 0 {
                let significant = zeroInteger ? lastNonZero - firstNonZero + 1 : integerDigits + lastNonZero - fractionStart + 1
                guard significant <= 15, !zeroInteger || firstNonZero - fractionStart < 4 else { return false }
                end = lastNonZero + 1
            }
        }
        // A negative zero is "-0" either way; a whole negative zero ("-0") is 0 as an integer: the parsing path.
        if zeroInteger && integerStart == 1 && end == index && end == 2 { return false }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<end]))
        return true
    }
}
