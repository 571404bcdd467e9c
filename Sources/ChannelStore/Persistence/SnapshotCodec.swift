import ChannelModel
import Foundation

/// A programme read back from its file, with the bookkeeping the journal replay needs.
public struct DecodedSnapshot: Sendable, Equatable {
    public var programme: Programme
    /// Bumped by every checkpoint; journal records of older generations are already in the snapshot.
    public var generation: Int64
    /// The sequence number of the last journaled action the snapshot contains.
    public var lastSeq: Int64
    public var savedAt: Date
    /// What undoes each actor's recent changes up to `lastSeq` (empty in files written before it was kept).
    public var compensations = Compensations()
}

/// Reads and writes the programme file (DESIGN.md §5): a binary property list whose tables are
/// columns of `Data`, so any plist reader can open it and a million rows load in a fraction of a second.
public enum SnapshotCodec {
    public static let format = "channeldesk-programme"
    public static let version = 1

    /// The `tables` keys, in the order the programme holds them.
    static let tableNames = ["partners", "registrations", "deals", "investments", "nps", "directAccounts",
                             "enablement", "audit", "commissionStatus", "clawbacks", "mdfRequests", "mdfAllocations",
                             "compensations"]

    /// - Parameter compensations: what undoes the recent changes the snapshot folds in, so `u` still
    ///   reaches them after the journal is emptied.
    public static func encode(_ programme: Programme, generation: Int64, lastSeq: Int64, savedAt: Date,
                              compensations: Compensations = Compensations()) throws -> Data {
        let tables: [String: ColumnTable] = [
            "partners": try TableCodec.encode(programme.partners),
            "registrations": try TableCodec.encode(programme.registrations),
            "deals": try TableCodec.encode(programme.deals),
            "investments": try TableCodec.encode(programme.investments),
            "nps": try TableCodec.encode(programme.npsResponses),
            "directAccounts": try TableCodec.encode(programme.directAccounts),
            "enablement": try TableCodec.encode(programme.enablement),
            "audit": try TableCodec.encode(programme.audit),
            "commissionStatus": try TableCodec.encode(programme.commissionStatus),
            "clawbacks": try TableCodec.encode(programme.clawbacks),
            "mdfRequests": try TableCodec.encode(programme.mdfRequests),
            "mdfAllocations": try TableCodec.encode(programme.mdfAllocations),
            "compensations": try TableCodec.encode(compensations),
        ]
        let root = Root(format: format, version: version, generation: generation, lastSeq: lastSeq,
                        savedAt: savedAt, policy: programme.policy, suffixList: Domain.listVersion, tables: tables)
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(root)
    }

    /// Decodes and checks a programme file: format, version, every column's checksum and shape, the
    /// uniqueness of ids, and that its money can be totalled (`MoneyBounds`). Every failure is a `SnapshotError`.
    ///
    /// `data` is consumed: once the property list is decoded the file's bytes are released, before the
    /// tables are, so a large programme is never in memory three times over.
    public static func decode(_ data: consuming Data) throws(SnapshotError) -> DecodedSnapshot {
        try checkEnvelope(data)
        let root: Header
        do {
            root = try PlistDecoding.decode(Header.self, from: data)
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw SnapshotError(.damaged(detail: describe(error)))
        }
        // The columns point into the file's bytes: the programme's text columns keep sharing them, and
        // the numeric ones are copied once, into their typed arrays.
        let tables = try PlistTableReader.tables(in: data)
        data = Data()
        // Everything downstream assumes a valid ladder (at least one tier, ordered); a file that
        // carries a broken one is damaged, however it came to be.
        let policyProblems = root.policy.problems()
        guard policyProblems.isEmpty else {
            throw SnapshotError(.damaged(detail: "its policy is not valid: " + policyProblems.joined(separator: "; ")))
        }
        do {
            // The registrations are half the file: they decode, then index their ids, on one core while
            // every other table decodes (and the deals index theirs) on the other. The first error is
            // still the one a table-by-table decode meets first: a duplicate id counts only after them.
            let suffixList = root.suffixList
            let (registrations, (partners, rest)) = Parallel.both({
                Result { () throws(SnapshotError) in
                    let table = try TableCodec.decode(RegistrationTable.self, from: table(tables, "registrations"), suffixList: suffixList)
                    return (table, RowIndex.build(table.ids))
                }
            }, {
                (Result { () throws(SnapshotError) in try TableCodec.decode(Partner.self, from: table(tables, "partners")) },
                 Result { () throws(SnapshotError) in try OtherTables(tables) })
            })
            let partnerRows = try partners.get(), registrationRows = try registrations.get(), others = try rest.get()
            let programme = try Programme.loaded(
                policy: root.policy, partners: partnerRows, registrations: registrationRows.0, deals: others.deals,
                investments: others.investments, npsResponses: others.nps, directAccounts: others.directAccounts,
                enablement: others.enablement, audit: others.audit, commissionStatus: others.commissionStatus,
                clawbacks: others.clawbacks, mdfRequests: others.mdfRequests, mdfAllocations: others.mdfAllocations,
                idIndexes: (registrationRows.1, others.dealIndex), mdfIndexes: others.mdfIndexes)
            try MoneyBounds.check(programme, mdfMagnitude: others.mdfMagnitude)
            return DecodedSnapshot(programme: programme, generation: root.generation, lastSeq: root.lastSeq,
                                   savedAt: root.savedAt, compensations: others.compensations)
        } catch let error as SnapshotError {
            throw error
        } catch let error as Programme.DuplicateID {
            throw SnapshotError(.duplicateID(table: error.table, id: error.id))
        } catch {
            throw SnapshotError(.damaged(detail: describe(error)))
        }
    }

