import ChannelModel
import ChannelStore
import Foundation
import PostgresNIO

/// A long-lived view of a shared programme, for the console: one connection for the log, a second
/// that LISTENs for the server's NOTIFY on every append, and the local copy as the store the console
/// draws from. Calls are synchronous and come from one thread (the console loop).
public final class SharedSession {
    public let url: DatabaseURL
    private let cache: SharedCache
    /// Nil while the server cannot be reached: the console then shows the copy, read only.
    private var connection: SharedConnection?
    private let copy: CachedCopy
    private let news = NewsFlag()
    private var listener: Task<Void, Never>?
    /// When the server was last found unreachable; nil while connected.
    public private(set) var unreachableSince: Date?
    private var lastAttempt = Date.distantPast

    /// Connects, brings the local copy up to date and starts listening. With the server unreachable
    /// it opens the copy as it last was, read only, and keeps trying to reconnect. The console needs
    /// to be the copy's writer: another console on this machine holding it is refused with a message.
    public init(_ url: DatabaseURL, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.url = url
        let cache = SharedCache(for: url, environment: environment)
        self.cache = cache
        var connection: SharedConnection?
        let copy: CachedCopy
        do {
            (connection, copy) = try runBlocking { () async throws -> (SharedConnection?, CachedCopy) in
                let connection = try await SharedConnection.open(url)
                do {
                    let log = SharedLog(connection: connection)
                    let copy = try await cache.open(try await log.identity(), log: log)
                    try await cache.catchUp(copy, log: log)
                    return (connection, copy)
                } catch {
                    try? await connection.connection.close()
                    throw error
                }
            }
        } catch SharedError.unreachable(let where_, let why) {
            guard cache.location.exists, FileManager.default.fileExists(atPath: cache.idURL.path),
                  let store = try? ProgrammeStore(opening: cache.location, io: CacheFileIO()) else {
                throw SharedError.unreachable(where_, why + "; there is no local copy to show until it can")
            }
            connection = nil
            copy = CachedCopy(store: store)
            unreachableSince = Date()
            lastAttempt = Date()
        }
        guard copy.isWriter else {
            copy.close()
            throw SharedError.cache("another channeldesk on this machine has the local copy of \(url) open (\(cache.location.url.path)); close it first")
        }
        self.connection = connection
        self.copy = copy
        startListening()
    }

    deinit { close() }

    /// The local copy's store: what the console reads.
    public var store: ProgrammeStore { copy.writerStore! }

    /// Whether another member's change was announced since the last `catchUp` (or the connection
    /// needs another try).
    public var hasNews: Bool { news.peek || (connection == nil && Date().timeIntervalSince(lastAttempt) >= 2) }

    /// What the console's status line says while the server is unreachable.
    public var banner: String? {
        unreachableSince.map { "read only — server unreachable since \(SharedClock.describe($0)); decisions are refused, never queued" }
    }

    /// Applies every change appended since (reconnecting first when the server was unreachable);
    /// answers whether anything changed — the programme or whether the server can be reached.
    @discardableResult
    public func catchUp() throws -> Bool {
        news.take()
        let before = copy.lastSeq
        let wasOnline = connection != nil
        do {
            let connection = try connected()
            let (cache, copy) = (self.cache, self.copy)
            _ = try runBlocking { try await cache.catchUp(copy, log: SharedLog(connection: connection)); return true }
        } catch let error where SharedError.isConnectionLoss(error) || error is SharedErrorUnreachable {
            goOffline()
        }
        return copy.lastSeq != before || wasOnline != (connection != nil)
    }

    /// Appends `action` as `SharedProgramme.perform` does, over this session's connection. Refused
    /// while the server is unreachable: a decision the server never saw must not look made.
    public func perform(_ action: ProgrammeAction) throws -> ActionOutcome {
        let connection: SharedConnection
        do {
            connection = try connected()
        } catch {
            throw SharedError.refused(banner.map { "\($0); nothing was changed" } ?? "\(error)")
        }
        let (cache, copy, url) = (self.cache, self.copy, self.url)
        do {
            let appended = try runBlocking {
                try await SharedProgramme.append(action, key: UUID(), copy: copy, cache: cache, url: url, connection: connection)
            }
            self.connection = appended.connection
            return appended.outcome
        } catch let error where SharedError.isConnectionLoss(error) || error is SharedErrorUnreachable {
            goOffline()
            throw SharedError.refused("the server stopped answering (\(SharedError.describe(error))); the decision may not have been made — it shows once the server is back")
        }
    }

    /// The connection, reconnecting (at most every 2 s) when there is none.
    private func connected() throws -> SharedConnection {
        if let connection { return connection }
        guard Date().timeIntervalSince(lastAttempt) >= 2 else { throw SharedErrorUnreachable() }
        lastAttempt = Date()
        let (url, expected) = (self.url, try? String(contentsOf: cache.idURL, encoding: .utf8))
        do {
            let connection = try runBlocking { () async throws -> SharedConnection in
                let connection = try await SharedConnection.open(url)
                guard try await SharedLog(connection: connection).identity().id == expected else {
                    try? await connection.connection.close()
                    throw SharedError.cache("\(url) now holds another shared programme; reopen the console")
                }
                return connection
            }
            self.connection = connection
            unreachableSince = nil
            return connection
        } catch SharedError.unreachable {
            throw SharedErrorUnreachable()
        }
    }

    private func goOffline() {
        if let connection { Task { try? await connection.connection.close() } }
        connection = nil
        if unreachableSince == nil { unreachableSince = Date() }
        lastAttempt = Date()
    }

    /// Stops listening and closes the connection and the copy.
    public func close() {
        listener?.cancel()
        listener = nil
        if let connection { Task { try? await connection.connection.close() } }
        connection = nil
        copy.close()
    }

    /// NOTIFY wakes the console within a poll of its loop; when the listening connection drops it is
    /// opened again, so a restarted server is picked up without the user doing anything.
    private func startListening() {
        let (url, news) = (self.url, self.news)
        listener = Task.detached {
            while !Task.isCancelled {
                do {
                    let listening = try await SharedConnection.open(url)
                    try await listening.connection.listen(on: SharedSchema.channel) { notifications in
                        news.set()
                        for try await _ in notifications { news.set() }
                    }
                    try? await listening.connection.close()
                } catch {
                    news.set()
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }
}

/// The server is still unreachable (or was tried too recently to try again).
struct SharedErrorUnreachable: Error {}

/// Set by the listener, taken by the console loop.
final class NewsFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var peek: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func take() { lock.lock(); value = false; lock.unlock() }
}
