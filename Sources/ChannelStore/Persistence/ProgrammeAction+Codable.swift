import ChannelModel
import Foundation

/// How an action is stored in a journal record: a dict with a `kind` and the case's fields. Records
/// travel as columnar tables (an import batch, or the one registration an undo restores), so a
/// million-row import is a few `Data` blobs rather than a million nested dicts, and money stays in cents.
extension ProgrammeAction: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, source, recordKind, table, registrationID, reason, question, partnerID, tier, policy, undoing, actions
        case dealIDs, statuses, mdf, owner
    }

    private enum Kind: String, Codable {
        case importBatch, approve, reject, requestInfo, extend, changeTier, setPolicy, restoreRegistration, restoreTier, batch
        case advanceCommissions, restoreCommissionStatus, mdf, assignOwner, restoreOwner
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .importBatch(let batch, let source):
            try c.encode(Kind.importBatch, forKey: .kind)
            try c.encode(source, forKey: .source)
            try c.encode(batch.kind, forKey: .recordKind)
            try c.encode(TableCodec.encode(batch), forKey: .table)
        case .approve(let id):
            try c.encode(Kind.approve, forKey: .kind)
            try c.encode(id, forKey: .registrationID)
        case .reject(let id, let reason):
            try c.encode(Kind.reject, forKey: .kind)
            try c.encode(id, forKey: .registrationID)
            try c.encode(reason, forKey: .reason)
        case .requestInfo(let id, let question):
            try c.encode(Kind.requestInfo, forKey: .kind)
            try c.encode(id, forKey: .registrationID)
            try c.encode(question, forKey: .question)
        case .extend(let id):
            try c.encode(Kind.extend, forKey: .kind)
            try c.encode(id, forKey: .registrationID)
        case .changeTier(let partnerID, let tier):
            try c.encode(Kind.changeTier, forKey: .kind)
            try c.encode(partnerID, forKey: .partnerID)
            try c.encode(tier, forKey: .tier)
        case .assignOwner(let partnerID, let owner):
            try c.encode(Kind.assignOwner, forKey: .kind)
            try c.encode(partnerID, forKey: .partnerID)
            try c.encode(owner, forKey: .owner)
        case .restoreOwner(let partnerID, let owner, let undoing):
            try c.encode(Kind.restoreOwner, forKey: .kind)
            try c.encode(partnerID, forKey: .partnerID)
            try c.encode(owner, forKey: .owner)
            try c.encode(undoing, forKey: .undoing)
        case .setPolicy(let policy):
            try c.encode(Kind.setPolicy, forKey: .kind)
            try c.encode(policy, forKey: .policy)
        case .restoreRegistration(let registration, let undoing):
            try c.encode(Kind.restoreRegistration, forKey: .kind)
            try c.encode(TableCodec.encode([registration]), forKey: .table)
            try c.encode(undoing, forKey: .undoing)
        case .restoreTier(let partnerID, let tier, let undoing):
            try c.encode(Kind.restoreTier, forKey: .kind)
            try c.encode(partnerID, forKey: .partnerID)
            try c.encode(tier, forKey: .tier)
            try c.encode(undoing, forKey: .undoing)
        case .batch(let actions):
            try c.encode(Kind.batch, forKey: .kind)
            try c.encode(actions, forKey: .actions)
        case .advanceCommissions(let ids):
            try c.encode(Kind.advanceCommissions, forKey: .kind)
            try c.encode(ids, forKey: .dealIDs)
        case .restoreCommissionStatus(let statuses, let undoing):
            try c.encode(Kind.restoreCommissionStatus, forKey: .kind)
            try c.encode(statuses.mapValues(\.rawValue), forKey: .statuses)
            try c.encode(undoing, forKey: .undoing)
        case .mdf(let decision):
            try c.encode(Kind.mdf, forKey: .kind)
            try c.encode(decision, forKey: .mdf)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .kind)
        guard let kind = Kind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown action \"\(name)\" (written by a newer channeldesk?)")
        }
        switch kind {
        case .importBatch:
            let recordKind = try c.decode(RecordKind.self, forKey: .recordKind)
            let table = try c.decode(ColumnTable.self, forKey: .table)
            self = .importBatch(try TableCodec.decodeBatch(recordKind, from: table), source: try c.decode(String.self, forKey: .source))
        case .approve: self = .approve(registrationID: try c.decode(String.self, forKey: .registrationID))
        case .reject:
            self = .reject(registrationID: try c.decode(String.self, forKey: .registrationID),
                           reason: try c.decode(String.self, forKey: .reason))
        case .requestInfo:
            self = .requestInfo(registrationID: try c.decode(String.self, forKey: .registrationID),
                                question: try c.decode(String.self, forKey: .question))
        case .extend: self = .extend(registrationID: try c.decode(String.self, forKey: .registrationID))
        case .changeTier:
            self = .changeTier(partnerID: try c.decode(String.self, forKey: .partnerID), to: try c.decode(String.self, forKey: .tier))
        case .assignOwner:
            self = .assignOwner(partnerID: try c.decode(String.self, forKey: .partnerID), owner: try c.decode(String.self, forKey: .owner))
        case .restoreOwner:
            self = .restoreOwner(partnerID: try c.decode(String.self, forKey: .partnerID), owner: try c.decode(String.self, forKey: .owner),
                                 undoing: try c.decode(Int64.self, forKey: .undoing))
        case .setPolicy: self = .setPolicy(try c.decode(Policy.self, forKey: .policy))
        case .restoreRegistration:
            let rows = try TableCodec.decode(Registration.self, from: try c.decode(ColumnTable.self, forKey: .table))
            guard rows.count == 1 else {
                throw DecodingError.dataCorruptedError(forKey: .table, in: c, debugDescription: "an undo restores one registration, found \(rows.count)")
            }
            self = .restoreRegistration(rows[0], undoing: try c.decode(Int64.self, forKey: .undoing))
        case .restoreTier:
            self = .restoreTier(partnerID: try c.decode(String.self, forKey: .partnerID), tier: try c.decode(String.self, forKey: .tier),
                                undoing: try c.decode(Int64.self, forKey: .undoing))
        case .batch: self = .batch(try c.decode([ProgrammeAction].self, forKey: .actions))
        case .advanceCommissions: self = .advanceCommissions(dealIDs: try c.decode([String].self, forKey: .dealIDs))
        case .restoreCommissionStatus:
            var statuses: [String: CommissionStatus] = [:]
            for (id, label) in try c.decode([String: String].self, forKey: .statuses) {
                guard let status = CommissionStatus(rawValue: label) else {
                    throw DecodingError.dataCorruptedError(forKey: .statuses, in: c, debugDescription: "unknown commission status \(label)")
                }
                statuses[id] = status
            }
            self = .restoreCommissionStatus(statuses, undoing: try c.decode(Int64.self, forKey: .undoing))
        case .mdf: self = .mdf(try c.decode(MDFDecision.self, forKey: .mdf))
        }
    }
}

