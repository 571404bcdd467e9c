import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

extension RecordKind: ExpressibleByArgument {}

/// `channeldesk import KIND CSV`: all-or-nothing import of one file (DESIGN.md §4).
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
        let store = try file.openStore(create: !dryRun || !file.location.exists ? true : false)
        defer { store.close() }
        let name = URL(fileURLWithPath: csv).lastPathComponent
        let progress = ProgressBar.forImport(of: data!)
        let result = CSVImporter.parse(kind, data: data!, fileName: name, programme: store.programme, progress: progress?.update)
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
            Console.print(try store.perform(.importBatch(batch, source: name), actor: actor.name).message)
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
