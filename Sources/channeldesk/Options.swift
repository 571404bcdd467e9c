import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

/// `--file`, shared by every command.
struct FileOptions: ParsableArguments {
    @Option(name: .long, help: "The programme file (default: $CHANNELDESK_FILE, the config's programme, or ~/.local/share/channeldesk/programme.cdesk).")
    var file: String?

    @Option(help: "A team's shared programme: postgresql://USER@HOST/DB (default: $CHANNELDESK_DATABASE).")
    var database: String?

    var location: ProgrammeLocation { ProgrammeLocation.resolve(explicit: file, configured: Configuration.current.programme) }

    /// Reads the programme without taking the writer's lock: reports run beside an open console.
    func read() throws -> Programme {
        if let shared = try sharedDatabase() { return try readShared(shared) }
        let loaded = try ProgrammeLoader.load(location)
        for warning in loaded.warnings { Console.warn(warning) }
        return loaded.programme
    }

    /// Opens the programme for writing; a second writer is refused with the holder named.
    func openStore(create: Bool = false) throws -> ProgrammeStore {
        try refuseShared()
        let store = try ProgrammeStore(opening: location, create: create)
        for warning in store.warnings { Console.warn(warning) }
        return store
    }
}

/// `--actor`: who is recorded in the audit trail for a change.
struct ActorOptions: ParsableArguments {
    @Option(help: "Who to record in the audit trail (default: the config's actor, else $USER).")
    var actor: String?

    var name: String {
        if let actor, !actor.isEmpty { return actor }
        if let configured = Configuration.current.actor { return configured }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LOGNAME"] ?? "unknown"
    }
}

/// Table for people, JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// `--as-of DATE`, default today.
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Evaluate as of this date (YYYY-MM-DD; default today).",
            transform: Day.argument)
    var asOf: Day?

    var day: Day { asOf ?? .today }
}

extension Day {
    /// Parses a command-line date with an error that says what was expected.
    static func argument(_ text: String) throws -> Day {
        guard let day = Day(parsing: text) else { throw ValidationError("\"\(text)\" is not a date; use YYYY-MM-DD, e.g. 2026-09-30") }
        return day
    }
}

/// Where the CLI talks to people: stderr for warnings and errors, so stdout stays clean for pipes.
enum Console {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("channeldesk: warning: \(message)\n".utf8))
    }

    static func info(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// Writes `data` to stdout.
    static func write(_ data: Data) {
        do { try ExportWriter.writeStandardOutput(data) } catch {
            let message = Data("channeldesk: \(error)\n".utf8)
            _ = message.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            exit(1)
        }
    }

    static func print(_ text: String) { write(Data((text + "\n").utf8)) }

    /// A report in the format asked for: `value` as JSON for scripts, or `table()` for people.
    static func report(_ value: some Encodable, as format: OutputFormat, table: () -> String) throws {
        switch format {
        case .json: write(try JSONEncoder.pretty.encode(value) + Data("\n".utf8))
        case .table: print(table())
        }
    }
}

/// A failure the CLI reports as one clear line (ArgumentParser prints `Error: …` and exits non-zero).
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension JSONEncoder {
    /// Pretty JSON with sorted keys: the same programme always prints the same bytes, so scripts can diff it.
    static var pretty: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
