import TerminalUI

/// A plain-text table for the command line: columns aligned by display width, so CJK and emoji names
/// keep the columns straight, numbers right-aligned.
struct TextTable {
    struct Column {
        var title: String
        var alignment: Alignment
        init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// Widest a cell may be before it is cut with "…" (long company names would push the table off screen).
    var maxCellWidth = 40

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let cells = rows.map { $0.map { truncate($0, toWidth: maxCellWidth) } }
        var widths = columns.map { displayWidth($0.title) }
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], displayWidth(cell))
            }
        }
        func line(_ values: [String]) -> String {
            zip(columns.indices, values).map { index, value in
                pad(value, toWidth: widths[index], align: columns[index].alignment)
            }.joined(separator: "  ").trailingSpacesRemoved
        }
        var lines = [line(columns.map(\.title)), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += cells.map(line)
        return lines.joined(separator: "\n")
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
