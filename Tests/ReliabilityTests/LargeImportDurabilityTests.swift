import ChannelModel
import ChannelStore
import Foundation
import Glibc
import Testing

/// An import batch of `snapshotBatchRows` rows or more is made durable by the snapshot alone, not by a
/// journal record: acknowledged only once the new snapshot is in place, lost whole by any failure
/// before that, and a store that could not write it refuses everything after.
@Suite struct LargeImportDurabilityTests {
    typealias Fixture = FaultInjectionTests.Fixture

    /// Five new registrations: a "large" batch once the store's threshold is set to five.
    static func largeImport(_ fixture: Fixture) -> ProgrammeAction {
        let rows = fixture.base.registrations.prefix(5).enumerated().map { index, registration in
            var copy = registration
            copy.id = "R-BULK-\(index)"
            return copy
        }
        return .importBatch(.registrations(RegistrationTable(rows)), source: "bulk.csv")
    }

    @Test func aLargeImportIsWrittenAsASnapshotNotJournaled() throws {
        let fixture = try Fixture()
        let store = try ProgrammeStore(opening: fixture.location)
        store.snapshotBatchRows = 5
        let generation = store.generation
        try store.perform(fixture.approve(0), actor: "t")
        try store.perform(Self.largeImport(fixture), actor: "t")
        #expect(store.generation == generation + 1)
        #expect(try JournalReader.read(url: fixture.location.journalURL).payloads.isEmpty)
        try store.perform(fixture.approve(1), actor: "t")
        #expect(try JournalReader.read(url: fixture.location.journalURL).payloads.count == 1)
        store.close()
        try fixture.expectOnDisk(exactly: [fixture.approve(0), Self.largeImport(fixture), fixture.approve(1)], "large import")
    }

    /// The checkpoint's faults, met while writing a large import: the error names the cause and says
    /// the change may not be saved; the file holds the import only if the rename happened.
    @Test(arguments: FaultInjectionTests.checkpointCases)
    func faultWritingALargeImport(_ fault: FaultInjectionTests.Case) throws {
        let fixture = try Fixture()
        let io = FaultInjectingFileIO()
        let store = try ProgrammeStore(opening: fixture.location, io: io)
        store.snapshotBatchRows = 5
        try store.perform(fixture.approve(0), actor: "t")
        for injection in fault.injections { io.inject(injection.fault, on: injection.operation, at: injection.occurrence) }
        let error = #expect(throws: (any Error).self) { try store.perform(Self.largeImport(fixture), actor: "t") }
        #expect(String(describing: error!).contains(fault.message), "\(error!)")
        #expect(String(describing: error!).contains("may not have been saved"), "\(error!)")
        // Memory holds a change the file may not: nothing more is accepted until the file is reopened.
        #expect(throws: (any Error).self) { try store.perform(fixture.approve(1), actor: "t") }
        #expect(fixture.temporaries.isEmpty, "left behind: \(fixture.temporaries)")
        store.close()
        try fixture.expectOnDisk(exactly: [fixture.approve(0)] + (fault.renamed ? [Self.largeImport(fixture)] : []), fault.name)
    }
}
