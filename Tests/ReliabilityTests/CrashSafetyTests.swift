import ChannelModel
import ChannelStore
import Foundation
import Glibc
import Testing

/// kill -9 at random moments of a scripted `channeldesk batch` run, then prove from the file alone that
/// every acknowledged change survived and nothing partial did (DESIGN.md §5).
///
/// Runs for 60 s or 300 kills, whichever comes first (30 s with CI=true); CHANNELDESK_CRASH_SECONDS=N
/// runs for N seconds with no cap on kills. CHANNELDESK_CRASH_SEED replays a run from its printed seed.
@Suite struct CrashSafetyTests {
    struct Base: Sendable {
        var file: URL
        var programme: Programme
        var seq: Int64
        var csv: URL
        /// The import file parsed once: the same rows the batch parses against the same partners.
        var batch: ImportBatch
    }

    /// Where the kill lands: after the k-th acknowledgement plus a delay, or a delay after the start.
    enum Plan: CustomStringConvertible, Sendable {
        case afterAcks(Int, micros: UInt32)
        case afterDelay(micros: UInt32)
        var description: String {
            switch self {
            case .afterAcks(let count, let micros): return "after \(count) acks + \(micros)µs"
            case .afterDelay(let micros): return "after \(micros)µs"
            }
        }
    }

    struct Totals {
        var iterations = 0, kills = 0, completed = 0, acknowledged = 0, verifiedActions = 0
        var inImport = 0, inCheckpoint = 0, tornTails = 0, afterRenameBeforeTruncate = 0, snapshotTemporaries = 0
        var failures: [String] = []

        mutating func add(_ other: Totals) {
            iterations += other.iterations; kills += other.kills; completed += other.completed
            acknowledged += other.acknowledged; verifiedActions += other.verifiedActions; inImport += other.inImport
            inCheckpoint += other.inCheckpoint; tornTails += other.tornTails
            afterRenameBeforeTruncate += other.afterRenameBeforeTruncate; snapshotTemporaries += other.snapshotTemporaries
            failures += other.failures
        }
    }

    /// The loop's shared bookkeeping: each worker claims the next seed until time, kills or patience run out.
    final class Loop: @unchecked Sendable {
        private let lock = NSLock()
        private var next: UInt64 = 0
        private(set) var totals = Totals()
        let runSeed: UInt64, deadline: Date, maxKills: Int

        init(runSeed: UInt64, deadline: Date, maxKills: Int) {
            self.runSeed = runSeed; self.deadline = deadline; self.maxKills = maxKills
        }

        func claim() -> UInt64? {
            lock.withLock {
                guard Date() < deadline, totals.kills < maxKills, totals.failures.count < 3 else { return nil }
                defer { next += 1 }
                return runSeed &+ next
            }
        }

        func add(_ result: Totals) { lock.withLock { totals.add(result) } }
    }

