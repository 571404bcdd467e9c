import ChannelModel
import ChannelResources
import Foundation

extension Policy {
    /// The ladder and windows of DESIGN.md §2, shipped in `Resources/default-policy.json`: every new
    /// programme starts with it.
    public static func bundledDefault() throws -> Policy {
        try decodeJSON(ChannelResources.defaultPolicyJSON())
    }

    /// Reads a policy file (the `policy export` form) and names what is wrong with it.
    public static func decodeJSON(_ data: Data) throws -> Policy {
        do {
            return try JSONDecoder().decode(Policy.self, from: data)
        } catch let error as DecodingError {
            throw ActionError("the policy file is not valid: \(PolicyJSON.describe(error))")
        }
    }

    /// Pretty, stable JSON, the form `policy export` writes and `policy import` reads.
    public func encodedJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

enum PolicyJSON {
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
