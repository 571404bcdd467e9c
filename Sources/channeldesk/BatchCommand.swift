import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

/// `channeldesk batch`: many changes through one open programme, one command per stdin line. Each
/// `ok` line is written only once its change is durable, so a script (or a crash test) can trust it.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Apply changes read from stdin, one per line, through one open programme.",
        discussion: """
        Opens the programme once (holding the writer's lock) and reads commands from stdin, one per line:

          approve ID…                 approve registrations (several ids: all or nothing)
          reject ID REASON…           reject a registration; the rest of the line is the reason
          request-info ID [QUESTION…] ask the partner for more information
          extend ID                   extend an approved registration's protection
          tier PARTNER-ID TIER        move a partner to a tier
          advance DEAL-ID…            move each deal's commission one step on (all or nothing)
          import KIND CSV-PATH        import a CSV file (KIND as for `channeldesk import`)
        \(MDFBatch.usage)
          checkpoint                  fold the journal into a new snapshot
          undo                        undo the last change this batch made (repeat to go further back)
          # comment                   blank lines and lines starting with # are ignored

        For each command one line goes to stdout, flushed:
          ok <seq> <message>          the change is durable (journaled and fsynced) — it survives a crash
          error <line>: <message>     nothing changed; the batch goes on with the next line
        <seq> is the change's audit sequence number (for checkpoint: the last one in the snapshot).
        The exit status is 1 when any line failed.
        """)

    @OptionGroup var file: FileOptions
    @OptionGroup var actor: ActorOptions

    func run() throws {
        let store = try file.openStore()
        defer { store.close() }
        var session = BatchSession(store: store, actor: actor.name)
        var lineNumber = 0
        var failed = false
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            do {
                let (seq, message) = try session.run(text)
                Console.print("ok \(seq) \(message)")
            } catch {
                failed = true
                Console.print("error \(lineNumber): \(String(describing: error).replacingOccurrences(of: "\n", with: " "))")
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// One batch's state: the open store and the inverses of the changes it made, for `undo`.
struct BatchSession {
    let store: ProgrammeStore
    let actor: String
    /// The changes made so far, newest last: their sequence numbers and the actions that undo them.
    private(set) var undoStack: [(seq: Int64, inverse: ProgrammeAction?)] = []

    init(store: ProgrammeStore, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// Runs one command line; answers the sequence number to report and the confirmation.
    mutating func run(_ line: String) throws -> (Int64, String) {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let verb = words[0].lowercased()
        let args = Array(words.dropFirst())
        func rest(from index: Int) -> String { args.dropFirst(index).joined(separator: " ") }
        func need(_ count: Int, _ usage: String) throws {
            guard args.count >= count else { throw CLIError("usage: \(usage)") }
        }
        func exactly(_ count: Int, _ usage: String) throws {
            guard args.count == count else { throw CLIError("usage: \(usage)") }
        }
        switch verb {
        case "approve":
            try need(1, "approve ID…")
            return try perform(decision(args.map { .approve(registrationID: $0) }))
        case "reject":
            try need(2, "reject ID REASON…")
            return try perform(.reject(registrationID: args[0], reason: rest(from: 1)))
        case "request-info":
            try need(1, "request-info ID [QUESTION…]")
            return try perform(.requestInfo(registrationID: args[0], question: rest(from: 1)))
        case "extend":
            try exactly(1, "extend ID")
            return try perform(.extend(registrationID: args[0]))
        case "tier":
            try exactly(2, "tier PARTNER-ID TIER")
            return try perform(.changeTier(partnerID: args[0], to: args[1]))
        case "advance":
            try need(1, "advance DEAL-ID…")
            return try perform(.advanceCommissions(dealIDs: args))
        case "import":
            try need(2, "import KIND CSV-PATH")
            guard let kind = RecordKind(rawValue: args[0].lowercased()) else {
                throw CLIError("\(args[0]) is not a kind of record; use one of \(RecordKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let path = rest(from: 1)
            let data = try CSVInput.read(path)
            let name = URL(fileURLWithPath: path).lastPathComponent
            switch CSVImporter.parse(kind, data: data, fileName: name, programme: store.programme) {
            case .failure(let failure):
                let first = failure.issues.first.map { ", first: \($0)" } ?? ""
                throw CLIError("\(name) has \(failure.issues.count) problem\(failure.issues.count == 1 ? "" : "s")\(first); nothing from it was imported")
            case .success(let batch):
                return try perform(.importBatch(batch, source: name))
            }
        case "mdf":
            return try perform(.mdf(MDFBatch.decision(args)))
        case "checkpoint":
            try exactly(0, "checkpoint")
            try store.checkpoint()
            return (store.lastSeq, "checkpoint: generation \(store.generation), journal empty")
        case "undo":
            try exactly(0, "undo")
            guard let last = undoStack.last else { throw CLIError("nothing to undo: this batch has made no change yet") }
            guard let inverse = last.inverse else { throw CLIError("#\(last.seq) cannot be undone") }
            let outcome = try store.perform(inverse, actor: actor)
            undoStack.removeLast()
            return (store.lastSeq, outcome.message)
        default:
            throw CLIError("unknown command \"\(words[0])\"; see `channeldesk batch --help`")
        }
    }

    /// One registration is one action; several are one all-or-nothing batch, as on the command line.
    private func decision(_ actions: [ProgrammeAction]) -> ProgrammeAction {
        actions.count == 1 ? actions[0] : .batch(actions)
    }

    private mutating func perform(_ action: ProgrammeAction) throws -> (Int64, String) {
        let outcome = try store.perform(action, actor: actor)
        undoStack.append((store.lastSeq, outcome.inverse))
        return (store.lastSeq, outcome.message)
    }
}
