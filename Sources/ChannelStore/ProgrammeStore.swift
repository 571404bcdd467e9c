import ChannelModel
import Foundation
import Glibc

/// The one writer of a programme file: it holds the lock, applies every action through the reducer,
/// and makes it durable (journal append + fsync) before anyone is told it happened.
public final class ProgrammeStore {
    public let location: ProgrammeLocation
    public private(set) var programme: Programme
    /// Things the user should hear about the file on open, e.g. a torn last journal record that was dropped.
    public private(set) var warnings: [String]
    public private(set) var generation: Int64
    public private(set) var lastSeq: Int64
    /// The inverses of the changes replayed on open and made since, for `LastUndoable`.
    public private(set) var compensations: Compensations

    private var lock: FileLock?
    private var journal: JournalWriter?
    private var journalBytes: Int
    private let io: FileIO
    /// Set when an fsync of the journal failed, or a change held in memory could not be written;
    /// every later change is refused with it.
    private var unusable: (any Error)?

    /// A checkpoint folds the journal into the snapshot once it grows past this many bytes, so
    /// opening never replays an unbounded journal.
    public var checkpointThreshold = 32 << 20

    /// Import batches of at least this many rows are made durable by the snapshot alone: journaling a
    /// million rows would write them twice (the record, then the checkpoint its size sets off), and the
    /// journal record was a quarter of such an import.
    public var snapshotBatchRows = 100_000

    /// Opens `location` for writing, creating an empty programme with `policy` when the file does not
    /// exist and `create` is true. A file that cannot be read is reported and left untouched.
    public init(opening location: ProgrammeLocation, create: Bool = false, policy: @autoclosure () throws -> Policy = try Policy.bundledDefault(),
                io: FileIO = PosixFileIO()) throws {
        self.location = location
        self.io = io
        if create { try ProgrammeStore.makeDirectory(for: location) }
        let lock = try FileLock.acquire(for: location.url)
        ProgrammeStore.removeAbandonedSnapshots(of: location)
        do {
            if !location.exists {
                guard create else { throw StoreError.missing(location) }
                if FileManager.default.fileExists(atPath: location.journalURL.path) {
                    throw StoreError.orphanJournal(location)
                }
                let empty = Programme(policy: try policy())
                try AtomicFile.write(try SnapshotCodec.encode(empty, generation: 1, lastSeq: 0, savedAt: Date()),
                                     to: location.url, io: io)
            }
            let loaded = try ProgrammeLoader.load(location)
            programme = loaded.programme
            generation = loaded.generation
            lastSeq = loaded.lastSeq
            warnings = loaded.warnings
            compensations = loaded.compensations
            let writer = try JournalWriter(url: location.journalURL, io: io)
            if loaded.journalTornBytes > 0 { try writer.truncate(toLength: loaded.journalValidLength) }
            journal = writer
            journalBytes = loaded.journalValidLength
            self.lock = lock
        } catch {
            lock.release()
            throw error
        }
    }

    deinit { close() }

    /// Checks, journals durably, then applies `action`. When this returns, the change survives a crash.
    @discardableResult
    public func perform(_ action: ProgrammeAction, actor: String, at: Instant = .now) throws -> ActionOutcome {
        let journal = try usableJournal()
        try Reducer.check(action, in: programme, at: at)
        if case .importBatch(let batch, _) = action { try MoneyBounds.checkImport(batch, into: programme) }
        let entry = JournalEntry(seq: lastSeq + 1, generation: generation, at: at, actor: actor, action: action)
        if case .importBatch(let batch, _) = action, batch.count >= snapshotBatchRows {
            return try performBySnapshot(entry)
        }
        let payload = try JournalCodec.encode(entry)
        try remembering { try journal.append(payload) }
        journalBytes += payload.count + 8
        lastSeq = entry.seq
        var outcome = try Reducer.apply(entry, to: &programme)
        compensations.record(entry, outcome)
        if journalBytes > checkpointThreshold {
            // The action is already durable: a failed compaction must not report it as failed (the
            // caller would retry or tell the user it was lost). The journal still holds it.
            do { try checkpoint() } catch { outcome.message += " (saved; compacting the journal failed: \(error))" }
        }
        return outcome
    }

    /// Applies `entry` and makes it durable by writing the snapshot: until the new snapshot is renamed
    /// into place nothing of the change is on disk, so a crash loses it whole (and it was never
    /// reported). If the snapshot cannot be written, memory holds a change the disk does not: the store
    /// refuses everything after until the programme is reopened from the file.
    private func performBySnapshot(_ entry: JournalEntry) throws -> ActionOutcome {
        let outcome = try Reducer.apply(entry, to: &programme)
        lastSeq = entry.seq
        do {
            try checkpoint()
        } catch {
            unusable = StoreError.unsaved("\(error)")
            throw unusable!
        }
        return outcome
    }

