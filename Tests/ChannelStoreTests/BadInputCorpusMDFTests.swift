import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// The bad-input corpus for the MDF files (DESIGN.md §8: `mdf_requests.csv`, `mdf_allocations.csv`)
/// and for domains. The MDF importer is being written beside this; until it lands these pin what it is
/// built from — the CSV reader and the field parsers — on the values a finance spreadsheet really
/// holds. When `RecordKind` gains the MDF kinds, whole-file cases join `BadInputCorpusTests.corpus`.
@Suite("Import bad-input corpus: MDF and domains")
struct BadInputCorpusMDFTests {
    /// A field value and what its column's parser must make of it (nil: refused).
    struct FieldCase: Sendable, CustomTestStringConvertible {
        enum Parsed: Sendable, Equatable { case money(Money?), day(Day?), instant(Instant?), activity(MDFActivity?), status(MDFStatus?) }
        var name: String
        var text: String
        var parsed: Parsed
        var testDescription: String { "\(name): \(text.debugDescription)" }
        init(_ name: String, _ text: String, _ parsed: Parsed) { self.name = name; self.text = text; self.parsed = parsed }
    }

    static let fields: [FieldCase] = [
        // requested_amount, approved_amount, claimed_amount, paid_amount, allocations' amount
        FieldCase("a plain amount", "497.98", .money(Money(cents: 49_798))),
        FieldCase("one decimal", "1200.5", .money(Money(cents: 120_050))),
        FieldCase("a thousands separator", "1,200.00", .money(nil)),
        FieldCase("a currency sign", "€500", .money(nil)),
        FieldCase("a third decimal would be rounded away", "500.005", .money(nil)),
        FieldCase("a decimal comma", "500,25", .money(nil)),
        FieldCase("spreadsheet scientific notation", "3E+04", .money(nil)),
        FieldCase("sixteen whole digits", "1234567890123456", .money(nil)),
        FieldCase("fifteen whole digits", "999999999999999.99", .money(Money(cents: 99_999_999_999_999_999))),
        FieldCase("a lone point", ".", .money(nil)),
        FieldCase("a space inside", "1 200", .money(nil)),
        // starts_on, ends_on, paid_on
        FieldCase("an ISO day", "2025-09-27", .day(Day(year: 2025, month: 9, day: 27))),
        FieldCase("a European day", "27/09/2025", .day(nil)),
        FieldCase("the 31st of a 30-day month", "2026-09-31", .day(nil)),
        FieldCase("29 February outside a leap year", "2026-02-29", .day(nil)),
        FieldCase("a day with a time", "2026-09-01T00:00:00Z", .day(nil)),
        // submitted_at, decided_at, claimed_at
        FieldCase("a UTC instant", "2025-09-15T23:51:00Z", .instant(Instant(parsing: "2025-09-15T23:51:00Z"))),
        FieldCase("an instant without its zone", "2025-09-15T23:51:00", .instant(nil)),
        FieldCase("a spreadsheet's instant", "2025-09-15 23:51", .instant(nil)),
        FieldCase("hour 24", "2025-09-15T24:00:00Z", .instant(nil)),
        // activity, status: case-insensitive labels
        FieldCase("an activity in capitals", "WEBINAR", .activity(.webinar)),
        FieldCase("an unknown activity", "conference", .activity(nil)),
        FieldCase("an activity with a trailing space", "event ", .activity(nil)),
        FieldCase("a two-word status", "claim_rejected", .status(.claimRejected)),
        FieldCase("a status written as words", "claim rejected", .status(nil)),
        FieldCase("a status in mixed case", "Info_Requested", .status(.infoRequested)),
    ]

    @Test(arguments: fields)
    func mdfFieldParsesExactly(_ input: FieldCase) {
        switch input.parsed {
        case .money(let expected): #expect(Money(parsing: input.text) == expected)
        case .day(let expected): #expect(Day(parsing: input.text) == expected)
        case .instant(let expected): #expect(Instant(parsing: input.text) == expected)
        case .activity(let expected): #expect(MDFActivity(label: input.text) == expected)
        case .status(let expected): #expect(MDFStatus(label: input.text) == expected)
        }
    }

    static let requestsHeader = "request_id,partner_id,activity,description,submitted_at,starts_on,ends_on,requested_amount,status,decided_at,approved_amount,claimed_at,claimed_amount,proof,paid_on,paid_amount\n"

