import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

/// What the four decision commands share: registration ids, the actor, and one journaled action —
/// a batch when several ids are given, so a scripted bulk decision applies all or nothing.
struct DecisionOptions: ParsableArguments {
    @OptionGroup var file: FileOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Registration ids, e.g. R-0000012.") var registrations: [String]

    func validate() throws {
        if registrations.isEmpty { throw ValidationError("name at least one registration id") }
    }

    func perform(_ make: (String) -> ProgrammeAction) throws {
        let writer = try file.openWriter(actor: actor)
        defer { writer.close() }
        // Ids in any case, as the console's : line and `batch` take them (one grammar for all three);
        // a shared log stores the id exactly as given, quotes and all, for the server to match as text.
        let actions = registrations.map { make(writer.isShared ? $0 : $0.uppercased()) }
        Console.print(try writer.perform(actions.count == 1 ? actions[0] : .batch(actions)).outcome.message)
    }
}

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve registrations: protection starts today.")
    @OptionGroup var options: DecisionOptions
    func run() throws { try options.perform { .approve(registrationID: $0) } }
}

struct RejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject registrations with a reason.")
    @OptionGroup var options: DecisionOptions
    @Option(help: "Why (required; the partner sees it).") var reason: String

    func run() throws { try options.perform { .reject(registrationID: $0, reason: reason) } }
}

struct RequestInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "request-info", abstract: "Ask the partner for more information; pauses the SLA clock.")
    @OptionGroup var options: DecisionOptions
    @Option(help: "The question for the partner.") var reason: String = ""

    func run() throws { try options.perform { .requestInfo(registrationID: $0, question: reason) } }
}

struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extend", abstract: "Extend an approved registration's protection (once, by the policy's window).")
    @OptionGroup var options: DecisionOptions
    func run() throws { try options.perform { .extend(registrationID: $0) } }
}
