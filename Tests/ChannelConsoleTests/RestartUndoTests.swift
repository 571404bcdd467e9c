@testable import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation
import TerminalUI
import Testing

/// `u` after a restart: with nothing of the session's own to undo, the console offers this actor's last
/// change from the audit trail (asked first), undoes it with a compensating change, and walks further
/// back; another actor's changes are never offered, and a change someone made since blocks the undo.
@Suite(.serialized) struct RestartUndoTests {
    static let at = Instant(parsing: "2026-09-30T10:02:00Z")!

    /// A programme file of the sample, in a scratch directory removed afterwards.
    final class ProgrammeFile {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cd-undo-\(UUID().uuidString.prefix(8))")
        var location: ProgrammeLocation { ProgrammeLocation(url: directory.appendingPathComponent("programme.cdesk")) }

        init() throws { try ProgrammeStore.write(ConsoleFixture.programme, to: location) }
        deinit { try? FileManager.default.removeItem(at: directory) }

        /// One console session as `actor`: the keys `session` sends, then the file is closed, as on quit.
        func session(_ actor: String, _ session: (ConsoleRuntime) throws -> Void) throws {
            let store = try ProgrammeStore(opening: location)
            defer { store.close() }
            try session(ConsoleRuntime(store: store, actor: actor, asOf: ConsoleFixture.asOf, width: 120, height: 40, clock: { RestartUndoTests.at }))
        }
    }

    func run(_ line: String, _ runtime: ConsoleRuntime) {
        for key in [Key.char(":")] + line.map(Key.char) + [.enter] { runtime.handle(.key(key)) }
    }

    func press(_ key: Character, _ runtime: ConsoleRuntime) { runtime.handle(.key(.char(key))) }

