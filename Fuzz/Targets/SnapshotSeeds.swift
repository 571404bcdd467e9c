import ChannelModel
import ChannelStore
import Foundation

/// Snapshots the product writes: an empty programme, the small fuzz programme, and that programme with
/// one of each kind of record and a decision.
func snapshotSeeds() throws -> [(String, Data)] {
    let savedAt = Date(timeIntervalSince1970: 1_790_000_000)
    var seeds = [
        ("empty.cdesk", try SnapshotCodec.encode(Programme(policy: FuzzSupport.policy), generation: 0, lastSeq: 0, savedAt: savedAt)),
        ("small.cdesk", try SnapshotCodec.encode(FuzzSupport.programme, generation: 3, lastSeq: 2, savedAt: savedAt)),
    ]
    var programme = FuzzSupport.programme
    var seq: Int64 = 3
    for (kind, text) in csvSeedTexts where kind != .partners && kind != .registrations {
        if case .success(let batch) = CSVImporter.parse(kind, data: Data(text.utf8), fileName: kind.fileName, programme: programme) {
            _ = try? Reducer.apply(FuzzSupport.entry(seq: seq, .importBatch(batch, source: kind.fileName)), to: &programme)
            seq += 1
        }
    }
    _ = try? Reducer.apply(FuzzSupport.entry(seq: seq, .approve(registrationID: "R-0000008")), to: &programme)
    seeds.append(("full.cdesk", try SnapshotCodec.encode(programme, generation: 4, lastSeq: seq, savedAt: savedAt)))
    // The checksum rewrite must keep a valid file valid, or the fuzzer's second decode tests nothing.
    for (name, seed) in seeds {
        guard let fixed = FuzzSupport.rechecksummed(seed),
              try SnapshotCodec.decode(fixed).programme == SnapshotCodec.decode(seed).programme
        else { throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: "rechecksummed \(name) differs"]) }
    }
    return seeds
}
