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
public enum JournalReader {
    /// A missing journal is an empty one.
    public static func read(url: URL, io: FileIO = PosixFileIO()) throws -> JournalContents {
        guard let data = try io.readFile(url.path) else { return JournalContents() }
        return try parse(data)
    }

    /// Splits journal bytes into records; see the type's documentation for the damage rules.
    public static func parse(_ data: Data) throws(JournalError) -> JournalContents {
        var contents = JournalContents()
        let result: JournalError? = data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                if let end = intactRecord(in: bytes, at: offset) {
                    contents.payloads.append(Data(bytes[offset + 8..<end]))
                    offset = end
                    continue
                }
                // Damaged here. Any intact record further on means this is not a torn tail.
                if (offset + 1..<bytes.count).contains(where: { intactRecord(in: bytes, at: $0) != nil }) {
                    return JournalError.corrupt(offset: offset, recordIndex: contents.payloads.count)
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

    /// The end offset of the record at `offset` when its header fits, its length is non-zero (our
    /// payloads never are, so zero-filled blocks a crash can leave do not pass) and its CRC matches.
    static func intactRecord(in bytes: UnsafeRawBufferPointer, at offset: Int) -> Int? {
        guard offset + 8 <= bytes.count else { return nil }
        let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
        let end = offset + 8 + length
        guard length > 0, end <= bytes.count else { return nil }
        return CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[offset + 8..<end])) == stored ? end : nil
    }
}
