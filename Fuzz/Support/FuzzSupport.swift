import ChannelModel
@testable import ChannelStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What every fuzz target shares: the default policy, a small programme to import against, a way to
/// re-checksum a mutated plist so the fuzzer gets past the CRCs, and seed writing.
enum FuzzSupport {
    static let policy: Policy = {
        do { return try Policy.bundledDefault() } catch {
            fatalError("cannot read the default policy (set FUZZ_POLICY_JSON): \(error)")
        }
    }()

    /// Sixty partners `P-00001`…`P-00060` (the sample's id form, so references in the sample CSVs
    /// resolve) and forty registrations `R-0000001`…`R-0000040`, built through the importer and reducer.
    static let programme: Programme = {
        let types = ["reseller", "referral", "system_integrator", "agency", "technology", "distribution"]
        let tiers = ["platinum", "gold", "silver", "registered"]
        let statuses = ["active", "onboarding", "active", "suspended", "prospect", "churned"]
        var partners = RecordKind.partners.columns.joined(separator: ",") + "\n"
        for n in 1...60 {
            partners += "P-\(pad(n, 5)),Partner \(n),\(types[n % 6]),\(tiers[n % 4]),EMEA,\(statuses[n % 6]),2024-\(pad(n % 12 + 1, 2))-01,owner\(n % 5),\(n % 7)\n"
        }
        var registrations = RecordKind.registrations.columns.joined(separator: ",") + "\n"
        let regStatuses = ["pending", "approved", "info_requested", "rejected", "expired", "closed_won", "closed_lost", "approved"]
        for n in 1...40 {
            let status = regStatuses[n % 8]
            // Decision fields as the status implies (the import refuses a contradiction): none while
            // queued, a decision without protection when rejected, both for an approval and what it became.
            let decided = ["pending", "info_requested"].contains(status) ? "" : "2026-0\(n % 9 + 1)-03T10:00:00Z"
            let until = ["pending", "info_requested", "rejected"].contains(status) ? "" : "2026-12-0\(n % 9 + 1)"
            registrations += "R-\(pad(n, 7)),P-\(pad(n % 60 + 1, 5)),Prospect \(n),www.prospect\(n % 25).co.uk,\(n * 1000).50,2026-0\(n % 9 + 1)-01T09:00:00Z,\(status),\(decided),\(until)\n"
        }
        var programme = Programme(policy: policy)
        for (seq, (kind, text)) in [(RecordKind.partners, partners), (.registrations, registrations)].enumerated() {
            switch CSVImporter.parse(kind, data: Data(text.utf8), fileName: kind.fileName, programme: programme) {
            case .success(let batch): _ = try! Reducer.apply(entry(seq: Int64(seq + 1), .importBatch(batch, source: kind.fileName)), to: &programme)
            case .failure(let failure): fatalError("the fuzz programme does not import: \(failure)")
            }
        }
        return programme
    }()

    static func entry(seq: Int64, _ action: ProgrammeAction) -> JournalEntry {
        JournalEntry(seq: seq, generation: 1, at: Instant(parsing: "2026-09-30T12:00:00Z")!, actor: "fuzz", action: action)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // MARK: Checksums

    /// The input read as a property list with every column's `crc32` recomputed and written back as a
    /// binary plist; nil when it is not a plist or has no column to fix. Without this the fuzzer
    /// almost never gets past `Column.verify`'s checksum to the shape checks and record decoding.
    /// Read as the product reads (`PlistDecoding`: `PropertyListDecoder` after the check of container
    /// sizes its scanner traps on — without it, this rewrite, not the product, died on a dictionary
    /// claiming more entries than the file holds), not `PropertyListSerialization`, whose
    /// CoreFoundation bridging crashes on some binary plists (e.g. ones holding a set).
    static func rechecksummed(_ data: Data) -> Data? {
        if skipRechecksum { return nil }
        PlistValue.budget = 10_000
        guard let root = try? PlistDecoding.decode(PlistValue.self, from: data) else { return nil }
        var changed = false
        let fixed = root.rechecksummed(&changed)
        guard changed else { return nil }
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try? encoder.encode(fixed)
    }

    /// `FUZZ_RAW_ONLY=1` runs the product on the input as given only: for telling, when an input is
    /// slow or crashes, whether the product or this rewrite is at fault.
    static let skipRechecksum = ProcessInfo.processInfo.environment["FUZZ_RAW_ONLY"] == "1"

    /// A journal record as `JournalWriter` frames it: `[length LE][CRC-32 LE][payload]`.
    static func frame(_ payload: Data) -> Data {
        var record = Data()
        withUnsafeBytes(of: UInt32(payload.count).littleEndian) { record.append(contentsOf: $0) }
        withUnsafeBytes(of: CRC32.checksum(payload).littleEndian) { record.append(contentsOf: $0) }
        record.append(payload)
        return record
    }

    // MARK: Seeds

    /// When `FUZZ_WRITE_SEEDS` names a directory, writes `seeds()` there and exits: `run.sh` seeds
    /// each target's corpus this way, from inputs the product itself produces.
    static func writeSeedsIfAsked(_ seeds: () throws -> [(String, Data)]) {
        guard let directory = ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let all = try seeds()
            for (name, data) in all { try data.write(to: URL(fileURLWithPath: directory).appendingPathComponent(name)) }
            print("wrote \(all.count) seeds to \(directory)")
            exit(0)
        } catch {
            print("writing seeds failed: \(error)")
            exit(1)
        }
    }

