import ChannelShared
import Foundation
import Testing

/// Many managers deciding the same registrations at once, each through the real command line: every
/// registration is decided exactly once, the winner is the role the audit names, and every loser is
/// told who decided it and when.
extension PostgresSuite {
    @Suite
    struct RaceTests {
        struct Attempt: Sendable {
            var writer: Int
            var id: String
            var result: Shell.Result
        }

        @Test func eightWritersOnTheSame200RegistrationsDecideEachExactlyOnce() async throws {
            let count = 200, writers = 8
            try await withTeam { team in
                try team.shareSample(extraRegistrations: Team.pendingRegistrations(count))
                try team.addMembers((0..<writers).map { "mgr\($0)" }, to: "manager")
                let ids = Team.ids(count)
                let attempts = Collected<Attempt>()
                try runConcurrently(writers) { writer in
                    var generator = SeededGenerator(seed: UInt64(writer + 1))
                    for id in ids.shuffled(using: &generator) {
                        let decision = writer % 2 == 0 ? ["approve", id] : ["reject", id, "--reason", "duplicate of an open deal"]
                        let result = try team.run(decision + ["--database", team.url("mgr\(writer)")], home: "mgr\(writer)")
                        attempts.append(Attempt(writer: writer, id: id, result: result))
                    }
                }
                let all = attempts.values
                #expect(all.count == count * writers)
                let winners = Dictionary(grouping: all.filter { $0.result.status == 0 }, by: \.id)
                #expect(winners.count == count)
                #expect(winners.values.allSatisfy { $0.count == 1 }, "a registration was decided twice")

                let log = try team.cluster.psql("SELECT payload->>'registrationID' || '|' || actor FROM channeldesk.actions ORDER BY seq", database: team.database)
                    .split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
                #expect(log.count == count)
                #expect(Set(log.map { $0[0] }) == Set(ids))
                for entry in log {
                    #expect(winners[entry[0]]?.first.map { "mgr\($0.writer)" } == entry[1], "\(entry[0]): the log and the winner disagree")
                }
                let actorOf = Dictionary(uniqueKeysWithValues: log.map { ($0[0], $0[1]) })
                let pattern = #/^(mgr\d) (approved|rejected) (R-9\d{6}) at \d\d:\d\d; nothing was changed/#
                for loser in all where loser.result.status != 0 {
                    let said = loser.result.stderr.replacingOccurrences(of: "Error: ", with: "")
                    let match = try #require(try pattern.firstMatch(in: said), "unexpected refusal: \(loser.result.stderr)")
                    #expect(String(match.output.1) == actorOf[loser.id] && String(match.output.3) == loser.id)
                }
                // The audit trail, read by anyone on the team, names the winners' roles.
                let export = try team.run(["export", "audit", "--format", "json", "--database", team.url()], home: "auditor")
                let audit = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]], "\(export.stderr)")
                for id in ids {
                    let actors = audit.filter { ($0["subject"] as? String) == id }.compactMap { $0["actor"] as? String }
                    #expect(actors == [actorOf[id]!], "\(id): \(actors)")
                }
            }
        }
    }
}

/// Runs `body(0..<n)` on n threads at once (real threads: each blocks on a child process, and the
/// concurrency pool has only as many threads as cores) and rethrows the first failure.
func runConcurrently(_ n: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
    let group = DispatchGroup()
    let errors = Collected<String>()
    for index in 0..<n {
        group.enter()
        let thread = Thread {
            do { try body(index) } catch { errors.append("\(index): \(error)") }
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
    if let first = errors.values.first { throw HarnessError(first) }
}

/// Values gathered from several threads.
final class Collected<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []
    func append(_ value: T) { lock.lock(); items.append(value); lock.unlock() }
    var values: [T] { lock.lock(); defer { lock.unlock() }; return items }
}

/// A repeatable shuffle per writer, so a failing race can be rerun in the same order.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
