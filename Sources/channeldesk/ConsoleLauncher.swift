import ChannelStore
import Foundation

/// Starts the full-screen console on a programme file.
enum ConsoleLauncher {
    static func open(_ location: ProgrammeLocation) throws {
        // The console lands with issue 3; until then `demo` only writes the file.
        Console.info("The console is not part of this build yet; explore \(location.url.path) with `channeldesk queue|metrics|tiers --file …`.")
    }
}