    static func table(_ tables: [String: ColumnTable], _ name: String) throws(SnapshotError) -> ColumnTable {
        guard let table = tables[name] else { throw SnapshotError(.missingTable(name)) }
        return table
    }

    /// Every table but the partners and the registrations, decoded in the file's table order.
    struct OtherTables {
        var deals: DealTable
        var investments: [Investment]
        var nps: [NPSResponse]
        var directAccounts: [DirectAccount]
        var enablement: [Enablement]
        var audit: [AuditEntry]
        var commissionStatus: [String: CommissionStatus]
        var clawbacks: [Clawback]
        var mdfRequests: [MDFRequest]
        var mdfAllocations: [MDFAllocation]
        var compensations: Compensations
        /// The deals' ids indexed, on this core, while the other builds the registrations' index; the
        /// MDF tables' indexes and their amounts' magnitude too (this core has time to spare).
        var dealIndex: Result<RowIndex, RowIndex.DuplicateKey>
        var mdfIndexes: Result<MDFIndexes, Programme.DuplicateID>
        var mdfMagnitude: UInt64?

        init(_ tables: [String: ColumnTable]) throws(SnapshotError) {
            deals = try TableCodec.decode(DealTable.self, from: table(tables, "deals"))
            investments = try TableCodec.decode(Investment.self, from: table(tables, "investments"))
            nps = try TableCodec.decode(NPSResponse.self, from: table(tables, "nps"))
            directAccounts = try TableCodec.decode(DirectAccount.self, from: table(tables, "directAccounts"))
            enablement = try TableCodec.decode(Enablement.self, from: table(tables, "enablement"))
            audit = try TableCodec.decode(AuditEntry.self, from: table(tables, "audit"))
            // The ledger tables came after the first files were written: absent means empty.
            commissionStatus = try tables["commissionStatus"].map { table throws(SnapshotError) in try TableCodec.decodeCommissionStatus(from: table) } ?? [:]
            clawbacks = try tables["clawbacks"].map { table throws(SnapshotError) in try TableCodec.decode(Clawback.self, from: table) } ?? []
            // So did MDF (DESIGN §8): a file without its tables has no requests and no allocations.
            mdfRequests = try tables["mdfRequests"].map { table throws(SnapshotError) in try TableCodec.decode(MDFRequest.self, from: table) } ?? []
            mdfAllocations = try tables["mdfAllocations"].map { table throws(SnapshotError) in try TableCodec.decode(MDFAllocation.self, from: table) } ?? []
            // And the undo of recent changes: absent, only the journal's changes can be undone.
            compensations = try tables["compensations"].map { table throws(SnapshotError) in try TableCodec.decodeCompensations(from: table) } ?? Compensations()
            dealIndex = RowIndex.build(deals.ids)
            let (requests, allocations) = (mdfRequests, mdfAllocations)
            mdfIndexes = Result { () throws(Programme.DuplicateID) in try MDFIndexes(requests: requests, allocations: allocations) }
            mdfMagnitude = MoneyBounds.magnitude(MoneyBounds.mdfColumns(requests: mdfRequests, allocations: mdfAllocations))
        }
    }

