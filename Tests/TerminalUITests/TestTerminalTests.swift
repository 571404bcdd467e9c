import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TerminalUI

@Suite struct TestTerminalTests {
    @Test func replaysScriptedEventsThenNil() throws {
        let terminal = TestTerminal(width: 20, height: 5, events: [.key(.char("j"))])
        terminal.type("k\n")
        terminal.enqueue(.escape)
        try terminal.start()
        var seen: [Event] = []
        while let event = terminal.nextEvent(timeoutMilliseconds: 100) { seen.append(event) }
        #expect(seen == [.key(.char("j")), .key(.char("k")), .key(.enter), .key(.escape)])
    }

    @Test func recordsEveryFrame() {
        let terminal = TestTerminal(width: 10, height: 1)
        var screen = Screen(width: 10, height: 1)
        terminal.draw(screen)
        screen.put("hi", x: 0, y: 0)
        terminal.draw(screen)
        #expect(terminal.frames.count == 2)
        #expect(terminal.frames[0].textLines() == [""])
        #expect(terminal.lastFrame?.textLines() == ["hi"])
    }

    @Test func resizeChangesSizeAndEnqueuesAnEvent() {
        let terminal = TestTerminal(width: 80, height: 24)
        terminal.resize(width: 100, height: 30)
        #expect(terminal.size.width == 100 && terminal.size.height == 30)
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .resize(width: 100, height: 30))
    }

    @Test func stopIsIdempotent() throws {
        let terminal = TestTerminal()
        try terminal.start()
        terminal.stop()
        terminal.stop()
        #expect(!terminal.isStarted)
        #expect(terminal.stopCount == 1)
    }

    @Test(.enabled(if: isatty(0) == 0 || isatty(1) == 0, "only meaningful without a tty"))
    func cursesTerminalRefusesToStartWithoutATty() {
        // Under `swift test` stdin is not a terminal; start must fail cleanly rather than garble the output.
        let terminal = CursesTerminal(colors: false)
        #expect(throws: TerminalError.notATerminal) { try terminal.start() }
        terminal.stop() // harmless when never started
    }
}
