import ChannelModel

/// Reads the fields of one import file row by row, one parser per value type, so every kind of record
/// checks a date, an amount or a partner reference the same way and says the same thing when it is
/// wrong. A parser that finds a problem records it and answers nil; the row builder still reads the
/// remaining fields, so one pass reports every problem of the row.
///
/// Each parser first tries its value straight from the field's bytes (`FieldBytes`); only text becomes
/// a string. A field that path does not accept takes the string path, which decides and words the
/// problem exactly as the import always has.
struct RowReader {
    let programme: Programme
    /// The file's column names, in order.
    let header: [String]
    /// The file, positioned after the row being built.
    var reader: CSVReader

    private(set) var line = 0
    /// Problems of the current row as (column, reason).
    private(set) var problems: [(column: String, reason: String)] = []
    /// Keys seen so far in the file and the line each was first on, for the uniqueness check.
    private var seenKeys = SeenKeys()

    /// The programme's partner ids. A set rather than `programme.partner(_:)`, which copies the whole
    /// partner out for each of a million references only to see that it exists.
    private let partnerIDs: Set<String>
    /// The policy's tiers as (lower-cased name, name), for matching imported tiers without lower-casing
    /// the policy for every row.
    private let tiers: [(lowered: String, name: String)]

    /// The field positions of the columns in the order the row builder asks for them, learnt on the
    /// first row. A builder asks for the same columns in the same order on every row, so after the
    /// first row a look-up is one comparison of two copies of the same literal (equal in their raw
    /// bits, no bytes compared) instead of a search of the header.
    private var plan: [(column: String, position: Int?)] = []
    /// Reused by `companyKey`.
    private var nameBuffer: [UInt8] = []
    private var step = 0

    init(programme: Programme, header: [String], reader: CSVReader) {
        self.programme = programme
        self.header = header
        self.reader = reader
        partnerIDs = Set(programme.partners.map(\.id))
        tiers = programme.policy.tiers.map { ($0.name.lowercased(), $0.name) }
    }

    /// Sizes the uniqueness index for the rows still to come, so a large file does not grow it twenty
    /// times.
    mutating func expect(rows: Int) { seenKeys.expect(rows: rows) }

    /// Takes in the keys a reader of a later part of the file saw (`SeenKeys.absorb`).
    mutating func absorbKeys(of later: RowReader, lineOffset: Int) -> Bool {
        seenKeys.absorb(later.seenKeys, lineOffset: lineOffset)
    }

    /// Starts the row `reader` has just read, which starts on `line`.
    mutating func begin(line: Int) {
        self.line = line
        step = 0
        problems.removeAll(keepingCapacity: true)
    }

    mutating func fail(_ column: String, _ reason: String) { problems.append((column, reason)) }

    /// The bytes of the field as written; empty when the file lacks an optional column.
    mutating func field(_ column: String) -> UnsafeBufferPointer<UInt8> {
        let position: Int?
        if step < plan.count, plan[step].column == column {
            position = plan[step].position
        } else {
            position = header.firstIndex(of: column)
            if step < plan.count { plan[step] = (column, position) } else { plan.append((column, position)) }
        }
        step += 1
        guard let position else { return UnsafeBufferPointer(start: nil, count: 0) }
        return reader.field(position)
    }

    // MARK: One parser per value type

    /// Text, with a spreadsheet's formula guard taken off. Required text must not be empty; optional
    /// text answers nil when empty.
    mutating func text(_ column: String, optional: Bool = false) -> String? {
        text(column, field(column), optional: optional)
    }

    private mutating func text(_ column: String, _ field: UnsafeBufferPointer<UInt8>, optional: Bool) -> String? {
        if field.isEmpty {
            if !optional { fail(column, "is empty") }
            return nil
        }
        return FormulaGuard.restored(field)
    }

