import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

/// `channeldesk check [--repair]`: verifies every checksum of the snapshot and journal.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify the programme file and its journal; --repair writes a repaired copy beside it.")

    @OptionGroup var file: FileOptions
    @Flag(help: "Write a repaired copy (FILE.repaired) keeping every intact record; the original is never changed.")
    var repair = false

    func run() throws {
        let report = ProgrammeCheck.run(file.location)
        Console.print(report.lines.joined(separator: "\n"))
        if repair {
            guard !report.isHealthy else { return Console.print("Nothing to repair.") }
            let repaired = try ProgrammeCheck.repair(file.location)
            Console.print("Wrote \(repaired.url.path) (\(repaired.summary)). The original was not changed; "
                          + "check the copy, then move it over \(file.location.name).")
            return
        }
        if !report.isHealthy { throw ExitCode(2) }
    }
}

/// `channeldesk compact`: folds the journal into a fresh snapshot.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compact", abstract: "Fold the journal into a new snapshot.")
    @OptionGroup var file: FileOptions

    func run() throws {
        try file.refuseShared("compact")
        let store = try file.openStore()
        defer { store.close() }
        try store.checkpoint()
        Console.print("Compacted \(file.location.name): generation \(store.generation), \(store.lastSeq) actions in the snapshot, journal empty.")
    }
}
