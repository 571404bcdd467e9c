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
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
