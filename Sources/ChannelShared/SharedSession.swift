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
    private var connection: SharedConnection
    private let copy: CachedCopy
    private let news = NewsFlag()
    private var listener: Task<Void, Never>?

    /// Connects, brings the local copy up to date and starts listening. The console needs to be the
    /// copy's writer: another console on this machine holding it is refused with a message.
    public init(_ url: DatabaseURL, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.url = url
        let cache = SharedCache(for: url, environment: environment)
        self.cache = cache
        let (connection, copy) = try runBlocking { () async throws -> (SharedConnection, CachedCopy) in
            let connection = try await SharedConnection.open(url)
            let log = SharedLog(connection: connection)
            let copy = try await cache.open(try await log.identity(), log: log)
            try await cache.catchUp(copy, log: log)
            return (connection, copy)
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

    /// Whether another member's change was announced since the last `catchUp`.
    public var hasNews: Bool { news.peek }

    /// Applies every change appended since; answers whether there were any.
    @discardableResult
    public func catchUp() throws -> Bool {
        news.take()
        let before = copy.lastSeq
        let (cache, copy, connection) = (self.cache, self.copy, self.connection)
        _ = try runBlocking { try await cache.catchUp(copy, log: SharedLog(connection: connection)); return true }
        return copy.lastSeq != before
    }

    /// Appends `action` as `SharedProgramme.perform` does, over this session's connection.
    public func perform(_ action: ProgrammeAction) throws -> ActionOutcome {
        let (cache, copy, url, connection) = (self.cache, self.copy, self.url, self.connection)
        let (outcome, used) = try runBlocking {
            try await SharedProgramme.append(action, key: UUID(), copy: copy, cache: cache, url: url, connection: connection)
        }
        self.connection = used
        return outcome
    }

    /// Stops listening and closes the connection and the copy.
    public func close() {
        listener?.cancel()
        listener = nil
        let connection = self.connection
        Task { try? await connection.connection.close() }
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

/// Set by the listener, taken by the console loop.
final class NewsFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var peek: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func take() { lock.lock(); value = false; lock.unlock() }
}