    @Test func afterReopeningUOffersTheLastDecisionAndYUndoesIt() throws {
        let file = try ProgrammeFile()
        var approval: Int64 = 0
        try file.session("alice") { runtime in
            run("approve R-0000526", runtime)
            approval = runtime.store.lastSeq
            #expect(runtime.store.programme.registration("R-0000526")?.status == .approved)
        }
        try file.session("alice") { runtime in
            press("u", runtime)
            let before = try #require(ConsoleFixture.programme.registration("R-0000526"))
            let partner = try #require(ConsoleFixture.programme.partner(before.partnerID)).name
            let until = ConsoleFixture.asOf.adding(days: ConsoleFixture.programme.policy.protectionDays)
            #expect(runtime.state.mode == .confirm(Confirmation(
                title: "Undo your approval of R-0000526 at 10:02 (today)?",
                lines: ["#\(approval) Approved R-0000526 for \(partner) — protected until \(until)", "",
                        "It was made before this session. Undoing it is a new change; the audit trail keeps both."],
                action: .restoreRegistration(before, undoing: approval))))
            press("y", runtime)
            #expect(runtime.store.programme.registration("R-0000526") == before)
            let last = try #require(runtime.store.programme.audit.last)
            #expect(last.seq == approval + 1 && last.actor == "alice" && last.action == "undo" && last.subject == "R-0000526")
            #expect(last.detail == "Undid #\(approval): R-0000526 is pending again")
            #expect(runtime.state.status == StatusMessage(last.detail, .success))
            #expect(runtime.state.undo.isEmpty, "an undo of an earlier change is not itself put on the stack")
            press("u", runtime)
            #expect(runtime.state.status == StatusMessage("Nothing to undo", .error))
        }
        // The undo is durable and in the history like every change.
        let reopened = try ProgrammeLoader.load(file.location).programme
        #expect(reopened.registration("R-0000526")?.status == .pending)
        #expect(reopened.audit.suffix(2).map(\.action) == ["approve", "undo"])
    }

    @Test func nAndEscapeLeaveEverythingAsItWas() throws {
        let file = try ProgrammeFile()
        try file.session("alice") { run("approve R-0000526", $0) }
        try file.session("alice") { runtime in
            let seq = runtime.store.lastSeq
            press("u", runtime)
            press("n", runtime)
            #expect(runtime.state.mode == .normal && runtime.state.status == StatusMessage("Cancelled"))
            press("u", runtime)
            runtime.handle(.key(.escape))
            #expect(runtime.store.lastSeq == seq && runtime.store.programme.registration("R-0000526")?.status == .approved)
        }
    }

    @Test func uWalksBackThroughEarlierDecisionsNewestFirst() throws {
        let file = try ProgrammeFile()
        try file.session("alice") { runtime in
            run("approve R-0000526", runtime)
            run("reject R-0000907 Duplicate registration", runtime)
        }
        try file.session("alice") { runtime in
            press("u", runtime)
            guard case .confirm(let rejection) = runtime.state.mode else { Issue.record("no question: \(runtime.state)"); return }
            #expect(rejection.title == "Undo your rejection of R-0000907 at 10:02 (today)?")
            press("y", runtime)
            press("u", runtime)
            guard case .confirm(let approval) = runtime.state.mode else { Issue.record("no question: \(runtime.state)"); return }
            #expect(approval.title == "Undo your approval of R-0000526 at 10:02 (today)?")
            press("y", runtime)
            press("u", runtime)
            #expect(runtime.state.status == StatusMessage("Nothing to undo", .error))
            #expect(runtime.store.programme.registration("R-0000907")?.status == .pending)
            #expect(runtime.store.programme.registration("R-0000526")?.status == .pending)
        }
    }

    @Test func anotherActorsDecisionIsNotOfferedAndBlocksUndoingOneItFollowed() throws {
        let file = try ProgrammeFile()
        try file.session("alice") { run("approve R-0000526", $0) }
        try file.session("bob") { runtime in
            press("u", runtime)
            #expect(runtime.state.mode == .normal)
            #expect(runtime.state.status == StatusMessage("Nothing to undo", .error))
            run("extend R-0000526", runtime)
        }
        try file.session("alice") { runtime in
            let seq = runtime.store.lastSeq
            press("u", runtime)
            #expect(runtime.state.mode == .normal)
            #expect(runtime.state.status == StatusMessage(
                "Cannot undo your approval of R-0000526 at 10:02 (today): bob’s extension of R-0000526 at 10:02 (today) came after it", .error))
            #expect(runtime.store.lastSeq == seq, "nothing was clobbered")
        }
    }

    /// The snapshot keeps what undoes the changes it folds in, so a checkpoint does not take `u` away.
    @Test func aChangeACheckpointFoldedInIsStillUndoneAfterAReopen() throws {
        let file = try ProgrammeFile()
        var approval: Int64 = 0
        try file.session("alice") { runtime in
            run("approve R-0000526", runtime)
            approval = runtime.store.lastSeq
            try runtime.store.checkpoint()
        }
        try file.session("alice") { runtime in
            let journal = try FileManager.default.attributesOfItem(atPath: file.location.journalURL.path)[.size] as? Int
            #expect(journal == 0, "the approval is in the snapshot, not the journal")
            press("u", runtime)
            let before = try #require(ConsoleFixture.programme.registration("R-0000526"))
            guard case .confirm(let confirmation) = runtime.state.mode else {
                Issue.record("u offered no undo: \(String(describing: runtime.state.status))")
                return
            }
            #expect(confirmation.action == .restoreRegistration(before, undoing: approval))
            press("y", runtime)
            #expect(runtime.store.programme.registration("R-0000526") == before)
        }
    }

    // MARK: The reducer's side, without a store

    static let entry = AuditEntry(seq: 12, at: Instant(parsing: "2026-09-29T16:45:00Z")!, actor: "alice", action: "approve",
                                  subject: "R-0000526", detail: "Approved R-0000526 for Summitdata75 — protected until 2026-12-28")
    static let inverse = ProgrammeAction.restoreRegistration(ConsoleFixture.programme.registration("R-0000526")!, undoing: 12)

    @Test func uWithAnEmptyStackAsksTheStoreAndItsAnswerBecomesTheQuestion() {
        var store = ConsoleStore()
        store.press(.char("u"), effects: [.lookUpLastUndoable])
        let question = Confirmation(title: "Undo your approval of R-0000526 at 16:45 (yesterday)?",
                                    lines: ["#12 " + Self.entry.detail, "",
                                            "It was made before this session. Undoing it is a new change; the audit trail keeps both."],
                                    action: Self.inverse)
        store.send(.lastUndoable(.undo(Self.entry, inverse: Self.inverse))) { $0.mode = .confirm(question) }
        store.press(.char("y"), { $0.mode = .normal }, effects: [.perform(Self.inverse)])
        let outcome = ActionOutcome(message: "Undid #12: R-0000526 is pending again", inverse: .approve(registrationID: "R-0000526"))
        store.send(.performed(Self.inverse, outcome)) { $0.status = StatusMessage(outcome.message, .success) }
        store.send(.lastUndoable(.nothing)) { $0.status = StatusMessage("Nothing to undo", .error) }
    }

    @Test func theAnswersThatCannotBeUndoneSayWhy() {
        var store = ConsoleStore()
        var other = Self.entry
        other.seq = 13
        other.actor = "bob"
        other.action = "reject"
        other.at = Instant(parsing: "2026-09-20T08:05:00Z")!
        store.send(.lastUndoable(.changedSince(Self.entry, by: other))) {
            $0.status = StatusMessage("Cannot undo your approval of R-0000526 at 16:45 (yesterday): "
                                      + "bob’s rejection of R-0000526 on 2026-09-20 at 08:05 came after it", .error)
        }
        var batch = Self.entry
        batch.action = "batch"
        batch.subject = "R-0000526 R-0000907 R-0000010 R-0000649"
        store.send(.lastUndoable(.forgotten(batch))) {
            $0.status = StatusMessage("Cannot undo your decision on R-0000526, R-0000907, R-0000010 and 1 more at 16:45 (yesterday): "
                                      + "a checkpoint has folded it into the programme file, which keeps no earlier state", .error)
        }
    }
}
