import Testing
@testable import TerminalUI

@Suite struct ModalTests {
    @Test func boxDrawsABorderWithTitle() {
        var screen = Screen(width: 12, height: 3)
        Box(title: "Queue").render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["┌─ Queue ──┐", "│          │", "└──────────┘"])
    }

    @Test func longTitlesAreTruncated() {
        var screen = Screen(width: 10, height: 2)
        Box(title: "Registrations").render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["┌─ Reg… ─┐", "└────────┘"])
    }

    @Test func modalIsCentredAndClearsItsArea() {
        var screen = Screen(width: 24, height: 9)
        screen.fill(screen.area, style: .plain, character: "x")
        let modal = Modal(title: "Approve?", body: ["REG-0042", "Acme → 株式"], footer: "y yes  n no")
        modal.render(into: &screen, area: screen.area)
        #expect(modal.frame(in: screen.area) == Rect(x: 4, y: 1, width: 16, height: 6))
        #expect(screen.textLines() == [
            "xxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxx┌─ Approve? ───┐xxxx",
            "xxxx│ REG-0042     │xxxx",
            "xxxx│ Acme → 株式  │xxxx",
            "xxxx│              │xxxx",
            "xxxx│ y yes  n no  │xxxx",
            "xxxx└──────────────┘xxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxxxx",
        ])
    }
}
