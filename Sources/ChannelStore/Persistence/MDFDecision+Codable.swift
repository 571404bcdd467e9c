import ChannelModel
import Foundation

/// How an MDF decision is stored inside its journal record: a dict with a `kind` and the case's fields.
/// Money is int64 cents and instants whole seconds, so replay is exact; an undo carries the one request
/// it restores as a columnar table, like a registration undo.
extension MDFDecision: Codable {
    private enum CodingKeys: String, CodingKey { case kind, requestID, cents, text, proof, claimedAt, table, undoing }

    private enum Kind: String, Codable { case approve, reject, requestInfo, recordClaim, pay, rejectClaim, restore }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .approve(let id, let amount):
            try c.encode(Kind.approve, forKey: .kind)
            try c.encode(id, forKey: .requestID)
            try c.encode(amount.cents, forKey: .cents)
        case .reject(let id, let reason):
            try c.encode(Kind.reject, forKey: .kind)
            try c.encode(id, forKey: .requestID)
            try c.encode(reason, forKey: .text)
        case .requestInfo(let id, let question):
            try c.encode(Kind.requestInfo, forKey: .kind)
            try c.encode(id, forKey: .requestID)
            try c.encode(question, forKey: .text)
        case .recordClaim(let id, let amount, let proof, let claimedAt):
            try c.encode(Kind.recordClaim, forKey: .kind)
            try c.encode(id, forKey: .requestID)
            try c.encode(amount.cents, forKey: .cents)
            try c.encode(proof, forKey: .proof)
            try c.encodeIfPresent(claimedAt?.seconds, forKey: .claimedAt)
        case .pay(let id):
            try c.encode(Kind.pay, forKey: .kind)
            try c.encode(id, forKey: .requestID)
        case .rejectClaim(let id, let reason):
            try c.encode(Kind.rejectClaim, forKey: .kind)
            try c.encode(id, forKey: .requestID)
            try c.encode(reason, forKey: .text)
        case .restore(let request, let undoing):
            try c.encode(Kind.restore, forKey: .kind)
            try c.encode(TableCodec.encode([request]), forKey: .table)
            try c.encode(undoing, forKey: .undoing)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .kind)
        guard let kind = Kind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown MDF decision \"\(name)\" (written by a newer channeldesk?)")
        }
        func id() throws -> String { try c.decode(String.self, forKey: .requestID) }
        func money() throws -> Money { Money(cents: try c.decode(Int64.self, forKey: .cents)) }
        func text() throws -> String { try c.decode(String.self, forKey: .text) }
        switch kind {
        case .approve: self = .approve(requestID: try id(), amount: try money())
        case .reject: self = .reject(requestID: try id(), reason: try text())
        case .requestInfo: self = .requestInfo(requestID: try id(), question: try text())
        case .recordClaim:
            self = .recordClaim(requestID: try id(), amount: try money(), proof: try c.decode(String.self, forKey: .proof),
                                claimedAt: try c.decodeIfPresent(Int64.self, forKey: .claimedAt).map(Instant.init(seconds:)))
        case .pay: self = .pay(requestID: try id())
        case .rejectClaim: self = .rejectClaim(requestID: try id(), reason: try text())
        case .restore:
            let rows = try TableCodec.decode(MDFRequest.self, from: try c.decode(ColumnTable.self, forKey: .table))
            guard rows.count == 1 else {
                throw DecodingError.dataCorruptedError(forKey: .table, in: c, debugDescription: "an undo restores one MDF request, found \(rows.count)")
            }
            self = .restore(rows[0], undoing: try c.decode(Int64.self, forKey: .undoing))
        }
    }
}
