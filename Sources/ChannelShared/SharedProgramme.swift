import ChannelModel
import ChannelStore
import Foundation

/// A programme a team shares through PostgreSQL (DESIGN.md §9), as the command line uses it: read
/// from the local copy brought up to date first, changed through the server's log.
public enum SharedProgramme {
    /// A programme read for a report, with what the user should hear on stderr.
    public struct Read: Sendable {
        public var programme: Programme
        public var lastSeq: Int64
        public var warnings: [String]
    }

    /// Brings the local copy up to date from the log and returns it. When the server cannot be reached
    /// the report answers from the copy as it last was, with a warning saying so.
    public static func read(_ url: DatabaseURL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Read {
        let cache = SharedCache(for: url, environment: environment)
        do {
            return try runBlocking {
                try await SharedConnection.with(url) { connection in
                    let log = SharedLog(connection: connection)
                    let copy = try await cache.open(try await log.identity(), log: log)
                    defer { copy.close() }
                    try await cache.catchUp(copy, log: log)
                    return Read(programme: copy.programme, lastSeq: copy.lastSeq, warnings: [])
                }
            }
        } catch SharedError.unreachable(let where_, let why) {
            guard cache.location.exists, let loaded = try? ProgrammeLoader.load(cache.location) else {
                throw SharedError.unreachable(where_, why)
            }
            let saved = (try? FileManager.default.attributesOfItem(atPath: cache.location.journalURL.path)[.modificationDate] as? Date)
                ?? loaded.savedAt
            return Read(programme: loaded.programme, lastSeq: loaded.lastSeq,
                        warnings: ["the team database \(where_) cannot be reached (\(why)); answering from the local copy as of #\(loaded.lastSeq), last brought up to date \(SharedClock.describe(saved))"])
        }
    }

    /// Appends `action` to the shared log, checked against the copy brought up to date first. It is
    /// appended only if nothing since touched what it is about; else the copy catches up and the action
    /// is checked again — so of two managers deciding one registration, the second hears who decided it.
    /// One idempotency key goes with every attempt, so a retry after a lost reply never applies twice.
    public static func perform(_ action: ProgrammeAction, on url: DatabaseURL,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ActionOutcome {
        let writer = try SharedWriter(url, environment: environment)
        defer { writer.close() }
        return try writer.perform(action).outcome
    }

    /// The append loop: catch up, check, append under the position checked; on a stale answer catch
    /// up and check again; on a lost connection reconnect and send the same key. Answers the outcome,
    /// the action's sequence number and the connection it ended on.
    static func append(_ action: ProgrammeAction, key: UUID, copy: CachedCopy, cache: SharedCache, url: DatabaseURL,
                       connection original: SharedConnection, closeOnFailure: Bool = false) async throws -> Appended {
        var connection = original
        do {
            return try await appendLoop(action, key: key, copy: copy, cache: cache, url: url, connection: &connection)
        } catch {
            // A PostgresConnection must be closed before it goes: the caller keeps only the one it passed in.
            if closeOnFailure || connection.connection !== original.connection { try? await connection.connection.close() }
            throw error
        }
    }

    /// What an append answers.
    struct Appended: Sendable {
        var outcome: ActionOutcome
        var seq: Int64
        var connection: SharedConnection
    }

    private static func appendLoop(_ action: ProgrammeAction, key: UUID, copy: CachedCopy, cache: SharedCache, url: DatabaseURL,
                                   connection: inout SharedConnection) async throws -> Appended {
        var reconnects = 0
        while true {
            let log = SharedLog(connection: connection)
            do {
                try await cache.catchUp(copy, log: log)
                if let refusal = refusal(of: action, in: copy.programme) { throw SharedError.refused(refusal) }
                switch try await log.append(key: key, expectedSeq: copy.lastSeq, action: action) {
                case .stale:
                    continue
                case .appended(let seq, let actor, let at) where seq == copy.lastSeq + 1:
                    // Our own action, next in the log: applied from memory with the server's actor and
                    // time rather than fetched back (a million-row import is not downloaded again).
                    let outcome = try cache.apply(JournalEntry(seq: seq, generation: 0, at: at, actor: actor, action: action), to: copy)
                    return Appended(outcome: outcome, seq: seq, connection: connection)
                case .appended(let seq, _, _):
                    let outcomes = try await cache.catchUp(copy, log: log)
                    return Appended(outcome: outcomes[seq] ?? ActionOutcome(message: "Done (#\(seq))", inverse: nil), seq: seq,
                                    connection: connection)
                }
            } catch where SharedError.isConnectionLoss(error) && reconnects < 5 {
                // The reply may be lost with the connection: ask again under the same key; the
                // server answers with the earlier append if it happened.
                reconnects += 1
                try? await Task.sleep(for: .milliseconds(100 * reconnects))
                try? await connection.connection.close()
                connection = try await SharedConnection.open(url)
            }
        }
    }
}

extension SharedProgramme {
    /// Why `action` does not apply to `programme` now, told as who got there first; nil when it applies.
    static func refusal(of action: ProgrammeAction, in programme: Programme) -> String? {
        do {
            try Reducer.check(action, in: programme, at: .now)
            return nil
        } catch {
            return Conflict.explain(error, of: action, in: programme)
        }
    }
}

/// Times in messages: "at 10:02" today, "on 2026-12-01 at 10:02" otherwise (the one rule is ChannelStore's).
enum SharedClock {
    static func describe(_ date: Date, now: Date = Date()) -> String { ClockText.describe(date, now: now) }
}

/// Why a decision no longer applies, told as who changed the registration and when.
enum Conflict {
    static func explain(_ error: ActionError, of action: ProgrammeAction, in programme: Programme) -> String {
        for id in action.decidedRegistrationIDs ?? [] where error.message.hasPrefix(id + " ") {
            guard let change = RegistrationChange.latest(id, in: programme) else { continue }
            return "\(change.sentence()); nothing was changed (\(error.message))"
        }
        return error.message
    }
}
