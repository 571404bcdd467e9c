import ArgumentParser
import ChannelConsole

/// `channeldesk keys`: the console's key bindings as a Markdown table, as the config file remaps them
/// (the same table drives the console's handlers, footer hints and `?` help).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Print the console's key bindings (Markdown), as the config file remaps them.")

    @Flag(help: "List the commands a config file's [keys] can remap, by name, with their keys.")
    var commands = false

    func run() throws {
        let table = Configuration.current.keyBindings
        Console.print(commands ? KeyBindings.markdownCommandNames(table) : KeyBindings.markdownTable(table))
    }
}
