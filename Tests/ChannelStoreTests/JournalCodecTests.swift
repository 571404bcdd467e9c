import ChannelModel
import ChannelStore
import Foundation
import Testing

@Suite struct JournalCodecTests {
    private func entry(_ action: ProgrammeAction, seq: Int64 = 12) -> JournalEntry {
        JournalEntry(seq: seq, generation: 3, at: PersistenceFixtures.instant("2026-09-30T12:34:56Z"), actor: "alice", action: action)
    }

    @Test func everyActionRoundTrips() throws {
        let registration = PersistenceFixtures.registrations[1]
        let actions: [ProgrammeAction] = [
            .importBatch(.registrations(RegistrationTable(PersistenceFixtures.registrations)), source: "registrations.csv"),
            .importBatch(.partners(PersistenceFixtures.partners), source: ""),
            .importBatch(.deals(DealTable(PersistenceFixtures.deals)), source: "d.csv"),
            .importBatch(.investments([Investment(date: PersistenceFixtures.day("2026-01-01"), category: "MDF", amount: Money(cents: 1), note: "")]), source: "i"),
            .importBatch(.nps([NPSResponse(partnerID: "P-001", respondedOn: PersistenceFixtures.day("2026-01-01"), score: 10)]), source: "n"),
            .importBatch(.directAccounts([DirectAccount(domain: "a.com", account: "A", owner: "o")]), source: "da"),
            .importBatch(.enablement([Enablement(partnerID: "P-002", item: .portal, completedOn: PersistenceFixtures.day("2026-02-02"))]), source: "e"),
            .importBatch(.registrations([]), source: "empty.csv"),
            .approve(registrationID: "R-1"),
            .reject(registrationID: "R-1", reason: "duplicate — 重複"),
            .requestInfo(registrationID: "R-1", question: ""),
            .extend(registrationID: "R-2"),
            .changeTier(partnerID: "P-001", to: "gold"),
            .setPolicy(PersistenceFixtures.policy),
            .restoreRegistration(registration, undoing: 11),
            .restoreTier(partnerID: "P-001", tier: "registered", undoing: 10),
            .assignOwner(partnerID: "P-001", owner: "ben.o'hara"),
            .restoreOwner(partnerID: "P-001", owner: "", undoing: 12),
            .batch([.approve(registrationID: "R-1"), .reject(registrationID: "R-3", reason: "no")]),
        ]
        for action in actions {
            let decoded = try JournalCodec.decode(JournalCodec.encode(entry(action)))
            #expect(decoded == entry(action), "\(action.name)")
        }
    }

    @Test func payloadIsABinaryPlistWithTheDocumentedKeys() throws {
        let data = try JournalCodec.encode(entry(.approve(registrationID: "R-1")))
        #expect(data.prefix(8) == Data("bplist00".utf8))
        let dict = try #require(PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        #expect(Set(dict.keys) == ["seq", "generation", "at", "actor", "action"])
        #expect(dict["seq"] as? Int == 12)
        #expect((dict["at"] as? Date)?.timeIntervalSince1970 == 1_790_771_696)
        let action = try #require(dict["action"] as? [String: Any])
        #expect(action["kind"] as? String == "approve")
        #expect(action["registrationID"] as? String == "R-1")
    }

    @Test func importBatchTravelsAsColumns() throws {
        let data = try JournalCodec.encode(entry(.importBatch(.registrations(RegistrationTable(PersistenceFixtures.registrations)), source: "r.csv")))
        let dict = try #require(PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        let action = try #require(dict["action"] as? [String: Any])
        #expect(action["recordKind"] as? String == "registrations")
        let table = try #require(action["table"] as? [String: Any])
        #expect(table["rows"] as? Int == 3)
        let columns = try #require(table["columns"] as? [String: Any])
        let acv = try #require(columns["estimated_acv"] as? [String: Any])
        #expect((acv["values"] as? Data)?.count == 24)
    }

    @Test func unknownActionIsAClearError() throws {
        let root: [String: Any] = ["seq": 1, "generation": 0, "at": Date(), "actor": "a", "action": ["kind": "teleport"]]
        let data = try PropertyListSerialization.data(fromPropertyList: root, format: .binary, options: 0)
        let error = #expect(throws: DecodingError.self) { try JournalCodec.decode(data) }
        guard case .dataCorrupted(let context)? = error else { Issue.record("expected dataCorrupted"); return }
        #expect(context.debugDescription == "unknown action \"teleport\" (written by a newer channeldesk?)")
    }

    @Test func journaledEntriesSurviveTheFile() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("programme.cdesk-journal")
        let writer = try JournalWriter(url: url)
        let entries = (1...3).map { entry(.approve(registrationID: "R-\($0)"), seq: Int64($0)) }
        for item in entries { try writer.append(JournalCodec.encode(item)) }
        try writer.close()
        #expect(try JournalReader.read(url: url).payloads.map(JournalCodec.decode) == entries)
    }
}