/// The payload of one journal record: `{seq, generation, at, actor, action}` (DESIGN.md §5). `at` is
/// stored as a plist date (whole seconds since 1970 are exact in it), so any plist reader shows a time.
extension JournalEntry: Codable {
    private enum CodingKeys: String, CodingKey { case seq, generation, at, actor, action }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(generation, forKey: .generation)
        try c.encode(Date(timeIntervalSince1970: TimeInterval(at.seconds)), forKey: .at)
        try c.encode(actor, forKey: .actor)
        try c.encode(action, forKey: .action)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let at = try c.decode(Date.self, forKey: .at)
        // A NaN or far-off date would trap converting to Instant's Int64 seconds (found by Fuzz/).
        guard TableReader.dateSeconds.contains(at.timeIntervalSince1970) else {
            throw DecodingError.dataCorruptedError(forKey: .at, in: c, debugDescription: "\(at.timeIntervalSince1970) is not a time between the years 1 and 9999")
        }
        self.init(seq: try c.decode(Int64.self, forKey: .seq), generation: try c.decode(Int64.self, forKey: .generation),
                  at: Instant(seconds: Int64(at.timeIntervalSince1970.rounded())),
                  actor: try c.decode(String.self, forKey: .actor), action: try c.decode(ProgrammeAction.self, forKey: .action))
    }
}
