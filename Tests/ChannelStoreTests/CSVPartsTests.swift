import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// The parallel import (`CSVParts`) against the import read in one piece: for every file, cut into any
/// number of parts, the same records — or the same report, line, column and reason, and for a file
/// with more than a hundred problems the same "…and N more" — as one reader gives.
@Suite("CSV import in parts")
struct CSVPartsTests {
    static let registrations = "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until,note\n"

    /// The parse cut into `parts` (1 is the plain one-reader import).
    static func parse(_ kind: RecordKind, _ bytes: [UInt8], parts: Int, programme: Programme) -> Result<ImportBatch, ImportFailure> {
        CSVImporter.parse(kind, data: Data(bytes), fileName: kind.fileName, programme: programme, progress: nil, parts: parts)
    }

    /// Records a failure unless every cut of `bytes` gives what one reader gives.
    static func expectSameInEveryCut(_ kind: RecordKind, _ bytes: [UInt8], programme: Programme, parts: [Int] = Array(2...6),
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        let whole = parse(kind, bytes, parts: 1, programme: programme)
        for count in parts {
            let cut = parse(kind, bytes, parts: count, programme: programme)
            #expect(cut == whole, "cut into \(count) parts", sourceLocation: sourceLocation)
        }
    }

    static func registrationRow(_ id: String, company: String = "Zeta", domain: String = "zeta.com",
                                submitted: String = "2026-01-01T10:00:00Z", note: String = "") -> String {
        "\(id),P-00001,\(company),\(domain),100.00,\(submitted),pending,,,\(note)\n"
    }

    // MARK: The corpora

    @Test(arguments: BadInputCorpusTests.corpus)
    func theBadInputCorpusGivesTheSameInEveryCut(_ input: BadInputCorpusTests.Case) throws {
        Self.expectSameInEveryCut(input.kind, input.bytes, programme: try CSVFixtures.smallProgramme())
    }

    @Test(arguments: MDFBadInputCorpusTests.corpus.indices)
    func theMDFCorpusGivesTheSameInEveryCut(index: Int) throws {
        let item = MDFBadInputCorpusTests.corpus[index]
        Self.expectSameInEveryCut(item.kind, Array(item.text.utf8), programme: try CSVFixtures.smallProgramme())
    }

    @Test(arguments: CSVFixtures.importOrder)
    func theSampleFilesReadTheSameInEveryCut(kind: RecordKind) throws {
        var programme = Programme(policy: CSVFixtures.policy)
        for (index, earlier) in CSVFixtures.importOrder.prefix(while: { $0 != kind }).enumerated() {
            try CSVFixtures.apply(CSVImporter.parse(earlier, data: CSVFixtures.sample(earlier.fileName), fileName: earlier.fileName,
                                                    programme: programme).get(), seq: Int64(index + 1), to: &programme)
        }
        let bytes = [UInt8](try CSVFixtures.sample(kind.fileName))
        #expect((try? Self.parse(kind, bytes, parts: 1, programme: programme).get()) != nil, "the sample \(kind.fileName) imports")
        Self.expectSameInEveryCut(kind, bytes, programme: programme, parts: [2, 3, 8, 64])
    }

    // MARK: Cuts where a record does not start

    /// A quoted note whose lines are valid rows, the last one's note ending where the quote closes: a
    /// part that trusted a cut inside it would import them (it finds no problem in them), so only the
    /// check that the part before stopped exactly at the cut keeps them out.
    @Test func aCutInsideAQuotedFieldThatLooksLikeRowsIsNotTrusted() throws {
        let fake = (0..<40).map { "R-9\($0 + 10),P-00001,Fake,fake.com,1.00,2026-01-01T10:00:00Z,pending,,,\($0 == 39 ? "end" : "n")" }
            .joined(separator: "\n")
        let text = Self.registrations + Self.registrationRow("R-01") + Self.registrationRow("R-02", note: "\"\(fake)\"")
            + Self.registrationRow("R-03")
        let programme = try CSVFixtures.smallProgramme()
        let cuts = Array(text.utf8).withUnsafeBufferPointer { buffer in
            var reader = CSVReader(buffer)
            _ = try? reader.next()
            return CSVParts.cuts(of: reader, into: 2)
        }
        // The file is cut once, inside the note (the middle of the file is in it).
        let fakeStart = text.utf8.count - fake.utf8.count - Self.registrationRow("R-03").utf8.count - 2
        #expect(cuts.count == 2 && cuts[1] > fakeStart && cuts[1] < fakeStart + fake.utf8.count)
        let batch = try Self.parse(.registrations, Array(text.utf8), parts: 2, programme: programme).get()
        guard case .registrations(let rows) = batch else { Issue.record("not registrations"); return }
        #expect(rows.map(\.id) == ["R-01", "R-02", "R-03"])
        #expect(rows.count == 3 && rows[1].note == fake)
        Self.expectSameInEveryCut(.registrations, Array(text.utf8), programme: programme, parts: Array(2...12))
    }

