import ChannelModel
import ChannelStore
import Foundation
import Testing

/// Readers (`metrics`, `export`, the loader) run beside a writer without a lock and always see a
/// consistent programme: every state they read is one the writer passed through, even while
/// checkpoints replace the snapshot under them.
@Suite struct ConcurrentReaderTests {
    @Test func readersBesideAWriterAlwaysSeeAConsistentProgramme() throws {
        let scratch = try Scratch("readers")
        let file = scratch.file("p.cdesk")
        let demo = try Binary.run(["demo", "--no-open", "--partners", "100", "--registrations", "20000", "--seed", "11",
                                   "--file", file.path], in: scratch.url)
        try #require(demo.status == 0, "\(demo.stderr)")
        let location = ProgrammeLocation(url: file)
        let initial = try ProgrammeLoader.load(location).programme
        let queued = initial.registrations.filter { $0.status == .pending }.map(\.id)
        try #require(queued.count >= 100)

        // The writer: one decision per line, and a checkpoint every 10, so snapshots are replaced under the readers.
        var script: [String] = []
        for (index, id) in queued.enumerated() {
            script.append(index % 2 == 0 ? "approve \(id)" : "reject \(id) not a fit")
            if index % 10 == 9 { script.append("checkpoint") }
        }
        let writer = Process()
        writer.executableURL = Binary.url
        writer.arguments = ["batch", "--file", file.path, "--actor", "writer"]
        writer.environment = Binary.environment(scratch: scratch.url)
        let input = Pipe(), output = Pipe()
        writer.standardInput = input
        writer.standardOutput = output
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        let lines = script
        // The writer is paced by the readers, not by the clock: under a loaded CI machine a timed writer
        // finishes before the readers have looked. Every ten lines wait (boundedly) for another read.
        let progress = ReadCounter()
        let feeder = Thread {
            for (index, line) in lines.enumerated() {
                if index % 10 == 0 { progress.wait(atLeast: index / 10, timeout: 5) }
                input.fileHandleForWriting.write(Data((line + "\n").utf8))
            }
            try? input.fileHandleForWriting.close()
        }
        feeder.start()

        // The readers: in-process loads and the metrics command, until the writer is done.
        var reads = 0, commandReads = 0
        let decided = Set(queued)
        while writer.isRunning || reads == 0 {
            let loaded = try ProgrammeLoader.load(location)
            let programme = loaded.programme
            // Each decision is one audit line: the two must agree in every state a reader sees.
            let decisions = programme.registrations.filter { decided.contains($0.id) && !$0.status.isQueued }.count
            #expect(decisions == programme.audit.count, "read \(reads): \(decisions) decided but \(programme.audit.count) audited")
            #expect(programme.audit.map(\.seq) == (0..<programme.audit.count).map { Int64($0 + 1) }, "read \(reads): audit seqs have a gap")
            reads += 1
            progress.increment()
            if reads % 10 == 0 {
                let metrics = try Binary.run(["metrics", "--format", "json", "--file", file.path], in: scratch.url)
                #expect(metrics.status == 0, "metrics beside the writer failed: \(metrics.stderr)")
                commandReads += 1
            }
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        let final = try ProgrammeLoader.load(location).programme
        #expect(final.audit.count == queued.count)
        #expect(reads > 5, "the readers should have overlapped the writer (\(reads) reads)")
        print("readers: \(reads) loads and \(commandReads) metrics runs beside \(queued.count) decisions")
    }
}

/// How many reads the readers have made, for pacing the writer against them.
final class ReadCounter: @unchecked Sendable {
    private let condition = NSCondition()
    private var count = 0

    func increment() {
        condition.lock()
        count += 1
        condition.broadcast()
        condition.unlock()
    }

    func wait(atLeast target: Int, timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        while count < target && condition.wait(until: deadline) {}
        condition.unlock()
    }
}
