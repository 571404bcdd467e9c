import Foundation

/// What a journal holds: the payloads of its intact records, in order, and whether a damaged last
/// record was dropped.
public struct JournalContents: Equatable, Sendable {
    public var payloads: [Data]
    /// Bytes of intact records from the start of the file: the length to truncate to before appending.
    public var validLength: Int
    /// Bytes of an incomplete or corrupt last record (a crash mid-append), dropped; nil when none.
    public var tornTail: Int?

    public init(payloads: [Data] = [], validLength: Int = 0, tornTail: Int? = nil) {
        self.payloads = payloads; self.validLength = validLength; self.tornTail = tornTail
    }

    /// The warning to show when a torn tail was dropped.
    public var warning: String? {
        tornTail.map { "the journal ended in an incomplete record (\($0) bytes, from a crash while saving); it was dropped" }
    }
}

/// Reads the journal written by `JournalWriter`. A damaged record at the end is what a crash
/// mid-append leaves and is dropped; a damaged record with any intact record after it is corruption
/// and throws `JournalError.corrupt`, because dropping it would silently lose the later changes.
/// Telling the two apart takes one pass over the bytes after the damage (`JournalResync`), so a
/// journal damaged anywhere, however crafted, is answered in time linear in its size.
public enum JournalReader {
    /// A missing journal is an empty one.
    public static func read(url: URL, io: FileIO = PosixFileIO()) throws -> JournalContents {
        guard let data = try io.readFile(url.path) else { return JournalContents() }
        return try parse(data)
    }

    /// Splits journal bytes into records; see the type's documentation for the damage rules.
    public static func parse(_ data: Data) throws(JournalError) -> JournalContents {
        var stats = JournalScanStats()
        return try parse(data, stats: &stats)
    }

    /// The same, counting the work done: linear in the journal's size however it is damaged.
    package static func parse(_ data: Data, stats: inout JournalScanStats) throws(JournalError) -> JournalContents {
        var contents = JournalContents()
        let result: JournalError? = data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                if let end = intactRecord(in: bytes, at: offset, stats: &stats) {
                    contents.payloads.append(Data(bytes[offset + 8..<end]))
                    offset = end
                    continue
                }
                // Damaged here. Any intact record further on means this is not a torn tail.
                if let next = JournalResync.intactRecords(in: bytes, from: offset + 1, stats: &stats).first {
                    return JournalError.corrupt(offset: offset, recordIndex: contents.payloads.count, nextIntact: next.start)
                }
                contents.tornTail = bytes.count - offset
                break
            }
            contents.validLength = offset
            return nil
        }
        if let result { throw result }
        return contents
    }

    /// Every intact record of a journal, however damaged the bytes between them (what a repair keeps),
    /// and how many bytes were skipped; linear in the journal's size like `parse`.
    package static func salvage(_ data: Data, stats: inout JournalScanStats) -> (payloads: [Data], damagedBytes: Int) {
        data.withUnsafeBytes { bytes in
            var payloads: [Data] = []
            var offset = 0
            while offset < bytes.count, let end = intactRecord(in: bytes, at: offset, stats: &stats) {
                payloads.append(Data(bytes[offset + 8..<end]))
                offset = end
            }
            guard offset < bytes.count else { return (payloads, 0) }
            var damaged = 0
            for record in JournalResync.intactRecords(in: bytes, from: offset + 1, stats: &stats) where record.start >= offset {
                damaged += record.start - offset
                payloads.append(Data(bytes[record.start + 8..<record.end]))
                offset = record.end
            }
            return (payloads, damaged + bytes.count - offset)
        }
    }

    /// The end offset of the record at `offset` when its header fits, its length is non-zero (our
    /// payloads never are, so zero-filled blocks a crash can leave do not pass) and its CRC matches.
    static func intactRecord(in bytes: UnsafeRawBufferPointer, at offset: Int, stats: inout JournalScanStats) -> Int? {
        guard offset + 8 <= bytes.count else { return nil }
        let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
        let end = offset + 8 + length
        guard length > 0, end <= bytes.count else { return nil }
        stats.bytesChecksummed += length
        return CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[offset + 8..<end])) == stored ? end : nil
    }
}
