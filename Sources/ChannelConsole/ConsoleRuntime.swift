import ChannelModel
import ChannelStore
import Foundation
import TerminalUI

/// The console's one loop (bubbletea's Program): event → reducer → effects through the store →
/// render → paint the difference. The only part of the console that does I/O.
public final class ConsoleRuntime {
    public let store: ProgrammeStore
    public private(set) var state: ConsoleState
    /// Every value of the data builds its large partner details here, off the loop.
    public private(set) var data: ConsoleData { didSet { data.background = background } }
    private let background: BackgroundWork
    /// The panes behind the queue while they are built after the first frame; nil once adopted.
    private var panesBuild: PanesBuild?
    /// The queue rows the first frame is built with: screens' worth, whatever the terminal's height.
    static let queueHead = 500
    /// Changes made to the programme since the console started: a panes build from before one is stale.
    private var changes = 0
    let actor: String
    let asOf: Day
    let clock: () -> Instant
    let log: ConsoleLog?
    /// The colours every frame is drawn in (the config file's theme).
    let palette: Palette
    /// The last left click (cell and milliseconds), to tell a double click.
    private var lastClick: (x: Int, y: Int, at: Int64)?
    /// The terminal `run` is drawing on, for effects that reach it (the clipboard).
    private var terminal: Terminal?
    /// Where a change goes instead of `store` — a shared programme's server, whose log then brings the
    /// store (its local copy) up to date. Nil: the store itself.
    public var performer: ((ProgrammeAction) throws -> ActionOutcome)?
    /// Asked whenever the terminal is idle for a moment: applies other members' changes to the store
    /// and answers whether there were any.
    public var poll: (() -> Bool)?
    /// Where the `:` line's history is kept between sessions; nil keeps it for this session only.
    public var historyFile: CommandHistoryFile? {
        didSet { state.commandHistory = CommandHistory(lines: historyFile?.load() ?? []) }
    }

    /// - Parameters:
    ///   - asOf: the day the console evaluates SLA, tiers and the default period against (today by default).
    ///   - clock: when decisions happen; tests pin it.
    ///   - config: the config file's keys and theme.
    ///   - background: where the panes after the first frame and large details are built (tests hold it).
    public init(store: ProgrammeStore, actor: String, asOf: Day, width: Int, height: Int,
                clock: @escaping () -> Instant = { .now }, config: ConsoleConfig = ConsoleConfig(), log: ConsoleLog? = nil,
                background: BackgroundWork = BackgroundWork()) {
        self.store = store
        self.background = background
        self.actor = actor
        self.asOf = asOf
        self.clock = clock
        self.log = log
        palette = config.palette
        let period = Period.quarterToDate(asOf)
        state = ConsoleState(width: width, height: height, period: period)
        state.keyBindings = config.keyBindings
        state.actor = actor
        // The queue's head first, so the first frame is there at once; the rest of the queue and the
        // other panes follow (`adoptPanes`).
        data = ConsoleData(queueOf: store.programme, asOf: asOf, period: period, head: Self.queueHead)
        data.background = background
        panesBuild = PanesBuild(data, generation: changes, on: background)
        if let warning = store.warnings.first { state.status = StatusMessage(warning, .error) }
    }

