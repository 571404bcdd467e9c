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
          info ID [QUESTION…]         ask the partner for more information (also: request-info)
          extend ID… [DAYS]           extend approved registrations' protection by the policy's window
          tier PARTNER-ID TIER        move a partner to a tier
          advance DEAL-ID…            move each deal's commission one step on (all or nothing)
          import KIND CSV-PATH        import a CSV file (KIND as for `channeldesk import`)
        \(MDFBatch.usage)
          checkpoint                  fold the journal into a new snapshot
          undo                        undo the last change this batch made (repeat to go further back)
          # comment                   blank lines and lines starting with # are ignored

        These are the commands of the console's : line, read by the same parser: verbs and ids in any
        case (approve r-12 is approve R-12), several ids separated by spaces or commas, and the
        console's short forms (a, r, i, e, u). The console's views (partner, period…) have no use here.

        For each command one line goes to stdout, flushed:
          ok <seq> <message>          the change is durable (journaled and fsynced) — it survives a crash
          error <line>: <message>     nothing changed; the batch goes on with the next line
        <seq> is the change's audit sequence number (for checkpoint: the last one in the snapshot).
        The exit status is 1 when any line failed.

        With --database the lines go to the team's shared log, each checked by the server against your
        role; <seq> is then the change's position in that log, and checkpoint is refused (the log lives
        on the server).
        """)

    @OptionGroup var file: FileOptions
    @OptionGroup var actor: ActorOptions

    func run() throws {
        let writer = try file.openWriter(actor: actor)
        defer { writer.close() }
        var session = BatchSession(writer: writer)
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

/// One batch's state: the open programme and the inverses of the changes it made, for `undo`.
struct BatchSession {
    let writer: ProgrammeWriter
    /// The changes made so far, newest last: their sequence numbers and the actions that undo them.
    private(set) var undoStack: [(seq: Int64, inverse: ProgrammeAction?)] = []

    init(writer: ProgrammeWriter) {
        self.writer = writer
    }

    /// Runs one command line; answers the sequence number to report and the confirmation. The line is
    /// read by `CommandGrammar`, the parser of the console's `:` line, so the two accept the same words.
    mutating func run(_ line: String) throws -> (Int64, String) {
        // MDF decisions have no console `:` form yet: they are read here, before the shared grammar.
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.first?.lowercased() == "mdf" { return try perform(.mdf(MDFBatch.decision(Array(words.dropFirst())))) }
        let parsed: TypedCommand?
        do {
            parsed = try CommandGrammar.parse(line, extensionDays: writer.programme.policy.extensionDays)
        } catch {
            if case .unknownCommand = error { throw CLIError("\(error); see `channeldesk batch --help`") }
            throw CLIError(error.description)
        }
        guard let command = parsed else { throw CLIError("nothing to do on this line") }
        switch command {
        case .action(let action):
            return try perform(action)
        case .importFile(let kind, let path):
            let data = try CSVInput.read(path)
            let name = URL(fileURLWithPath: path).lastPathComponent
            switch CSVImporter.parse(kind, data: data, fileName: name, programme: writer.programme) {
            case .failure(let failure):
                let first = failure.issues.first.map { ", first: \($0)" } ?? ""
                throw CLIError("\(name) has \(failure.issues.count) problem\(failure.issues.count == 1 ? "" : "s")\(first); nothing from it was imported")
            case .success(let batch):
                return try perform(.importBatch(batch, source: name))
            }
        case .checkpoint:
            guard case .local(let store, _) = writer else {
                throw CLIError("checkpoint folds a local file's journal into its snapshot; a shared programme's log lives on the server")
            }
            try store.checkpoint()
            return (store.lastSeq, "checkpoint: generation \(store.generation), journal empty")
        case .undo:
            guard let last = undoStack.last else { throw CLIError("nothing to undo: this batch has made no change yet") }
            guard let inverse = last.inverse else { throw CLIError("#\(last.seq) cannot be undone") }
            let (seq, outcome) = try writer.perform(inverse)
            undoStack.removeLast()
            return (seq, outcome.message)
        case .openPartner, .openRegistration, .concentration, .period, .help, .quit:
            throw CLIError("`\(command.verb)` works on the console's : line; a batch line makes a change (see `channeldesk batch --help`)")
        }
    }

    private mutating func perform(_ action: ProgrammeAction) throws -> (Int64, String) {
        let (seq, outcome) = try writer.perform(action)
        undoStack.append((seq, outcome.inverse))
        return (seq, outcome.message)
    }
}
