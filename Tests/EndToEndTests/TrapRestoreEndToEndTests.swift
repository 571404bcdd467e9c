import Foundation
import Glibc
import Testing

/// The console dying of a trap (a Swift runtime failure, abort, a wild pointer) still gives the
/// terminal back: cooked mode, the normal screen, cursor on, mouse and keypad modes off — and it still
/// dies of its signal (Swift's backtracer, chained to, prints its report on the restored terminal).
/// `CHANNELDESK_TEST_TRAP` makes the binary die that way once curses has started.
@Suite(.serialized)
struct TrapRestoreEndToEndTests {
    @Test(arguments: [("trap", SIGILL), ("abort", SIGABRT), ("segv", SIGSEGV), ("bus", SIGBUS)])
    func aTrapRestoresTheTerminalAndStillDiesOfItsSignal(how: String, signal: Int32) throws {
        let workspace = try Workspace()
        defer { workspace.cleanup() }
        try workspace.makeDemo(partners: 5, registrations: 50)
        let console = try Tmux(workspace, ["--file", workspace.file.path], width: 100, height: 30,
                               environment: ["CHANNELDESK_TEST_TRAP": how, "SWIFT_BACKTRACE": "interactive=no"], keepPaneAfterExit: true)
        defer { console.kill() }
        let status = try console.waitForExit(timeout: 30)
        #expect(status == 128 + signal, "died of signal \(signal) (\(how)), exit status \(String(describing: status))")
        #expect(try console.query("#{alternate_on}") == "0", "the alternate screen is left")
        #expect(try console.query("#{cursor_flag}") == "1", "the cursor is visible again")
        #expect(try console.query("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}") == "000", "mouse reporting is off")
        #expect(try console.query("#{keypad_flag}") == "0", "keypad transmit mode is off")
        let modes = try console.sttyModesAfterExit()
        for mode in ["icanon", "echo", "isig", "icrnl", "onlcr", "opost"] {
            #expect(modes.contains(mode), "stty should show \(mode) after the trap: \(modes.sorted())")
        }
    }
}
