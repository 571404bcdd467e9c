import Foundation

/// Turns a journal entry into the binary property list a journal record carries, and back.
public enum JournalCodec {
    public static func encode(_ entry: JournalEntry) throws -> Data {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(entry)
    }

    /// Errors from the columns of an import batch surface as the `SnapshotError` naming them.
    public static func decode(_ data: Data) throws -> JournalEntry {
        try PlistDecoding.decode(JournalEntry.self, from: data)
    }
}
