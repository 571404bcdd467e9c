import ChannelModel
import ChannelStore
import Foundation

/// Fuzz target: the journal replay path of `ProgrammeLoader` — `JournalReader.parse`, then
/// `JournalCodec.decode` of each payload, then `Reducer.apply` to a small programme. Every input is also
/// decoded as a single payload (CRCs of its columns recomputed), since a mutated journal rarely keeps a
/// record's CRC right. Beyond "never crash": the reader's lengths add up, and an entry that decodes
/// encodes and decodes back to itself.

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    FuzzSupport.writeSeedsIfAsked(journalSeeds)
    _ = FuzzSupport.programme
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    var programme = FuzzSupport.programme
    checkResync(data)
    if let contents = try? JournalReader.parse(data) {
        let framed = contents.payloads.reduce(0) { $0 + 8 + $1.count }
        guard framed == contents.validLength, contents.validLength + (contents.tornTail ?? 0) == data.count else {
            FuzzSupport.violated("journal lengths do not add up: \(contents.validLength) valid + \(contents.tornTail ?? 0) torn of \(data.count)")
        }
        for payload in contents.payloads { replay(payload, into: &programme) }
    }
    replay(data, into: &programme)
    if let fixed = FuzzSupport.rechecksummed(data) { replay(fixed, into: &programme) }
    return 0
}

/// The one-pass damage scan against direct checks: the record it names after damage really is intact
/// (its CRC recomputed from its bytes, not from the running checksum), the scan stayed linear, and a
/// salvage keeps every record a clean parse keeps, in order.
func checkResync(_ data: Data) {
    var stats = JournalScanStats()
    let salvaged = JournalReader.salvage(data, stats: &stats)
    guard stats.bytesChecksummed <= 2 * data.count + 16 else {
        FuzzSupport.violated("salvage checksummed \(stats.bytesChecksummed) bytes of a \(data.count)-byte journal")
    }
    stats = JournalScanStats()
    do {
        let contents = try JournalReader.parse(data, stats: &stats)
        guard salvaged.payloads.starts(with: contents.payloads) else { FuzzSupport.violated("salvage lost records a parse keeps") }
    } catch {
        guard case .corrupt(let offset, _, let next) = error, next > offset, next + 8 <= data.count else {
            FuzzSupport.violated("parse threw \(error)")
        }
        let length = data.subdata(in: next..<next + 4).withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
        let stored = data.subdata(in: next + 4..<next + 8).withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
        guard next + 8 + length <= data.count, CRC32.checksum(data.subdata(in: next + 8..<next + 8 + length)) == stored else {
            FuzzSupport.violated("the record named at byte \(next) is not intact")
        }
    }
    guard stats.bytesChecksummed <= 2 * data.count + 16 else {
        FuzzSupport.violated("parse checksummed \(stats.bytesChecksummed) bytes of a \(data.count)-byte journal")
    }
}

func replay(_ payload: Data, into programme: inout Programme) {
    guard let entry = try? JournalCodec.decode(payload) else { return }
    if case .setPolicy(let policy) = entry.action, FuzzSupport.hasNaN(policy) {} else {
        guard let encoded = try? JournalCodec.encode(entry) else { FuzzSupport.violated("a decoded entry does not encode") }
        guard let again = try? JournalCodec.decode(encoded), again == entry else {
            FuzzSupport.violated("a decoded entry changes when written and read back")
        }
    }
    _ = try? Reducer.apply(entry, to: &programme)
}

/// Entries of every action kind, each as a bare payload, plus one framed journal holding them all.
func journalSeeds() throws -> [(String, Data)] {
    var programme = FuzzSupport.programme
    var actions: [ProgrammeAction] = []
    for (kind, text) in csvSeedTexts {
        if case .success(let batch) = CSVImporter.parse(kind, data: Data(text.utf8), fileName: kind.fileName, programme: programme) {
            actions.append(.importBatch(batch, source: kind.fileName))
            _ = try? Reducer.apply(FuzzSupport.entry(seq: 3, actions.last!), to: &programme)
        }
    }
    let registration = FuzzSupport.programme.registrations[0]
    actions += [
        .approve(registrationID: "R-0000008"), .reject(registrationID: "R-0000016", reason: "duplicate"),
        .requestInfo(registrationID: "R-0000024", question: "who is the buyer?"), .extend(registrationID: "R-0000001"),
        .changeTier(partnerID: "P-00001", to: "gold"), .setPolicy(FuzzSupport.policy),
        .restoreRegistration(registration, undoing: 4), .restoreTier(partnerID: "P-00001", tier: "silver", undoing: 5),
        .advanceCommissions(dealIDs: ["D-1", "D-2"]), .restoreCommissionStatus(["D-1": .approved], undoing: 6),
        .batch([.approve(registrationID: "R-0000032"), .changeTier(partnerID: "P-00002", to: "registered")]),
    ]
    var seeds: [(String, Data)] = []
    var journal = Data()
    for (index, action) in actions.enumerated() {
        let payload = try JournalCodec.encode(FuzzSupport.entry(seq: Int64(index + 3), action))
        seeds.append(("entry-\(index)-\(action.name)", payload))
        journal += FuzzSupport.frame(payload)
    }
    seeds.append(("journal-all", journal))
    seeds.append(("journal-torn", journal.dropLast(5)))
    return seeds
}
