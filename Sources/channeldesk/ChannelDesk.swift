import ArgumentParser
import ChannelStore
import Foundation

/// The `channeldesk` command: the console by default, and the scriptable commands of DESIGN.md §6.
@main
struct ChannelDesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channeldesk",
        abstract: "A keyboard-first console for running a B2B partner programme.",
        discussion: """
        The programme lives in one local file: --file PATH, else $CHANNELDESK_FILE, else the config file's
        programme, else $XDG_DATA_HOME/channeldesk/programme.cdesk (~/.local/share/channeldesk/programme.cdesk).
        The config file is $CHANNELDESK_CONFIG, else $XDG_CONFIG_HOME/channeldesk/config.toml
        (~/.config/channeldesk/config.toml): actor, programme, theme and [keys] (see the README).
        """,
        subcommands: [
            OpenCommand.self, DemoCommand.self, ImportCommand.self, ExportCommand.self,
            MetricsCommand.self, TiersCommand.self, QueueCommand.self, ConcentrationCommand.self, PartnerCommand.self,
            ApproveCommand.self, RejectCommand.self, RequestInfoCommand.self, ExtendCommand.self, AssignCommand.self,
            CommissionCommand.self, MDFCommand.self, KeysCommand.self, PolicyCommand.self, CheckCommand.self, CompactCommand.self, BatchCommand.self,
            ShareCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )

    /// Checks the command word before ArgumentParser sees it: with `open` the default, a mistyped
    /// command would otherwise be read as a stray argument of `open`, and the user shown the console's
    /// usage instead of being told the word is no command.
    static func main() {
        let arguments = Array(ProcessInfo.processInfo.arguments.dropFirst())
        if let word = CommandWord.unknown(in: arguments, commands: commandNames) {
            let hint = ClosestWord.to(word, among: commandNames).map { "; did you mean `\($0)`?" }
                ?? "; the commands are \(commandNames.filter { $0 != "help" }.joined(separator: ", "))"
            FileHandle.standardError.write(Data("Error: unknown command \"\(word)\"\(hint)\nSee `channeldesk --help`.\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(CommandWord.commandFirst(arguments, commands: commandNames))
    }

    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }
}

/// Finding the command word of a `channeldesk` command line.
enum CommandWord {
    /// Options of the default command that take a value, so the value is not taken for a command word.
    static let optionsWithValues: Set<String> = ["--file", "--actor", "--as-of", "--database"]

    /// Where the command word is: the first word that is neither an option nor an option's value.
    static func position(in arguments: [String]) -> Int? {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { return nil }
            guard word.hasPrefix("-") else { return index }
            let name = String(word.prefix { $0 != "=" })
            // An option we do not know may take a value: leave the line to ArgumentParser, which
            // names the unknown option (and suggests the one meant).
            guard optionsWithValues.contains(name) || ["-h", "--help", "--version"].contains(name) else { return nil }
            index += optionsWithValues.contains(word) ? 2 : 1
        }
        return nil
    }

    /// The command word, when it names no command; in `help WORD`, the word asked about.
    static func unknown(in arguments: [String], commands: [String]) -> String? {
        guard let index = position(in: arguments) else { return nil }
        let word = arguments[index]
        guard commands.contains(word) else { return word }
        if word == "help", index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-"),
           !commands.contains(arguments[index + 1]) {
            return arguments[index + 1]
        }
        return nil
    }

    /// `channeldesk --file X metrics` as `channeldesk metrics --file X`: ArgumentParser reads options
    /// given before the command word as the default command's, and would refuse `metrics` as a stray
    /// argument of `open`.
    static func commandFirst(_ arguments: [String], commands: [String]) -> [String] {
        guard let index = position(in: arguments), index > 0, commands.contains(arguments[index]) else { return arguments }
        var reordered = arguments
        reordered.insert(reordered.remove(at: index), at: 0)
        return reordered
    }
}
