import ChannelModel
import ChannelStore
import Foundation
import Glibc
import Testing

/// ENOSPC, EIO, short writes and fsync failures injected at the Nth file-system call of a journal
/// append, a checkpoint and the creation of a programme: each must surface as a clear error, leave a
/// file that loads with exactly the acknowledged actions, and an fsync failure must stop the store.
@Suite struct FaultInjectionTests {
    typealias Injection = (fault: FaultInjectingFileIO.Fault, operation: FaultInjectingFileIO.Operation, occurrence: Int)

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var injections: [Injection]
        /// Words the error must contain: the system's own name for the problem.
        var message: String
        /// Whether the rename of the new snapshot happened before the failure.
        var renamed = false
        /// An fsync of the journal failed: the store must refuse everything after.
        var journalUnusable = false
        var testDescription: String { name }
    }

    /// A small programme on disk, and the queued registrations the tests decide on.
    struct Fixture {
        let scratch: Scratch
        let location: ProgrammeLocation
        let base: Programme
        let queued: [String]

        init() throws {
            scratch = try Scratch("faults")
            location = ProgrammeLocation(url: scratch.file("programme.cdesk"))
            let programme = DemoGenerator.programme(policy: try Policy.bundledDefault(), partners: 10, registrations: 2000,
                                                    seed: 5, asOf: .today)
            let pending = programme.registrations.filter { $0.status.isQueued }.map(\.id)
            try #require(pending.count >= 6, "the demo queue is too short for these tests")
            try ProgrammeStore.write(programme, to: location)
            base = try ProgrammeLoader.load(location).programme
            queued = pending
        }

        func approve(_ index: Int) -> ProgrammeAction { .approve(registrationID: queued[index]) }

        /// The file holds exactly `actions`, in order, and `channeldesk check` calls it intact.
        func expectOnDisk(exactly actions: [ProgrammeAction], _ context: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let loaded = try ProgrammeLoader.load(location)
            #expect(loaded.lastSeq == Int64(actions.count), "\(context): last seq", sourceLocation: sourceLocation)
            #expect(loaded.programme.audit.map(\.seq) == (0..<actions.count).map { Int64($0 + 1) }, "\(context): audit seqs",
                    sourceLocation: sourceLocation)
            #expect(loaded.programme.audit.map(\.action) == actions.map(\.name), "\(context): audit verbs", sourceLocation: sourceLocation)
            var model = base
            for (index, action) in actions.enumerated() {
                try Reducer.apply(JournalEntry(seq: Int64(index + 1), generation: 0, at: .now, actor: "t", action: action), to: &model)
            }
            let (found, want) = (loaded.programme.durableFacts, model.durableFacts)
            #expect(found == want, "\(context): \(found.differences(from: want))", sourceLocation: sourceLocation)
            let report = ProgrammeCheck.run(location)
            #expect(report.isHealthy, "\(context): \(report.lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }

        /// Temporary snapshot files left behind.
        var temporaries: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: scratch.url.path)) ?? []).filter { $0.contains(".tmp-") }
        }
    }

    private static func inject(_ injections: [Injection], into io: FaultInjectingFileIO) {
        for injection in injections { io.inject(injection.fault, on: injection.operation, at: injection.occurrence) }
    }

    // MARK: (a) a journal append

    static let appendCases: [Case] = [
        Case(name: "ENOSPC on the journal write", injections: [(.error(ENOSPC), .write, 1)], message: "No space left on device"),
        Case(name: "EIO on the journal write", injections: [(.error(EIO), .write, 1)], message: "Input/output error"),
        Case(name: "short journal write, then ENOSPC", injections: [(.shortWrite(11), .write, 1), (.error(ENOSPC), .write, 2)],
             message: "No space left on device"),
        Case(name: "EIO on the journal fsync", injections: [(.error(EIO), .fsync, 1)],
             message: "changes can no longer be saved safely", journalUnusable: true),
        Case(name: "ENOSPC on the journal fsync", injections: [(.error(ENOSPC), .fsync, 1)],
             message: "No space left on device", journalUnusable: true),
    ]

    @Test(arguments: appendCases)
    func faultDuringAnAppend(_ fault: Case) throws {
        let fixture = try Fixture()
        let io = FaultInjectingFileIO()
        let store = try ProgrammeStore(opening: fixture.location, io: io)
        var acknowledged = [fixture.approve(0), .changeTier(partnerID: fixture.base.partners[0].id,
                                                            to: fixture.base.policy.tiers.first { $0.name != fixture.base.partners[0].tier }!.name)]
        for action in acknowledged { try store.perform(action, actor: "t") }

        Self.inject(fault.injections, into: io)
        let failing = ProgrammeAction.reject(registrationID: fixture.queued[1], reason: "the disk is failing")
        let error = #expect(throws: (any Error).self) { try store.perform(failing, actor: "t") }
        #expect(String(describing: error!).contains(fault.message), "\(error!)")
        #expect(String(describing: error!).contains(fixture.location.journalURL.path), "the error names the journal: \(error!)")
        // Memory did not run ahead of the disk.
        #expect(store.lastSeq == 2)
        #expect(store.programme.registration(fixture.queued[1])?.status.isQueued == true)

        if fault.journalUnusable {
            // Never retry fsync: the kernel may have dropped the pages, a second fsync would lie.
            let fsyncs = io.count(of: .fsync), writes = io.count(of: .write)
            let refused = #expect(throws: (any Error).self) { try store.perform(fixture.approve(2), actor: "t") }
            #expect(String(describing: refused!).contains("changes can no longer be saved safely"))
            #expect(throws: (any Error).self) { try store.checkpoint() }
            #expect(io.count(of: .fsync) == fsyncs && io.count(of: .write) == writes, "the store touched the journal again")
            store.close()
            // The record reached the page cache before fsync failed, so the file may hold it: the user
            // was told "the last change may not have been saved". Nothing else may be there.
            let loaded = try ProgrammeLoader.load(fixture.location)
            try fixture.expectOnDisk(exactly: loaded.lastSeq == 3 ? acknowledged + [failing] : acknowledged, fault.name)
        } else {
            // The half-written record was cut back; the store goes on with no gap in the seqs.
            try store.perform(fixture.approve(2), actor: "t")
            acknowledged.append(fixture.approve(2))
            #expect(store.lastSeq == 3)
            try fixture.expectOnDisk(exactly: acknowledged, "\(fault.name), store still open")
            store.close()
            try fixture.expectOnDisk(exactly: acknowledged, fault.name)
        }
    }

    @Test func aShortWriteAloneIsCompleted() throws {
        let fixture = try Fixture()
        let io = FaultInjectingFileIO()
        let store = try ProgrammeStore(opening: fixture.location, io: io)
        io.inject(.shortWrite(9), on: .write)
        try store.perform(fixture.approve(0), actor: "t")
        #expect(io.count(of: .write) == 2)
        store.close()
        try fixture.expectOnDisk(exactly: [fixture.approve(0)], "short write")
    }

    // MARK: (b) a checkpoint

    static let checkpointCases: [Case] = [
        Case(name: "ENOSPC creating the snapshot temporary", injections: [(.error(ENOSPC), .open, 1)], message: "No space left on device"),
        Case(name: "ENOSPC writing the snapshot", injections: [(.error(ENOSPC), .write, 1)], message: "No space left on device"),
        Case(name: "short snapshot write, then EIO", injections: [(.shortWrite(100), .write, 1), (.error(EIO), .write, 2)],
             message: "Input/output error"),
        Case(name: "EIO on the snapshot fsync", injections: [(.error(EIO), .fsync, 1)], message: "could not fsync"),
        Case(name: "EIO closing the snapshot", injections: [(.error(EIO), .close, 1)], message: "could not close"),
        Case(name: "EIO on the rename", injections: [(.error(EIO), .rename, 1)], message: "could not rename"),
        Case(name: "EIO on the directory fsync (after the rename)", injections: [(.error(EIO), .fsync, 2)],
             message: "Input/output error", renamed: true),
        Case(name: "EIO truncating the journal", injections: [(.error(EIO), .ftruncate, 1)],
             message: "Input/output error", renamed: true),
        Case(name: "EIO on the journal fsync after truncating", injections: [(.error(EIO), .fsync, 3)],
             message: "changes can no longer be saved safely", renamed: true, journalUnusable: true),
    ]

    @Test(arguments: checkpointCases)
    func faultDuringACheckpoint(_ fault: Case) throws {
        let fixture = try Fixture()
        let io = FaultInjectingFileIO()
        let store = try ProgrammeStore(opening: fixture.location, io: io)
        var acknowledged = [fixture.approve(0), fixture.approve(1)]
        for action in acknowledged { try store.perform(action, actor: "t") }
        let generation = store.generation

        Self.inject(fault.injections, into: io)
        let error = #expect(throws: (any Error).self) { try store.checkpoint() }
        #expect(String(describing: error!).contains(fault.message), "\(error!)")
        #expect(fixture.temporaries.isEmpty, "left behind: \(fixture.temporaries)")
        let loaded = try ProgrammeLoader.load(fixture.location)
        #expect(loaded.generation == generation + (fault.renamed ? 1 : 0))
        // The store must know which snapshot is on disk, or its next checkpoint reuses a generation.
        #expect(store.generation == loaded.generation, "store generation \(store.generation), on disk \(loaded.generation)")
        try fixture.expectOnDisk(exactly: acknowledged, "\(fault.name), store still open")

        if fault.journalUnusable {
            let fsyncs = io.count(of: .fsync)
            #expect(throws: (any Error).self) { try store.perform(fixture.approve(2), actor: "t") }
            #expect(io.count(of: .fsync) == fsyncs, "fsync was retried")
        } else {
            // The journal still holds everything, so the store can go on and checkpoint later.
            try store.perform(fixture.approve(2), actor: "t")
            acknowledged.append(fixture.approve(2))
            try store.checkpoint()
            #expect(try ProgrammeLoader.load(fixture.location).generation == store.generation)
            #expect(try JournalReader.read(url: fixture.location.journalURL).payloads.isEmpty)
        }
        store.close()
        try fixture.expectOnDisk(exactly: acknowledged, fault.name)
    }

    /// A checkpoint that `perform` starts by itself (the journal passed its threshold) and that fails
    /// must not turn an action already durable in the journal into a reported failure.
    @Test func aFailedAutomaticCheckpointDoesNotFailTheDurableAction() throws {
        let fixture = try Fixture()
        let io = FaultInjectingFileIO()
        let store = try ProgrammeStore(opening: fixture.location, io: io)
        store.checkpointThreshold = 1
        io.inject(.error(EIO), on: .fsync, at: 2)  // 1: the journal append; 2: the new snapshot
        let outcome = try store.perform(fixture.approve(0), actor: "t")
        #expect(outcome.message.contains("Input/output error"), "the outcome should mention the failed checkpoint: \(outcome.message)")
        #expect(store.lastSeq == 1)
        try store.perform(fixture.approve(1), actor: "t")  // this one's checkpoint succeeds
        #expect(try JournalReader.read(url: fixture.location.journalURL).payloads.isEmpty)
        store.close()
        try fixture.expectOnDisk(exactly: [fixture.approve(0), fixture.approve(1)], "automatic checkpoint")
    }

    // MARK: (c) creating a programme

    static let createCases: [Case] = [
        Case(name: "ENOSPC creating the file", injections: [(.error(ENOSPC), .open, 1)], message: "No space left on device"),
        Case(name: "ENOSPC writing the file", injections: [(.error(ENOSPC), .write, 1)], message: "No space left on device"),
        Case(name: "short write, then ENOSPC", injections: [(.shortWrite(20), .write, 1), (.error(ENOSPC), .write, 2)],
             message: "No space left on device"),
        Case(name: "EIO on the file's fsync", injections: [(.error(EIO), .fsync, 1)], message: "could not fsync"),
        Case(name: "EIO on the rename", injections: [(.error(EIO), .rename, 1)], message: "could not rename"),
        Case(name: "EIO on the directory fsync", injections: [(.error(EIO), .fsync, 2)], message: "Input/output error", renamed: true),
        Case(name: "ENOSPC creating the journal", injections: [(.error(ENOSPC), .open, 3)], message: "No space left on device", renamed: true),
    ]

    @Test(arguments: createCases)
    func faultCreatingAProgramme(_ fault: Case) throws {
        let scratch = try Scratch("create")
        let location = ProgrammeLocation(url: scratch.file("programme.cdesk"))
        let io = FaultInjectingFileIO()
        Self.inject(fault.injections, into: io)
        let error = #expect(throws: (any Error).self) { _ = try ProgrammeStore(opening: location, create: true, io: io) }
        #expect(String(describing: error!).contains(fault.message), "\(error!)")
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(!left.contains { $0.contains(".tmp-") }, "left behind: \(left)")
        #expect(location.exists == fault.renamed)
        if location.exists {
            let loaded = try ProgrammeLoader.load(location)
            #expect(loaded.lastSeq == 0 && loaded.programme.registrations.isEmpty)
            #expect(ProgrammeCheck.run(location).isHealthy)
        }
        // The lock was released and nothing stands in the way of trying again.
        let store = try ProgrammeStore(opening: location, create: true)
        try store.perform(.setPolicy(try Policy.bundledDefault()), actor: "t")
        store.close()
        #expect(try ProgrammeLoader.load(location).lastSeq == 1)
    }
}
