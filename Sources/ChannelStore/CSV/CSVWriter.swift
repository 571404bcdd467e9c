import Foundation

/// One exported value. The writer must know a cell's type: a negative amount is a number and stays
/// `-12.50`, while text starting with `-` could be read as a formula and gets the formula guard.
enum Cell: Equatable {
    case text(String)
    /// Already formatted as the import reads it (`116820.49`, `3`, `0.15`).
    case number(String)
    /// A missing value: an empty CSV field, `null` in JSON.
    case empty
}

/// Rows of cells under named columns: what every export kind produces and every format renders.
/// Rows are made as the writer asks for them, so exporting a million registrations never holds a
/// million rows of cells at once.
struct Table {
    var columns: [String]
    var rows: Rows

    init(columns: [String], rows: [[Cell]]) {
        self.init(columns: columns, count: rows.count) { rows[$0] }
    }

    init(columns: [String], count: Int, row: @escaping (Int) -> [Cell]) {
        self.columns = columns
        rows = Rows(count: count, row: row)
    }

    /// The rows, each made when read.
    struct Rows: RandomAccessCollection {
        let count: Int
        let row: (Int) -> [Cell]
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(position: Int) -> [Cell] { row(position) }
    }
}

/// Writes a table as CSV: a header row, RFC 4180 quoting where a field needs it, LF line ends (every
/// spreadsheet and our own reader take them, and a quoted newline inside a field is then the same
/// byte as a line end, which keeps files diffable), text guarded against formula injection.
enum CSVWriter {
    /// The whole table as one value, for callers that want bytes in memory (tests, statements).
    static func write(_ table: Table) -> Data {
        var data = Data()
        write(table) { data.append(contentsOf: $0) }
        return data
    }

    /// Hands the CSV to `sink` in chunks of about `JSONRowWriter.chunkSize` bytes, in order, as rows
    /// are made: what is held is one chunk, whatever the row count.
    static func write<E: Error>(_ table: Table, to sink: ([UInt8]) throws(E) -> Void) throws(E) {
        var out: [UInt8] = []
        out.reserveCapacity(JSONRowWriter.chunkSize + (1 << 16))
        append(row: table.columns.map(Cell.text), to: &out)
        for row in table.rows {
            append(row: row, to: &out)
            if out.count >= JSONRowWriter.chunkSize {
                try sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try sink(out)
    }

    private static func append(row: [Cell], to out: inout [UInt8]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            switch cell {
            case .text(let text): appendField(FormulaGuard.neutralised(text), to: &out)
            case .number(let number): out.append(contentsOf: number.utf8)
            case .empty: break
            }
        }
        out.append(UInt8(ascii: "\n"))
    }

    private static func appendField(_ text: String, to out: inout [UInt8]) {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}
