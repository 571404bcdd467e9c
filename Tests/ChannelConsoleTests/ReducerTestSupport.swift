import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// A TCA-style test store over `ConsoleReducer.update`: each `send` states the exact change the event
/// makes to the state and the exact effects it asks for; anything else that changed fails the test with
/// a field-by-field diff.
struct ConsoleStore {
    var state: ConsoleState
    let data: ConsoleData

    init(width: Int = 120, height: Int = 40, data: ConsoleData = ConsoleFixture.data,
         _ setup: (inout ConsoleState) -> Void = { _ in }) {
        var state = ConsoleFixture.state(width: width, height: height)
        setup(&state)
        self.state = state
        self.data = data
    }

    /// Applies `event` to a copy of the state and `expected` to another copy; both must be equal, and the
    /// reducer's effects must be exactly `effects`. The store then continues from the reducer's state.
    mutating func send(_ event: ConsoleEvent, _ expected: (inout ConsoleState) -> Void = { _ in },
                       effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        var actual = state
        let actualEffects = ConsoleReducer.update(&actual, event, data)
        var wanted = state
        expected(&wanted)
        if actual != wanted {
            let lines = StateDiff.lines(expected: wanted, actual: actual)
            let message = "State after \(event) differs from the expected change:\n" + lines.joined(separator: "\n")
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
        #expect(actualEffects == effects, "effects of \(event)", sourceLocation: sourceLocation)
        state = actual
    }

    /// `send(.key(key))`, the common case.
    mutating func press(_ key: Key, _ expected: (inout ConsoleState) -> Void = { _ in }, effects: [Effect] = [],
                        sourceLocation: SourceLocation = #_sourceLocation) {
        send(.key(key), expected, effects: effects, sourceLocation: sourceLocation)
    }

    /// Sends each character of `text` as a key without asserting anything: for getting somewhere.
    /// Tests that are about the typing itself assert each key with `press`.
    mutating func type(_ text: String) {
        for character in text { _ = ConsoleReducer.update(&state, .key(.char(character)), data) }
    }

    /// Sends keys without asserting: for reaching the state a test starts from.
    mutating func reach(_ keys: Key...) {
        for key in keys { _ = ConsoleReducer.update(&state, .key(key), data) }
    }

    /// A store (after `setup`) with `text` typed on a freshly opened `:` line, just before Enter.
    static func onCommandLine(_ text: String, _ setup: (inout ConsoleState) -> Void = { _ in }) -> ConsoleStore {
        var store = ConsoleStore(setup)
        store.reach(.char(":"))
        store.type(text)
        return store
    }
}

/// The fields of two states that differ, each with both values: the readable part of a failed `send`.
enum StateDiff {
    static func lines(expected: ConsoleState, actual: ConsoleState) -> [String] {
        let wanted = Mirror(reflecting: expected).children, got = Array(Mirror(reflecting: actual).children)
        var lines: [String] = []
        for (index, child) in wanted.enumerated() {
            let other = got[index].value
            guard !equal(child.value, other) else { continue }
            let label = child.label ?? "field \(index)"
            if label == "lists", let a = child.value as? [Pane: ListState], let b = other as? [Pane: ListState] {
                for pane in Pane.allCases where a[pane] != b[pane] {
                    lines.append("  lists[.\(pane)]:\n    expected: \(describe(a[pane] as Any))\n    actual:   \(describe(b[pane] as Any))")
                }
            } else if label == "marked", let a = child.value as? Set<String>, let b = other as? Set<String> {
                lines.append("  marked:\n    expected: \(a.sorted())\n    actual:   \(b.sorted())")
            } else {
                lines.append("  \(label):\n    expected: \(describe(child.value))\n    actual:   \(describe(other))")
            }
        }
        return lines.isEmpty ? ["  (no field differs by its description — check Equatable)"] : lines
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        guard let a = a as? any Equatable else { return describe(a) == describe(b) }
        return isEqual(a, b)
    }

    private static func isEqual<T: Equatable>(_ a: T, _ b: Any) -> Bool { (b as? T) == a }

    private static func describe(_ value: Any) -> String { String(describing: value) }
}

/// Every command of the binding table that has a dedicated test below. `everyBindingHasATest` fails when
/// the table gains a command nobody tested; add the command here only together with its test.
enum TestedCommands {
    static let all: Set<Command> = [
        // NavigationReducerTests
        .up, .down, .pageUp, .pageDown, .top, .bottom, .nextPane, .previousPane,
        .focus(.queue), .focus(.partners), .focus(.tiers), .focus(.metrics), .drill, .back, .openPartner,
        // ModeReducerTests
        .filter, .commandLine, .help, .quit,
        // DecisionReducerTests
        .approve, .reject, .requestInfo, .extend, .toggleMark, .approveMarked, .rejectMarked, .undo,
        // PaneCommandReducerTests
        .sort, .reverseSort, .applyTier, .previousPeriod, .nextPeriod, .toggleEnabledFilter,
        // PartnerDetailReducerTests
        .nextSection, .previousSection, .advanceCommission,
        // TriageReducerTests
        .requestInfoMarked, .nextQueued, .previousQueued, .nextConflict, .zoom, .copyID,
        // MineViewReducerTests
        .toggleMine,
        // FundsReducerTests
        .focus(.funds), .approveFunds, .rejectFunds, .requestFundsInfo, .recordClaim, .payClaim,
    ]
}

extension ConsoleFixture {
    /// The queue in triage order, as the sample has it on 2026-09-30.
    static let queueOrder = ["R-0000010", "R-0000649", "R-0000526", "R-0000907", "R-0000903", "R-0000905",
                             "R-0000902", "R-0000904", "R-0000906", "R-0000901", "R-0000444", "R-0000862"]
}
