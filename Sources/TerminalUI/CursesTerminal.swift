import Foundation
import CCurses
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a `CursesTerminal` could not start.
public enum TerminalError: Error, Sendable, Hashable {
    /// Standard input or output is not a terminal (piped, redirected, or run under a test harness).
    case notATerminal
    /// ncurses could not set up the terminal (typically an unknown `$TERM`).
    case setupFailed(term: String)
}

// Written by signal handlers, so plain atomics (initialised before any handler is installed).
private let pendingSignal = Atomic<Int32>(0)
private let cursesActive = Atomic<Bool>(false)

/// The real terminal, on ncursesw. This is the only file that talks to curses.
///
/// Signals: SIGINT (ctrl-c in cbreak mode), SIGTERM and SIGHUP do not kill the process; they become a
/// `.key(.ctrl("c"))` event so the app quits through its normal path (and restores the terminal with
/// `stop()`). If a second signal arrives before the first was delivered, the app is not listening, so the
/// handler restores the terminal itself and exits with 128 + the signal number (130 for SIGINT, 143 for
/// SIGTERM). An `atexit` hook also restores the terminal if the process exits without calling `stop()`,
/// and `TrapRestore` does when it dies of SIGILL, SIGTRAP, SIGABRT, SIGSEGV or SIGBUS.
/// Resizes arrive as `KEY_RESIZE` from ncurses (no SIGWINCH handler of our own) and become `.resize`.
///
/// Colours: pairs are allocated lazily, one per foreground/background combination actually drawn. With
/// a non-empty `NO_COLOR` environment variable no colour is used at all, only bold/dim/underline/reverse.
public final class CursesTerminal: Terminal {
    /// False when `NO_COLOR` asked for no colours or the terminal has none.
    public private(set) var usesColor: Bool
    private var started = false
    private var screenPointer: OpaquePointer?
    private var previous: Screen?
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int32 = 1
    private var colorCount: Int32 = 0

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// - Parameter colors: force colours on or off; by default on unless `NO_COLOR` is set and non-empty.
    public init(colors: Bool? = nil) {
        if let colors {
            usesColor = colors
        } else if let noColor = getenv("NO_COLOR") {
            usesColor = noColor.pointee == 0
        } else {
            usesColor = true
        }
    }

    deinit {
        stop()
    }

    public var size: (width: Int, height: Int) {
        guard started, let window = cd_stdscr() else { return (80, 24) }
        return (Int(cd_max_x(window)), Int(cd_max_y(window)))
    }

    public func start() throws {
        guard !started else { return }
        guard isatty(0) != 0, isatty(1) != 0 else { throw TerminalError.notATerminal }
        // A parent that blocked these (some launchers and test runners do) would leave resize and
        // ctrl-c silently dead: the console relies on all three arriving.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        setlocale(LC_ALL, "")
        // Wide characters need a UTF-8 locale; a bare "C" locale (cron, some containers) would garble them.
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }

