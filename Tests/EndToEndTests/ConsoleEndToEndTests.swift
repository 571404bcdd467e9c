import Foundation
import Testing

/// The real binary in a real terminal (tmux): keys in, screen text out, then the programme file checked
/// through the CLI. Each test has its own demo programme, tmux server and scratch directory.
@Suite(.serialized)
struct ConsoleEndToEndTests {
    // MARK: Helpers

    /// A fresh demo programme in a scratch directory, removed afterwards whatever happens.
    func withDemo(_ body: (Workspace) throws -> Void) throws {
        let workspace = try Workspace()
        defer { workspace.cleanup() }
        try workspace.makeDemo()
        try body(workspace)
    }

    /// The console on the workspace's programme, as of today (UTC), as `e2e.tester`.
    func openConsole(_ workspace: Workspace, file: URL? = nil, width: Int = 120, height: Int = 40,
                     environment: [String: String] = [:], keepPaneAfterExit: Bool = false) throws -> Tmux {
        try Tmux(workspace, ["--file", (file ?? workspace.file).path, "--as-of", Workspace.today, "--actor", "e2e.tester"],
                 width: width, height: height, environment: environment, keepPaneAfterExit: keepPaneAfterExit)
    }

    /// `export KIND --format json`, parsed.
    func exportJSON(_ workspace: Workspace, _ kind: String) throws -> [[String: Any]] {
        let result = try workspace.run(["export", kind, "--format", "json", "--file", workspace.file.path])
        try #require(result.status == 0, "export \(kind) failed: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    func registrationsByID(_ workspace: Workspace) throws -> [String: NSDictionary] {
        var byID: [String: NSDictionary] = [:]
        for row in try exportJSON(workspace, "registrations") {
            byID[try #require(row["registrationId"] as? String)] = row as NSDictionary
        }
        return byID
    }

    static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    // MARK: 1. The issue's scenario

    @Test func triageUndoFilterDrillResizeHelpQuitThenTheFileHasTheTrail() throws {
        try withDemo { workspace in
            let before = try registrationsByID(workspace)
            let partners = try exportJSON(workspace, "partners")
            let partnerNames = Dictionary(uniqueKeysWithValues: partners.map { ($0["partnerId"] as! String, $0["name"] as! String) })
            let queued = before.values.filter { ["pending", "info_requested"].contains($0["status"] as? String) }
            let started = Date().addingTimeInterval(-1)

            let console = try openConsole(workspace)
            defer { console.kill() }
            var screen = try console.waitFor("\(queued.count) waiting ·")
            #expect(screen.contains("ChannelDesk · as of \(Workspace.today) · \(queued.count) waiting"))
            let initialIDs = ScreenText.queueIDs(screen)
            try #require(initialIDs.count >= 3, "no queue rows on screen:\n\(screen)")
            #expect(Set(initialIDs).isSubset(of: Set(queued.map { $0["registrationId"] as! String })))

            // a: approve the first row (answering y when it conflicts: the console asks first, listing
            // the conflicts); the selection rests on the next one.
            let first = initialIDs[0]
            try console.type("a")
            screen = try console.waitUntil("approval or its conflict question") {
                $0.contains("Approved \(first) for ") || $0.contains("Approve \(first) despite")
            }
            if screen.contains("Approve \(first) despite") {
                #expect(screen.contains("⚑ "), "the question lists the conflicts:\n\(screen)")
                try console.type("y")
                screen = try console.waitFor("Approved \(first) for ")
            }
            #expect(screen.contains("— u to undo"))
            #expect(screen.contains("\(queued.count - 1) waiting ·"))
            let second = try #require(ScreenText.queueIDs(screen).first)
            #expect(second == initialIDs[1], "after approving \(first) the queue should start at \(initialIDs[1])")
            #expect(!ScreenText.queueIDs(screen).contains(first))

            // r, 2, Enter: reject with "Another partner registered it first".
            try console.type("r")
            try console.waitFor("Reject \(second) — why?")
            try console.type("2")
            try console.waitFor("▸ 2 Another partner registered it first")
            try console.send("Enter")
            screen = try console.waitFor("Rejected \(second): Another partner registered it first")
            #expect(screen.contains("\(queued.count - 2) waiting ·"))
            #expect(!ScreenText.queueIDs(screen).contains(second))

            // u: the rejection is undone (a compensating change), the approval stays.
            try console.type("u")
            let originalStatus = try #require(before[second]?["status"] as? String)
            screen = try console.waitFor("Undid #")
            #expect(screen.contains("\(second) is \(originalStatus.replacingOccurrences(of: "_", with: " ")) again"), "\(screen)")
            #expect(screen.contains("\(queued.count - 1) waiting ·"))
            #expect(ScreenText.queueIDs(screen).first == second)

            // /: filter by the first word of a partner name on screen.
            let partnerID = try #require(before[second]?["partnerId"] as? String)
            let partnerName = try #require(partnerNames[partnerID])
            let word = try #require(partnerName.split(separator: " ").first.map(String.init))
            #expect(screen.contains(word))
            let needle = word.lowercased()
            let expected = Set(queued.compactMap { row -> String? in
                let id = row["registrationId"] as! String
                guard id != first else { return nil }
                let fields = [id, row["partnerId"] as! String, partnerNames[row["partnerId"] as! String] ?? "",
                              row["prospectCompany"] as! String, row["prospectDomain"] as! String]
                return fields.contains { $0.lowercased().contains(needle) } ? id : nil
            })
            try console.type("/")
            try console.waitFor("Enter keep")
            try console.type(needle)
            // The queue's counts follow the filter: "N of M waiting · … · matching "word"".
            screen = try console.waitFor("matching \"\(needle)\"")
            #expect(screen.split(separator: "\n").contains { $0.hasPrefix("\(expected.count) of ") }, "the summary counts the matching rows")
            let filtered = ScreenText.queueIDs(screen)
            #expect(Set(filtered) == expected, "the filtered queue should be exactly the rows matching \"\(needle)\"")
            #expect(filtered.contains(second))
            try console.send("Escape")
            screen = try console.waitUntilGone("matching \"")
            #expect(ScreenText.queueIDs(screen) == ScreenText.queueIDs(screen).filter { $0 != first })
            #expect(ScreenText.queueIDs(screen).count == min(queued.count - 1, initialIDs.count))

            // Enter: the registration detail with its conflicts; Esc back to the queue.
            let top = try #require(ScreenText.queueIDs(screen).first)
            try console.send("Enter")
            screen = try console.waitFor("Conflicts")
            #expect(screen.contains("Registration \(top)"))
            #expect(screen.contains("ChannelDesk › registration \(top)"))
            try console.send("Escape")
            screen = try console.waitUntilGone("Conflicts")
            #expect(screen.contains("\(queued.count - 1) waiting ·"))

            // Resize to 80×24: one pane still, narrower columns, tab bar and footer kept.
            try console.resize(80, 24)
            screen = try console.waitUntil("the 80×24 layout") { screen in
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return lines.count >= 24 && lines[0].contains("1 Queue") && lines[23].contains("a approve")
                    && ScreenText.queueIDs(screen).count == 24 - 5
            }
            let narrowLines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(narrowLines.prefix(24).allSatisfy { $0.count <= 80 })
            #expect(ScreenText.queueIDs(screen).count == 24 - 5, "a 24-row screen has 19 queue rows")
            try console.resize(120, 40)
            screen = try console.waitUntil("the 120×40 layout again") { ScreenText.queueIDs($0).count == min(queued.count - 1, 40 - 5) }
            #expect(screen.contains("ChannelDesk · as of \(Workspace.today)"))

            // 60×20 is too small: a message, then the console comes back.
            try console.resize(60, 20)
            screen = try console.waitFor("Terminal too small: 60×20")
            #expect(screen.contains("ChannelDesk needs at least 80×24."))
            try console.resize(120, 40)
            screen = try console.waitUntilGone("Terminal too small")
            try console.waitFor("\(queued.count - 1) waiting ·")

            // ?: the help overlay, generated from the binding table; any key closes it.
            try console.type("?")
            screen = try console.waitFor("Keys — ")
            #expect(screen.contains("Approve the selected registration"))
            try console.type("x")
            try console.waitUntilGone("Keys — ")

            // q quits.
            try console.type("q")
            try console.waitForExit()

            // The file: the approval stands, the rejection was undone, the audit names the actor.
            let after = try registrationsByID(workspace)
            let finished = Date().addingTimeInterval(1)
            let approved = try #require(after[first])
            #expect(approved["status"] as? String == "approved")
            let decidedAt = try #require(approved["decidedAt"] as? String)
            let decided = try #require(Self.instant(decidedAt), "decidedAt \(decidedAt) is not an instant")
            #expect(decided >= started && decided <= finished, "decidedAt \(decidedAt) should be the time of the key press")
            #expect(approved["protectedUntil"] is String)
            #expect(after[second] == before[second], "the undo should restore \(second) exactly")
            #expect(after[second]?["status"] as? String == originalStatus)
            let changed = after.keys.filter { after[$0] != before[$0] }
            #expect(changed == [first], "only \(first) should differ from the generated programme")

            let audit = try workspace.run(["export", "audit", "--format", "csv", "--file", workspace.file.path])
            #expect(audit.status == 0)
            let lines = audit.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "seq,at,actor,action,subject,detail")
            let entries = lines.dropFirst().map { $0.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(String.init) }
            try #require(entries.count == 3, "three audit entries expected:\n\(audit.stdout)")
            #expect(entries.map { $0[2] } == ["e2e.tester", "e2e.tester", "e2e.tester"])
            #expect(entries.map { $0[3] } == ["approve", "reject", "undo"])
            #expect(entries.map { $0[4] } == [first, second, second])
            for entry in entries {
                let at = try #require(Self.instant(entry[1]), "audit time \(entry[1]) is not an instant")
                #expect(at >= started && at <= finished)
            }
        }
    }

