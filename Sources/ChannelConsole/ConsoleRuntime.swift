import ChannelModel
import ChannelStore
import Foundation
import TerminalUI

/// The console's one loop (bubbletea's Program): event → reducer → effects through the store →
/// render → paint the difference. The only part of the console that does I/O.
public final class ConsoleRuntime {
    public let store: ProgrammeStore
    public private(set) var state: ConsoleState
    public private(set) var data: ConsoleData
    let actor: String
    let asOf: Day
    let clock: () -> Instant
    let log: ConsoleLog?
    /// Where a change goes instead of `store` — a shared programme's server, whose log then brings the
    /// store (its local copy) up to date. Nil: the store itself.
    public var performer: ((ProgrammeAction) throws -> ActionOutcome)?
    /// Asked whenever the terminal is idle for a moment: applies other members' changes to the store
    /// and answers whether there were any.
    public var poll: (() -> Bool)?

    /// - Parameters:
    ///   - asOf: the day the console evaluates SLA, tiers and the default period against (today by default).
    ///   - clock: when decisions happen; tests pin it.
    public init(store: ProgrammeStore, actor: String, asOf: Day, width: Int, height: Int,
                clock: @escaping () -> Instant = { .now }, log: ConsoleLog? = nil) {
        self.store = store
        self.actor = actor
        self.asOf = asOf
        self.clock = clock
        self.log = log
        let period = Period.quarterToDate(asOf)
        state = ConsoleState(width: width, height: height, period: period)
        data = ConsoleData(programme: store.programme, asOf: asOf, period: period)
        if let warning = store.warnings.first { state.status = StatusMessage(warning, .error) }
    }

    /// Feeds one terminal event through the reducer, running the effects it asks for.
    public func handle(_ event: Event) {
        let consoleEvent: ConsoleEvent
        switch event {
        case .key(let key): consoleEvent = .key(key)
        case .resize(let width, let height): consoleEvent = .resize(width: width, height: height)
        case .mouse(let x, let y, let button):
            guard button == .left else { return }
            consoleEvent = .click(x: x, y: y)
        }
        send(consoleEvent)
    }

    func send(_ event: ConsoleEvent) {
        let effects = ConsoleReducer.update(&state, event, data)
        for effect in effects {
            switch effect {
            case .perform(let action):
                let before = (action.decidedRegistrationIDs ?? []).compactMap { store.programme.registration($0) }
                data.releaseProgramme()
                do {
                    // Durable before the screen shows it: perform returns after the journal's fsync.
                    let outcome = try performer?(action) ?? store.perform(action, actor: actor, at: clock())
                    log?.write("\(actor) \(action.name) \(Reducer.subject(of: action)): \(outcome.message)")
                    // Catching up may have brought others' changes too: those need the full recompute.
                    data = performer == nil ? data.updated(after: action, before: before, programme: store.programme)
                        : ConsoleData(programme: store.programme, asOf: asOf, period: state.period)
                    send(.performed(action, outcome))
                } catch {
                    if performer == nil { data.programme = store.programme }
                    else { data = ConsoleData(programme: store.programme, asOf: asOf, period: state.period) }
                    log?.write("refused \(action.name) \(Reducer.subject(of: action)): \(error)")
                    send(.failed(action, "\(error)"))
                }
            }
        }
        if data.period != state.period { data = data.with(period: state.period) }
        ConsoleReducer.normalize(&state, data)
    }

    public func frame() -> Screen { ConsoleView.render(state, data) }

    /// Puts `text` in the status line, as the console's own messages are (e.g. a shared programme
    /// that went read only because its server stopped answering).
    public func announce(_ text: String, isError: Bool = true) { state.status = StatusMessage(text, isError ? .error : .info) }

    /// Runs until the user quits; the terminal is restored on every way out.
    public func run(on terminal: Terminal) throws {
        try terminal.start()
        defer { terminal.stop() }
        let size = terminal.size
        send(.resize(width: size.width, height: size.height))
        terminal.draw(frame())
        while !state.quit {
            guard let event = terminal.nextEvent(timeoutMilliseconds: poll == nil ? 1000 : 200) else {
                if poll?() == true {
                    data = ConsoleData(programme: store.programme, asOf: asOf, period: state.period)
                    ConsoleReducer.normalize(&state, data)
                    terminal.draw(frame())
                }
                continue
            }
            handle(event)
            terminal.draw(frame())
        }
        log?.write("quit")
    }
}

/// The console's log file: never the screen (it would corrupt the display).
public final class ConsoleLog {
    private let handle: FileHandle

    /// Appends to `$XDG_STATE_HOME/channeldesk/console.log` (`~/.local/state/…`).
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        let directory = base + "/channeldesk"
        let path = directory + "/console.log"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    public func write(_ message: String) {
        handle.write(Data("\(Instant.now) \(message)\n".utf8))
    }
}
