/// One problem found in an import file, located the way a channel manager fixes it in a spreadsheet:
/// `registrations.csv:12: estimated_acv: "12,50" is not an amount`.
public struct ImportIssue: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// Physical line of the file (1 is the header); a record spanning lines is named by its first.
    public var line: Int
    /// The column's name, or `-` when the problem is the whole row or file.
    public var column: String
    public var reason: String

    public init(file: String, line: Int, column: String, reason: String) {
        self.file = file; self.line = line; self.column = column; self.reason = reason
    }

    public var description: String { "\(file):\(line): \(column): \(reason)" }
}

/// Why an import file was refused: every problem found, in file order. Nothing from the file is stored.
public struct ImportFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var issues: [ImportIssue]

    public init(issues: [ImportIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// Collects the issues of one file. Every row is validated, but a file with a systematic mistake (a
/// wrong date format in every row of a million) would otherwise produce a report nobody can read, so
/// only the first `limit` are kept and the rest are counted.
struct IssueLog {
    let file: String
    let limit: Int
    private(set) var kept: [ImportIssue] = []
    private var omitted = 0
    private var firstOmittedLine = 0

    init(file: String, limit: Int = 100) {
        self.file = file
        self.limit = limit
    }

    var isEmpty: Bool { kept.isEmpty }
    var count: Int { kept.count + omitted }

    mutating func add(line: Int, column: String, _ reason: String) {
        guard kept.count < limit else {
            if omitted == 0 { firstOmittedLine = line }
            omitted += 1
            return
        }
        kept.append(ImportIssue(file: file, line: line, column: column, reason: reason))
    }

    /// The report: the kept issues and, when some were left out, a last line saying how many.
    var failure: ImportFailure {
        guard omitted > 0 else { return ImportFailure(issues: kept) }
        return ImportFailure(issues: kept + [ImportIssue(file: file, line: firstOmittedLine, column: "-",
                                                        reason: "…and \(omitted) more")])
    }
}
