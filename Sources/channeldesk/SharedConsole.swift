import ChannelConsole
import ChannelModel
import ChannelShared
import ChannelStore
import Foundation
import TerminalUI

/// The console on a team's shared programme: it draws from the local copy, sends decisions to the
/// server, and catches up whenever the server announces someone else's change.
enum SharedConsole {
    static func open(_ url: DatabaseURL, actor: ActorOptions, asOf: Day?) throws {
        try actor.refuseShared(url)
        guard isatty(0) != 0 && isatty(1) != 0 else {
            throw CLIError("the console needs a terminal; for scripts use the commands (channeldesk --help)")
        }
        let session = try wrapped { try SharedSession(url) }
        defer { session.close() }
        let terminal = CursesTerminal()
        let runtime = Configuration.runtime(store: session.store, actor: url.user, asOf: asOf ?? .today,
                                            width: terminal.size.width, height: terminal.size.height)
        runtime.performer = { action in try wrapped { try session.perform(action) } }
        if let banner = session.banner { runtime.announce(banner) }
        runtime.poll = { [unowned runtime] in
            guard session.hasNews else { return false }
            let wasReadOnly = session.banner != nil
            let changed = (try? session.catchUp()) ?? false
            if let banner = session.banner { if !wasReadOnly { runtime.announce(banner) } }
            else if wasReadOnly { runtime.announce("back online: \(url)", isError: false) }
            return changed || wasReadOnly != (session.banner != nil)
        }
        runtime.historyFile = CommandHistoryFile()
        try runtime.run(on: terminal)
    }
}
