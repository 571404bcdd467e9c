import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation
import TerminalUI

/// Starts the full-screen console on a programme file. Everything that can fail before the screen
/// switches (a missing, locked or damaged file) fails here, with a message on a normal terminal.
enum ConsoleLauncher {
    static func open(_ location: ProgrammeLocation, actor: String, asOf: Day?) throws {
        guard isatty(0) != 0 && isatty(1) != 0 else {
            throw CLIError("the console needs a terminal; for scripts use the commands (channeldesk --help)")
        }
        let store = try ProgrammeStore(opening: location)
        defer { store.close() }
        let terminal = CursesTerminal()
        let runtime = ConsoleRuntime(store: store, actor: actor, asOf: asOf ?? .today, width: terminal.size.width,
                                     height: terminal.size.height, log: ConsoleLog())
        try runtime.run(on: terminal)
    }
}