        // Before curses changes the modes: the trap handlers restore exactly these.
        TrapRestore.install()
        guard let screen = newterm(nil, fdopen(1, "w"), fdopen(0, "r")) else {
            TrapRestore.uninstall()
            throw TerminalError.setupFailed(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        screenPointer = screen
        set_term(screen)
        checkKeyCodes()

        cbreak()
        noecho()
        nonl()
        intrflush(cd_stdscr(), false)
        keypad(cd_stdscr(), true)
        leaveok(cd_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        mouseinterval(0) // report presses at once instead of waiting to tell clicks from double clicks
        mousemask(cd_button1_pressed() | cd_button2_pressed() | cd_button3_pressed()
                  | cd_button4_pressed() | cd_button5_pressed(), nil)

        if usesColor, has_colors() {
            start_color()
            use_default_colors()
            colorCount = cd_colors()
        } else {
            usesColor = false
        }
        pairs = [:]
        nextPair = 1
        previous = nil

        _ = pendingSignal.exchange(0, ordering: .relaxed)
        cursesActive.store(true, ordering: .relaxed)
        installHandlers()
        started = true
    }

    public func stop() {
        guard started else { return }
        started = false
        for number in [SIGINT, SIGTERM, SIGHUP] { signal(number, SIG_DFL) }
        cursesActive.store(false, ordering: .relaxed)
        TrapRestore.uninstall()
        curs_set(1)
        endwin()
        if let screenPointer { delscreen(screenPointer) }
        screenPointer = nil
        previous = nil
    }

    /// For the end-to-end test of trap recovery only: with `CHANNELDESK_TEST_TRAP` set (trap, abort,
    /// segv or bus) the process dies that way here, and the terminal must come back regardless.
    public static func dieIfAskedForTesting() { TrapRestore.trapIfAsked() }

    public func draw(_ screen: Screen) {
        guard started, let window = cd_stdscr() else { return }
        let current = size
        let full = previous == nil || previous!.width != screen.width || previous!.height != screen.height
            || screen.width != current.width || screen.height != current.height
        if full { werase(window) }
        for change in screen.changes(since: full ? nil : previous) {
            paint(change, in: window)
        }
        wnoutrefresh(window)
        doupdate()
        previous = screen
    }

    /// OSC 52 straight to the tty, after curses has flushed its frame: works inside tmux (which keeps
    /// it as a paste buffer and passes it on) and over SSH, where no local clipboard tool could.
    public func copyToClipboard(_ text: String) {
        let sequence = Array("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}".utf8)
        sequence.withUnsafeBufferPointer { _ = write(1, $0.baseAddress, $0.count) }
    }

    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        guard started, let window = cd_stdscr() else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds < 0 ? nil : clock.now + .milliseconds(timeoutMilliseconds)
        while true {
            if pendingSignal.exchange(0, ordering: .relaxed) != 0 { return .key(.ctrl("c")) }
            // Wait in short slices so a signal is noticed even if ncurses retries interrupted reads.
            var slice = 100
            if let deadline {
                let left = clock.now.duration(to: deadline).components
                slice = max(0, min(slice, Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000)))
            }
            wtimeout(window, Int32(slice))
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == OK || status == cd_key_code_yes() {
                if let event = event(value: UInt32(value), isKeyCode: status == cd_key_code_yes()) { return event }
            }
            if let deadline, clock.now >= deadline {
                return pendingSignal.exchange(0, ordering: .relaxed) != 0 ? .key(.ctrl("c")) : nil
            }
        }
    }

    // MARK: - Input

    private func event(value: UInt32, isKeyCode: Bool) -> Event? {
        if isKeyCode && Int32(value) == cd_key_resize() {
            previous = nil // the terminal's contents are unknown after a resize: repaint everything
            let (width, height) = size
            return .resize(width: width, height: height)
        }
        if isKeyCode && Int32(value) == cd_key_mouse() { return mouseEvent() }
        return KeyDecoder.key(value: value, isKeyCode: isKeyCode).map(Event.key)
    }

