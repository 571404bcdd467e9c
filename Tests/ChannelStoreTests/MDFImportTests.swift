import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// The MDF files of DESIGN §4/§8: every bad row is reported as `file:line: column: reason` and nothing of
/// the file is stored; the programme file keeps the tables; older files and policies still open.
@Suite("MDF import and storage")
struct MDFImportTests {
    let programme: Programme
    init() throws { programme = try CSVFixtures.smallProgramme() }

    static let header = "request_id,partner_id,activity,description,submitted_at,starts_on,ends_on,requested_amount,status,decided_at,approved_amount,claimed_at,claimed_amount,proof,paid_on,paid_amount\n"
    static let good = "M-1,P-00001,event,Roadshow,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,1000.00,paid,2026-03-02T09:00:00Z,900.00,2026-04-20T09:00:00Z,950.00,https://x/p.pdf,2026-05-01,900.00\n"

    func issues(_ rows: String) -> [String] { CSVFixtures.issues(.mdfRequests, Self.header + rows, programme: programme) }

    @Test func aGoodFileImports() throws {
        let batch = try CSVFixtures.parse(.mdfRequests, Self.header + Self.good, programme: programme).get()
        guard case .mdfRequests(let rows) = batch else { Issue.record("wrong batch"); return }
        #expect(rows == [MDFRequest(id: "M-1", partnerID: "P-00001", activity: .event, description: "Roadshow",
                                    submittedAt: Instant(parsing: "2026-03-01T09:00:00Z")!, startsOn: Day(parsing: "2026-04-01")!,
                                    endsOn: Day(parsing: "2026-04-02")!, requestedAmount: Money(cents: 100_000), status: .paid,
                                    decidedAt: Instant(parsing: "2026-03-02T09:00:00Z")!, approvedAmount: Money(cents: 90_000),
                                    claimedAt: Instant(parsing: "2026-04-20T09:00:00Z")!, claimedAmount: Money(cents: 95_000),
                                    proof: "https://x/p.pdf", paidOn: Day(parsing: "2026-05-01")!, paidAmount: Money(cents: 90_000))])
    }

    @Test func unknownPartnerActivityAndStatus() {
        #expect(issues("M-1,P-09999,party,,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,10,pending,,,,,,,\n") == [
            "mdf_requests.csv:2: partner_id: unknown partner P-09999",
            "mdf_requests.csv:2: activity: unknown activity \"party\"; expected one of event, webinar, campaign, content, training, other",
            "mdf_requests.csv:2: status: unknown status \"pending\"; expected one of submitted, info_requested, approved, rejected, claimed, paid, claim_rejected, expired",
        ])
    }

    @Test func amountsMustBeMoreThanZero() {
        #expect(issues("M-1,P-00001,event,,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,0,submitted,,,,,,,\n")
                == ["mdf_requests.csv:2: requested_amount: \"0\" must be more than 0"])
        #expect(issues("M-1,P-00001,event,,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,10,approved,2026-03-02T09:00:00Z,-5,,,,,\n")
                == ["mdf_requests.csv:2: approved_amount: \"-5\" must be more than 0"])
        #expect(issues("M-1,P-00001,event,,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,ten,submitted,,,,,,,\n")
                == ["mdf_requests.csv:2: requested_amount: \"ten\" is not an amount"])
    }

    @Test func endsBeforeItStarts() {
        #expect(issues("M-1,P-00001,event,,2026-03-01T09:00:00Z,2026-04-02,2026-04-01,10,submitted,,,,,,,\n")
                == ["mdf_requests.csv:2: ends_on: 2026-04-01 is before starts_on 2026-04-02"])
    }

    @Test func approvedAboveRequested() {
        #expect(issues("M-1,P-00001,event,,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,10,approved,2026-03-02T09:00:00Z,10.01,,,,,\n")
                == ["mdf_requests.csv:2: approved_amount: 10.01 is more than the requested amount 10.00"])
    }

    @Test func statusContradictingItsFields() {
        #expect(issues("M-1,P-00001,event,,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,10,approved,,,,,,,\n") == [
            "mdf_requests.csv:2: decided_at: is empty; a request that is approved needs it",
            "mdf_requests.csv:2: approved_amount: is empty; a request that is approved needs it",
        ])
        #expect(issues("M-1,P-00001,event,,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,10,submitted,2026-03-02T09:00:00Z,,,,,,\n")
                == ["mdf_requests.csv:2: decided_at: must be empty for a request that is submitted"])
        #expect(issues("M-1,P-00001,event,,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,10,claimed,2026-03-02T09:00:00Z,10,2026-04-20T09:00:00Z,10,,2026-05-01,10\n") == [
            "mdf_requests.csv:2: proof: is empty; a request that is claimed needs it",
            "mdf_requests.csv:2: paid_on: must be empty for a request that is claimed",
            "mdf_requests.csv:2: paid_amount: must be empty for a request that is claimed",
        ])
        #expect(issues("M-1,P-00001,event,,2026-03-05T09:00:00Z,2026-04-01,2026-04-02,10,rejected,2026-03-02T09:00:00Z,,,,,,\n")
                == ["mdf_requests.csv:2: decided_at: 2026-03-02T09:00:00Z is before submitted_at 2026-03-05T09:00:00Z"])
    }

    @Test func duplicateRequestAndNothingStored() {
        #expect(issues(Self.good + Self.good) == ["mdf_requests.csv:3: request_id: duplicate request_id M-1 (first on line 2)"])
    }

    @Test func allocations() throws {
        let header = "partner_id,year,amount\n"
        #expect(CSVFixtures.issues(.mdfAllocations, header + "P-00001,2026,100\nP-00001,2026,200\nP-00009,2026,1\nP-00002,26x,1\nP-00002,2027,-1\n",
                                   programme: programme) == [
            "mdf_allocations.csv:3: year: duplicate allocation of P-00001 for 2026 (first on line 2)",
            "mdf_allocations.csv:4: partner_id: unknown partner P-00009",
            "mdf_allocations.csv:5: year: \"26x\" is not a whole number",
            "mdf_allocations.csv:6: amount: \"-1\" is negative; amount cannot be negative",
        ])
        let batch = try CSVFixtures.parse(.mdfAllocations, header + "P-00001,2026,30000.00\n", programme: programme).get()
        #expect(batch == .mdfAllocations([MDFAllocation(partnerID: "P-00001", year: 2026, amount: Money(cents: 3_000_000))]))
    }

    @Test func registrationsNameAKnownRequest() throws {
        let header = "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until,mdf_request_id\n"
        let row = "R-9,P-00001,Zeta,zeta.com,10,2026-01-01T10:00:00Z,pending,,,M-1\n"
        #expect(CSVFixtures.issues(.registrations, header + row, programme: programme)
                == ["registrations.csv:2: mdf_request_id: unknown MDF request M-1; import mdf-requests first"])
        var state = programme
        try CSVFixtures.apply(CSVFixtures.parse(.mdfRequests, Self.header + Self.good, programme: state).get(), seq: 3, to: &state)
        try CSVFixtures.apply(CSVFixtures.parse(.registrations, header + row, programme: state).get(), seq: 4, to: &state)
        #expect(state.registration("R-9")?.mdfRequestID == "M-1")
        let other = "R-10,P-00002,Yeti,yeti.com,10,2026-01-01T10:00:00Z,pending,,,M-1\n"
        #expect(CSVFixtures.issues(.registrations, header + other, programme: state)
                == ["registrations.csv:2: mdf_request_id: MDF request M-1 belongs to partner P-00001, not P-00002"])
        #expect(state.mdfRegistrationIDs == ["R-9"])
    }

    @Test func theSampleImportsAndRoundTripsThroughTheFile() throws {
        var sample = try CSVFixtures.sampleProgramme()
        #expect(sample.mdfRequests.count == 68)
        #expect(sample.mdfAllocations.count == 5)
        #expect(sample.mdfRegistrationIDs.count > 0)
        try Reducer.apply(JournalEntry(seq: 99, generation: 1, at: Instant(parsing: "2026-09-30T12:00:00Z")!, actor: "maria",
                                       action: .mdf(.approve(requestID: "M-000032", amount: Money(cents: 50_000)))), to: &sample)
        let data = try SnapshotCodec.encode(sample, generation: 1, lastSeq: 99, savedAt: Date(timeIntervalSince1970: 0))
        let decoded = try SnapshotCodec.decode(data).programme
        #expect(decoded == sample)
        #expect(decoded.mdfRequest("M-000032")?.decidedBy == "maria")
        // Any plist reader sees the tables as columns.
        let root = try #require(PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        let tables = try #require(root["tables"] as? [String: Any])
        let requests = try #require(tables["mdfRequests"] as? [String: Any])
        #expect(requests["rows"] as? Int == 68)
        let columns = try #require(requests["columns"] as? [String: Any])
        #expect((columns["requested_amount"] as? [String: Any])?["kind"] as? String == "int64")
        #expect((columns["status"] as? [String: Any])?["labels"] as? [String] == MDFStatus.labels)
    }

    @Test func aFileWithoutMDFTablesStillOpens() throws {
        let sample = try CSVFixtures.sampleProgramme()
        let data = try SnapshotCodec.encode(sample, generation: 1, lastSeq: 0, savedAt: Date(timeIntervalSince1970: 0))
        var root = try #require(PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        var tables = try #require(root["tables"] as? [String: Any])
        tables["mdfRequests"] = nil
        tables["mdfAllocations"] = nil
        var registrations = try #require(tables["registrations"] as? [String: Any])
        var columns = try #require(registrations["columns"] as? [String: Any])
        columns["mdf_request_id"] = nil
        registrations["columns"] = columns
        tables["registrations"] = registrations
        root["tables"] = tables
        var policy = try #require(root["policy"] as? [String: Any])
        policy["mdfClaimDays"] = nil
        policy["mdfApprovalDays"] = nil
        root["policy"] = policy
        let older = try PropertyListSerialization.data(fromPropertyList: root, format: .binary, options: 0)
        let decoded = try SnapshotCodec.decode(older).programme
        #expect(decoded.mdfRequests.isEmpty)
        #expect(decoded.mdfAllocations.isEmpty)
        #expect(decoded.mdfRegistrationIDs.isEmpty)
        #expect(decoded.policy.mdfClaimDays == 60)
        #expect(decoded.policy.mdfApprovalDays == 5)
        #expect(decoded.registrations.count == sample.registrations.count)
    }

    @Test func aDamagedMDFColumnIsCaught() throws {
        let sample = try CSVFixtures.sampleProgramme()
        let data = try SnapshotCodec.encode(sample, generation: 1, lastSeq: 0, savedAt: Date(timeIntervalSince1970: 0))
        var root = try #require(PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        var tables = try #require(root["tables"] as? [String: Any])
        var requests = try #require(tables["mdfRequests"] as? [String: Any])
        var columns = try #require(requests["columns"] as? [String: Any])
        var amount = try #require(columns["requested_amount"] as? [String: Any])
        var values = try #require(amount["values"] as? Data)
        values[values.startIndex] ^= 0xFF
        amount["values"] = values
        columns["requested_amount"] = amount
        requests["columns"] = columns
        tables["mdfRequests"] = requests
        root["tables"] = tables
        let damaged = try PropertyListSerialization.data(fromPropertyList: root, format: .binary, options: 0)
        #expect(throws: SnapshotError.self) { try SnapshotCodec.decode(damaged) }
    }

    @Test func policyWindowsAreValidatedAndOldPoliciesRead() throws {
        var policy = try Policy.bundledDefault()
        #expect(policy.mdfClaimDays == 60 && policy.mdfApprovalDays == 5)
        policy.mdfClaimDays = 0
        policy.mdfApprovalDays = -1
        #expect(policy.problems() == ["mdfClaimDays must be positive", "mdfApprovalDays must be positive"])
        var json = try #require(JSONSerialization.jsonObject(with: try Policy.bundledDefault().encodedJSON()) as? [String: Any])
        json["mdfClaimDays"] = nil
        json["mdfApprovalDays"] = nil
        let old = try Policy.decodeJSON(try JSONSerialization.data(withJSONObject: json))
        #expect(old == (try Policy.bundledDefault()))
    }
}