    /// The sample CSVs (`FUZZ_SAMPLE_DIR`), cut to their first `rows` data rows so seeds stay small.
    static func sampleHeads(rows: Int) -> [(RecordKind, Data)] {
        guard let directory = ProcessInfo.processInfo.environment["FUZZ_SAMPLE_DIR"] else { return [] }
        return RecordKind.allCases.compactMap { kind in
            guard let data = FileManager.default.contents(atPath: directory + "/" + kind.fileName) else { return nil }
            var lines = 0, end = data.startIndex
            while end < data.endIndex, lines <= rows {
                if data[end] == UInt8(ascii: "\n") { lines += 1 }
                end += 1
            }
            return (kind, data[data.startIndex..<end])
        }
    }

    /// Fails the run with a message, as a crash would: libFuzzer saves the input.
    static func violated(_ message: String) -> Never {
        fatalError("fuzz property violated: \(message)")
    }

    /// True when the policy holds a NaN, which makes `==` false on equal values.
    static func hasNaN(_ policy: Policy) -> Bool {
        policy.tiers.contains { $0.referralCommission.isNaN || $0.resellerDiscount.isNaN }
    }
}

/// Any property list value, for rewriting a plist without knowing its schema.
indirect enum PlistValue: Codable {
    case dict([String: PlistValue]), array([PlistValue]), data(Data), date(Date), bool(Bool), int(Int64),
         real(Double), string(String)

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    /// Values left to read. A binary plist may refer to one object from many places, so a small file
    /// can expand to an exponential tree; the rewrite gives up rather than time out.
    nonisolated(unsafe) static var budget = 0

    init(from decoder: Decoder) throws {
        Self.budget -= 1
        guard Self.budget >= 0, decoder.codingPath.count < 32 else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "too large to rewrite"))
        }
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            var dict: [String: PlistValue] = [:]
            for key in keyed.allKeys { dict[key.stringValue] = try keyed.decode(PlistValue.self, forKey: key) }
            self = .dict(dict)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var array: [PlistValue] = []
            while !unkeyed.isAtEnd { array.append(try unkeyed.decode(PlistValue.self)) }
            self = .array(array)
            return
        }
        let single = try decoder.singleValueContainer()
        if let value = try? single.decode(Data.self) { self = .data(value) }
        else if let value = try? single.decode(Date.self) { self = .date(value) }
        else if let value = try? single.decode(Bool.self) { self = .bool(value) }
        else if let value = try? single.decode(Int64.self) { self = .int(value) }
        else if let value = try? single.decode(Double.self) { self = .real(value) }
        else { self = .string(try single.decode(String.self)) }
    }

    func encode(to encoder: Encoder) throws {
        switch self {
        case .dict(let dict):
            var c = encoder.container(keyedBy: Key.self)
            for (key, value) in dict { try c.encode(value, forKey: Key(stringValue: key)) }
        case .array(let array):
            var c = encoder.unkeyedContainer()
            for value in array { try c.encode(value) }
        case .data(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .date(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .bool(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .int(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .real(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .string(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        }
    }

    /// This value with the `crc32` of every column dict (one with `kind` and `crc32`) recomputed.
    func rechecksummed(_ changed: inout Bool) -> PlistValue {
        switch self {
        case .dict(var dict):
            for (key, value) in dict { dict[key] = value.rechecksummed(&changed) }
            if case .string = dict["kind"], dict["crc32"] != nil {
                func blob(_ key: String) -> Data? { if case .data(let data) = dict[key] { return data } else { return nil } }
                let crc = Column.checksum(values: blob("values"), offsets: blob("offsets"), bytes: blob("bytes"), nulls: blob("nulls"))
                dict["crc32"] = .int(Int64(crc))
                changed = true
            }
            return .dict(dict)
        case .array(let array): return .array(array.map { $0.rechecksummed(&changed) })
        default: return self
        }
    }
}