    private func mouseEvent() -> Event? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let buttons: [(mmask_t, MouseButton)] = [
            (cd_button1_pressed() | cd_button1_clicked() | cd_button1_double_clicked(), .left),
            (cd_button2_pressed() | cd_button2_clicked(), .middle),
            (cd_button3_pressed() | cd_button3_clicked(), .right),
            (cd_button4_pressed(), .scrollUp),
            (cd_button5_pressed(), .scrollDown),
        ]
        guard let button = buttons.first(where: { state & $0.0 != 0 })?.1 else { return nil }
        return .mouse(x: Int(event.x), y: Int(event.y), button: button)
    }

    /// The decoder carries its own copy of the key codes so it can be tested without curses; make sure
    /// they agree with the library actually linked.
    private func checkKeyCodes() {
        let pairs: [(Int32, Int32)] = [
            (KEY_DOWN, KeyDecoder.Code.down), (KEY_UP, KeyDecoder.Code.up), (KEY_LEFT, KeyDecoder.Code.left),
            (KEY_RIGHT, KeyDecoder.Code.right), (KEY_HOME, KeyDecoder.Code.home), (KEY_END, KeyDecoder.Code.end),
            (KEY_BACKSPACE, KeyDecoder.Code.backspace), (KEY_DC, KeyDecoder.Code.delete),
            (KEY_IC, KeyDecoder.Code.insert), (KEY_NPAGE, KeyDecoder.Code.pageDown),
            (KEY_PPAGE, KeyDecoder.Code.pageUp), (KEY_ENTER, KeyDecoder.Code.enter),
            (KEY_BTAB, KeyDecoder.Code.backTab), (cd_key_f(0), KeyDecoder.Code.f0),
            (cd_key_code_yes(), KeyDecoder.Code.codeYes),
        ]
        for (curses, ours) in pairs { assert(curses == ours, "ncurses key code \(curses) != \(ours)") }
    }

    // MARK: - Output

    private func paint(_ change: CellChange, in window: UnsafeMutablePointer<WINDOW>) {
        let cell = change.cell
        let y = Int32(change.y), x = Int32(change.x)
        let attributes = attributes(for: cell.style)
        let pair = colorPair(for: cell.style)
        let scalars = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        guard let first = scalars.first else { return }
        let libcWidth = Int(cd_wcwidth(first))
        if libcWidth == cell.width {
            put(Array(scalars.prefix(Int(cd_ccharw_max()))), y, x, attributes, pair, window)
        } else if cell.width == 2 {
            // libc disagrees (e.g. ❤️: wcwidth says 1, the terminal draws 2). Draw the base glyph narrow and
            // blank the second column, so curses and the terminal agree on where every cell is.
            put([libcWidth == 1 ? first : wchar_t(UInt8(ascii: "?"))], y, x, attributes, pair, window)
            put([wchar_t(UInt8(ascii: " "))], y, x + 1, attributes, pair, window)
        } else {
            put([wchar_t(UInt8(ascii: "?"))], y, x, attributes, pair, window)
        }
    }

    private func put(_ scalars: [wchar_t], _ y: Int32, _ x: Int32, _ attributes: attr_t, _ pair: Int16,
                     _ window: UnsafeMutablePointer<WINDOW>) {
        var character = cchar_t()
        (scalars + [0]).withUnsafeBufferPointer { text in
            _ = setcchar(&character, text.baseAddress, attributes, pair, nil)
        }
        mvwadd_wch(window, y, x, &character)
    }

    private func attributes(for style: Style) -> attr_t {
        var result = cd_a_normal()
        if style.bold { result |= cd_a_bold() }
        if style.reverse { result |= cd_a_reverse() }
        if style.underline { result |= cd_a_underline() }
        if style.dim { result |= cd_a_dim() }
        return result
    }

    private func colorPair(for style: Style) -> Int16 {
        guard usesColor else { return 0 }
        let key = PairKey(foreground: curses(style.foreground), background: curses(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard nextPair < min(cd_color_pairs(), Int32(Int16.max)) else { return 0 }
        let pair = Int16(nextPair)
        nextPair += 1
        init_pair(pair, key.foreground, key.background)
        pairs[key] = pair
        return pair
    }

    /// The curses colour number; bright colours fall back to their base colour on 8-colour terminals,
    /// extended ones to their fallback below 256 colours.
    private func curses(_ color: Color) -> Int16 {
        if case .extended(let index, let fallback) = color { return colorCount >= 256 ? Int16(index) : curses(fallback) }
        guard let index = color.ansiIndex else { return -1 }
        return Int16(colorCount >= 16 ? index : index % 8)
    }

    private func installHandlers() {
        _ = Self.registerExitHook
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number) { number in
                // First signal: deliver it as a quit key. Second before delivery: nobody is listening.
                if pendingSignal.exchange(number, ordering: .relaxed) != 0 {
                    if cursesActive.load(ordering: .relaxed) { endwin() }
                    _exit(128 + number)
                }
            }
        }
    }

    /// Restores the terminal if the process exits (e.g. `exit()` after a fatal error) while still started.
    private static let registerExitHook: Void = {
        atexit {
            if cursesActive.load(ordering: .relaxed) { endwin() }
        }
    }()
}
