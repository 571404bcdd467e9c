import ChannelStore
import Foundation
import Testing
import TerminalUI
@testable import ChannelConsole

/// The light theme: the dark palette's meanings in shades readable on white, applied to the whole frame.
@Suite struct LightThemeTests {
    @Test func queueStyledInTheLightTheme() {
        Snapshot.assertStyled(Palette.light.apply(to: Snapshot.screen(Snapshot.wide)), named: "queue-120x40.light.styled")
    }

    @Test func noColourHardToReadOnWhiteIsLeft() {
        let dark = Snapshot.screen(Snapshot.grid)
        let light = Palette.light.apply(to: dark)
        #expect(Palette.dark.apply(to: dark) == dark)
        var recoloured = 0
        for y in 0..<light.height {
            for x in 0..<light.width {
                let colour = light[x, y].style.foreground
                #expect(![.yellow, .cyan, .green].contains(colour), "(\(x), \(y)) is \(colour.name)")
                if case .extended = colour { recoloured += 1 }
                // Only the colours change: text, bold, reverse and dim stay as the dark theme has them.
                #expect(light[x, y].text == dark[x, y].text && light[x, y].style.bold == dark[x, y].style.bold)
            }
        }
        #expect(recoloured > 0)
    }

    @Test func aTerminalWithoutTheExtendedColoursFallsBackToTheSixteen() {
        #expect(Palette.onWhite(.yellow) == .extended(130, fallback: .yellow))
        #expect(Palette.onWhite(.cyan).ansiIndex == Color.blue.ansiIndex)
        #expect(Palette.onWhite(.default) == .default)
        #expect(Palette.onWhite(.cyan).name == "color25")
    }

    @Test func theRuntimeDrawsInTheConfigsThemeAndTakesItsKeys() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("channeldesk-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = ProgrammeLocation(url: directory.appendingPathComponent("programme.cdesk"))
        try ProgrammeStore.write(ConsoleFixture.programme, to: location)
        let store = try ProgrammeStore(opening: location)
        defer { store.close() }
        let config = try ConsoleConfig.parse("theme = \"light\"\n[keys]\nquit = \"Q\"", path: "config.toml")
        let runtime = ConsoleRuntime(store: store, actor: "theme.tester", asOf: ConsoleFixture.asOf, width: 120, height: 40, config: config)
        #expect(runtime.state.keyBindings == config.keyBindings)
        #expect(runtime.frame() == Palette.light.apply(to: ConsoleView.render(runtime.state, runtime.data)))
        #expect(runtime.frame() != ConsoleView.render(runtime.state, runtime.data))
        runtime.handle(.key(.char("q")))
        #expect(!runtime.state.quit)
        runtime.handle(.key(.char("Q")))
        #expect(runtime.state.quit)
    }
}
