import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// Times a large import. Off unless `CHANNELDESK_CSV_BENCH` names a directory holding `partners.csv`
/// and `registrations.csv` (DESIGN.md §7: performance is measured, never asserted in timed unit tests).
/// Run in release: `CHANNELDESK_CSV_BENCH=/tmp/csvbench swift test -c release -Xswiftc -enable-testing --filter CSVPerformance`.
@Suite("CSV performance", .enabled(if: ProcessInfo.processInfo.environment["CHANNELDESK_CSV_BENCH"] != nil))
struct CSVPerformanceTests {
    @Test func largeRegistrationsImport() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CHANNELDESK_CSV_BENCH"] ?? "")
        var programme = Programme(policy: CSVFixtures.policy)
        let partners = try CSVImporter.parse(.partners, data: Data(contentsOf: directory.appendingPathComponent("partners.csv")),
                                             fileName: "partners.csv", programme: programme).get()
        try CSVFixtures.apply(partners, seq: 1, to: &programme)
        let data = try Data(contentsOf: directory.appendingPathComponent("registrations.csv"))

        let clock = ContinuousClock()
        var rows = 0
        let readTime = try clock.measure {
            try CSVReader.reading(data) { reader in while try reader.next() != nil { rows += 1 } }
        }
        var batch: ImportBatch?
        let parseTime = clock.measure {
            batch = try? CSVImporter.parse(.registrations, data: data, fileName: "registrations.csv", programme: programme).get()
        }
        let exportTime = clock.measure { _ = Exporter.export(.partners, from: programme, format: .csv) }
        print("CSV bench: \(data.count / 1_000_000) MB, \(rows - 1) rows; reader alone \(readTime), CSVImporter.parse \(parseTime); partners export \(exportTime)")
        #expect(batch?.count == rows - 1)
    }
}
