import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation
import Glibc
import Testing
import TerminalUI

/// A full disk under the console log is a status message, never a trap (corelibs `FileHandle.write`
/// traps on error, which is why the log writes through `FileIO`).
@Suite struct ConsoleLogTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("channeldesk-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private var path: String { directory.appendingPathComponent("console.log").path }

    @Test func aFullDiskIsReportedOnceAndTheLogCarriesOn() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let io = FaultInjectingFileIO()
        let log = try #require(ConsoleLog(path: path, io: io))
        io.inject(.error(ENOSPC), on: .write, at: 1)
        io.inject(.error(ENOSPC), on: .write, at: 2)
        let problem = log.write("first")
        #expect(problem?.contains("No space left on device") == true)
        #expect(log.write("second") == nil, "reported once, not on every line")
        #expect(log.write("third") == nil)
        io.inject(.error(ENOSPC), on: .write)
        #expect(log.write("fourth") != nil, "a new failure after a success is reported again")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix(" third\n") && !text.contains("first"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func theConsoleShowsTheLogProblemAndKeepsTheDecision() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = ProgrammeLocation(url: directory.appendingPathComponent("programme.cdesk"))
        try ProgrammeStore.write(ConsoleFixture.programme, to: location)
        let store = try ProgrammeStore(opening: location)
        defer { store.close() }
        let io = FaultInjectingFileIO()
        let log = try #require(ConsoleLog(path: path, io: io))
        io.inject(.error(ENOSPC), on: .write)
        let runtime = ConsoleRuntime(store: store, actor: "log.tester", asOf: ConsoleFixture.asOf, width: 120, height: 40, log: log)
        let before = store.lastSeq
        runtime.handle(.key(.char("a")))
        #expect(store.lastSeq == before + 1, "the approve went through: \(String(describing: runtime.state.status))")
        #expect(runtime.state.status?.kind == .error)
        #expect(runtime.state.status?.text.contains("the console log cannot be written") == true)
        _ = runtime.frame()
    }

    @Test func aFullDiskUnderTheJournalIsAStatusAndTheConsoleCarriesOn() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = ProgrammeLocation(url: directory.appendingPathComponent("programme.cdesk"))
        try ProgrammeStore.write(ConsoleFixture.programme, to: location)
        let io = FaultInjectingFileIO()
        let store = try ProgrammeStore(opening: location, io: io)
        defer { store.close() }
        let runtime = ConsoleRuntime(store: store, actor: "disk.tester", asOf: ConsoleFixture.asOf, width: 120, height: 40)
        let before = store.lastSeq
        io.inject(.error(ENOSPC), on: .write)
        runtime.handle(.key(.char("a")))
        #expect(store.lastSeq == before, "nothing was acknowledged")
        #expect(runtime.state.status?.kind == .error)
        #expect(runtime.state.status?.text.contains("No space left on device") == true, "\(String(describing: runtime.state.status))")
        _ = runtime.frame()
        // Space again: the same key now approves, and the file holds exactly that one decision.
        runtime.handle(.key(.char("a")))
        #expect(store.lastSeq == before + 1, "\(String(describing: runtime.state.status))")
        #expect(try ProgrammeLoader.load(location).lastSeq == before + 1)
    }
}