    // MARK: 2. Grid layout

    @Test func gridShowsFourPanesAndTwoOpensAPartner() throws {
        try withDemo { workspace in
            let console = try openConsole(workspace, width: 160, height: 40)
            defer { console.kill() }
            // A frame is painted in one go, but capture-pane can still catch it half drawn: wait for all of it.
            var screen = try console.waitUntil("the whole grid") { screen in
                ["1 Queue", "2 Partners", "3 Tiers", "4 Metrics", "waiting ·", "partners ·", "Proposals as of", "Period ", "a approve"]
                    .allSatisfy(screen.contains)
            }
            for title in ["1 Queue", "2 Partners", "3 Tiers", "4 Metrics"] {
                #expect(screen.contains(title), "\(title) missing from the grid:\n\(screen)")
            }
            #expect(screen.contains("waiting ·") && screen.contains("partners ·") && screen.contains("Proposals as of")
                    && screen.contains("Period "), "every pane's body should show in the grid:\n\(screen)")
            #expect(screen.contains("a approve"), "the queue has the focus first")
            try console.type("2")
            screen = try console.waitFor("s sort")
            #expect(!screen.contains("a approve"))
            #expect(screen.contains("1 Queue") && screen.contains("4 Metrics"), "still the grid")
            try console.send("Enter")
            screen = try console.waitFor("Registrations (")
            #expect(screen.contains("ChannelDesk › "))
            #expect(screen.contains("Deals ("))
            #expect(!screen.contains("2 Partners"), "the detail replaces the grid")
            try console.send("Escape")
            try console.waitFor("2 Partners")
            try console.type("q")
            try console.waitForExit()
        }
    }

    // MARK: 3. Tabs and periods

    @Test func numberKeysTabAndBackTabSwitchPanesAndBracketsMoveTheQuarter() throws {
        try withDemo { workspace in
            let console = try openConsole(workspace)
            defer { console.kill() }
            let queueMarker = "Est. ACV Conflict"
            try console.waitFor(queueMarker)
            try console.type("2")
            var screen = try console.waitFor("60 partners ·")
            #expect(!screen.contains(queueMarker))
            try console.type("3")
            screen = try console.waitFor("Proposals as of \(Workspace.today)")
            try console.type("4")
            screen = try console.waitFor("Period ")
            let current = try #require(startingPeriod(Workspace.today))
            #expect(screen.contains("Period \(current.label)"), "\(screen)")
            // Tab from Metrics reaches Funds, then wraps to the Queue.
            try console.send("Tab")
            try console.waitFor("in the MDF queue")
            try console.send("Tab")
            try console.waitFor(queueMarker)
            try console.send("BTab")
            try console.waitFor("in the MDF queue")
            try console.send("BTab")
            try console.waitFor("Period \(current.label)")
            try console.send("BTab")
            try console.waitFor("Proposals as of")
            try console.send("Tab")
            try console.waitFor("Period \(current.label)")

            // [ and ] move by whole quarters.
            try console.type("[")
            screen = try console.waitFor("Period \(quarter(current.index - 1))")
            #expect(screen.contains("\(quarterStart(current.index - 1)) → "))
            try console.type("[")
            try console.waitFor("Period \(quarter(current.index - 2))")
            try console.type("]")
            try console.waitFor("Period \(quarter(current.index - 1))")
            try console.type("q")
            try console.waitForExit()
        }
    }

    /// Quarter index = year × 4 + quarter − 1.
    func quarter(_ index: Int) -> String { "\(index / 4)-Q\(index % 4 + 1)" }
    func quarterStart(_ index: Int) -> String { String(format: "%04d-%02d-01", index / 4, (index % 4) * 3 + 1) }

    /// The label of the quarter-to-date period the console starts with, and its quarter's index.
    func startingPeriod(_ day: String) -> (label: String, index: Int)? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let index = parts[0] * 4 + (parts[1] - 1) / 3
        let ends = ["03-31", "06-30", "09-30", "12-31"]
        let isLastDay = day.hasSuffix(ends[index % 4])
        return (isLastDay ? quarter(index) : "\(quarter(index)) to date", index)
    }

    // MARK: 4. One writer at a time

    @Test func aSecondWriterIsRefusedWhileTheConsoleHoldsTheFile() throws {
        try withDemo { workspace in
            let console = try openConsole(workspace)
            defer { console.kill() }
            let screen = try console.waitFor("waiting ·")
            let id = try #require(ScreenText.queueIDs(screen).first)
            let pid = try console.query("#{pane_pid}")
            let refused = try workspace.run(["approve", id, "--file", workspace.file.path, "--actor", "intruder"])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("is open for writing by another channeldesk"), "\(refused.stderr)")
            #expect(refused.stderr.contains("pid \(pid)"), "the holder's pid \(pid) should be named: \(refused.stderr)")
            #expect(!refused.stderr.contains("Fatal error"))

            // Reads need no lock, and nothing changed.
            let registrations = try registrationsByID(workspace)
            #expect(registrations[id]?["status"] as? String != "approved")
            try console.type("q")
            try console.waitForExit()

            // Once the console is gone the same command works.
            let approved = try workspace.run(["approve", id, "--file", workspace.file.path, "--actor", "e2e.tester"])
            #expect(approved.status == 0, "\(approved.stderr)")
            #expect(approved.stdout.hasPrefix("Approved \(id) for "))
        }
    }

    // MARK: 5. A damaged file

    @Test func aDamagedFileGivesAMessageNotACrashAndIsNotChanged() throws {
        try withDemo { workspace in
            let original = try Data(contentsOf: workspace.file)
            let damaged = workspace.directory.appendingPathComponent("damaged.cdesk")
            try original.prefix(original.count / 2).write(to: damaged)
            let bytes = try Data(contentsOf: damaged)

            let console = try openConsole(workspace, file: damaged, keepPaneAfterExit: true)
            defer { console.kill() }
            let status = try console.waitForExit()
            #expect(status == 1, "exit status \(String(describing: status))")
            let screen = try console.capture(joined: true)
            #expect(screen.contains("Error: \(damaged.path) cannot be read: the programme file is damaged or truncated"), "\(screen)")
            #expect(screen.contains("The file was not changed; run `channeldesk check` for details"), "\(screen)")
            #expect(!screen.contains("Fatal error") && !screen.contains("Stack dump"))
            #expect(try console.query("#{alternate_on}") == "0", "curses never started")
            #expect(try console.sttyModesAfterExit().isSuperset(of: ["icanon", "echo", "isig"]))
            #expect(try Data(contentsOf: damaged) == bytes, "the damaged file must not be touched")
            #expect(!FileManager.default.fileExists(atPath: damaged.path + "-journal"), "no journal created beside it")
        }
    }

    // MARK: 6. ctrl-c

    @Test func ctrlCQuitsAndRestoresTheTerminal() throws {
        try withDemo { workspace in
            let console = try openConsole(workspace, keepPaneAfterExit: true)
            defer { console.kill() }
            try console.waitFor("waiting ·")
            #expect(try console.query("#{alternate_on}") == "1", "the console draws on the alternate screen")
            try console.type("/")
            try console.waitFor("Enter keep")
            try console.type("zz")
            try console.waitFor("matching \"zz\"")
            // From inside the filter, not just from normal mode.
            try console.send("C-c")
            let status = try console.waitForExit()
            #expect(status == 0, "ctrl-c is a clean quit, exit status \(String(describing: status))")
            #expect(try console.query("#{alternate_on}") == "0", "the alternate screen is left")
            #expect(try console.query("#{cursor_flag}") == "1", "the cursor is visible again")
            #expect(try console.query("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}") == "000", "mouse reporting is off")
            #expect(try console.query("#{keypad_flag}") == "0", "keypad transmit mode is off")
            let modes = try console.sttyModesAfterExit()
            for mode in ["icanon", "echo", "isig", "icrnl", "onlcr", "opost", "ixon"] {
                #expect(modes.contains(mode), "stty should show \(mode) again after the console exits: \(modes.sorted())")
            }
            let screen = try console.capture()
            #expect(!screen.contains("waiting ·"), "the console's screen is gone:\n\(screen)")
            // Output after the console starts at the left margin: newlines are translated again.
            #expect(screen.split(separator: "\n").contains { $0.hasPrefix("[exited 0]") }, "\(screen)")
        }
    }

    // MARK: 7. NO_COLOR

    /// SGR sequences in a `capture-pane -e` screen that set a colour (30–38, 40–48, 90–97, 100–107).
    func colourSequences(_ screen: String) -> [String] {
        let sequences: [String] = screen.matches(of: /\x1B\[[0-9;:]*m/).map { String(screen[$0.range]) }
        return sequences.filter { sequence in
            let body = sequence.dropFirst(2).dropLast()
            let parameters: [Int] = body.split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int(String($0)) }
            return parameters.contains { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
        }
    }

    @Test func noColorKeepsTheConsoleUsableWithoutColour() throws {
        try withDemo { workspace in
            // Control: with colours, the SLA column of a breached registration is red.
            let coloured = try openConsole(workspace, keepPaneAfterExit: true)
            defer { coloured.kill() }
            try coloured.waitFor("past the 48h SLA")
            let colourScreen = try coloured.capture(escapes: true)
            #expect(!colourSequences(colourScreen).isEmpty, "the control run should use colour")
            try coloured.type("q")
            try coloured.waitForExit()
            coloured.kill()

            let plain = try openConsole(workspace, environment: ["NO_COLOR": "1"])
            defer { plain.kill() }
            let screen = try plain.waitFor("past the 48h SLA")
            #expect(!ScreenText.queueIDs(screen).isEmpty)
            let escaped = try plain.capture(escapes: true)
            #expect(colourSequences(escaped).isEmpty, "NO_COLOR=1 but colours were drawn: \(Set(colourSequences(escaped)).sorted())")
            #expect(escaped.contains("\u{1B}[7m") || escaped.contains(";7m") || escaped.contains("[7;"),
                    "reverse video still marks the header and selection")
            try plain.type("q")
            try plain.waitForExit()
        }
    }
}
