import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// The byte parsers of the import against the string parsers they stand in for: where a byte parser
/// answers, it must answer what the string path would, or an import would change values or accept
/// what it used to refuse. A nil is always safe (the row parser then takes the string path). Dates,
/// instants and amounts have one parser for both paths (`Day(utf8:)` under `Day(parsing:)`), so for
/// them these cases pin the edge inputs the importer meets in place: exactly nil where parsing fails.
@Suite("Field byte parsers")
struct FieldBytesTests {
    func bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    static let dates = [
        "2026-01-01", "2024-02-29", "2023-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00",
        "2026-12-31", "2026-04-31", "0000-01-01", "0001-01-01", "9999-12-31", "1900-02-29", "2000-02-29",
        "2026-1-5", "30/01/2026", "2026-01-01 ", " 2026-01-01", "2026_01_01", "20260101", "2026-01-0a",
        "２026-01-01", "", "-", "2026-01-01T00:00:00Z", "+026-01-01", "'2026-01-0", "2026-01-1\u{301}",
    ]

    @Test(arguments: dates) func dayMatchesDayParsing(_ text: String) {
        #expect(bytes(text) { Day(utf8: $0) } == Day(parsing: text))
    }

    static let instants = [
        "2026-01-01T10:00:00Z", "2026-01-01T00:00:00Z", "2026-12-31T23:59:59Z", "2024-02-29T12:30:45Z",
        "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "2026-02-29T10:00:00Z",
        "2026-01-01 10:00:00", "2026-01-01t10:00:00Z", "2026-01-01T10:00:00z", "2026-01-01T10:00:00+00:00",
        "2026-01-01T10-00-00Z", "2026-01-01T1a:00:00Z", "2026/01/01T10:00:00Z", "2026-01-01T10:00:00",
        "", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "２026-01-01T10:00:00Z",
    ]

    @Test(arguments: instants) func instantMatchesInstantParsing(_ text: String) {
        #expect(bytes(text) { Instant(utf8: $0) } == Instant(parsing: text))
    }

    static let amounts = [
        "0", "0.00", "100", "116820.49", "-12.5", "-12.50", "+5", ".5", "5.", "-0", "-0.01", "+.1", "-", "+",
        ".", "", "1.234", "12,50", "€5", "1e5", "1..2", "1.2.3", " 1", "1 ", "999999999999999.99",
        "999999999999999", "1000000000000000", "000000000000000.01", "0000000000000001", "--1", "+-1",
        "1.-2", "٣", "'5", "=5",
    ]

    @Test(arguments: amounts) func moneyMatchesMoneyParsing(_ text: String) {
        #expect(bytes(text) { Money(utf8: $0) } == Money(parsing: text))
    }

    static let numbers = [
        "0", "7", "10", "11", "0010", "999999999999999999", "9223372036854775807", "9223372036854775808",
        "99999999999999999999", "-1", "+5", "-0", "", "2.5", "x", " 1", "1 ", "١", "'3",
    ]

    /// Unsigned digits only; every other number is left to `Int(_:)`, so a nil is no verdict.
    @Test(arguments: numbers) func digitsAgreeWithInt(_ text: String) {
        let parsed = bytes(text, FieldBytes.digits)
        if let parsed { #expect(parsed == Int(text)) }
        let plain = !text.isEmpty && text.utf8.count <= 18 && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        #expect((parsed != nil) == plain)
    }

    /// The importer's label rule: the exact spelling, else the lower-cased one.
    func stringLabel<Value: Labelled>(_ text: String, _: Value.Type) -> Value? {
        Value(rawValue: text) ?? Value(label: text)
    }

    func checkLabels<Value: Labelled>(_ type: Value.Type) {
        var inputs = ["", " ", "x", "resellr", "pending ", " pending", "PENDING\u{301}", "ｗｏｎ", "won\0", "'won"]
        for label in Value.labels {
            inputs += [label, label.uppercased(), label.capitalized, String(label.dropLast()), label + "s"]
        }
        for text in inputs {
            let parsed = bytes(text) { FieldBytes.label($0, as: Value.self) }
            let expected = stringLabel(text, Value.self)
            if let parsed { #expect(parsed == expected, "\(text)") }
            // ASCII text is decided by the byte path; only other text may be left to the string path.
            if text.utf8.allSatisfy({ $0 < 0x80 }) { #expect((parsed != nil) == (expected != nil), "\(text)") }
        }
    }

    @Test func labelsMatchTheStringRule() {
        checkLabels(PartnerType.self)
        checkLabels(PartnerStatus.self)
        checkLabels(RegistrationStatus.self)
        checkLabels(DealOutcome.self)
        checkLabels(Attribution.self)
        checkLabels(EnablementItem.self)
    }

    @Test func asciiLowercasingMatchesLowercased() {
        for text in ["", "Gold", "GOLD", "gold", "Silver Plus", "A-Z_09@[`{", "tier\u{7F}"] {
            let lowered = bytes(text, FieldBytes.asciiLowercased)
            #expect(lowered?.text == text.lowercased())
            #expect(lowered?.changed == (text != text.lowercased()))
        }
        #expect(bytes("Ünter", FieldBytes.asciiLowercased) == nil)
    }

    @Test func formulaGuardRestoresBytesAsItRestoresStrings() {
        for text in ["", "'", "''", "'=SUM(A1)", "''=x", "'-refund", "'quoted'", "=x", "'\t", "'\r\n",
                     "'é", "Acme", "'+1", "'@me", "''''-"] {
            #expect(bytes(text, FormulaGuard.restored) == FormulaGuard.restored(text), "\(text.debugDescription)")
        }
    }

    /// Random short strings over the characters these formats use: dates, instants and amounts must
    /// agree everywhere, numbers and labels wherever the byte path answers.
    @Test func randomFieldsAgree() {
        let alphabet = Array("0123456789-+.:TZ ,'a")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...21, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(bytes(text) { Day(utf8: $0) } == Day(parsing: text), "\(text)")
            #expect(bytes(text) { Instant(utf8: $0) } == Instant(parsing: text), "\(text)")
            #expect(bytes(text) { Money(utf8: $0) } == Money(parsing: text), "\(text)")
            if let number = bytes(text, FieldBytes.digits) { #expect(number == Int(text), "\(text)") }
        }
        // Near-valid dates and instants: one character of a valid value replaced.
        let valid = Array("2024-02-29T23:59:59Z")
        for index in valid.indices {
            for character in alphabet {
                var changed = valid
                changed[index] = character
                let text = String(changed)
                #expect(bytes(text) { Instant(utf8: $0) } == Instant(parsing: text), "\(text)")
                let date = String(changed.prefix(10))
                #expect(bytes(date) { Day(utf8: $0) } == Day(parsing: date), "\(date)")
            }
        }
    }
}