    /// Feeds one terminal event through the reducer, running the effects it asks for.
    public func handle(_ event: Event) {
        let consoleEvent: ConsoleEvent
        switch event {
        case .key(let key): consoleEvent = .key(key)
        case .resize(let width, let height): consoleEvent = .resize(width: width, height: height)
        case .mouse(let x, let y, .left):
            // A second press on the same cell within 400 ms is a double click (curses is told to report
            // presses at once, so the runtime, which owns the clock, tells them apart).
            let now = Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000)
            let double = lastClick.map { $0.x == x && $0.y == y && now - $0.at < 400 } ?? false
            lastClick = double ? nil : (x, y, now)
            consoleEvent = .click(x: x, y: y, double: double)
        case .mouse(let x, let y, .scrollUp): consoleEvent = .scroll(x: x, y: y, up: true)
        case .mouse(let x, let y, .scrollDown): consoleEvent = .scroll(x: x, y: y, up: false)
        case .mouse: return
        }
        send(consoleEvent)
    }

    func send(_ event: ConsoleEvent) {
        let history = state.commandHistory.lines
        let effects = ConsoleReducer.update(&state, event, data)
        if state.commandHistory.lines != history { historyFile?.save(state.commandHistory.lines) }
        for effect in effects {
            switch effect {
            case .copy(let text): terminal?.copyToClipboard(text)
            case .lookUpLastUndoable:
                send(.lastUndoable(LastUndoable.find(actor: actor, in: store.programme, remembered: store.compensations)))
            case .perform(let action):
                let before = (action.decidedRegistrationIDs ?? []).compactMap { store.programme.registration($0) }
                data.releaseProgramme()
                changes += 1
                do {
                    // Durable before the screen shows it: perform returns after the journal's fsync.
                    let outcome = try performer?(action) ?? store.perform(action, actor: actor, at: clock())
                    record("\(actor) \(action.name) \(Reducer.subject(of: action)): \(outcome.message)")
                    // A shared programme's catch-up may have brought others' changes too: those need the
                    // full recompute; a local decision updates only what it touched.
                    if performer == nil {
                        data.update(after: action, before: before, programme: store.programme)
                    } else {
                        rebuildData()
                    }
                    send(.performed(action, outcome))
                } catch {
                    if performer == nil { data.programme = store.programme }
                    else { rebuildData() }
                    record("refused \(action.name) \(Reducer.subject(of: action)): \(error)")
                    send(.failed(action, "\(error)"))
                }
            }
        }
        // After the outcome's own status, so the decision's confirmation is not lost beside it.
        if let problem = logProblem {
            logProblem = nil
            state.status = StatusMessage([state.status?.text, problem].compactMap { $0 }.joined(separator: " · "), .error)
        }
        if data.period != state.period { data = data.with(period: state.period) }
        ConsoleReducer.normalize(&state, data)
    }

    /// A failed log write (a full disk) becomes a status message; the console keeps running.
    private var logProblem: String?

    private func record(_ line: String) {
        if let problem = log?.write(line) { logProblem = problem }
    }

    /// Waits for the details being gathered, then settles the state on them, as the loop does when they
    /// are ready (the benchmark measures the keys that come after).
    public func waitForBackgroundWork() {
        repeat {
            background.waitUntilIdle()
            _ = background.takeFinished()
        } while !adoptPanes() && panesBuild != nil
        ConsoleReducer.normalize(&state, data)
    }

    /// Takes the panes built after the first frame when they are ready, or builds them again when the
    /// programme changed meanwhile; answers whether the data changed.
    @discardableResult
    private func adoptPanes() -> Bool {
        guard let build = panesBuild, let full = build.take() else { return false }
        guard build.generation == changes else {
            panesBuild = PanesBuild(data, generation: changes, on: background)
            return false
        }
        panesBuild = nil
        data = full.period == state.period ? full : full.with(period: state.period)
        ConsoleReducer.normalize(&state, data)
        return true
    }

    /// All of the data again, from the store's programme as it is now (another member's changes).
    private func rebuildData() {
        changes += 1
        panesBuild = nil
        data = ConsoleData(programme: store.programme, asOf: asOf, period: state.period)
    }

    public func frame() -> Screen { palette.apply(to: ConsoleView.render(state, data)) }

    /// Drops what was typed while the programme loaded (keys aimed at a screen that was not there yet),
    /// keeping the last size and a quit.
    public func dropEventsTypedWhileLoading(_ events: [Event]) {
        var keys: [Key] = []
        for event in events {
            switch event {
            case .key(let key): keys.append(key)
            case .resize(let width, let height): send(.resize(width: width, height: height))
            case .mouse: break
            }
        }
        send(.typedWhileLoading(keys))
    }

    /// Puts `text` in the status line, as the console's own messages are (e.g. a shared programme
    /// that went read only because its server stopped answering).
    public func announce(_ text: String, isError: Bool = true) { state.status = StatusMessage(text, isError ? .error : .info) }

    /// Runs until the user quits; the terminal is restored on every way out.
    public func run(on terminal: Terminal) throws {
        try terminal.start()
        self.terminal = terminal
        defer {
            terminal.stop()
            self.terminal = nil
        }
        let size = terminal.size
        send(.resize(width: size.width, height: size.height))
        terminal.draw(frame())
        while !state.quit {
            // While a large detail is being gathered, look back every frame to show it when it is ready.
            let timeout = background.isBusy ? 16 : poll == nil ? 1000 : 200
            guard let event = terminal.nextEvent(timeoutMilliseconds: timeout) else {
                if poll?() == true {
                    // What the cursor was on, so another member's change to it is marked, not swapped under it.
                    let before = CursorBefore(state, data)
                    rebuildData()
                    send(.caughtUp(before))
                    terminal.draw(frame())
                } else if background.takeFinished() {
                    adoptPanes()
                    ConsoleReducer.normalize(&state, data)
                    terminal.draw(frame())
                }
                continue
            }
            handle(event)
            adoptPanes()
            terminal.draw(frame())
        }
        log?.write("quit")
        log?.close()
    }
}
