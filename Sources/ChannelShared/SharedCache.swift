import ChannelModel
import ChannelStore
import Foundation
import Glibc

/// The local columnar copy of a shared programme (`$XDG_CACHE_HOME/channeldesk/…`, else
/// `~/.cache/channeldesk/…`): the server's snapshot plus the log applied to it, kept as an ordinary
/// programme file and journal so reports read it as fast as a local programme. A file beside it
/// (`.id`) names the shared programme it copies, so a cache is never replayed onto another database's log.
struct SharedCache {
    let location: ProgrammeLocation

    init(for url: DatabaseURL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        location = ProgrammeLocation(path: base + "/channeldesk/" + url.cacheName + ".cdesk")
    }

    var idURL: URL { URL(fileURLWithPath: location.url.path + ".id") }

    /// Opens the copy for `identity`: as its writer when no other channeldesk on this machine holds it,
    /// else read-only in memory (several commands may run at once; one keeps the file in step).
    /// A missing copy, or one of another programme or beyond the log, is rebuilt from the snapshot.
    func open(_ identity: SharedLog.Identity, log: SharedLog) async throws -> CachedCopy {
        if (try? String(contentsOf: idURL, encoding: .utf8)) != identity.id || !location.exists {
            return try await rebuild(identity, log: log)
        }
        let copy: CachedCopy
        do {
            copy = CachedCopy(store: try ProgrammeStore(opening: location, io: CacheFileIO()))
        } catch is LockError {
            copy = CachedCopy(loaded: try ProgrammeLoader.load(location))
        } catch {
            // A damaged copy is only a copy: the server has everything it held.
            return try await rebuild(identity, log: log)
        }
        if copy.lastSeq > identity.head || copy.lastSeq < identity.snapshotSeq {
            copy.close()
            return try await rebuild(identity, log: log)
        }
        return copy
    }

    /// Replaces the copy with the server's snapshot, or — when another channeldesk holds the file — keeps
    /// the snapshot in memory for this command only.
    private func rebuild(_ identity: SharedLog.Identity, log: SharedLog) async throws -> CachedCopy {
        let (data, _) = try await log.snapshot()
        // Decoded here only when the copy cannot be the file: opening the written file decodes (and
        // checks) it anyway, and a second decode of a million-row snapshot is a second or more of joining.
        func inMemory() throws -> CachedCopy {
            do {
                let decoded = try SnapshotCodec.decode(data)
                return CachedCopy(programme: decoded.programme, lastSeq: decoded.lastSeq)
            } catch {
                throw SharedError.server("the shared programme's snapshot cannot be read (\(error)); share it again")
            }
        }
        try FileManager.default.createDirectory(at: location.url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let lock: FileLock
        do {
            lock = try FileLock.acquire(for: location.url)
        } catch {
            return try inMemory()
        }
        do {
            try? FileManager.default.removeItem(at: idURL)
            if FileManager.default.fileExists(atPath: location.journalURL.path) {
                try FileManager.default.removeItem(at: location.journalURL)
            }
            try AtomicFile.write(data, to: location.url, io: CacheFileIO())
            try AtomicFile.write(Data(identity.id.utf8), to: idURL, io: CacheFileIO())
            lock.release()
        } catch {
            lock.release()
            throw SharedError.cache("the local copy at \(location.url.path) cannot be written: \(error)")
        }
        do {
            return CachedCopy(store: try ProgrammeStore(opening: location, io: CacheFileIO()))
        } catch {
            return try inMemory()
        }
    }

    /// Applies every log entry after the copy's position; answers the outcome of each, by sequence number.
    @discardableResult
    func catchUp(_ copy: CachedCopy, log: SharedLog) async throws -> [Int64: ActionOutcome] {
        var outcomes: [Int64: ActionOutcome] = [:]
        for entry in try await log.entries(after: copy.lastSeq) {
            guard entry.seq == copy.lastSeq + 1 else {
                throw SharedError.cache("the shared log jumps from #\(copy.lastSeq) to #\(entry.seq); remove \(location.url.path) and try again")
            }
            outcomes[entry.seq] = try apply(entry, to: copy)
        }
        return outcomes
    }

    /// Applies one entry the server accepted; a failure means the copy is not the server's state.
    func apply(_ entry: JournalEntry, to copy: CachedCopy) throws -> ActionOutcome {
        do {
            return try copy.apply(entry)
        } catch {
            throw SharedError.cache("the shared log's #\(entry.seq) (\(entry.action.name) by \(entry.actor)) does not apply to the local copy: \(error); remove \(location.url.path) and try again")
        }
    }
}

/// The copy a command works on: the cache file's store when this process is its writer, else a
/// programme in memory. Used by one thread at a time (the command or the console loop), handed to the
/// concurrency pool only while that thread waits.
final class CachedCopy: @unchecked Sendable {
    private var store: ProgrammeStore?
    private var memory: Programme
    private var memorySeq: Int64

    init(store: ProgrammeStore) {
        self.store = store
        memory = Programme(policy: store.programme.policy)
        memorySeq = 0
    }

    init(loaded: ProgrammeLoader.Loaded) {
        memory = loaded.programme
        memorySeq = loaded.lastSeq
    }

    init(programme: Programme, lastSeq: Int64) {
        memory = programme
        memorySeq = lastSeq
    }

    var programme: Programme { store?.programme ?? memory }
    var lastSeq: Int64 { store?.lastSeq ?? memorySeq }
    var isWriter: Bool { store != nil }
    var writerStore: ProgrammeStore? { store }

    /// Applies an entry the server already accepted, keeping the server's sequence number, actor and time.
    func apply(_ entry: JournalEntry) throws -> ActionOutcome {
        if let store {
            let outcome = try store.perform(entry.action, actor: entry.actor, at: entry.at)
            guard store.lastSeq == entry.seq else {
                throw SharedError.cache("the local copy numbered #\(entry.seq) as #\(store.lastSeq)")
            }
            return outcome
        }
        let outcome = try Reducer.apply(entry, to: &memory)
        memorySeq = entry.seq
        return outcome
    }

    func close() { store?.close() }
}

/// The cache's file I/O: the server holds every acknowledged action, so the copy skips fsync — a
/// copy cut short by a crash is caught up (or rebuilt) from the log on the next command.
struct CacheFileIO: FileIO {
    let base = PosixFileIO()
    func open(_ path: String, flags: Int32, mode: mode_t) throws(FileError) -> Int32 { try base.open(path, flags: flags, mode: mode) }
    func write(_ fd: Int32, _ data: Data, path: String) throws(FileError) -> Int { try base.write(fd, data, path: path) }
    func fsync(_ fd: Int32, path: String) throws(FileError) {}
    func ftruncate(_ fd: Int32, length: Int, path: String) throws(FileError) { try base.ftruncate(fd, length: length, path: path) }
    func size(_ fd: Int32, path: String) throws(FileError) -> Int { try base.size(fd, path: path) }
    func rename(_ from: String, to: String) throws(FileError) { try base.rename(from, to: to) }
    func remove(_ path: String) throws(FileError) { try base.remove(path) }
    func close(_ fd: Int32, path: String) throws(FileError) { try base.close(fd, path: path) }
    func readFile(_ path: String) throws(FileError) -> Data? { try base.readFile(path) }
}