/// Importing a request again updates it (upsert) without losing who made the decisions on it.
@Suite struct MDFReimportTests {
    @Test func reimportKeepsTheRecordedNames() throws {
        var programme = try CSVFixtures.smallProgramme()
        let file = MDFImportTests.header + "M-1,P-00001,event,Roadshow,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,1000.00,submitted,,,,,,,\n"
        try CSVFixtures.apply(CSVFixtures.parse(.mdfRequests, file, programme: programme).get(), seq: 3, to: &programme)
        let at = Instant(parsing: "2026-03-02T09:00:00Z")!
        try Reducer.apply(JournalEntry(seq: 4, generation: 1, at: at, actor: "maria", action: .mdf(.approve(requestID: "M-1", amount: Money(cents: 90_000)))),
                          to: &programme)
        // The partner portal's file now carries the approval, but names no one.
        let again = MDFImportTests.header + "M-1,P-00001,event,Roadshow,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,1000.00,approved,2026-03-02T09:00:00Z,900.00,,,,,\n"
        let outcome = try Reducer.apply(JournalEntry(seq: 5, generation: 1, at: at, actor: "loader",
                                                     action: .importBatch(CSVFixtures.parse(.mdfRequests, again, programme: programme).get(), source: "again.csv")),
                                        to: &programme)
        #expect(outcome.message == "Imported again.csv: 0 added, 0 updated, 1 unchanged")
        #expect(programme.mdfRequest("M-1")?.decidedBy == "maria")
        // A different decision in the file wins, and the old name goes with the old decision.
        let changed = MDFImportTests.header + "M-1,P-00001,event,Roadshow,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,1000.00,rejected,2026-03-03T09:00:00Z,,,,,,\n"
        try CSVFixtures.apply(CSVFixtures.parse(.mdfRequests, changed, programme: programme).get(), seq: 6, to: &programme)
        #expect(programme.mdfRequest("M-1")?.status == .rejected)
        #expect(programme.mdfRequest("M-1")?.decidedBy == nil)
    }
}
