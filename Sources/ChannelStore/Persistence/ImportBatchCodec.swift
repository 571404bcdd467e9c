import Foundation

/// An import batch on its own, as bytes: the one columnar table a journal record carries for it
/// (`TableCodec`), in a binary property list. A team's shared log sends a large import this way —
/// a million registrations are a few column blobs of about the snapshot's size, where the JSON the
/// log uses for small actions would spell every blob out in base64 inside one huge value.
public enum ImportBatchCodec {
    public static func encode(_ batch: ImportBatch) throws -> Data {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(try TableCodec.encode(batch))
    }

    /// Decodes a batch of `kind`; every column's checksum and shape is verified on the way, and an
    /// error names the table and column at fault.
    public static func decode(_ kind: RecordKind, from data: Data) throws -> ImportBatch {
        try TableCodec.decodeBatch(kind, from: try PlistDecoding.decode(ColumnTable.self, from: data))
    }
}
