import ChannelModel
import ChannelStore
import Foundation

/// The sample programme of `Tests/Fixtures/sample/`, imported the way the command line does it.
enum SampleProgramme {
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("Tests/Fixtures/sample")
    }()

    static let asOf = Day(parsing: "2026-09-30")!

    static let programme: Programme = {
        var programme = Programme(policy: try! Policy.bundledDefault())
        var seq: Int64 = 0
        for kind in [RecordKind.partners, .mdfRequests, .mdfAllocations, .registrations, .deals, .investments, .nps, .directAccounts, .enablement] {
            let data = try! Data(contentsOf: directory.appendingPathComponent(kind.fileName))
            switch CSVImporter.parse(kind, data: data, fileName: kind.fileName, programme: programme) {
            case .success(let batch):
                seq += 1
                try! Reducer.apply(JournalEntry(seq: seq, generation: 1, at: Instant(seconds: 0), actor: "test",
                                                action: .importBatch(batch, source: kind.fileName)), to: &programme)
            case .failure(let failure):
                fatalError("sample \(kind.fileName) did not import: \(failure.issues)")
            }
        }
        return programme
    }()

    static func expected<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }
}
