import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// The streaming JSON writer against what it replaced: the rows boxed as `[[String: Any]]` and handed
/// to `JSONSerialization`. Kept here as the reference, so any drift in escaping, number form or key
/// order fails a test instead of changing what scripts read.
@Suite("Streaming JSON export")
struct JSONRowWriterTests {
    static func reference(_ table: Table) -> Data {
        let keys = table.columns.map(Exporter.camelCase)
        let objects: [[String: Any]] = table.rows.map { row in
            var object: [String: Any] = [:]
            for (key, cell) in zip(keys, row) {
                switch cell {
                case .text(let text): object[key] = text.isEmpty ? NSNull() : text
                case .number(let number): object[key] = Int64(number).map { $0 as Any } ?? Double(number).map { $0 as Any } ?? NSNull()
                case .empty: object[key] = NSNull()
                }
            }
            return object
        }
        return try! JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])
    }

    static func expectSame(_ table: Table, _ comment: Comment? = nil) {
        let ours = JSONRowWriter.write(table), theirs = reference(table)
        #expect(ours == theirs, comment)
        if ours != theirs {
            let at = zip(ours, theirs).enumerated().first { $1.0 != $1.1 }?.offset ?? min(ours.count, theirs.count)
            let window = { (data: Data) in String(decoding: data[max(0, at - 60)..<min(data.count, at + 60)], as: UTF8.self) }
            Issue.record("first difference at byte \(at): ours …\(window(ours))… reference …\(window(theirs))…")
        }
    }

    @Test(arguments: ExportKind.allCases)
    func everyKindOfTheDemoMatchesFoundation(kind: ExportKind) {
        Self.expectSame(Table.of(kind, in: DemoGeneratorTests.demo), "\(kind)")
    }

    @Test(arguments: ExportKind.allCases)
    func everyKindOfTheSampleMatchesFoundation(kind: ExportKind) throws {
        Self.expectSame(Table.of(kind, in: try CSVFixtures.sampleProgramme()), "\(kind)")
    }

    @Test func trickyStringsMatchFoundation() {
        let strings = ["", "plain", "quote \" here", "back\\slash", "a/b//c", "tab\tnew\nline\rcr", "\u{0}\u{1}\u{8}\u{c}\u{1f}",
                       "\u{7f}del", "é ü ß", "日本語", "😀👍🏽", "\u{2028}\u{2029}", "=1+2", "-12.50", "</script>", "\\u0041"]
        Self.expectSame(Table(columns: ["text_value", "id"], rows: strings.enumerated().map { [.text($1), .number(String($0))] }))
    }

    @Test func numbersMatchFoundation() {
        let numbers = ["0", "-0", "0.1", "0.15", "116820.49", "-12.50", "100.00", "3", "-5", "9223372036854775807",
                       "-9223372036854775808", "9223372036854775808", "92233720368547758.07", "1e20", "0.000001",
                       "123456789012.34", "99999999999999.99", "not a number"]
        Self.expectSame(Table(columns: ["amount"], rows: numbers.map { [.number($0)] }))
    }

    /// The plain-decimal shortcut (no parse, no print) against Foundation over every shape it takes or
    /// refuses: 0–17 integer digits, 0–7 fraction digits with leading and trailing zeros, signs.
    @Test func seededDecimalsMatchFoundation() {
        var random = SplitMix(seed: 14)
        func digits(_ count: Int) -> String { String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) }) }
        let numbers = (0..<20_000).map { _ -> String in
            let sign = Bool.random(using: &random) ? "-" : ""
            var integer = digits(Int.random(in: 1...17, using: &random))
            if Int.random(in: 0..<4, using: &random) == 0 { integer = "0" }
            let zeros = String(repeating: "0", count: Int.random(in: 0...5, using: &random))
            let tail = String(repeating: "0", count: Int.random(in: 0...2, using: &random))
            let fraction = Int.random(in: 0..<5, using: &random) == 0 ? "" : "." + zeros + digits(Int.random(in: 0...7, using: &random)) + tail
            return sign + integer + (fraction == "." ? ".0" : fraction)
        }
        Self.expectSame(Table(columns: ["amount"], rows: numbers.map { [.number($0)] }))
    }

    @Test func keysSortAsFoundationSortsThem() {
        let columns = ["b", "a", "Bc", "acv", "a_b", "a10", "a2", "partner_id", "partner", "z", "_x"]
        Self.expectSame(Table(columns: columns, rows: [columns.map { .text($0) }, columns.map { _ in .empty }]))
    }

    @Test func emptyTablesAndRowsMatchFoundation() {
        Self.expectSame(Table(columns: ["a", "b"], rows: []))
        Self.expectSame(Table(columns: [], rows: [[], []]))
    }

    /// Chunks arrive in order and no bigger than needed: a table over a chunk comes in several pieces
    /// that join to the same bytes.
    @Test func aLargeTableComesInChunksThatJoinToTheWhole() {
        let table = Table(columns: ["id", "note"], count: 40_000) { [.number(String($0)), .text(String(repeating: "x", count: 40))] }
        var chunks: [[UInt8]] = []
        JSONRowWriter.write(table) { chunks.append($0) }
        #expect(chunks.count > 1)
        #expect(chunks.dropLast().allSatisfy { $0.count < JSONRowWriter.chunkSize + 1_000 })
        #expect(Data(chunks.joined()) == Self.reference(table))
    }
}
