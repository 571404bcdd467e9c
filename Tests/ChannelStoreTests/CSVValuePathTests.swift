import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// Values at the edge between the importer's byte path and its string path: signs, formula-guard
/// apostrophes, letter case and spaces. Whichever path reads them, they import to the values and
/// reports the string parsers always gave.
@Suite("Import values on both parser paths")
struct CSVValuePathTests {
    let programme: Programme
    init() throws { programme = try CSVFixtures.smallProgramme() }

    static let header = "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until,tier_at_approval,extensions,note\n"

    func registrations(_ rows: String) throws -> [Registration] {
        guard case .registrations(let rows) = try CSVFixtures.parse(.registrations, Self.header + rows, programme: programme).get()
        else { Issue.record("not registrations"); return [] }
        return Array(rows)
    }

    @Test func valuesOnlyTheStringPathReadsStillImport() throws {
        let rows = try registrations(
            "R-1,P-00001,Zeta,zeta.com,'+5,2026-01-01T10:00:00Z,PENDING,,,,+1,\n"
            + "R-2,P-00001,'=Yeti,yeti.com,0007.5,2026-01-01T10:00:00Z,Closed_Won,2026-01-02T00:00:00Z,2026-04-02,GOLD,-0,'-note\n"
            + "R-3,P-00001,\"Quoted \"\"Co\"\"\",q.com,\"12.00\",\"2026-01-01T10:00:00Z\",\"approved\",\"2026-01-02T00:00:00Z\",\"2026-04-02\",\"Gold\",\"007\",\"\"\n")
        #expect(rows.map(\.estimatedACV) == [Money(cents: 500), Money(cents: 750), Money(cents: 1200)])
        #expect(rows.map(\.status) == [.pending, .closedWon, .approved])
        #expect(rows.map(\.extensions) == [1, 0, 7])
        #expect(rows.map(\.tierAtApproval) == [nil, "gold", "gold"])
        #expect(rows.map(\.prospectCompany) == ["Zeta", "=Yeti", "Quoted \"Co\""])
        #expect(rows.map(\.note) == [nil, "-note", nil])
        #expect(rows[1].protectedUntil == Day(parsing: "2026-04-02"))
    }

    @Test func problemsReadFromBytesAreWordedAsBefore() {
        let text = Self.header
            + "R-1,P-00001,Zeta,zeta.com,'-5,'2026-01-01T10:00:00Z, pending,,2026-1-1,'gold,'+1,\n"
            + "R-2,P-00001,Zeta,zeta.com,1000000000000000,2026-01-01T10:00:00Z,PENDİNG,,,Gold ,99999999999999999999,\n"
        #expect(CSVFixtures.issues(.registrations, text, programme: programme) == [
            "registrations.csv:2: estimated_acv: \"-5\" is negative; estimated_acv cannot be negative",
            "registrations.csv:2: submitted_at: \"'2026-01-01T10:00:00Z\" is not an instant (YYYY-MM-DDTHH:MM:SSZ)",
            "registrations.csv:2: status: unknown status \" pending\"; expected one of pending, info_requested, approved, rejected, expired, closed_won, closed_lost",
            "registrations.csv:2: protected_until: \"2026-1-1\" is not a date (YYYY-MM-DD)",
            "registrations.csv:2: tier_at_approval: unknown tier \"'gold\"; expected one of platinum, gold, silver, registered",
            "registrations.csv:3: estimated_acv: \"1000000000000000\" is not an amount",
            "registrations.csv:3: status: unknown status \"PENDİNG\"; expected one of pending, info_requested, approved, rejected, expired, closed_won, closed_lost",
            "registrations.csv:3: tier_at_approval: unknown tier \"Gold \"; expected one of platinum, gold, silver, registered",
            "registrations.csv:3: extensions: \"99999999999999999999\" is not a whole number",
        ])
    }

    /// Ids out of order switch the uniqueness check from comparing with the previous id to an index;
    /// duplicates before and after the switch are both found, with the line they were first on.
    @Test func duplicateIdsInAnyOrder() {
        func row(_ id: String) -> String { "\(id),P-00001,Zeta,zeta.com,1,2026-01-01T10:00:00Z,pending,,,,,\n" }
        let text = Self.header + row("R-2") + row("R-3") + row("R-3") + row("R-1") + row("R-4") + row("R-2") + row("R-1")
        #expect(CSVFixtures.issues(.registrations, text, programme: programme) == [
            "registrations.csv:4: registration_id: duplicate registration_id R-3 (first on line 3)",
            "registrations.csv:7: registration_id: duplicate registration_id R-2 (first on line 2)",
            "registrations.csv:8: registration_id: duplicate registration_id R-1 (first on line 5)",
        ])
    }
}