    /// Checks the magic and the 32-byte trailer before the decoder sees the file: a truncated file's
    /// trailer points past its end, which deserves a plainer message than the decoder's.
    static func checkEnvelope(_ data: Data) throws(SnapshotError) {
        try checkEnvelope(head: data.prefix(8), tail: data.suffix(32), size: data.count)
    }

    /// The same check from the file's first 8 and last 32 bytes and its size: cheap enough to run
    /// before the console takes over the terminal, however large the programme.
    public static func checkEnvelope(head: Data, tail: Data, size: Int) throws(SnapshotError) {
        guard size >= 8, head.prefix(8).elementsEqual("bplist00".utf8) else {
            throw SnapshotError(.notABinaryPropertyList)
        }
        guard size >= 8 + 32, tail.count == 32 else { throw SnapshotError(.damaged(detail: "the file is only \(size) bytes long")) }
        let trailer = [UInt8](tail)
        func bigEndian(_ range: Range<Int>) -> UInt64 { trailer[range].reduce(0) { $0 << 8 | UInt64($1) } }
        let offsetSize = UInt64(trailer[6]), referenceSize = trailer[7]
        let objects = bigEndian(8..<16), top = bigEndian(16..<24), offsetTable = bigEndian(24..<32)
        let end = UInt64(size - 32)
        guard (1...8).contains(offsetSize), (1...8).contains(referenceSize), objects > 0, top < objects,
              offsetTable >= 8, offsetTable < end, objects <= (end - offsetTable) / offsetSize
        else { throw SnapshotError(.damaged(detail: "its end is missing or overwritten (the file was cut short)")) }
    }

    private static func describe(_ error: Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
                 .valueNotFound(_, let context):
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                return (path.isEmpty ? "" : "at \(path): ") + context.debugDescription
            @unknown default: break
            }
        }
        return "\(error)"
    }

    /// The root dict. Format and version are decoded first (`Header`) so a file from elsewhere, or from
    /// a newer channeldesk, fails with that message rather than with whatever field happens to differ.
    struct Root: Codable {
        var format: String
        var version: Int
        var generation: Int64
        var lastSeq: Int64
        var savedAt: Date
        var policy: Policy
        /// `Domain.listVersion` when the file was written: its registrations' stored registrable domains
        /// follow that list. Absent in files from before the column existed.
        var suffixList: String?
        var tables: [String: ColumnTable]

        init(format: String, version: Int, generation: Int64, lastSeq: Int64, savedAt: Date, policy: Policy,
             suffixList: String?, tables: [String: ColumnTable]) {
            self.format = format; self.version = version; self.generation = generation; self.lastSeq = lastSeq
            self.savedAt = savedAt; self.policy = policy; self.suffixList = suffixList; self.tables = tables
        }

        fileprivate enum CodingKeys: String, CodingKey { case format, version, generation, lastSeq, savedAt, policy, suffixList, tables }

        /// Everything through Foundation: the plain decoder, which salvage and the tests compare with.
        init(from decoder: Decoder) throws {
            let header = try Header(from: decoder)
            self.init(format: header.format, version: header.version, generation: header.generation, lastSeq: header.lastSeq,
                      savedAt: header.savedAt, policy: header.policy, suffixList: header.suffixList,
                      tables: try decoder.container(keyedBy: CodingKeys.self).decode([String: ColumnTable].self, forKey: .tables))
        }
    }

    /// The root dict without its tables, which `PlistTableReader` reads from the file's bytes instead.
    struct Header: Decodable {
        var format: String
        var version: Int
        var generation: Int64
        var lastSeq: Int64
        var savedAt: Date
        var policy: Policy
        var suffixList: String?

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Root.CodingKeys.self)
            let format = try? c.decode(String.self, forKey: .format)
            guard format == SnapshotCodec.format else { throw SnapshotError(.wrongFormat(found: format)) }
            let version = try c.decode(Int.self, forKey: .version)
            guard version == SnapshotCodec.version else { throw SnapshotError(.unsupportedVersion(found: version)) }
            self.format = format!
            self.version = version
            generation = try c.decode(Int64.self, forKey: .generation)
            lastSeq = try c.decodeIfPresent(Int64.self, forKey: .lastSeq) ?? 0
            savedAt = try c.decode(Date.self, forKey: .savedAt)
            policy = try c.decode(Policy.self, forKey: .policy)
            suffixList = try c.decodeIfPresent(String.self, forKey: .suffixList)
        }
    }
}
