import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation
import TerminalUI

/// Starts the full-screen console on a programme file. What can be checked cheaply (a missing, locked
/// or truncated file) fails before the screen switches, with a message on a normal terminal; then the
/// console shows that it is opening the programme at once, instead of a blank terminal for the seconds
/// a million-registration programme takes to load.
enum ConsoleLauncher {
    static func open(_ location: ProgrammeLocation, actor: String, asOf: Day?) throws {
        guard isatty(0) != 0 && isatty(1) != 0 else {
            throw CLIError("the console needs a terminal; for scripts use the commands (channeldesk --help)")
        }
        try ProgrammeLoader.preflight(location)
        let terminal = CursesTerminal()
        try terminal.start()
        let store: ProgrammeStore
        let runtime: ConsoleRuntime
        do {
            terminal.draw(openingScreen(location, width: terminal.size.width, height: terminal.size.height))
            CursesTerminal.dieIfAskedForTesting()
            store = try ProgrammeStore(opening: location)
            runtime = Configuration.runtime(store: store, actor: actor, asOf: asOf ?? .today,
                                            width: terminal.size.width, height: terminal.size.height)
        } catch {
            // Damage only a full read finds: give the terminal back before saying so.
            terminal.stop()
            throw error
        }
        defer { store.close() }
        runtime.historyFile = CommandHistoryFile()
        runtime.dropEventsTypedWhileLoading(terminal.pendingEvents())
        try runtime.run(on: terminal)
    }

    static func openingScreen(_ location: ProgrammeLocation, width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        let size = ((try? FileManager.default.attributesOfItem(atPath: location.url.path))?[.size] as? Int) ?? 0
        let text = "Opening \(location.name) (\(String(format: "%.1f", Double(size) / 1_000_000)) MB)…"
        screen.put(text, x: max(0, (width - displayWidth(text)) / 2), y: height / 2, style: .bold, maxWidth: width)
        return screen
    }
}
