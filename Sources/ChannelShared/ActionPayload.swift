import ChannelStore
import Foundation

/// How an action travels in the shared log: the journal's own `Codable` encoding of the action
/// (the same keys and columnar tables as a journal record), written as JSON so the server can read
/// `kind` and the registration ids to check the role and the conflict — never trusting a label the
/// client attaches beside the payload.
///
/// An import is the exception: its rows travel as an attachment (`ImportBatchCodec`'s bytes, about
/// the snapshot's size for a million rows) and the JSON says only what the server needs — the kind,
/// the source file, the record kind and the row count. The attachment is only ever read as the rows
/// of the import its JSON announces (and the server refuses one beside any other kind), so it cannot
/// carry a change the role check did not see.
enum ActionPayload {
    /// One action as the log stores it.
    struct Encoded {
        var json: String
        var attachment: Data?
    }

    static func encode(_ action: ProgrammeAction) throws -> Encoded {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if case .importBatch(let batch, let source) = action {
            let header = ImportHeader(kind: "importBatch", source: source, recordKind: batch.kind, rows: batch.count)
            return Encoded(json: String(decoding: try encoder.encode(header), as: UTF8.self),
                           attachment: try ImportBatchCodec.encode(batch))
        }
        return Encoded(json: String(decoding: try encoder.encode(action), as: UTF8.self), attachment: nil)
    }

    static func decode(_ json: String, attachment: Data?) throws -> ProgrammeAction {
        guard let attachment else { return try JSONDecoder().decode(ProgrammeAction.self, from: Data(json.utf8)) }
        let header = try JSONDecoder().decode(ImportHeader.self, from: Data(json.utf8))
        guard header.kind == "importBatch" else {
            throw SharedError.server("an attachment beside a \(header.kind) action")
        }
        let batch = try ImportBatchCodec.decode(header.recordKind, from: attachment)
        guard batch.count == header.rows else {
            throw SharedError.server("the import announces \(header.rows) rows but carries \(batch.count)")
        }
        return .importBatch(batch, source: header.source)
    }

    /// What the JSON of an import holds: enough for the audit and the role check, none of the rows.
    struct ImportHeader: Codable {
        var kind: String
        var source: String
        var recordKind: RecordKind
        var rows: Int
    }
}
