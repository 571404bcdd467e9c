import Foundation

/// What a damage scan cost, so a test can prove it linear in the journal's size without timing it.
package struct JournalScanStats: Equatable, Sendable {
    /// Bytes fed through CRC-32, summed over every pass.
    package var bytesChecksummed = 0
    /// Offsets after a damaged record whose header and payload magic made them worth checking.
    package var candidates = 0

    package init() {}
}

/// Finds the intact records after a damaged one, in one pass, whatever the damage.
///
/// After damage the framing is lost: the next record may start at any later byte. Checking every
/// offset's CRC on its own re-reads up to the rest of the file per offset — quadratic, and a crafted
/// (or unlucky) file of plausible headers made `open` take hours. Instead: every payload JournalCodec
/// writes is a binary property list, so a record worth resynchronising on has its `bplist00` magic right
/// after its header (a CRC-valid frame without it cannot be one of ours); one pass collects those
/// candidates, a second takes a running CRC over the bytes once, recording it at each candidate's start
/// and end, and each candidate's own CRC then follows from those two values (`CRC32.checksum(ofSuffixLength:…)`)
/// in O(log n). Total: O(n + candidates · log n) time, O(candidates) memory, candidates ≤ n / 8.
enum JournalResync {
    /// A frame found intact: `start` is its header, `end` one past its payload.
    struct Record: Equatable {
        var start: Int
        var end: Int
    }

    private static let magic = Array("bplist00".utf8)

    /// Every intact record starting at or after `from`, in ascending order of start (they may overlap
    /// only in a crafted file; callers walking them skip those that start inside one already taken).
    static func intactRecords(in bytes: UnsafeRawBufferPointer, from: Int, stats: inout JournalScanStats) -> [Record] {
        guard from >= 0, from + 16 <= bytes.count else { return [] }
        struct Candidate { var start: Int; var end: Int; var stored: UInt32 }
        var candidates: [Candidate] = []
        // Pass 1: headers whose payload begins with the magic and whose length fits the file.
        var position = from + 8
        let last = bytes.count - magic.count
        while position <= last {
            guard bytes[position] == magic[0] else { position += 1; continue }
            var matches = true
            for index in 1..<magic.count where bytes[position + index] != magic[index] { matches = false; break }
            if matches {
                let start = position - 8
                let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
                if length >= magic.count, start + 8 + length <= bytes.count {
                    let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self))
                    candidates.append(Candidate(start: start, end: start + 8 + length, stored: stored))
                }
                // The magic cannot overlap itself, so the next occurrence is at least its length on.
                position += magic.count
            } else {
                position += 1
            }
        }
        stats.candidates += candidates.count
        guard !candidates.isEmpty else { return [] }
        // Pass 2: one running CRC from `from`, sampled at every payload start and end (sorted arrays,
        // not a dictionary: a crafted file can hold n / 8 candidates).
        var marks = [Int]()
        marks.reserveCapacity(candidates.count * 2)
        for candidate in candidates { marks.append(candidate.start + 8); marks.append(candidate.end) }
        marks.sort()
        var running = [UInt32](repeating: 0, count: marks.count)
        var crc: UInt32 = 0, at = from
        for (index, mark) in marks.enumerated() {
            if mark > at {
                crc = CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[at..<mark]), seed: crc)
                stats.bytesChecksummed += mark - at
                at = mark
            }
            running[index] = crc
        }
        func sample(_ position: Int) -> UInt32 {
            var low = 0, high = marks.count - 1
            while low < high {
                let middle = (low + high) / 2
                if marks[middle] < position { low = middle + 1 } else { high = middle }
            }
            return running[low]
        }
        return candidates.compactMap { candidate in
            let payloadStart = candidate.start + 8
            let own = CRC32.checksum(ofSuffixLength: candidate.end - payloadStart, whole: sample(candidate.end), prefix: sample(payloadStart))
            return own == candidate.stored ? Record(start: candidate.start, end: candidate.end) : nil
        }
    }
}
