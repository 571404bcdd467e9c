import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the terminal back when the process dies of a trap (a Swift runtime failure is SIGILL or
/// SIGTRAP, a failed precondition in C SIGABRT, a wild pointer SIGSEGV or SIGBUS): without it the
/// shell is left in raw mode on the alternate screen, with no echo and mouse reporting on.
///
/// The handler only does what is async-signal-safe: `tcsetattr` with the modes saved before curses
/// started, and one `write(2)` of fixed xterm sequences (leave the alternate screen, cursor visible,
/// keypad and mouse reporting off, attributes reset) — never `endwin`, which allocates and may meet
/// the very heap corruption that caused the fault. Then it puts back the handler that was there before
/// (Swift's backtracer, or the default) and re-raises, so the process still dies of its signal, with
/// its backtrace or core dump, and its exit status says which.
enum TrapRestore {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS]

    /// xterm: rmcup, cnorm, rmkx, mouse modes off, sgr0.
    private static let resetBytes = Array("\u{1B}[?1049l\u{1B}[?25h\u{1B}[?1l\u{1B}>\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[0m\r\n".utf8)

    /// Everything the handler touches, allocated once and never freed: a signal handler must not
    /// reach Swift arrays or lazily initialised globals. Unsafe to share in general; here written only
    /// by `install`, before the handlers that read them exist.
    nonisolated(unsafe) private static let reset: UnsafeMutableBufferPointer<UInt8> = {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: resetBytes.count)
        _ = buffer.initialize(from: resetBytes)
        return buffer
    }()
    nonisolated(unsafe) private static let savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        pointer.initialize(repeating: sigaction(), count: 65)
        return pointer
    }()

    /// True between `install` and `uninstall`: the handler restores only a terminal curses changed.
    static let armed = Atomic<Bool>(false)

    /// Saves the terminal's current modes (call before curses changes them) and installs the handlers.
    static func install() {
        _ = reset
        _ = previous
        guard tcgetattr(0, savedModes) == 0 else { return }
        ensureAlternateStack()
        for number in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handle
            #else
            action.__sigaction_u.__sa_handler = handle
            #endif
            sigemptyset(&action.sa_mask)
            // On the alternate stack, so a stack overflow's SIGSEGV can still run it.
            action.sa_flags = Int32(SA_ONSTACK)
            sigaction(number, &action, previous + Int(number))
        }
        armed.store(true, ordering: .relaxed)
    }

    /// Puts back the handlers that were there before `install`.
    static func uninstall() {
        guard armed.exchange(false, ordering: .relaxed) else { return }
        for number in signals { sigaction(number, previous + Int(number), nil) }
    }

    /// A main thread without an alternate signal stack gets one, so the handler runs after a stack overflow.
    private static func ensureAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
    }

    private static let handle: @convention(c) (Int32) -> Void = { number in
        if TrapRestore.armed.load(ordering: .relaxed) {
            _ = tcsetattr(0, TCSANOW, TrapRestore.savedModes)
            _ = write(1, TrapRestore.reset.baseAddress, TrapRestore.reset.count)
        }
        // The previous disposition takes over: a fault re-executes and meets it; a raised signal (abort,
        // or this raise, held while the handler runs) is delivered to it on return.
        sigaction(number, TrapRestore.previous + Int(number), nil)
        raise(number)
    }

    /// `CHANNELDESK_TEST_TRAP=trap|abort|segv|bus`: dies that way once the console is on screen, so the
    /// end-to-end test can prove the terminal comes back. Nothing else reads it.
    static func trapIfAsked() {
        guard let value = getenv("CHANNELDESK_TEST_TRAP").map({ String(cString: $0) }) else { return }
        switch value {
        case "abort": abort()
        // Real faults, not raise(): a handler that returns from a raised SIGSEGV lets the process run on.
        case "segv": UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1
        case "bus":
            // Touching a mapped page past the end of an empty file is SIGBUS.
            var template = Array("/tmp/channeldesk-bus-XXXXXX".utf8CString)
            let fd = mkstemp(&template)
            unlink(template)
            guard let page = mmap(nil, 4096, PROT_READ, MAP_SHARED, fd, 0), page != MAP_FAILED else { return }
            _ = page.load(as: UInt8.self)
        case "trap": fatalError("CHANNELDESK_TEST_TRAP")
        default: return
        }
    }
}
