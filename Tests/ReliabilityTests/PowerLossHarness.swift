import ChannelModel
import ChannelStore
import Foundation
import Glibc

/// One scripted session of the store over `PowerLossFileIO`, run whole (to count its file operations)
/// or cut at one of them, and the check of what survived the cut.
struct PowerLossHarness {
    let base: ProgrammeLoader.Loaded
    let baseFile: URL
    /// Where each run happens: emptied and refilled with the base programme every run.
    let directory: URL

    var location: ProgrammeLocation { ProgrammeLocation(url: directory.appendingPathComponent("programme.cdesk")) }

    /// What a run did before the power went (or the script ended).
    struct Run {
        var acknowledged: [ProgrammeAction] = []
        var inFlight: ProgrammeAction?
        /// The step the cut landed in: its kind (see `label(of:)`), or "open" before the first step.
        var cutDuring = "open"
        var operations = 0
        var poweredOff = false
        var error: (any Error)?
    }

    /// The tally of one step kind, as the test prints it.
    static func label(of step: CrashScript.Step, snapshotImports: Bool) -> String {
        switch step.kind {
        case .checkpoint: return "checkpoint"
        case .comment: return "comment"
        case .action(let action, _):
            let verb = step.line.split(separator: " ").first.map(String.init) ?? action.name
            if case .importBatch = action { return snapshotImports ? "import (snapshot-made)" : "import (journaled)" }
            return verb
        }
    }

    func run(_ script: CrashScript, cutAt: Int?, tear: Bool, seed: UInt64, snapshotImports: Bool) throws -> (Run, PowerLossFileIO) {
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: baseFile, to: location.url)
        let io = PowerLossFileIO(directory: directory, cutAt: cutAt, tearSeed: seed)
        io.tearLastWrite = tear
        var run = Run()
        do {
            let store = try ProgrammeStore(opening: location, io: io)
            // Batches of at least this many rows are made durable by a snapshot instead of the journal.
            store.snapshotBatchRows = snapshotImports ? 10 : 100_000
            defer { store.close() }
            for step in script.steps {
                run.cutDuring = Self.label(of: step, snapshotImports: snapshotImports)
                switch step.kind {
                case .action(let action, _):
                    run.inFlight = action
                    try store.perform(action, actor: "power.tester")
                    run.acknowledged.append(action)
                    run.inFlight = nil
                case .checkpoint: try store.checkpoint()
                case .comment: break
                }
            }
            run.cutDuring = "close"
        } catch {
            run.error = error
        }
        run.operations = io.operations
        run.poweredOff = io.poweredOff
        return (run, io)
    }

    /// After `restoreSurvivors`: the programme opens, holds every acknowledged action and at most the
    /// one in flight (whole), and `check` is clean. Answers the failure, or nil.
    func verify(_ run: Run) -> String? {
        do {
            let loaded = try ProgrammeLoader.load(location)
            let count = Int(loaded.lastSeq - base.lastSeq)
            let allowed = [run.acknowledged.count] + (run.inFlight == nil ? [] : [run.acknowledged.count + 1])
            guard allowed.contains(count) else {
                return "\(count) actions survived; acknowledged \(run.acknowledged.count) (cut during \(run.cutDuring))"
            }
            var model = base.programme
            for (offset, action) in (run.acknowledged + (run.inFlight.map { [$0] } ?? [])).prefix(count).enumerated() {
                try Reducer.apply(JournalEntry(seq: base.lastSeq + Int64(offset) + 1, generation: 0, at: .now, actor: "t", action: action),
                                  to: &model)
            }
            if loaded.programme.durableFacts != model.durableFacts {
                return "state differs (cut during \(run.cutDuring)): \(loaded.programme.durableFacts.differences(from: model.durableFacts))"
            }
            let report = ProgrammeCheck.run(location)
            if !report.isHealthy { return "check (cut during \(run.cutDuring)): \(report.lines.joined(separator: "; "))" }
            return nil
        } catch {
            return "refused after a power cut during \(run.cutDuring): \(error)"
        }
    }

    /// A folder on tmpfs when there is one: the simulation keeps durability in memory, so the real
    /// disk's speed only slows the loop down.
    static func scratchRoot() -> URL? {
        guard access("/dev/shm", W_OK) == 0 else { return nil }
        return URL(fileURLWithPath: "/dev/shm")
    }
}
