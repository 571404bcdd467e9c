import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

extension RecordKind: ExpressibleByArgument {}

/// `channeldesk import KIND CSV`: all-or-nothing import of one file (DESIGN.md §4). On a shared
/// programme the rows travel to the server as one compact attachment, for admins only.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a CSV file; a file with any bad row stores nothing.",
        discussion: "KIND: \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")). The first import creates the programme file.")

    @OptionGroup var file: FileOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "What the file holds.") var kind: RecordKind
    @Argument(help: "The CSV file.") var csv: String
    @Flag(help: "Validate only; store nothing.") var dryRun = false

    func run() throws {
        // Optional so that the file's bytes (150 MB for a million rows) are let go once parsed, before
        // the batch is journaled, applied and checkpointed.
        var data: Data? = try CSVInput.read(csv)
        // A dry run on a shared programme changes nothing, so it validates against the local copy
        // (as a report reads it) and needs neither the server's write path nor a role above viewer.
        let shared = try file.sharedDatabase()
        if let shared { try actor.refuseShared(shared) }
        let writer = dryRun && shared != nil ? nil : try file.openWriter(actor: actor, create: !dryRun || !file.location.exists)
        defer { writer?.close() }
        try writer?.checkMayImport()
        let programme = try writer?.programme ?? file.read()
        let name = URL(fileURLWithPath: csv).lastPathComponent
        let progress = ProgressBar.forImport(of: data!)
        let result = CSVImporter.parse(kind, data: data!, fileName: name, programme: programme, progress: progress?.update)
        progress?.finish()
        data = nil
        switch result {
        case .failure(let failure):
            for issue in failure.issues { FileHandle.standardError.write(Data("\(issue)\n".utf8)) }
            throw CLIError("\(name) has \(failure.issues.count == 1 ? "an error" : "errors"); nothing from it was imported")
        case .success(let batch):
            if dryRun {
                Console.print("\(name): \(batch.count) \(kind.rawValue) rows are valid (dry run: nothing stored)")
                return
            }
            guard let writer else { return }
            Console.print(try writer.perform(.importBatch(batch, source: name)).outcome.message)
        }
    }
}

/// Reading a file named on the command line, with errors that say what is wrong with the path.
enum CSVInput {
    static func read(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(path): no such file")
        }
        if isDirectory.boolValue { throw CLIError("\(path) is a directory, not a CSV file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path) cannot be read (permissions?)") }
        return data
    }
}

/// A progress bar on stderr for long imports, shown only when stderr is a terminal.
final class ProgressBar {
    private let total: Int
    private var lastDrawn = -1

    /// A bar for importing `data` when it looks like more than ~50k rows and stderr is a terminal.
    static func forImport(of data: Data) -> ProgressBar? {
        guard Console.stderrIsTerminal else { return nil }
        let lines = data.reduce(into: 0) { count, byte in if byte == 10 { count += 1 } }
        return lines > 50_000 ? ProgressBar(total: lines) : nil
    }

    init(total: Int) { self.total = max(1, total) }

    func update(_ done: Int) {
        let percent = min(100, done * 100 / total)
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 30 - filled)
        FileHandle.standardError.write(Data("\r  validating \(bar) \(percent)%  \(done) rows".utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
