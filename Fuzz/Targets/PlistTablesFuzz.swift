import ChannelModel
@testable import ChannelStore
import Foundation

/// Fuzz target, differential: `PlistTableReader` (the zero-copy reader `SnapshotCodec.decode` opens a
/// programme file's tables with) against Foundation's `PropertyListDecoder` on the same bytes. Beyond
/// "never crash": whatever the reader accepts, Foundation must decode to equal tables — or refuse the
/// file as a whole, so the snapshot decode (which reads the rest of the root through Foundation) refuses
/// it too. The reader may be stricter than Foundation, never more lenient.

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    FuzzSupport.writeSeedsIfAsked(snapshotSeeds)
    _ = FuzzSupport.programme
    return 0
}

/// The part of the root the reader reads, decoded the plain way.
struct PlainTables: Decodable { var tables: [String: ColumnTable] }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlistTables(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    guard let ours = try? PlistTableReader.tables(in: data) else { return 0 }
    if let plain = try? PlistDecoding.decode(PlainTables.self, from: data).tables {
        if plain != ours { FuzzSupport.violated("the reader's tables differ from Foundation's") }
    } else if (try? PlistDecoding.decode(SnapshotCodec.Header.self, from: data)) != nil {
        FuzzSupport.violated("the reader accepted tables that Foundation refuses, in a file whose root Foundation reads")
    }
    return 0
}