    @Test func killNineNeverLosesAnAcknowledgedChange() throws {
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessInfo.processInfo.environment
        let explicitSeconds = environment["CHANNELDESK_CRASH_SECONDS"].flatMap(Double.init)
        let seconds = explicitSeconds ?? (environment["CI"] == "true" ? 30 : 60)
        let maxKills = explicitSeconds == nil ? 300 : Int.max
        let runSeed = environment["CHANNELDESK_CRASH_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64(UInt32.max))
        print("crash loop: run seed \(runSeed) (CHANNELDESK_CRASH_SEED=\(runSeed) replays it), up to \(Int(seconds)) s")

        let scratch = try Scratch("crash")
        var bases: [Base] = []
        for seed in 1...3 {
            let file = scratch.file("base-\(seed).cdesk")
            let made = try Binary.run(["demo", "--no-open", "--partners", "50", "--registrations", "3000", "--seed", "\(seed)",
                                       "--file", file.path], in: scratch.url)
            try #require(made.status == 0, "demo: \(made.stderr)")
            let loaded = try ProgrammeLoader.load(ProgrammeLocation(url: file))
            var rng = DemoRandom(seed: UInt64(seed))
            let csv = scratch.file("new-registrations-\(seed).csv")
            let text = CrashScript.importCSV(rows: 2500, partners: loaded.programme.partners, rng: &rng)
            try Data(text.utf8).write(to: csv)
            guard case .success(let batch) = CSVImporter.parse(.registrations, data: Data(text.utf8), fileName: csv.lastPathComponent,
                                                                programme: loaded.programme) else {
                Issue.record("the generated import file does not parse")
                return
            }
            bases.append(Base(file: file, programme: loaded.programme, seq: loaded.lastSeq, csv: csv, batch: batch))
        }

        let started = Date()
        let loop = Loop(runSeed: runSeed, deadline: started.addingTimeInterval(seconds), maxKills: maxKills)
        let scratchURL = scratch.url
        let workingBases = bases
        // Two batches at a time: one mostly waits on fsync while the other verifies.
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while let seed = loop.claim() {
                var result = Totals()
                do {
                    try Self.iterate(seed: seed, base: workingBases[Int(seed % UInt64(workingBases.count))], scratch: scratchURL, totals: &result)
                } catch {
                    result.failures.append("seed \(seed): \(error)")
                }
                result.iterations = 1
                loop.add(result)
            }
        }
        let totals = loop.totals
        for failure in totals.failures { Issue.record(Comment(rawValue: failure)) }
        print("""
        crash loop: \(totals.kills) kill -9s survived (\(totals.completed) runs finished first) in \(totals.iterations) iterations, \
        \(String(format: "%.0f", Date().timeIntervalSince(started))) s; \(totals.acknowledged) acknowledged lines and \
        \(totals.verifiedActions) acknowledged actions verified; kills in flight during an import: \(totals.inImport), \
        during a checkpoint: \(totals.inCheckpoint) (\(totals.afterRenameBeforeTruncate) between snapshot rename and journal \
        truncate, \(totals.snapshotTemporaries) leaving a snapshot temporary); torn journal tails dropped: \(totals.tornTails)
        """)
        #expect(totals.failures.isEmpty, "run seed \(runSeed) (CHANNELDESK_CRASH_SEED=\(runSeed) replays it)")
        #expect(totals.kills > 0, "the harness never killed a batch")
        #expect(totals.verifiedActions > 0)
    }

