import ChannelModel
import ChannelStore
import Foundation

/// A command's hold on a shared programme for changing it: one connection and the local copy,
/// brought up to date when opened and kept across changes, so `channeldesk batch` pays for the
/// connection and the copy once, not per line. Each change goes through `channeldesk.append` (the
/// server checks the role and the position); the actor is the server's `session_user`.
/// Used from one thread (the command's); the work runs on the concurrency pool while it waits.
public final class SharedWriter {
    public let url: DatabaseURL
    private let cache: SharedCache
    private var connection: SharedConnection
    private let copy: CachedCopy
    private var closed = false

    /// Connects and brings the local copy up to date. Unlike a report, a change needs the server:
    /// when it cannot be reached this throws, and nothing is queued.
    public init(_ url: DatabaseURL, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.url = url
        let cache = SharedCache(for: url, environment: environment)
        self.cache = cache
        (connection, copy) = try runBlocking { () async throws -> (SharedConnection, CachedCopy) in
            let connection = try await SharedConnection.open(url)
            do {
                let log = SharedLog(connection: connection)
                let copy = try await cache.open(try await log.identity(), log: log)
                do {
                    try await cache.catchUp(copy, log: log)
                } catch {
                    copy.close()
                    throw error
                }
                return (connection, copy)
            } catch {
                try? await connection.connection.close()
                throw error
            }
        }
    }

    deinit { close() }

    /// The programme as of the last change this writer saw: what an import is validated against.
    public var programme: Programme { copy.programme }

    /// The log position the copy is at.
    public var lastSeq: Int64 { copy.lastSeq }

    /// Appends `action` (see `SharedProgramme.perform`); answers its sequence number in the log and
    /// the outcome, applied to the local copy.
    public func perform(_ action: ProgrammeAction) throws -> (seq: Int64, outcome: ActionOutcome) {
        let (cache, copy, url, connection) = (self.cache, self.copy, self.url, self.connection)
        let appended = try runBlocking {
            try await SharedProgramme.append(action, key: UUID(), copy: copy, cache: cache, url: url, connection: connection)
        }
        self.connection = appended.connection
        return (appended.seq, appended.outcome)
    }

    /// Refuses early, as the server would, when this member may not import (admins only): so a
    /// manager is told before a million rows are parsed, not after.
    public func checkMayImport() throws {
        let connection = self.connection
        try runBlocking { try await SharedLog(connection: connection).checkRole(kind: "importBatch"); return true }
    }

    /// Closes the connection and the copy; later calls are not allowed.
    public func close() {
        guard !closed else { return }
        closed = true
        let connection = self.connection
        _ = try? runBlocking { try await connection.connection.close(); return true }
        copy.close()
    }
}
