import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// The import's bad-input corpus: files a channel manager really produces (spreadsheet exports with the
/// wrong separator or encoding, hand edits, truncated downloads) as a table of data, each with the exact
/// report it must give — `file:line: column: reason` — or, for the awkward-but-valid forms of DESIGN.md
/// §4, exactly what it imports. A refused file's result is a failure, so nothing of it is stored.
///
/// Complements `CSVValidationTests` (one test per rule) with the shapes real files arrive in; a
/// directory given instead of a file is a CLI matter, covered in `ImportExportCommandTests`.
@Suite("Import bad-input corpus")
struct BadInputCorpusTests {
    enum Expected: Sendable {
        /// Refused with exactly these issues, in order.
        case refused([String])
        /// Accepted as exactly this batch.
        case accepted(ImportBatch)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var kind: RecordKind
        var bytes: [UInt8]
        var expected: Expected
        var testDescription: String { name }

        init(_ name: String, _ kind: RecordKind, _ text: String, _ expected: Expected) {
            self.init(name, kind, bytes: Array(text.utf8), expected)
        }

        init(_ name: String, _ kind: RecordKind, bytes: [UInt8], _ expected: Expected) {
            self.name = name; self.kind = kind; self.bytes = bytes; self.expected = expected
        }
    }

    static let partners = "partner_id,name,type,tier,region,status,joined_on,owner,certified_staff\n"
    static let registrations = "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until\n"
    static let deals = "deal_id,partner_id,registration_id,account,domain,acv,closed_on,outcome,attribution\n"
    static let nps = "partner_id,responded_on,score\n"
    static let expectPartners = "expected a header row: partner_id,name,type,tier,region,status,joined_on,owner,certified_staff"
    static let expectNPS = "expected a header row: partner_id,responded_on,score"

    static func day(_ text: String) -> Day { Day(parsing: text)! }
    static func partner(_ id: String, _ name: String) -> Partner {
        Partner(id: id, name: name, type: .reseller, tier: "gold", region: "EMEA", status: .active,
                joinedOn: day("2025-01-01"), owner: "ana", certifiedStaff: 3)
    }
    static func partnerRow(_ id: String, _ name: String, joined: String = "2025-01-01") -> String {
        "\(id),\(name),reseller,gold,EMEA,active,\(joined),ana,3\n"
    }
    static func response(_ partner: String, _ day: String, _ score: Int) -> NPSResponse {
        NPSResponse(partnerID: partner, respondedOn: Self.day(day), score: score)
    }

