import ChannelStore
import Foundation

/// How an action travels in the shared log: the journal's own `Codable` encoding of the action
/// (the same keys and columnar tables as a journal record), written as JSON so the server can read
/// `kind` and the registration ids to check the role and the conflict — never trusting a label the
/// client attaches beside the payload.
enum ActionPayload {
    static func encode(_ action: ProgrammeAction) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(action), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> ProgrammeAction {
        try JSONDecoder().decode(ProgrammeAction.self, from: Data(text.utf8))
    }
}
