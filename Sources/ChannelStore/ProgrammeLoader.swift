import ChannelModel
import Foundation

/// Reads a programme: the snapshot plus every journal record newer than it. Used by the writer on open
/// and, without any lock, by read-only commands (metrics, export, queue) running beside a writer.
public enum ProgrammeLoader {
    /// A programme as read from disk, with what the reader noticed on the way.
    public struct Loaded {
        public var programme: Programme
        public var generation: Int64
        public var lastSeq: Int64
        public var savedAt: Date
        public var replayed: Int
        public var warnings: [String]
        public var journalValidLength: Int
        public var journalTornBytes: Int
        /// The inverses of the replayed records: what `u` can still undo after a restart.
        public var compensations = Compensations()
    }

    /// Loads `location`. A reader racing a checkpoint could pair an old snapshot with an already
    /// truncated journal; it detects that (the snapshot file changed underneath) and reads again.
    ///
    /// The proof of a consistent pair is in the journal: every record carries the generation of the
    /// snapshot it was appended to, so a newer record on top of an older snapshot means a checkpoint
    /// happened between the two reads. (File identity alone is not enough: inodes are reused, and a
    /// programme whose decisions only change statuses keeps its size.)
    public static func load(_ location: ProgrammeLocation) throws -> Loaded {
        let deadline = Date().addingTimeInterval(30)
        var attempt = 0
        while true {
            let before = identity(of: location.url)
            do {
                let loaded = try loadOnce(location, requireMatchingGeneration: true)
                if identity(of: location.url) == before { return loaded }
            } catch is StaleSnapshot {
                // A checkpoint raced this read; read again, backing off a little each time. Never
                // settle for a mismatched pair: an inconsistent answer is worse than none.
                guard Date() < deadline else { throw StoreError.busy(location) }
                attempt += 1
                usleep(useconds_t(1_000 * min(attempt, 50)))
            }
        }
    }

    /// The snapshot read is older than the journal read after it.
    struct StaleSnapshot: Error {}

    static func loadOnce(_ location: ProgrammeLocation, requireMatchingGeneration: Bool = false) throws -> Loaded {
        guard location.exists else { throw StoreError.missing(location) }
        var snapshot: DecodedSnapshot
        do {
            // Mapped, not read: the decoder copies out what it keeps, and the decode lets go of the
            // mapping as soon as it has, so a large file is not held twice. Writers replace the file
            // by rename, never in place, so the mapped bytes cannot change underneath.
            snapshot = try SnapshotCodec.decode(try MappedFile.map(location.url))
        } catch let error as SnapshotError {
            throw StoreError.unreadable(location, error.description)
        } catch let error as FileError {
            throw StoreError.unreadable(location, String(cString: strerror(error.code)))
        } catch {
            throw StoreError.unreadable(location, error.localizedDescription)
        }
        let contents: JournalContents
        do {
            contents = try JournalReader.read(url: location.journalURL)
        } catch {
            throw StoreError.journalCorrupt(location, "\(error)")
        }
        var programme = snapshot.programme
        // The snapshot lets go of its copy, so the replay changes the columns in place: otherwise the
        // first replayed decision copied every column it touches (a fifth of a 1M open's memory).
        snapshot.programme = Programme(policy: programme.policy)
        var lastSeq = snapshot.lastSeq
        var replayed = 0
        var warnings: [String] = []
        var compensations = snapshot.compensations
        for (index, payload) in contents.payloads.enumerated() {
            let entry: JournalEntry
            do {
                entry = try JournalCodec.decode(payload)
            } catch {
                throw StoreError.journalCorrupt(location, "record \(index + 1) cannot be decoded: \(error)")
            }
            guard entry.seq > lastSeq else { continue }
            if requireMatchingGeneration && entry.generation != snapshot.generation { throw StaleSnapshot() }
            do {
                let outcome = try Reducer.apply(entry, to: &programme)
                compensations.record(entry, outcome)
            } catch {
                throw StoreError.journalCorrupt(location, "record \(index + 1) (#\(entry.seq) \(entry.action.name)) does not apply: \(error)")
            }
            lastSeq = entry.seq
            replayed += 1
        }
        // A replayed record can bring amounts the snapshot's own check never saw.
        if replayed > 0 {
            do {
                try MoneyBounds.check(MoneyBounds.columns(of: programme))
            } catch {
                throw StoreError.journalCorrupt(location, "its records take the programme's money past what can be totalled (\(error))")
            }
        }
        if let torn = contents.tornTail {
            warnings.append("the last journal record (\(torn) bytes) was incomplete — the action in flight when the programme last stopped — and was dropped")
        }
        return Loaded(programme: programme, generation: snapshot.generation, lastSeq: lastSeq, savedAt: snapshot.savedAt,
                      replayed: replayed, warnings: warnings, journalValidLength: contents.validLength,
                      journalTornBytes: contents.tornTail ?? 0, compensations: compensations)
    }

    private static func identity(of url: URL) -> [FileAttributeKey: AnyHashable] {
        let attributes = (try? FileManager.default.attributesOfItem(atPath: url.path)) ?? [:]
        var identity: [FileAttributeKey: AnyHashable] = [:]
        for key in [FileAttributeKey.systemFileNumber, .size, .modificationDate] {
            if let value = attributes[key] as? AnyHashable { identity[key] = value }
        }
        return identity
    }
}

extension ProgrammeLoader {
    /// The quick checks a full open would fail on first — the file exists, no other writer holds it,
    /// its binary-plist envelope is whole — so the console can say so on a normal terminal before it
    /// takes over the screen, and only then spend seconds loading a large programme.
    public static func preflight(_ location: ProgrammeLocation) throws {
        guard location.exists else { throw StoreError.missing(location) }
        try FileLock.acquire(for: location.url).release()
        guard let handle = FileHandle(forReadingAtPath: location.url.path) else {
            throw StoreError.unreadable(location, "it cannot be opened for reading")
        }
        defer { try? handle.close() }
        let size = Int((try? handle.seekToEnd()) ?? 0)
        try? handle.seek(toOffset: 0)
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.seek(toOffset: UInt64(max(0, size - 32)))
        let tail = (try? handle.read(upToCount: 32)) ?? Data()
        do {
            try SnapshotCodec.checkEnvelope(head: head, tail: tail, size: size)
        } catch {
            throw StoreError.unreadable(location, error.description)
        }
    }
}