    static let corpus: [Case] = [
        // Separators and quoting.
        Case("semicolon-separated file (a spreadsheet in a comma-decimal locale)", .nps,
             "partner_id;responded_on;score\nP-00001;2026-01-01;9\n",
             .refused(["nps.csv:1: -: the file is separated by semicolons, not commas; save it as comma-separated CSV (\(expectNPS))"])),
        Case("semicolon-separated with a BOM and CRLF", .partners,
             "\u{FEFF}partner_id;name;type;tier;region;status;joined_on;owner;certified_staff\r\nP-00010;Acme;reseller;gold;EMEA;active;2025-01-01;ana;3\r\n",
             .refused(["partners.csv:1: -: the file is separated by semicolons, not commas; save it as comma-separated CSV (\(expectPartners))"])),
        Case("tab-separated file", .nps, "partner_id\tresponded_on\tscore\nP-00001\t2026-01-01\t9\n",
             .refused(["nps.csv:1: -: the file is separated by tabs, not commas; save it as comma-separated CSV (\(expectNPS))"])),
        Case("unbalanced quote swallows the rest of the file", .nps,
             nps + "P-00001,\"2026-01-01,9\nP-00002,2026-01-02,8\n",
             .refused(["nps.csv:2: responded_on: unbalanced quote: the quoted field starting on this line never ends"])),
        Case("unbalanced quote in the header", .nps, "partner_id,\"responded_on,score\nP-00001,2026-01-01,9\n",
             .refused(["nps.csv:1: -: header: unbalanced quote: the quoted field starting on this line never ends"])),
        Case("undoubled quote inside a quoted name", .partners, partners + partnerRow("P-00010", "\"Acme \"Best\" Ltd\""),
             .refused(["partners.csv:2: name: unexpected character \"B\" after a closing quote; a quote inside a field must be doubled"])),
        Case("quoted fields with embedded newlines, commas and doubled quotes import exactly", .partners,
             partners + partnerRow("P-00010", "\"Acme\nEurope, \"\"Ltd\"\"\"") + partnerRow("P-00011", "\"Two\r\nLines\""),
             .accepted(.partners([partner("P-00010", "Acme\nEurope, \"Ltd\""), partner("P-00011", "Two\r\nLines")]))),
        Case("lines are counted inside quoted fields", .partners,
             partners + partnerRow("P-00010", "\"Acme\nEurope\"") + partnerRow("P-00011", "Beta", joined: "2026-02-30"),
             .refused(["partners.csv:4: joined_on: \"2026-02-30\" is not a date (YYYY-MM-DD)"])),

        // Encodings and line ends.
        Case("UTF-8 BOM", .nps, "\u{FEFF}" + nps + "P-00001,2026-01-01,9\n",
             .accepted(.nps([response("P-00001", "2026-01-01", 9)]))),
        Case("CRLF line ends", .nps, nps.replacingOccurrences(of: "\n", with: "\r\n") + "P-00001,2026-01-01,9\r\nP-00002,2026-01-02,10\r\n",
             .accepted(.nps([response("P-00001", "2026-01-01", 9), response("P-00002", "2026-01-02", 10)]))),
        Case("classic Mac CR line ends and no final line end", .nps, "partner_id,responded_on,score\rP-00001,2026-01-01,9\rP-00002,2026-01-02,0",
             .accepted(.nps([response("P-00001", "2026-01-01", 9), response("P-00002", "2026-01-02", 0)]))),
        Case("Latin-1 file (invalid UTF-8)", .partners, bytes: Array(partners.utf8) + Array("P-00010,M".utf8) + [0xFC]
             + Array("ller GmbH,reseller,gold,EMEA,active,2025-01-01,ana,3\n".utf8),
             .refused(["partners.csv:2: name: invalid UTF-8 (byte 0xFC); save the file as UTF-8"])),
        Case("UTF-16 file (Excel's \"Unicode text\")", .nps, bytes: [0xFF, 0xFE] + Array(nps.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
             .refused(["nps.csv:1: -: header: invalid UTF-8 (byte 0xFF); save the file as UTF-8"])),

        // Size.
        Case("a 1 MB name", .partners, partners + partnerRow("P-00010", String(repeating: "x", count: 1 << 20)),
             .refused(["partners.csv:2: name: the field is 1048576 bytes long; a field may hold at most 65536 bytes (64 KiB)"])),
        Case("a 1 MB quoted field spanning lines is named by the line it starts on", .partners,
             partners + partnerRow("P-00010", "\"" + String(repeating: "x\n", count: 1 << 19) + "\"") + partnerRow("P-00011", "Beta", joined: "2026-13-01"),
             .refused(["partners.csv:2: name: the field is 1048576 bytes long; a field may hold at most 65536 bytes (64 KiB)",
                       "partners.csv:524291: joined_on: \"2026-13-01\" is not a date (YYYY-MM-DD)"])),
        Case("a name of exactly 64 KiB", .partners, partners + partnerRow("P-00010", String(repeating: "é", count: 1 << 15)),
             .accepted(.partners([partner("P-00010", String(repeating: "é", count: 1 << 15))]))),

        // Money.
        Case("negative money", .deals, deals + "D-1,P-00001,,Zeta,zeta.com,-250.00,2026-01-01,won,sourced\n",
             .refused(["deals.csv:2: acv: \"-250.00\" is negative; acv cannot be negative"])),
        Case("non-numeric money", .registrations, registrations
             + "R-1,P-00001,Zeta,zeta.com,1.2e5,2026-01-01T10:00:00Z,pending,,\n"
             + "R-2,P-00001,Zeta,zeta.com,USD 100,2026-01-01T10:00:00Z,pending,,\n"
             + "R-3,P-00001,Zeta,zeta.com, 100,2026-01-01T10:00:00Z,pending,,\n"
             + "R-4,P-00001,Zeta,zeta.com,1234567890123456,2026-01-01T10:00:00Z,pending,,\n"
             + "R-5,P-00001,Zeta,zeta.com,,2026-01-01T10:00:00Z,pending,,\n",
             .refused([
                 "registrations.csv:2: estimated_acv: \"1.2e5\" is not an amount",
                 "registrations.csv:3: estimated_acv: \"USD 100\" is not an amount",
                 "registrations.csv:4: estimated_acv: \" 100\" is not an amount",
                 "registrations.csv:5: estimated_acv: \"1234567890123456\" is not an amount",
                 "registrations.csv:6: estimated_acv: is empty",
             ])),

        // Dates and instants.
        Case("impossible dates", .partners, partners + partnerRow("P-00010", "Acme", joined: "2026-02-30")
             + partnerRow("P-00011", "Beta", joined: "2026-13-01") + partnerRow("P-00012", "Gamma", joined: "2026-00-10")
             + partnerRow("P-00013", "Delta", joined: "0000-01-01"),
             .refused([
                 "partners.csv:2: joined_on: \"2026-02-30\" is not a date (YYYY-MM-DD)",
                 "partners.csv:3: joined_on: \"2026-13-01\" is not a date (YYYY-MM-DD)",
                 "partners.csv:4: joined_on: \"2026-00-10\" is not a date (YYYY-MM-DD)",
                 "partners.csv:5: joined_on: \"0000-01-01\" is not a date (YYYY-MM-DD)",
             ])),
        Case("impossible optional date and instant", .registrations, registrations
             + "R-1,P-00001,Zeta,zeta.com,1,2026-01-01T24:00:00Z,approved,2026-02-29T10:00:00Z,2026-04-31\n",
             .refused([
                 "registrations.csv:2: submitted_at: \"2026-01-01T24:00:00Z\" is not an instant (YYYY-MM-DDTHH:MM:SSZ)",
                 "registrations.csv:2: decided_at: \"2026-02-29T10:00:00Z\" is not an instant (YYYY-MM-DDTHH:MM:SSZ)",
                 "registrations.csv:2: protected_until: \"2026-04-31\" is not a date (YYYY-MM-DD)",
             ])),

        // Vocabularies and identity.
        Case("unknown enum values", .registrations, registrations
             + "R-1,P-00001,Zeta,zeta.com,1,2026-01-01T10:00:00Z,approvd,,\n"
             + "R-2,P-00001,Zeta,zeta.com,1,2026-01-01T10:00:00Z, pending,,\n",
             .refused([
                 "registrations.csv:2: status: unknown status \"approvd\"; expected one of pending, info_requested, approved, rejected, expired, closed_won, closed_lost",
                 "registrations.csv:3: status: unknown status \" pending\"; expected one of pending, info_requested, approved, rejected, expired, closed_won, closed_lost",
             ])),
        Case("unknown enablement item", .enablement, "partner_id,item,completed_on\nP-00001,training,2026-01-01\n",
             .refused(["enablement.csv:2: item: unknown item \"training\"; expected one of certification, playbook, assets, deal_support, portal"])),
        Case("duplicate ids within the file", .partners, partners + partnerRow("P-00010", "Acme") + partnerRow("P-00011", "Beta")
             + partnerRow("P-00010", "Acme again"),
             .refused(["partners.csv:4: partner_id: duplicate partner_id P-00010 (first on line 2)"])),
        Case("an id the programme already holds is an update, not a duplicate", .partners, partners + partnerRow("P-00001", "Acme renamed"),
             .accepted(.partners([partner("P-00001", "Acme renamed")]))),
        Case("references to missing partners and registrations; ids are case-sensitive", .deals, deals
             + "D-1,P-09999,R-0009999,Zeta,zeta.com,1.00,2026-01-01,won,sourced\n"
             + "D-2,p-00001,,Zeta,zeta.com,1.00,2026-01-01,won,sourced\n",
             .refused([
                 "deals.csv:2: partner_id: unknown partner P-09999",
                 "deals.csv:2: registration_id: unknown registration R-0009999; import registrations first",
                 "deals.csv:3: partner_id: unknown partner p-00001",
             ])),

        // Empty and near-empty files.
        Case("0-byte file", .partners, "", .refused(["partners.csv:1: -: the file is empty; \(expectPartners)"])),
        Case("only a BOM and blank lines", .nps, "\u{FEFF}\r\n\r\n", .refused(["nps.csv:1: -: the file is empty; \(expectNPS)"])),
        Case("header only: a valid file of 0 rows", .partners, partners, .accepted(.partners([]))),
        Case("header only, no final line end", .nps, "partner_id,responded_on,score", .accepted(.nps([]))),
        Case("a row of empty fields", .nps, nps + ",,\n", .refused([
            "nps.csv:2: partner_id: is empty",
            "nps.csv:2: responded_on: is empty",
            "nps.csv:2: score: is empty",
        ])),
    ]

    @Test(arguments: corpus)
    func importReportsExactly(_ input: Case) throws {
        let programme = try CSVFixtures.smallProgramme()
        let result = CSVImporter.parse(input.kind, data: Data(input.bytes), fileName: input.kind.fileName, programme: programme)
        switch (input.expected, result) {
        case (.refused(let expected), .failure(let failure)):
            #expect(failure.issues.map(\.description) == expected)
        case (.refused, .success(let batch)):
            Issue.record("expected \(input.kind.fileName) to be refused, but it gave \(batch.count) rows")
        case (.accepted(let expected), .success(let batch)):
            #expect(batch == expected)
        case (.accepted, .failure(let failure)):
            Issue.record("expected \(input.kind.fileName) to import, but it was refused:\n\(failure)")
        }
    }

    @Test func caseNamesAreUnique() {
        #expect(Set(Self.corpus.map(\.name)).count == Self.corpus.count)
    }
}
