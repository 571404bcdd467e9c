import ChannelModel
@testable import ChannelStore
import Foundation

/// Fuzz target: `CSVImporter.parse` for every record kind against a small programme. The first byte
/// picks the kind (byte % 7), the rest is the file. Beyond "never crash": a refusal names at least one
/// issue, each on a line of the file; an accepted file applies through the reducer without a crash;
/// and the file cut into 2–5 parts (`CSVParts`, the parallel import; the count from the first byte's
/// high bits) gives exactly what it gives read in one piece.

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    FuzzSupport.writeSeedsIfAsked(csvSeeds)
    _ = FuzzSupport.programme
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVImport(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let kind = RecordKind.allCases[Int(bytes[0]) % RecordKind.allCases.count]
    let data = Data(bytes: bytes + 1, count: size - 1)
    let whole = CSVImporter.parse(kind, data: data, fileName: kind.fileName, programme: FuzzSupport.programme,
                                  progress: nil, parts: 1)
    let parts = 2 + Int(bytes[0] >> 4) % 4
    if CSVImporter.parse(kind, data: data, fileName: kind.fileName, programme: FuzzSupport.programme,
                         progress: nil, parts: parts) != whole {
        FuzzSupport.violated("\(kind.fileName) cut into \(parts) parts reads otherwise than in one piece")
    }
    switch whole {
    case .failure(let failure):
        guard !failure.issues.isEmpty else { FuzzSupport.violated("a refused \(kind.fileName) names no issue") }
        let lines = data.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") || $1 == UInt8(ascii: "\r") ? 1 : 0) }
        for issue in failure.issues where issue.line < 1 || issue.line > lines {
            FuzzSupport.violated("issue on line \(issue.line) of a \(lines)-line file: \(issue)")
        }
    case .success(let batch):
        guard batch.kind == kind else { FuzzSupport.violated("a \(kind.fileName) gave a batch of \(batch.kind)") }
        var programme = FuzzSupport.programme
        _ = try? Reducer.apply(FuzzSupport.entry(seq: 3, .importBatch(batch, source: kind.fileName)), to: &programme)
    }
    return 0
}

/// The hand-written valid files and the first rows of each sample CSV, each behind its kind byte.
func csvSeeds() -> [(String, Data)] {
    func tagged(_ kind: RecordKind, _ data: Data) -> Data {
        Data([UInt8(RecordKind.allCases.firstIndex(of: kind)!)]) + data
    }
    var seeds = csvSeedTexts.map { ("valid-\($0.0.fileName)", tagged($0.0, Data($0.1.utf8))) }
    seeds += FuzzSupport.sampleHeads(rows: 12).map { ("sample-\($0.0.fileName)", tagged($0.0, $0.1)) }
    return seeds
}
