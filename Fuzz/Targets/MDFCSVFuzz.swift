import ChannelModel
@testable import ChannelStore
import Foundation

/// Fuzz target: the MDF CSVs (`mdf_requests.csv`, `mdf_allocations.csv`) through what their importer
/// is built from — `CSVReader` and the field parsers — until that importer lands (then the `csv`
/// target covers it too, through `RecordKind.allCases`). The first byte picks the file (even:
/// requests, odd: allocations), the rest is the file. Each data field is parsed as its column's type,
/// from bytes and from text. Beyond "never crash": records start on increasing lines; the byte and
/// text parsers agree; a parsed amount, day or instant reads back the same from its own rendering.

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    FuzzSupport.writeSeedsIfAsked(mdfSeeds)
    return 0
}

/// Column → parser, as DESIGN.md §8's files have them.
enum MDFField {
    case text, money, day, instant, year, activity, status

    static let requests: [String: MDFField] = [
        "request_id": .text, "partner_id": .text, "activity": .activity, "description": .text, "submitted_at": .instant,
        "starts_on": .day, "ends_on": .day, "requested_amount": .money, "status": .status, "decided_at": .instant,
        "approved_amount": .money, "claimed_at": .instant, "claimed_amount": .money, "proof": .text, "paid_on": .day,
        "paid_amount": .money,
    ]
    static let allocations: [String: MDFField] = ["partner_id": .text, "year": .year, "amount": .money]
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMDFCSV(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let columns = bytes[0] % 2 == 0 ? MDFField.requests : MDFField.allocations
    let data = Data(bytes: bytes + 1, count: size - 1)
    CSVReader.reading(data) { reader in
        var header: [MDFField?] = []
        var previousLine = 0
        while true {
            let line: Int?
            do { line = try reader.next() } catch { return }
            guard let line else { return }
            guard line > previousLine else { FuzzSupport.violated("record on line \(line) after line \(previousLine)") }
            previousLine = line
            if header.isEmpty {
                header = (0..<reader.fieldCount).map { index in
                    columns[String(decoding: reader.field(index), as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()]
                }
                continue
            }
            for index in 0..<min(reader.fieldCount, header.count) {
                if let field = header[index] { check(field, reader.field(index)) }
            }
        }
    }
    return 0
}

func check(_ field: MDFField, _ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    switch field {
    case .text: _ = FieldBytes.asciiLowercased(bytes)
    case .money:
        let fromBytes = Money(utf8: bytes)
        guard fromBytes == Money(parsing: text) else { FuzzSupport.violated("money \(text.debugDescription): bytes and text disagree") }
        if let money = fromBytes, Money(parsing: money.plain) != money {
            FuzzSupport.violated("money \(text.debugDescription) renders as \(money.plain), which reads back differently")
        }
    case .day:
        let fromBytes = Day(utf8: bytes)
        guard fromBytes == Day(parsing: text) else { FuzzSupport.violated("day \(text.debugDescription): bytes and text disagree") }
        if let day = fromBytes, Day(parsing: day.description) != day {
            FuzzSupport.violated("day \(text.debugDescription) renders as \(day), which reads back differently")
        }
    case .instant:
        let fromBytes = Instant(utf8: bytes)
        guard fromBytes == Instant(parsing: text) else { FuzzSupport.violated("instant \(text.debugDescription): bytes and text disagree") }
        if let instant = fromBytes, Instant(parsing: instant.description) != instant {
            FuzzSupport.violated("instant \(text.debugDescription) renders as \(instant), which reads back differently")
        }
    case .year: _ = FieldBytes.digits(bytes)
    case .activity:
        guard FieldBytes.label(bytes, as: MDFActivity.self) == MDFActivity(label: text) else {
            FuzzSupport.violated("activity \(text.debugDescription): bytes and text disagree")
        }
    case .status:
        guard FieldBytes.label(bytes, as: MDFStatus.self) == MDFStatus(label: text) else {
            FuzzSupport.violated("status \(text.debugDescription): bytes and text disagree")
        }
    }
}

/// The sample MDF files (first rows) and a hand-written awkward-but-valid pair.
func mdfSeeds() -> [(String, Data)] {
    var seeds: [(String, Data)] = [
        ("valid-requests", Data([0]) + Data("""
            \u{FEFF}request_id,partner_id,activity,description,submitted_at,starts_on,ends_on,requested_amount,status,decided_at,approved_amount,claimed_at,claimed_amount,proof,paid_on,paid_amount\r
            M-1,P-00001,Event,"Spring, ""big"" one",2026-01-01T10:00:00Z,2026-02-01,2026-02-03,1200.5,PAID,2026-01-02T00:00:00Z,1000,2026-03-01T00:00:00Z,999.99,https://x/y.pdf,2026-04-01,999.99\r

            """.utf8)),
        ("valid-allocations", Data([1]) + Data("partner_id,year,amount\nP-00001,2026,30000.00\nP-00002,2027,-0.5\n".utf8)),
    ]
    if let directory = ProcessInfo.processInfo.environment["FUZZ_SAMPLE_DIR"] {
        for (tag, name) in [(UInt8(0), "mdf_requests.csv"), (1, "mdf_allocations.csv")] {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
            let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).prefix(13)
            seeds.append(("sample-\(name)", Data([tag]) + Data(lines.joined(separator: [UInt8(ascii: "\n")]))))
        }
    }
    return seeds
}
