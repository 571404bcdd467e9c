import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation
import TerminalUI

/// The sample programme as the console sees it, as of the sample's date, for reducer and snapshot tests.
enum ConsoleFixture {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static let sampleDirectory = packageRoot.appendingPathComponent("Tests/Fixtures/sample")
    static let asOf = Day(parsing: "2026-09-30")!

    static let programme: Programme = {
        var programme = Programme(policy: try! Policy.bundledDefault())
        var seq: Int64 = 0
        for kind in [RecordKind.partners, .mdfRequests, .mdfAllocations, .registrations, .deals, .investments, .nps, .directAccounts, .enablement] {
            let data = try! Data(contentsOf: sampleDirectory.appendingPathComponent(kind.fileName))
            guard case .success(let batch) = CSVImporter.parse(kind, data: data, fileName: kind.fileName, programme: programme) else {
                fatalError("the sample \(kind.fileName) does not import")
            }
            seq += 1
            try! Reducer.apply(JournalEntry(seq: seq, generation: 1, at: Instant(seconds: 0), actor: "fixture",
                                            action: .importBatch(batch, source: kind.fileName)), to: &programme)
        }
        return programme
    }()

    static let data = ConsoleData(programme: programme, asOf: asOf, period: .quarterToDate(asOf))

    static func state(width: Int = 120, height: Int = 40) -> ConsoleState {
        ConsoleState(width: width, height: height, period: .quarterToDate(asOf))
    }
}
