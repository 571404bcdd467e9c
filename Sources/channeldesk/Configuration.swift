import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation

/// The config file, read once per run: every command takes its actor and default programme from it, the
/// console its keys and theme. A bad file is reported on stderr (the console shows it in its status line
/// too) and the defaults are used, so a typo never locks anyone out of the console.
enum Configuration {
    static let loaded: (config: ConsoleConfig, problem: ConfigError?) = {
        let loaded = ConsoleConfig.load()
        if let problem = loaded.problem { Console.warn("\(problem) — using the defaults") }
        return loaded
    }()

    static var current: ConsoleConfig { loaded.config }

    /// The console's runtime on `store`, with the config's keys and theme, and its problem on show.
    static func runtime(store: ProgrammeStore, actor: String, asOf: Day, width: Int, height: Int) -> ConsoleRuntime {
        let runtime = ConsoleRuntime(store: store, actor: actor, asOf: asOf, width: width, height: height,
                                     config: current, log: ConsoleLog())
        if let problem = loaded.problem { runtime.announce("\(problem) — started with the defaults") }
        return runtime
    }
}
