import ChannelModel
import ChannelStore
import Foundation
import Testing
import TerminalUI
@testable import ChannelConsole

/// Golden-file snapshots of whole screens, as text (`textLines`) or with style markup (`styledLines`).
///
/// The goldens live in `__Snapshots__/<name>.txt` next to this file. `SNAPSHOT_RECORD=1` rewrites them;
/// a missing golden is recorded too unless `CI` is set — either way the test records an issue saying so,
/// so a recording run never passes silently and a missing golden fails in CI. On a mismatch the actual
/// screen is written to `<name>.actual.txt` (ignored by git) and the test fails with a line diff.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__", isDirectory: true)

    struct Size: Sendable, CustomTestStringConvertible {
        var width: Int
        var height: Int
        var name: String { "\(width)x\(height)" }
        var testDescription: String { name }
    }

    static let grid = Size(width: 160, height: 40)
    static let wide = Size(width: 120, height: 40)
    static let small = Size(width: 80, height: 24)
    static let tooSmall = Size(width: 70, height: 20)
    /// The sizes every drill-down and overlay is checked at.
    static let sizes = [grid, wide, small]

    /// The screen after `keys`, as the runtime would show it: each key goes through the reducer, then
    /// `normalize` (the runtime's step after every event). Effects are not performed: the data stays the
    /// sample's.
    static func screen(_ size: Size, _ keys: [Key] = [], data: ConsoleData = ConsoleFixture.data) -> Screen {
        var state = ConsoleFixture.state(width: size.width, height: size.height)
        ConsoleReducer.normalize(&state, data)
        for key in keys {
            _ = ConsoleReducer.update(&state, .key(key), data)
            ConsoleReducer.normalize(&state, data)
        }
        return ConsoleView.render(state, data)
    }

    /// Keys for typing `text`; "\n" is Enter and "\u{1B}" Esc.
    static func typing(_ text: String) -> [Key] {
        text.map { $0 == "\n" ? .enter : $0 == "\u{1B}" ? .escape : .char($0) }
    }

    static func assertText(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertMatches(screen.textLines().joined(separator: "\n"), named: name, sourceLocation: sourceLocation)
    }

    static func assertStyled(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        assertMatches(screen.styledLines().joined(separator: "\n"), named: name, sourceLocation: sourceLocation)
    }

    static func assertMatches(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let environment = ProcessInfo.processInfo.environment
        let golden = directory.appendingPathComponent("\(name).txt")
        let actualFile = directory.appendingPathComponent("\(name).actual.txt")
        let existing = try? String(contentsOf: golden, encoding: .utf8)
        let isCI = !(environment["CI"] ?? "").isEmpty
        if environment["SNAPSHOT_RECORD"] == "1" || (existing == nil && !isCI) {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try (actual + "\n").write(to: golden, atomically: true, encoding: .utf8)
                try? FileManager.default.removeItem(at: actualFile)
                Issue.record("Recorded snapshot \(name).txt — check it, then run again without SNAPSHOT_RECORD",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record snapshot \(name).txt: \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let existing else {
            Issue.record("Missing snapshot \(name).txt (CI is set, so it was not recorded; run with SNAPSHOT_RECORD=1)",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = existing.hasSuffix("\n") ? String(existing.dropLast()) : existing
        guard let report = diff(expected: expected, actual: actual) else {
            try? FileManager.default.removeItem(at: actualFile)
            return
        }
        try? (actual + "\n").write(to: actualFile, atomically: true, encoding: .utf8)
        Issue.record(Comment(rawValue: "Snapshot \(name) differs (actual written to \(name).actual.txt):\n" + report),
                     sourceLocation: sourceLocation)
    }

    /// A readable line diff: the first differing lines with their 1-based numbers, or nil when equal.
    static func diff(expected: String, actual: String, limit: Int = 6) -> String? {
        guard expected != actual else { return nil }
        let want = expected.components(separatedBy: "\n"), got = actual.components(separatedBy: "\n")
        var lines: [String] = []
        if want.count != got.count { lines.append("line count: expected \(want.count), actual \(got.count)") }
        let differing = (0..<max(want.count, got.count)).filter { index in
            (index < want.count ? want[index] : nil) != (index < got.count ? got[index] : nil)
        }
        for index in differing.prefix(limit) {
            lines.append("line \(index + 1):")
            lines.append("  expected: " + (index < want.count ? "|\(want[index])|" : "(no line)"))
            lines.append("  actual:   " + (index < got.count ? "|\(got[index])|" : "(no line)"))
        }
        if differing.count > limit { lines.append("…and \(differing.count - limit) more differing lines") }
        return lines.joined(separator: "\n")
    }
}

@Suite struct SnapshotSupportTests {
    @Test func equalTextHasNoDiff() {
        #expect(Snapshot.diff(expected: "a\nb", actual: "a\nb") == nil)
    }

    @Test func theDiffNamesTheFirstDifferingLines() {
        let report = Snapshot.diff(expected: "same\nold\nsame\ngone", actual: "same\nnew\nsame", limit: 1)
        #expect(report == """
            line count: expected 4, actual 3
            line 2:
              expected: |old|
              actual:   |new|
            …and 1 more differing lines
            """)
    }

    @Test func typingMapsEnterAndEscape() {
        #expect(Snapshot.typing(":q\n\u{1B}") == [.char(":"), .char("q"), .enter, .escape])
    }
}
