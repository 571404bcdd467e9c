import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

@Suite("JSON export")
struct CSVJSONExportTests {
    static func objects(_ kind: ExportKind, _ programme: Programme) throws -> [[String: Any]] {
        let data = Exporter.export(kind, from: programme, format: .json)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test func keysAreCamelCase() {
        #expect(Exporter.camelCase("registration_id") == "registrationId")
        #expect(Exporter.camelCase("partner_id") == "partnerId")
        #expect(Exporter.camelCase("tier_at_approval") == "tierAtApproval")
        #expect(Exporter.camelCase("acv") == "acv")
    }

    @Test func commissionsMatchTheSampleExpectation() throws {
        let programme = try CSVFixtures.sampleProgramme()
        let ours = try Self.objects(.commissions, programme)
        let expected = try #require(try JSONSerialization.jsonObject(with: CSVFixtures.sample("expected-commissions.json")) as? [[String: Any]])
        #expect(ours.count == expected.count)
        // The keys of the expected file, plus the ledger's date, status and note.
        #expect(Set(ours.flatMap(\.keys)) == ["dealId", "partnerId", "registrationId", "acv", "rate", "amount", "kind", "date", "status", "note"])
        /// One comparable line per commission: money to the cent, the rate exactly.
        func line(_ object: [String: Any]) -> String {
            func string(_ key: String) -> String { object[key] as? String ?? "?" }
            func number(_ key: String) -> Double { (object[key] as? NSNumber)?.doubleValue ?? .nan }
            func cents(_ key: String) -> Int64 { Int64((number(key) * 100).rounded()) }
            let ids = [string("dealId"), string("partnerId"), string("registrationId")].joined(separator: " ")
            return "\(ids) \(cents("acv")) \(number("rate")) \(cents("amount")) \(string("kind"))"
        }
        #expect(ours.map(line).sorted() == expected.map(line).sorted())
    }

    @Test func moneyIsANumberAndEmptyIsNull() throws {
        let programme = try CSVFixtures.smallProgramme()
        let text = String(decoding: Exporter.export(.registrations, from: programme, format: .json), as: UTF8.self)
        #expect(text.contains("\"estimatedAcv\" : 1000"))
        #expect(text.contains("\"note\" : null"))
        #expect(text.contains("\"extensions\" : 0"))
        #expect(text.contains("\"protectedUntil\" : \"2026-04-02\""))
        #expect(text.contains("\"submittedAt\" : \"2026-01-01T10:00:00Z\""))
    }

    /// JSON holds exactly what CSV holds, so the CSV round trip carries over: every object has the
    /// table's keys, and each value is the CSV field (a number where the CSV has a number, null where
    /// it is empty).
    @Test(arguments: ExportKind.allCases)
    func jsonMirrorsCSV(kind: ExportKind) throws {
        let programme = try CSVFixtures.sampleProgramme()
        let table = Table.of(kind, in: programme)
        let objects = try Self.objects(kind, programme)
        #expect(objects.count == table.rows.count)
        #expect(!objects.isEmpty)
        let keys = table.columns.map(Exporter.camelCase)
        for (object, row) in zip(objects, table.rows) {
            #expect(Set(object.keys) == Set(keys))
            for (key, cell) in zip(keys, row) {
                switch cell {
                case .text(let text) where !text.isEmpty: #expect(object[key] as? String == text, "\(key)")
                case .number(let number):
                    let value = try #require(object[key] as? NSNumber)
                    #expect(value.doubleValue == Double(number)!, "\(key)")
                default: #expect(object[key] is NSNull, "\(key)")
                }
            }
        }
    }
}
