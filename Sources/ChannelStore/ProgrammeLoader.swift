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
    }

    /// Loads `location`. A reader racing a checkpoint could pair an old snapshot with an already
    /// truncated journal; it detects that (the snapshot file changed underneath) and reads again.
    public static func load(_ location: ProgrammeLocation) throws -> Loaded {
        for _ in 0..<5 {
            let before = identity(of: location.url)
            let loaded = try loadOnce(location)
            if identity(of: location.url) == before { return loaded }
        }
        return try loadOnce(location)
    }

    static func loadOnce(_ location: ProgrammeLocation) throws -> Loaded {
        guard location.exists else { throw StoreError.missing(location) }
        let snapshot: DecodedSnapshot
        do {
            snapshot = try SnapshotCodec.decode(try Data(contentsOf: location.url, options: .mappedIfSafe))
        } catch let error as SnapshotError {
            throw StoreError.unreadable(location, error.description)
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
        var lastSeq = snapshot.lastSeq
        var replayed = 0
        var warnings: [String] = []
        for (index, payload) in contents.payloads.enumerated() {
            let entry: JournalEntry
            do {
                entry = try JournalCodec.decode(payload)
            } catch {
                throw StoreError.journalCorrupt(location, "record \(index + 1) cannot be decoded: \(error)")
            }
            guard entry.seq > lastSeq else { continue }
            do {
                try Reducer.apply(entry, to: &programme)
            } catch {
                throw StoreError.journalCorrupt(location, "record \(index + 1) (#\(entry.seq) \(entry.action.name)) does not apply: \(error)")
            }
            lastSeq = entry.seq
            replayed += 1
        }
        if let torn = contents.tornTail {
            warnings.append("the last journal record (\(torn) bytes) was incomplete — the action in flight when the programme last stopped — and was dropped")
        }
        return Loaded(programme: programme, generation: snapshot.generation, lastSeq: lastSeq, savedAt: snapshot.savedAt,
                      replayed: replayed, warnings: warnings, journalValidLength: contents.validLength,
                      journalTornBytes: contents.tornTail ?? 0)
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
