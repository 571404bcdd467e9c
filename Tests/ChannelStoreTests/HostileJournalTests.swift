import ChannelStore
import Foundation
import Testing

/// Journals damaged in the middle, built to make a naive damage scan quadratic: the reader must answer
/// in work linear in the file's size (counted, not timed) and say what it found and where.
@Suite struct HostileJournalTests {
    private func frame(_ payload: Data) -> Data {
        var record = Data()
        withUnsafeBytes(of: UInt32(payload.count).littleEndian) { record.append(contentsOf: $0) }
        withUnsafeBytes(of: CRC32.checksum(payload).littleEndian) { record.append(contentsOf: $0) }
        return record + payload
    }

    /// A damaged first record, then `units` 16-byte decoys — a header claiming the rest of the file and
    /// the plist magic — so every 16th offset is a plausible record whose CRC covers up to the end.
    /// Checking each decoy on its own reads units²·8 bytes (here ~1.2 GB); the reader must read ~1×.
    private func decoyJournal(units: Int, thenIntact tail: Data? = nil) -> Data {
        var data = frame(Data("bplist00 the first record".utf8))
        data[12] ^= 0xFF  // a payload byte: record 1's CRC no longer matches
        let decoysStart = data.count
        let total = decoysStart + units * 16 + (tail?.count ?? 0)
        for unit in 0..<units {
            let start = decoysStart + unit * 16
            withUnsafeBytes(of: UInt32(total - start - 8).littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(0xDEAD_BEEF).littleEndian) { data.append(contentsOf: $0) }
            data.append(contentsOf: Array("bplist00".utf8))
        }
        if let tail { data.append(tail) }
        return data
    }

    @Test func decoysAfterDamageCostOnePassAndAreATornTail() throws {
        let units = 12_000
        let data = decoyJournal(units: units)
        var stats = JournalScanStats()
        let contents = try JournalReader.parse(data, stats: &stats)
        #expect(contents.payloads.isEmpty)
        #expect(contents.tornTail == data.count)
        #expect(stats.candidates == units)
        // One forward attempt at the damaged record plus one running CRC over the rest.
        #expect(stats.bytesChecksummed <= 2 * data.count, "checksummed \(stats.bytesChecksummed) bytes of a \(data.count)-byte journal")
    }

    @Test func anIntactRecordAfterTheDecoysIsFoundAndNamed() throws {
        let real = frame(Data("bplist00 a later, intact record".utf8))
        let data = decoyJournal(units: 12_000, thenIntact: real)
        var stats = JournalScanStats()
        let error = #expect(throws: JournalError.self) { try JournalReader.parse(data, stats: &stats) }
        #expect(error == .corrupt(offset: 0, recordIndex: 0, nextIntact: data.count - real.count))
        #expect(error?.description.contains("damaged at byte 0 (record 1)") == true)
        #expect(error?.description.contains("intact record follows it at byte \(data.count - real.count)") == true)
        #expect(stats.bytesChecksummed <= 2 * data.count)
    }

    @Test func salvageKeepsEveryIntactRecordInLinearWork() {
        let records = (0..<200).map { Data("bplist00 record \($0) ".utf8) + Data(repeating: UInt8($0 % 256), count: $0) }
        var data = records.map(frame).reduce(Data(), +)
        // Damage records 10 and 150 in their payload, and record 60 in its length.
        let starts = records.indices.map { index in records.prefix(index).reduce(0) { $0 + 8 + $1.count } }
        data[starts[10] + 12] ^= 0x40
        data[starts[150] + 12] ^= 0x40
        data[starts[60] + 3] = 0x7F
        var stats = JournalScanStats()
        let salvaged = JournalReader.salvage(data, stats: &stats)
        let kept = records.indices.filter { ![10, 60, 150].contains($0) }.map { records[$0] }
        #expect(salvaged.payloads == kept)
        #expect(salvaged.damagedBytes == [10, 60, 150].reduce(0) { $0 + 8 + records[$1].count })
        #expect(stats.bytesChecksummed <= 2 * data.count)
    }

    @Test func suffixChecksumMatchesADirectChecksum() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let whole = Data((0..<Int.random(in: 0...600, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
            let split = Int.random(in: 0...whole.count, using: &rng)
            let combined = CRC32.checksum(ofSuffixLength: whole.count - split, whole: CRC32.checksum(whole),
                                          prefix: CRC32.checksum(whole.prefix(split)))
            #expect(combined == CRC32.checksum(whole.dropFirst(split)), "split \(split) of \(whole.count)")
        }
    }

    @Test func aZeroFilledTailAfterDamageIsStillTorn() throws {
        // What a power cut can leave: a record's header written, its sectors not.
        var data = frame(Data("bplist00 one".utf8))
        data += frame(Data("bplist00 two, torn".utf8)).prefix(8) + Data(count: 4096)
        let contents = try JournalReader.parse(data)
        #expect(contents.payloads == [Data("bplist00 one".utf8)])
        #expect(contents.tornTail == 8 + 4096)
    }
}
