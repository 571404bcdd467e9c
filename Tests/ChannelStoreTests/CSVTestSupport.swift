import ChannelModel
import ChannelResources
@testable import ChannelStore
import Foundation
import Testing

/// Shared fixtures of the CSV tests: the sample programme of `Tests/Fixtures/sample` and small helpers.
enum CSVFixtures {
    /// `Tests/Fixtures/sample` of the package checkout: found from this file's path, so the
    /// tests run from any checkout (`/work/main`, a worktree, CI).
    static let sampleDirectory: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.appendingPathComponent("Tests/Fixtures/sample")
            }
            directory.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static func sample(_ name: String) throws -> Data {
        try Data(contentsOf: sampleDirectory.appendingPathComponent(name))
    }

    static let policy: Policy = {
        try! JSONDecoder().decode(Policy.self, from: ChannelResources.defaultPolicyJSON())
    }()

    /// The import order of DESIGN.md §4: each file may refer only to records of the files before it.
    static let importOrder: [RecordKind] = [.partners, .mdfRequests, .mdfAllocations, .registrations, .deals, .investments, .nps,
                                            .directAccounts, .enablement]

    /// The whole sample imported through `CSVImporter` and the reducer, as `channeldesk import` does.
    static func sampleProgramme() throws -> Programme {
        var programme = Programme(policy: policy)
        for (index, kind) in importOrder.enumerated() {
            let batch = try CSVImporter.parse(kind, data: sample(kind.fileName), fileName: kind.fileName,
                                              programme: programme).get()
            try apply(batch, seq: Int64(index + 1), to: &programme)
        }
        return programme
    }

    static func apply(_ batch: ImportBatch, seq: Int64, to programme: inout Programme) throws {
        let at = Instant(parsing: "2026-09-30T12:00:00Z")!
        try Reducer.apply(JournalEntry(seq: seq, generation: 0, at: at, actor: "test",
                                       action: .importBatch(batch, source: batch.kind.fileName)), to: &programme)
    }

    /// A programme with two partners and one registration, for tests of references.
    static func smallProgramme() throws -> Programme {
        var programme = Programme(policy: policy)
        let partners = "partner_id,name,type,tier,region,status,joined_on,owner,certified_staff\n"
            + "P-00001,Acme,reseller,gold,EMEA,active,2025-01-01,ana,3\n"
            + "P-00002,Beta,referral,registered,NA,active,2025-02-01,ben,0\n"
        let registrations = "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until\n"
            + "R-0000001,P-00001,Zeta Ltd,www.zeta.co.uk,1000.00,2026-01-01T10:00:00Z,approved,2026-01-02T10:00:00Z,2026-04-02\n"
        try apply(parse(.partners, partners, programme: programme).get(), seq: 1, to: &programme)
        try apply(parse(.registrations, registrations, programme: programme).get(), seq: 2, to: &programme)
        return programme
    }

    static func parse(_ kind: RecordKind, _ text: String, programme: Programme) -> Result<ImportBatch, ImportFailure> {
        CSVImporter.parse(kind, data: Data(text.utf8), fileName: kind.fileName, programme: programme)
    }

    /// The report of a file that must fail, one line per issue; records a test failure if it parsed.
    static func issues(_ kind: RecordKind, _ text: String, programme: Programme) -> [String] {
        switch parse(kind, text, programme: programme) {
        case .success(let batch):
            Issue.record("expected \(kind.fileName) to fail, but it gave \(batch.count) rows")
            return []
        case .failure(let failure):
            return failure.issues.map(\.description)
        }
    }
}
