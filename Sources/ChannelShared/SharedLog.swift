import ChannelModel
import ChannelStore
import Foundation
import PostgresNIO

/// The server's side of a shared programme: its identity, the snapshot the log starts from, the
/// log itself, and the one way to add to it (`channeldesk.append`).
struct SharedLog {
    let connection: SharedConnection

    /// What identifies the shared programme, so a cache built from another database is never reused.
    struct Identity: Equatable {
        var id: String
        var snapshotSeq: Int64
        var head: Int64
    }

    func identity() async throws -> Identity {
        do {
            let rows = try await connection.query("""
                SELECT p.id::text, (SELECT max(s.last_seq) FROM channeldesk.snapshot s), h.seq
                FROM channeldesk.programme p, channeldesk.head h
                """)
            for try await (id, snapshotSeq, head) in rows.decode((String, Int64, Int64).self) {
                return Identity(id: id, snapshotSeq: snapshotSeq, head: head)
            }
            throw SharedError.notShared("\(connection.url) holds no shared programme; publish one with `channeldesk share \(connection.url)`")
        } catch let error as SharedError {
            throw error
        } catch {
            switch SharedError.sqlState(error) {
            case "42P01", "3F000":
                throw SharedError.notShared("\(connection.url) holds no shared programme; publish one with `channeldesk share \(connection.url) --file PROGRAMME`")
            case "42501":
                throw SharedError.noPrivilege("\(connection.url.user) may not read the shared programme; an administrator can run: GRANT channeldesk_viewer TO \(connection.url.user);")
            default:
                throw SharedError.server(SharedError.describe(error))
            }
        }
    }

    /// The programme file's bytes the log starts from, and the last sequence number it holds.
    func snapshot() async throws -> (data: Data, lastSeq: Int64) {
        let rows = try await connection.query("SELECT data, last_seq FROM channeldesk.snapshot ORDER BY last_seq DESC LIMIT 1")
        for try await (data, lastSeq) in rows.decode((Data, Int64).self) { return (data, lastSeq) }
        throw SharedError.notShared("\(connection.url) has no snapshot to start from; share the programme again")
    }

    /// Every action after `seq`, in order, with the actor and time the server recorded.
    func entries(after seq: Int64) async throws -> [JournalEntry] {
        let rows = try await connection.query("""
            SELECT seq, actor, extract(epoch FROM at)::bigint, payload::text, attachment
            FROM channeldesk.actions WHERE seq > \(seq) ORDER BY seq
            """)
        var entries: [JournalEntry] = []
        for try await (seq, actor, at, payload, attachment) in rows.decode((Int64, String, Int64, String, Data?).self) {
            let action: ProgrammeAction
            do {
                action = try ActionPayload.decode(payload, attachment: attachment)
            } catch {
                throw SharedError.server("the shared log's #\(seq) cannot be read by this channeldesk (\(error)); update channeldesk")
            }
            entries.append(JournalEntry(seq: seq, generation: 0, at: Instant(seconds: at), actor: actor, action: action))
        }
        return entries
    }

    /// What the server answered to an append.
    enum AppendResult: Equatable {
        /// The action is in the log at `seq` (also when a retry found it there already), recorded
        /// with the server's actor and time.
        case appended(seq: Int64, actor: String, at: Instant)
        /// Someone changed the same subject after `expected`: catch up and check again.
        case stale(head: Int64)
    }

    /// Throws the server's refusal (naming the role it takes) when this member may not make an
    /// action of `kind`; the append checks the same again, so this only saves wasted work.
    func checkRole(kind: String) async throws {
        let action = try String(decoding: JSONEncoder().encode(["kind": kind]), as: UTF8.self)
        do {
            // The refusal may arrive after the row description: reading the rows is what surfaces it.
            for try await _ in try await connection.query("SELECT 1 FROM channeldesk.check_role(\(action)::jsonb)") {}
        } catch {
            if SharedError.sqlState(error) == "42501" { throw SharedError.noPrivilege(SharedError.describe(error)) }
            throw error
        }
    }

    func append(key: UUID, expectedSeq: Int64, action: ProgrammeAction) async throws -> AppendResult {
        let payload = try ActionPayload.encode(action)
        do {
            let rows = try await connection.query("""
                SELECT status, seq, actor, extract(epoch FROM at)::bigint
                FROM channeldesk.append(\(key), \(expectedSeq), \(payload.json)::jsonb, \(payload.attachment))
                """)
            for try await (status, seq, actor, at) in rows.decode((String, Int64, String?, Int64?).self) {
                guard status != "stale", let actor, let at else { return .stale(head: seq) }
                return .appended(seq: seq, actor: actor, at: Instant(seconds: at))
            }
            throw SharedError.server("the server gave no answer to the append")
        } catch let error as SharedError {
            throw error
        } catch {
            if SharedError.sqlState(error) == "42501" {
                throw SharedError.noPrivilege(SharedError.describe(error))
            }
            throw error
        }
    }
}