    @Test func aDuplicateAcrossPartsIsReportedAsOneReaderReportsIt() throws {
        let rows = (1...60).map { Self.registrationRow(String(format: "R-%03d", $0)) }.joined()
        let text = Self.registrations + rows + Self.registrationRow("R-002") + Self.registrationRow("R-001", submitted: "bad")
        let programme = try CSVFixtures.smallProgramme()
        #expect(CSVFixtures.issues(.registrations, text, programme: programme) == [
            "registrations.csv:62: registration_id: duplicate registration_id R-002 (first on line 3)",
            "registrations.csv:63: registration_id: duplicate registration_id R-001 (first on line 2)",
            "registrations.csv:63: submitted_at: \"bad\" is not an instant (YYYY-MM-DDTHH:MM:SSZ)",
        ])
        Self.expectSameInEveryCut(.registrations, Array(text.utf8), programme: programme, parts: Array(2...10))
    }

    @Test func aDuplicateOfALaterPartsKeyIsFoundWhenKeysAreNotAscending() throws {
        let ids = (1...50).map { String(format: "R-%03d", 100 - $0) } + ["R-070"] + (1...20).map { String(format: "R-%03d", 200 + $0) }
        let text = Self.registrations + ids.map { Self.registrationRow($0) }.joined()
        let programme = try CSVFixtures.smallProgramme()
        #expect(CSVFixtures.issues(.registrations, text, programme: programme)
                == ["registrations.csv:52: registration_id: duplicate registration_id R-070 (first on line 31)"])
        Self.expectSameInEveryCut(.registrations, Array(text.utf8), programme: programme, parts: Array(2...10))
    }

    @Test func moreThanAHundredProblemsAcrossPartsAreCountedAsOneReaderCountsThem() throws {
        let rows = (1...300).map { Self.registrationRow(String(format: "R-%03d", $0), submitted: $0 % 2 == 0 ? "never" : "2026-01-01T10:00:00Z") }
        let text = Self.registrations + rows.joined()
        let programme = try CSVFixtures.smallProgramme()
        let issues = CSVFixtures.issues(.registrations, text, programme: programme)
        #expect(issues.count == 101)
        #expect(issues.last == "registrations.csv:203: -: …and 50 more")
        Self.expectSameInEveryCut(.registrations, Array(text.utf8), programme: programme, parts: [2, 3, 7])
    }

    @Test func progressEndsAtEveryRowWhenCut() throws {
        let text = "partner_id,responded_on,score\n" + String(repeating: "P-00001,2026-01-01,9\n", count: 25_000)
        let counts = CSVValidationTests.Counts()
        let result = CSVImporter.parse(.nps, data: Data(text.utf8), fileName: "nps.csv", programme: try CSVFixtures.smallProgramme(),
                                       progress: { counts.values.append($0) }, parts: 3)
        #expect((try? result.get().count) == 25_000)
        #expect(counts.values.last == 25_000)
        #expect(counts.values.dropLast().allSatisfy { $0 <= 25_000 })
    }

    // MARK: Seeded files

    /// Seeded random registrations files: quoted fields with commas, doubled quotes and newlines (LF, CRLF
    /// and lone CR), empty lines, and now and then a bad value, a repeated id, a short row, an
    /// undoubled quote or a quote that never closes — each cut into 2, 3, 5 and 9 parts.
    @Test(arguments: 0..<150)
    func seededFilesGiveTheSameInEveryCut(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let text = Self.randomFile(&random)
        Self.expectSameInEveryCut(.registrations, Array(text.utf8), programme: try CSVFixtures.smallProgramme(), parts: [2, 3, 5, 9])
    }

    static func randomFile(_ random: inout SplitMix) -> String {
        let newlines = ["\n", "\r\n", "\r"]
        let badRate = [0, 0, 0, 30, 200][random.below(5)]
        var text = registrations
        for row in 0..<(5 + random.below(80)) {
            var id = String(format: "R-%04d", row * 3 + random.below(3))
            var submitted = "2026-01-01T10:00:00Z", domain = "zeta.com"
            var company = ["Zeta", "\"Zeta, Inc\"", "\"Zeta \"\"Z\"\" Ltd\""][random.below(3)]
            var note = ""
            if random.below(3) == 0 {
                // A quoted note across lines, long enough that cuts land inside it.
                let lines = (0..<(1 + random.below(6))).map { "line \($0),x,\(String(repeating: "y", count: random.below(40)))" }
                note = "\"" + lines.joined(separator: newlines[random.below(3)]) + "\""
            }
            if badRate > 0, random.below(1000) < badRate {
                switch random.below(6) {
                case 0: submitted = "2026-02-30T10:00:00Z"
                case 1: id = "R-0001"
                case 2: domain = "com"
                case 3: company = "\"Zeta \"Z\" Ltd\""
                case 4: note = "x,y"
                default: company = ""
                }
            }
            text += "\(id),P-00001,\(company),\(domain),1.00,\(submitted),pending,,,\(note)"
            text += random.below(10) == 0 ? "\n\n" : newlines[random.below(20) == 0 ? 1 : 0]
        }
        if badRate > 0, random.below(4) == 0 { text += "R-9999,P-00001,\"never closed,x.com,1.00,2026-01-01T10:00:00Z,pending,,,\n" }
        return text
    }
}

/// The package's seeded generator (a failing seed is a reproducible file), as a bounded draw.
private extension SplitMix {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
