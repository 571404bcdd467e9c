@testable import ChannelStore
import Foundation
import Testing

@Suite("CSVReader")
struct CSVReaderTests {
    typealias Record = (line: Int, fields: [String])

    func read(_ text: String) throws -> [Record] { try CSVReader.records(in: Data(text.utf8)) }
    func read(bytes: [UInt8]) throws -> [Record] { try CSVReader.records(in: Data(bytes)) }

    func error(_ bytes: [UInt8]) -> CSVSyntaxError? {
        do { _ = try CSVReader.records(in: Data(bytes)); return nil } catch { return error }
    }

    @Test func plainRecordsWithLineNumbers() throws {
        let records = try read("a,b,c\n1,2,3\n4,,6\n")
        #expect(records.map(\.line) == [1, 2, 3])
        #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["4", "", "6"]])
    }

    @Test func quotedFieldsWithCommasAndDoubledQuotes() throws {
        let records = try read("id,name\n1,\"O'Brien, Walsh and Co\"\n2,\"Ωmega \"\"Quoted\"\" Labs\"\n3,\"\"\n")
        #expect(records.map(\.fields) == [["id", "name"], ["1", "O'Brien, Walsh and Co"],
                                          ["2", "Ωmega \"Quoted\" Labs"], ["3", ""]])
    }

    /// Fields with doubled quotes are the ones the reader copies; several in one record, and one long
    /// enough to make its buffer grow, must each keep their own text.
    @Test func doubledQuotesInSeveralFieldsOfOneRecord() throws {
        let long = String(repeating: "ab\"\"", count: 300)
        let records = try read("\"a\"\"b\",plain,\"\"\"\",\"x\"\"\"\"y\",\"\(long)\",\"q,\"\"r\"\"\"\nnext,\"\"\"z\"\n")
        #expect(records.map(\.fields) == [["a\"b", "plain", "\"", "x\"\"y", String(repeating: "ab\"", count: 300), "q,\"r\""],
                                          ["next", "\"z"]])
    }

    /// Unquoted fields are scanned eight bytes at a time: fields of every length, with non-ASCII text
    /// and line ends at every offset within a word, must come back exactly.
    @Test func unquotedFieldsAtEveryOffsetOfAWord() throws {
        let pieces = ["a", "b", "é", "🚀", "x\"y"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let rows = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 2...5, using: &generator)).map { _ in
                    (0..<Int.random(in: 0...19, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                }
            }
            let ends = rows.map { _ in ["\n", "\r\n", "\r"].randomElement(using: &generator)! }
            let text = zip(rows, ends).map { $0.joined(separator: ",") + $1 }.joined()
            #expect(try read(text).map(\.fields) == rows, "\(text.debugDescription)")
        }
    }

    /// A byte that is not UTF-8 is found in its field wherever it falls within a word.
    @Test func invalidByteAtEveryOffsetNamesItsField() {
        for offset in 0..<20 {
            var field = Array(String(repeating: "z", count: 20).utf8)
            field[offset] = 0xFF
            let bytes = Array("id,name,note\n1,".utf8) + field + Array(",ok\n2,é,".utf8) + field
            #expect(error(bytes) == CSVSyntaxError(line: 2, field: 1, reason: "invalid UTF-8 (byte 0xFF); save the file as UTF-8"))
            #expect(error(bytes + Array("\n".utf8)) == CSVSyntaxError(line: 2, field: 1, reason: "invalid UTF-8 (byte 0xFF); save the file as UTF-8"))
        }
    }

    @Test func embeddedNewlineMovesLaterLineNumbers() throws {
        let records = try read("id,name\n1,\"Multi\nLine\nName\"\n2,next\n3,\"a\r\nb\"\n4,last")
        #expect(records.map(\.line) == [1, 2, 5, 6, 8])
        #expect(records[1].fields == ["1", "Multi\nLine\nName"])
        #expect(records[3].fields == ["3", "a\r\nb"])
        #expect(records[4].fields == ["4", "last"])
    }

    @Test func crlfLineEndsAndBOM() throws {
        let records = try read(bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\r\n1,\"x,y\"\r\n2,z\r\n".utf8))
        #expect(records.map(\.fields) == [["id", "name"], ["1", "x,y"], ["2", "z"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        let records = try read("a,b\n\n1,2\r\n\r\n3,4\n\n")
        #expect(records.map(\.line) == [1, 3, 5])
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func trailingCommaIsAnEmptyLastField() throws {
        #expect(try read("a,b,\n1,2,").map(\.fields) == [["a", "b", ""], ["1", "2", ""]])
    }

    @Test func cjkAndEmojiSurviveUnchanged() throws {
        #expect(try read("株式会社サクラ,Emoji Rocket 🚀 Ltd\n").map(\.fields) == [["株式会社サクラ", "Emoji Rocket 🚀 Ltd"]])
    }

    @Test func unbalancedQuoteNamesTheLineWhereTheFieldStarted() {
        let failure = error(Array("a,b\n1,2\n3,\"never\nends\n4,5\n".utf8))
        #expect(failure == CSVSyntaxError(line: 3, field: 1,
                                          reason: "unbalanced quote: the quoted field starting on this line never ends"))
    }

    @Test func characterAfterClosingQuote() {
        let failure = error(Array("a,b\n1,\"x\"y\n".utf8))
        #expect(failure == CSVSyntaxError(line: 2, field: 1,
                                          reason: "unexpected character \"y\" after a closing quote; a quote inside a field must be doubled"))
    }

    @Test func invalidUTF8NamesLineAndField() {
        let failure = error(Array("a,b\n1,ok\n2,\"line\n".utf8) + [0x62, 0xFF] + Array("\"\n".utf8))
        #expect(failure == CSVSyntaxError(line: 4, field: 1, reason: "invalid UTF-8 (byte 0xFF); save the file as UTF-8"))
    }

    /// A bad record is consumed whole, so reading goes on with the right line numbers.
    @Test func readingContinuesAfterABadRecord() throws {
        let data = Data("a,b\n\"x\"y,\"multi\nline\"\n3,4\n".utf8)
        var lines: [Int] = []
        var errors: [Int] = []
        CSVReader.reading(data) { reader in
            while true {
                do throws(CSVSyntaxError) {
                    guard let line = try reader.next() else { break }
                    lines.append(line)
                } catch {
                    errors.append(error.line)
                }
            }
        }
        #expect(lines == [1, 4])
        #expect(errors == [2])
    }
}
