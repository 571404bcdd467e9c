import ChannelModel

/// Reads the fields of one import file row by row, one parser per value type, so every kind of record
/// checks a date, an amount or a partner reference the same way and says the same thing when it is
/// wrong. A parser that finds a problem records it and answers nil; the row builder still reads the
/// remaining fields, so one pass reports every problem of the row.
struct RowReader {
    let programme: Programme
    /// The file's column names, in order. Searched rather than hashed: with a dozen columns a scan of
    /// short strings is cheaper than hashing the name for each of ten million fields.
    let header: [String]

    private(set) var line = 0
    private var fields: [String] = []
    /// Problems of the current row as (column, reason).
    private(set) var problems: [(column: String, reason: String)] = []
    /// Keys seen so far in the file → the line they were first on, for the uniqueness check.
    private var seenKeys: [String: Int] = [:]

    /// The programme's partner ids. A set rather than `programme.partner(_:)`, which copies the whole
    /// partner out for each of a million references only to see that it exists.
    private let partnerIDs: Set<String>

    init(programme: Programme, header: [String]) {
        self.programme = programme
        self.header = header
        partnerIDs = Set(programme.partners.map(\.id))
    }

    /// Sizes the uniqueness index for the rows still to come, so a large file does not rehash it
    /// twenty times as it grows.
    mutating func expect(rows: Int) { seenKeys.reserveCapacity(rows) }

    mutating func begin(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
        problems.removeAll(keepingCapacity: true)
    }

    mutating func fail(_ column: String, _ reason: String) { problems.append((column, reason)) }

    /// The field as written; empty when the file lacks an optional column.
    func raw(_ column: String) -> String {
        guard let position = header.firstIndex(of: column) else { return "" }
        return fields[position]
    }

    // MARK: One parser per value type

    /// Text, with a spreadsheet's formula guard taken off. Required text must not be empty; optional
    /// text answers nil when empty.
    mutating func text(_ column: String, optional: Bool = false) -> String? {
        let value = raw(column)
        if value.isEmpty {
            if !optional { fail(column, "is empty") }
            return nil
        }
        return FormulaGuard.restored(value)
    }

    /// A record's identity within the file: required and not seen on an earlier row. `key` defaults to
    /// the text itself; direct accounts and enablement are identified by something derived from it.
    mutating func key(_ column: String, _ value: String?, as key: String? = nil, what: String? = nil) -> String? {
        guard let value else { return nil }
        let key = key ?? value
        if let first = seenKeys[key] {
            fail(column, "duplicate \(what ?? "\(column) \(value)") (first on line \(first))")
            return nil
        }
        seenKeys[key] = line
        return value
    }

    /// One of a closed vocabulary, in any letter case.
    mutating func label<Value: Labelled>(_ column: String, _: Value.Type = Value.self) -> Value? {
        guard let value = text(column) else { return nil }
        // The exact spelling first: it is the common case and needs no lower-cased copy.
        guard let parsed = Value(rawValue: value) ?? Value(label: value) else {
            fail(column, "unknown \(column) \(quoted(value)); expected one of \(Value.labels.joined(separator: ", "))")
            return nil
        }
        return parsed
    }

    /// A tier of the programme's policy, answered in the policy's own spelling.
    mutating func tier(_ column: String, optional: Bool = false) -> String? {
        guard let value = text(column, optional: optional) else { return nil }
        guard let name = programme.policy.tierName(matching: value) else {
            fail(column, "unknown tier \(quoted(value)); expected one of \(programme.policy.tiers.map(\.name).joined(separator: ", "))")
            return nil
        }
        return name
    }

    mutating func day(_ column: String, optional: Bool = false) -> Day? {
        guard let value = text(column, optional: optional) else { return nil }
        guard let day = Day(parsing: value) else {
            fail(column, "\(quoted(value)) is not a date (YYYY-MM-DD)")
            return nil
        }
        return day
    }

    mutating func instant(_ column: String, optional: Bool = false) -> Instant? {
        guard let value = text(column, optional: optional) else { return nil }
        guard let instant = Instant(parsing: value) else {
            fail(column, "\(quoted(value)) is not an instant (YYYY-MM-DDTHH:MM:SSZ)")
            return nil
        }
        return instant
    }

    /// An amount of programme currency; every amount the import carries (ACVs, investments) is a size
    /// and must not be negative.
    mutating func money(_ column: String) -> Money? {
        guard let value = text(column) else { return nil }
        guard let money = Money(parsing: value) else {
            fail(column, "\(quoted(value)) is not an amount")
            return nil
        }
        guard money.cents >= 0 else {
            fail(column, "\(quoted(value)) is negative; \(column) cannot be negative")
            return nil
        }
        return money
    }

    /// A whole number in `range`; an optional one is `fallback` when empty.
    mutating func integer(_ column: String, in range: ClosedRange<Int>, fallback: Int? = nil) -> Int? {
        guard let value = text(column, optional: fallback != nil) else { return fallback }
        guard let number = Int(value) else {
            fail(column, "\(quoted(value)) is not a whole number")
            return nil
        }
        guard range.contains(number) else {
            fail(column, range.upperBound == Int.max
                 ? "\(quoted(value)) is negative; \(column) cannot be negative"
                 : "\(quoted(value)) is not between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return number
    }

    /// The id of a partner the programme already holds.
    mutating func partnerReference(_ column: String) -> String? {
        guard let id = text(column) else { return nil }
        guard partnerIDs.contains(id) else {
            fail(column, "unknown partner \(id)")
            return nil
        }
        return id
    }

    /// The id of a registration the programme already holds, or nil when empty.
    mutating func registrationReference(_ column: String) -> String? {
        guard let id = text(column, optional: true) else { return nil }
        guard programme.registrationPosition(id) != nil else {
            fail(column, "unknown registration \(id); import registrations first")
            return nil
        }
        return id
    }

    /// A value as the user typed it, quoted so that stray spaces and empty strings show.
    private func quoted(_ value: String) -> String { "\"\(value)\"" }
}
