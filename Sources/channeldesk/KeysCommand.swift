import ArgumentParser
import ChannelConsole

/// `channeldesk keys`: the console's key bindings as a Markdown table (the same table drives the
/// console's handlers, footer hints and `?` help).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Print the console's key bindings (Markdown).")

    func run() throws { Console.print(KeyBindings.markdownTable()) }
}