    private static func iterate(seed: UInt64, base: Base, scratch: URL, totals: inout Totals) throws {
        var rng = DemoRandom(seed: seed)
        let directory = scratch.appendingPathComponent("iteration-\(seed)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("programme.cdesk")
        try FileManager.default.copyItem(at: base.file, to: file)
        let location = ProgrammeLocation(url: file)

        let script = try CrashScript(base: base.programme, baseSeq: base.seq, importCSV: base.csv, importBatch: base.batch,
                                     length: Int.random(in: 20...100, using: &rng), rng: &rng)
        let expected = script.acknowledgedSteps
        let plan: Plan
        let roll = Int.random(in: 0..<100, using: &rng)
        let imports = expected.indices.filter { expected[$0].isImport }
        let checkpoints = expected.indices.filter { expected[$0].isCheckpoint }
        if roll < 25, let index = imports.randomElement(using: &rng) {
            plan = .afterAcks(index, micros: UInt32.random(in: 0..<120_000, using: &rng))
        } else if roll < 55, let index = checkpoints.randomElement(using: &rng) {
            plan = .afterAcks(index, micros: UInt32.random(in: 0..<40_000, using: &rng))
        } else if roll < 85 {
            plan = .afterAcks(Int.random(in: 0..<expected.count, using: &rng), micros: UInt32.random(in: 0..<3_000, using: &rng))
        } else {
            plan = .afterDelay(micros: UInt32.random(in: 0..<600_000, using: &rng))
        }

        // Run the batch and kill it as planned.
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["batch", "--file", file.path, "--actor", "crash.tester"]
        process.currentDirectoryURL = directory
        process.environment = Binary.environment(scratch: directory)
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        let stderrURL = directory.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        let begun = Date()
        try process.run()
        input.fileHandleForWriting.write(Data(script.text.utf8))
        try input.fileHandleForWriting.close()
        let reader = LineReader(output.fileHandleForReading)
        var lines: [String] = []
        let patience = Date().addingTimeInterval(30)
        switch plan {
        case .afterAcks(let count, let micros):
            while lines.count < count, let line = reader.nextLine(before: patience) { lines.append(line) }
            usleep(micros)
        case .afterDelay(let micros):
            let deadline = begun.addingTimeInterval(Double(micros) / 1e6)
            while let line = reader.nextLine(before: deadline) { lines.append(line) }
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        lines += reader.drain()
        let killed = process.terminationReason == .uncaughtSignal
        if killed { totals.kills += 1 } else { totals.completed += 1 }

        var failed = false
        func fail(_ message: String) {
            failed = true
            let stderr = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
            totals.failures.append("seed \(seed) (kill \(plan)): \(message)\(stderr.isEmpty ? "" : "\nbatch stderr: \(stderr)")")
        }

        // What the batch acknowledged, line by line against the script.
        var acknowledgedSeq = base.seq
        for (index, line) in lines.enumerated() {
            guard index < expected.count else { fail("more output lines than commands: \(line)"); break }
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, parts[0] == "ok", let seq = Int64(parts[1]) else { fail("line \(index + 1): \(line)"); break }
            switch expected[index].kind {
            case .action(_, let want), .checkpoint(lastSeq: let want):
                if seq != want { fail("`\(expected[index].line)` acknowledged as #\(seq), expected #\(want)") }
                acknowledgedSeq = max(acknowledgedSeq, want)
            case .comment: fail("a comment was acknowledged")
            }
        }
        totals.acknowledged += lines.count
        let inFlight = lines.count < expected.count ? expected[lines.count] : nil
        if killed, inFlight?.isImport == true { totals.inImport += 1 }
        if killed, inFlight?.isCheckpoint == true { totals.inCheckpoint += 1 }
        if !killed, lines.count != expected.count { fail("the batch exited (\(process.terminationStatus)) after \(lines.count) of \(expected.count) lines") }

        // `channeldesk check` must find the file intact…
        let check = try Binary.run(["check", "--file", file.path], in: directory)
        if check.status != 0 || !check.stdout.contains("OK: the programme is intact.") {
            fail("check failed (\(check.status)): \(check.stdout) \(check.stderr)")
        }
        // …and the file must hold exactly the acknowledged actions, plus at most the one in flight.
        let loaded = try ProgrammeLoader.load(location)
        let journal = try JournalReader.read(url: location.journalURL)
        if !loaded.warnings.isEmpty { totals.tornTails += 1 }
        if !journal.payloads.isEmpty && loaded.replayed == 0 { totals.afterRenameBeforeTruncate += 1 }
        if try FileManager.default.contentsOfDirectory(atPath: directory.path).contains(where: { $0.hasPrefix(".programme.cdesk.tmp-") }) {
            totals.snapshotTemporaries += 1
        }
        var allowed = [acknowledgedSeq]
        if case .action(_, let seq)? = inFlight?.kind { allowed.append(seq) }
        if !allowed.contains(loaded.lastSeq) {
            fail("the file ends at #\(loaded.lastSeq); acknowledged up to #\(acknowledgedSeq), allowed \(allowed)")
        }
        let count = Int(max(0, loaded.lastSeq - base.seq))
        let actions = script.actions
        guard count <= actions.count else { return fail("the file holds \(count) actions; the script has \(actions.count)") }

        // The audit trail: the base's entries, then one per action, contiguous, each the scripted verb.
        let newAudit = loaded.programme.audit.dropFirst(base.programme.audit.count)
        if loaded.programme.audit.prefix(base.programme.audit.count) != base.programme.audit.prefix(base.programme.audit.count) {
            fail("the base's audit entries changed")
        }
        if newAudit.map(\.seq) != (0..<count).map({ base.seq + 1 + Int64($0) }) {
            fail("audit seqs are not contiguous: \(newAudit.map(\.seq).prefix(20))…")
        }
        for (entry, action) in zip(newAudit, actions) where entry.action != action.name {
            fail("audit #\(entry.seq) is \(entry.action), the script's action was \(action.name)")
        }

        // Nothing partial: the state is exactly the model after the same prefix of the script.
        var model = base.programme
        for (offset, action) in actions.prefix(count).enumerated() {
            try Reducer.apply(JournalEntry(seq: base.seq + Int64(offset) + 1, generation: 0, at: .now, actor: "crash.tester", action: action),
                              to: &model)
        }
        let (found, want) = (loaded.programme.durableFacts, model.durableFacts)
        if found != want { fail("the state differs from the script's first \(count) actions: \(found.differences(from: want))") }
        if !failed { totals.verifiedActions += Int(acknowledgedSeq - base.seq) }

        // A writer can take the file over again (the dead holder's lock is gone; a torn tail is cut off).
        guard !loaded.warnings.isEmpty || seed % 8 == 0 else { return }
        let store = try ProgrammeStore(opening: location)
        if store.lastSeq != loaded.lastSeq { fail("reopened at #\(store.lastSeq), loaded #\(loaded.lastSeq)") }
        store.close()
    }
}
