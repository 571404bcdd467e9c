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