    /// A domain, URL or e-mail address that names a prospect: it must have a registrable domain by the
    /// Public Suffix List, or no conflict could ever be found for it.
    /// Answers the text as written and its registrable domain (`Domain.key` of it, since it has one),
    /// looked up once: the table stores it, and a direct account is keyed by it.
    mutating func prospectDomain(_ column: String) -> (typed: String, registrable: String)? {
        guard let typed = text(column) else { return nil }
        if let registrable = Domain.lookUp(typed) { return (typed, registrable) }
        let host = Domain.normalised(typed)
        let why = host.isEmpty ? "names no host"
            : Domain.isIPAddress(host) ? "is an IP address, not a company's domain"
            : host.utf8.contains(where: { $0 >= 0x80 }) ? "is not a valid internationalised domain name"
            : host.contains(where: { !($0.isLetter || $0.isNumber || "-._".contains($0)) }) ? "holds characters no domain name has"
            : !host.contains(".") ? "is a single label, not a company's domain"
            : "is a public suffix (\(host)) with no registrable part"
        fail(column, "\(quoted(typed)) \(why)")
        return nil
    }

    /// `CompanyName.key` of a company name, with one buffer for the whole file instead of one a row.
    mutating func companyKey(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { CompanyName.key(utf8: $0, buffer: &nameBuffer) }
    }

    /// A record's identity within the file: required and not seen on an earlier row. `key` defaults to
    /// the text itself; direct accounts and enablement are identified by something derived from it.
    mutating func key(_ column: String, _ value: String?, as key: String? = nil, what: String? = nil) -> String? {
        guard let value else { return nil }
        let first = seenKeys.claim(key ?? value, line: line)
        guard first == line else {
            fail(column, "duplicate \(what ?? "\(column) \(value)") (first on line \(first))")
            return nil
        }
        return value
    }

    /// One of a closed vocabulary, in any letter case.
    mutating func label<Value: Labelled>(_ column: String, _: Value.Type = Value.self) -> Value? {
        let field = field(column)
        if field.first != FormulaGuard.apostrophe, let parsed = FieldBytes.label(field, as: Value.self) { return parsed }
        guard let value = text(column, field, optional: false) else { return nil }
        // The exact spelling first: it is the common case and needs no lower-cased copy.
        guard let parsed = Value(rawValue: value) ?? Value(label: value) else {
            fail(column, "unknown \(column) \(quoted(value)); expected one of \(Value.labels.joined(separator: ", "))")
            return nil
        }
        return parsed
    }

    /// A tier of the programme's policy, answered in the policy's own spelling.
    mutating func tier(_ column: String, optional: Bool = false) -> String? {
        let field = field(column)
        if !field.isEmpty, field.first != FormulaGuard.apostrophe, let lowered = FieldBytes.asciiLowercased(field)?.text,
           let tier = tiers.first(where: { $0.lowered == lowered }) {
            return tier.name
        }
        guard let value = text(column, field, optional: optional) else { return nil }
        guard let name = programme.policy.tierName(matching: value) else {
            fail(column, "unknown tier \(quoted(value)); expected one of \(programme.policy.tiers.map(\.name).joined(separator: ", "))")
            return nil
        }
        return name
    }

    mutating func day(_ column: String, optional: Bool = false) -> Day? {
        let field = field(column)
        if let day = Day(utf8: field) { return day }
        guard let value = text(column, field, optional: optional) else { return nil }
        guard let day = Day(parsing: value) else {
            fail(column, "\(quoted(value)) is not a date (YYYY-MM-DD)")
            return nil
        }
        return day
    }

    mutating func instant(_ column: String, optional: Bool = false) -> Instant? {
        let field = field(column)
        if let instant = Instant(utf8: field) { return instant }
        guard let value = text(column, field, optional: optional) else { return nil }
        guard let instant = Instant(parsing: value) else {
            fail(column, "\(quoted(value)) is not an instant (YYYY-MM-DDTHH:MM:SSZ)")
            return nil
        }
        return instant
    }

    /// An amount of programme currency; every amount the import carries (ACVs, investments) is a size
    /// and must not be negative.
    mutating func money(_ column: String) -> Money? {
        let field = field(column)
        if let money = Money(utf8: field), money.cents >= 0 { return money }
        guard let value = text(column, field, optional: false) else { return nil }
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
        let field = field(column)
        if let number = FieldBytes.digits(field), range.contains(number) { return number }
        guard let value = text(column, field, optional: fallback != nil) else { return fallback }
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
