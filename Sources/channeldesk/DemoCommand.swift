import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

/// `channeldesk demo`: a realistic, deterministic programme to explore (and to benchmark with).
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Generate a demo programme and open it in the console.",
        discussion: """
        Without --file the demo goes to ~/.local/share/channeldesk/demo.cdesk and is regenerated each time,
        so a demo never touches your real programme. An existing --file is replaced only with --force.
        """)

    @Option(help: "The programme file to write.") var file: String?
    @Option(help: "How many partners (up to 100,000).") var partners = 300
    @Option(help: "How many registrations (up to 10,000,000).") var registrations = 20_000
    @Option(help: "Seed of the generator: the same seed gives the same programme.") var seed: UInt64 = 1
    @Flag(help: "Only write the file; do not open the console.") var noOpen = false
    @Flag(help: "Replace an existing --file.") var force = false
    @OptionGroup var actor: ActorOptions

    func validate() throws {
        guard (1...100_000).contains(partners) else { throw ValidationError("--partners must be between 1 and 100,000") }
        guard (0...10_000_000).contains(registrations) else { throw ValidationError("--registrations must be between 0 and 10,000,000") }
    }

    var location: ProgrammeLocation {
        if let file { return ProgrammeLocation(path: file) }
        let environment = ProcessInfo.processInfo.environment
        let home = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return ProgrammeLocation(path: home + "/channeldesk/demo.cdesk")
    }

    func run() throws {
        let location = self.location
        if file != nil && location.exists && !force {
            throw CLIError("\(location.url.path) already exists; add --force to replace it with a demo programme")
        }
        let started = Date()
        let programme = DemoGenerator.programme(policy: try Policy.bundledDefault(), partners: partners,
                                                registrations: registrations, seed: seed, asOf: .today)
        try ProgrammeStore.write(programme, to: location)
        let seconds = Date().timeIntervalSince(started)
        Console.info(String(format: "Wrote a demo programme to %@: %d partners, %d registrations, %d deals (%.1fs)",
                            location.url.path, programme.partners.count, programme.registrations.count,
                            programme.deals.count, seconds))
        if !noOpen { try ConsoleLauncher.open(location, actor: actor.name, asOf: nil) }
    }
}

/// `channeldesk` with no command: the console on the programme file.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the console (the default command).")
    @OptionGroup var file: FileOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var asOf: AsOfOptions

    func run() throws {
        if let shared = try file.sharedDatabase() { return try SharedConsole.open(shared, actor: actor, asOf: asOf.asOf) }
        try ConsoleLauncher.open(file.location, actor: actor.name, asOf: asOf.asOf)
    }
}
