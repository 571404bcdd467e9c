import ChannelModel
import ChannelStore
import Foundation

/// Fuzz target: `SnapshotCodec.decode` on arbitrary bytes, the way `ProgrammeLoader` reads a programme
/// file. Each input is decoded as it is and, when it is a plist with columns, again with every column's
/// CRC recomputed so mutations reach the shape checks and record decoding. Beyond "never crash": a file
/// the decoder accepts must encode and decode back to the same programme.

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    FuzzSupport.writeSeedsIfAsked(snapshotSeeds)
    _ = FuzzSupport.programme
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    checkSnapshot(data)
    if let fixed = FuzzSupport.rechecksummed(data) { checkSnapshot(fixed) }
    return 0
}

func checkSnapshot(_ data: Data) {
    let decoded: DecodedSnapshot
    do { decoded = try SnapshotCodec.decode(data) } catch { return }
    let again: Data
    do {
        again = try SnapshotCodec.encode(decoded.programme, generation: decoded.generation, lastSeq: decoded.lastSeq,
                                         savedAt: decoded.savedAt)
    } catch { FuzzSupport.violated("an accepted snapshot does not encode: \(error)") }
    let redecoded: DecodedSnapshot
    do { redecoded = try SnapshotCodec.decode(again) } catch {
        FuzzSupport.violated("an accepted snapshot, re-encoded, is refused: \(error)")
    }
    if !FuzzSupport.hasNaN(decoded.programme.policy), redecoded.programme != decoded.programme {
        FuzzSupport.violated("an accepted snapshot changes when written and read back")
    }
}

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