    /// Writes a new snapshot holding everything so far (temp file, fsync, rename, fsync directory),
    /// then empties the journal. A crash between the two is harmless: replay skips records the
    /// snapshot already holds (by sequence number).
    public func checkpoint() throws {
        let journal = try usableJournal()
        let data = try SnapshotCodec.encode(programme, generation: generation + 1, lastSeq: lastSeq, savedAt: Date(),
                                            compensations: compensations)
        let before = snapshotIdentity()
        do {
            try AtomicFile.write(data, to: location.url, io: io)
        } catch {
            // A failure after the rename (fsyncing the directory) has still replaced the snapshot: follow
            // it, or the next checkpoint would write the same generation again. The journal is untouched,
            // so either snapshot replays to the same state.
            if snapshotIdentity() != before { generation += 1 }
            throw error
        }
        generation += 1
        try remembering { try journal.truncate(toLength: 0) }
        journalBytes = 0
    }

    /// The journal, unless it is closed or an fsync of it failed: after that nothing may be written —
    /// not an action, not a snapshot — until the programme is reopened (fsync is never retried).
    private func usableJournal() throws -> JournalWriter {
        guard let journal else { throw StoreError.closed }
        if let unusable { throw unusable }
        return journal
    }

    private func remembering(_ write: () throws -> Void) throws {
        do {
            try write()
        } catch let error as JournalError {
            if case .unusable = error { unusable = error }
            throw error
        }
    }

    /// Which file is at the programme's path (inode and device), to tell whether a rename happened.
    private func snapshotIdentity() -> [UInt64] {
        var info = stat()
        guard stat(location.url.path, &info) == 0 else { return [] }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// Releases the journal and the lock; the store refuses further actions.
    public func close() {
        try? journal?.close()
        journal = nil
        lock?.release()
        lock = nil
    }
}

/// Why a programme file could not be opened or changed, in words a channel manager can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case missing(ProgrammeLocation)
    case orphanJournal(ProgrammeLocation)
    case closed
    case unreadable(ProgrammeLocation, String)
    case journalCorrupt(ProgrammeLocation, String)
    case busy(ProgrammeLocation)
    /// A change applied in memory could not be written (a large import whose snapshot failed).
    case unsaved(String)

    public var description: String {
        switch self {
        case .missing(let location):
            // Name the file in the hint: `channeldesk demo` alone writes demo.cdesk, not this file.
            let file = location.url.path.shellQuoted
            return "there is no programme at \(location.url.path); create it with `channeldesk demo --file \(file) --no-open` (a generated demo) or `channeldesk import partners PARTNERS.csv --file \(file)` (your own data)"
        case .orphanJournal(let location):
            return "\(location.journalURL.path) exists but its programme file does not; restore \(location.name) or move the journal away"
        case .closed:
            return "the programme is closed"
        case .unreadable(let location, let why):
            return "\(location.url.path) cannot be read: \(why). The file was not changed; run `channeldesk check` for details"
        case .busy(let location):
            return "\(location.url.path) kept being rewritten while it was read (a checkpoint every moment?); try again"
        case .journalCorrupt(let location, let why):
            return "\(location.journalURL.path) is damaged: \(why). Nothing was changed; run `channeldesk check --repair`"
        case .unsaved(let why):
            return "the change may not have been saved (\(why)); quit and reopen the programme to see what the file holds"
        }
    }
}

extension String {
    /// The string as one shell word: as it is when it is plain, else in single quotes.
    var shellQuoted: String {
        let plain = !isEmpty && allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+:@%,".contains($0)) }
        return plain ? self : "'" + replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension Instant {
    /// The current time, to the second.
    public static var now: Instant { Instant(seconds: Int64(Date().timeIntervalSince1970)) }
}

extension Day {
    /// Today's date (UTC).
    public static var today: Day { Instant.now.day }
}

extension ProgrammeStore {
    /// Writes `programme` as the complete content of `location` (a demo, a repaired copy), under the
    /// writer's lock so it cannot clobber a programme someone has open. Any old journal is removed first:
    /// its records belong to the programme being replaced.
    public static func write(_ programme: Programme, to location: ProgrammeLocation, io: FileIO = PosixFileIO()) throws {
        try makeDirectory(for: location)
        let lock = try FileLock.acquire(for: location.url)
        defer { lock.release() }
        let data = try SnapshotCodec.encode(programme, generation: 1, lastSeq: programme.audit.last?.seq ?? 0, savedAt: Date())
        if FileManager.default.fileExists(atPath: location.journalURL.path) {
            try FileManager.default.removeItem(at: location.journalURL)
        }
        try AtomicFile.write(data, to: location.url, io: io)
    }

    /// The programme's directory, private to its owner, created on first use.
    static func makeDirectory(for location: ProgrammeLocation) throws {
        try FileManager.default.createDirectory(at: location.url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// A writer killed while writing a snapshot leaves its temporary file behind; with the lock held,
    /// no other writer can own one, so they are removed on open instead of piling up.
    static func removeAbandonedSnapshots(of location: ProgrammeLocation) {
        let directory = location.url.deletingLastPathComponent()
        let prefix = ".\(location.name).tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