    @Test func aSemicolonSeparatedExportSplitsOnlyAtItsDecimalCommas() throws {
        // A European spreadsheet's export: the header is one field, the row two — never three columns.
        let text = "partner_id;year;amount\nP-00010;2026;30000,00\n"
        let records = try CSVReader.records(in: Data(text.utf8))
        #expect(records.map(\.fields) == [["partner_id;year;amount"], ["P-00010;2026;30000", "00"]])
    }

    @Test func aQuotedDescriptionSpanningLinesKeepsTheNextRecordsLine() throws {
        let text = Self.requestsHeader + "M-1,P-00001,event,\"Spring event,\nwith \"\"partners\"\"\",2025-09-15T23:51:00Z,2025-09-27,2025-09-29,497.98,submitted,,,,,,,\n"
            + "M-2,P-00001,other,,2025-09-15T23:51:00Z,2025-09-27,2025-09-29,1,submitted,,,,,,,\n"
        let records = try CSVReader.records(in: Data(text.utf8))
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].fields[3] == "Spring event,\nwith \"partners\"")
        #expect(records.allSatisfy { $0.fields.count == 16 })
    }

    @Test func anUnterminatedQuoteIsASyntaxErrorOnTheLineItOpened() {
        let text = Self.requestsHeader + "M-1,P-00001,event,\"never closed,2025-09-15T23:51:00Z\nM-2,P-00001\n"
        #expect(throws: CSVSyntaxError.self) { try CSVReader.records(in: Data(text.utf8)) }
        do { _ = try CSVReader.records(in: Data(text.utf8)) } catch { #expect(error.line == 2) }
    }

    @Test func latin1BytesAreASyntaxErrorNamingTheLine() {
        var bytes = Array("partner_id,year,amount\n".utf8)
        bytes += Array("P-00010,2026,30000.00\nP-0001".utf8) + [0xE9] + Array(",2026,1.00\n".utf8)  // é in Latin-1
        do {
            _ = try CSVReader.records(in: Data(bytes))
            Issue.record("Latin-1 bytes were read as UTF-8")
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test func theSampleMDFFilesReadWhole() throws {
        let sample = CSVFixtures.sampleDirectory
        for (name, columns) in [("mdf_requests.csv", 16), ("mdf_allocations.csv", 3)] {
            let records = try CSVReader.records(in: Data(contentsOf: sample.appendingPathComponent(name)))
            #expect(records.count > 1, "\(name)")
            #expect(records.allSatisfy { $0.fields.count == columns }, "\(name): every record has \(columns) fields")
        }
    }

    // MARK: Domains

    static let domains: [(String, String)] = [
        ("WWW.Acme.COM.", "acme.com"),
        ("eu.shop.acme.co.uk", "acme.co.uk"),
        ("acme.co.uk", "acme.co.uk"),
        ("co.uk", "co.uk"),
        ("localhost", "localhost"),
        ("", ""),
        ("...", ""),
        ("https://x.Beta.com.sg:8443/y", "beta.com.sg"),
        ("sales@食狮.com.cn", "xn--85x722f.com.cn"),
    ]

    /// The key conflicts are grouped by: the registrable domain, or the normalised spelling of what has
    /// none (which import refuses, but an older file may hold); either way a fixed point.
    @Test(arguments: domains)
    func registrableDomain(_ input: String, _ expected: String) {
        #expect(Domain.key(input) == expected)
        #expect(Domain.key(Domain.key(input)) == expected, "the key of a key is itself")
    }

    @Test func directAccountsThatDifferOnlyBySubdomainOrCaseAreOneAccount() {
        let text = "domain,account,owner\nacme.com,Acme,west\nWWW.Acme.COM.,Acme again,east\n"
        let result = CSVImporter.parse(.directAccounts, data: Data(text.utf8), fileName: "direct_accounts.csv",
                                       programme: Programme(policy: try! Policy.bundledDefault()))
        guard case .failure(let failure) = result else { Issue.record("the same registrable domain was accepted twice"); return }
        #expect(failure.issues.map(\.description).count == 1)
        #expect(failure.issues.first?.description.hasPrefix("direct_accounts.csv:3: domain: duplicate") == true, "\(failure)")
    }
}
