@testable import ChannelStore
import Foundation
import Testing

@Suite struct CRC32Tests {
    @Test func standardCheckValue() {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func knownVectors() {
        #expect(CRC32.checksum(Data()) == 0)
        #expect(CRC32.checksum(Data("a".utf8)) == 0xE8B7_BE43)
        #expect(CRC32.checksum(Data("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(CRC32.checksum(Data(repeating: 0, count: 32)) == 0x190A_55AD)
    }

    @Test func combineJoinsTheChecksumsOfTwoHalves() {
        let whole = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        for cut in [0, 1, 7, 4_096, 9_999, 10_000] {
            let a = whole.prefix(cut), b = whole.suffix(from: cut)
            #expect(CRC32.combine(CRC32.checksum(a), CRC32.checksum(b), lengthOfSecond: b.count) == CRC32.checksum(whole))
        }
    }

    /// The table check cuts parts into 4 MB chunks on every core: the result is the plain chained CRC,
    /// across part boundaries, chunk boundaries and empty parts.
    @Test func chunkedColumnChecksumsEqualThePlainOnes() {
        let big = Data((0..<(9 << 20) + 123).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ ($0 >> 13)) })
        let columns: [[Data]] = [[big, Data("tail".utf8)], [], [Data()], [Data("x".utf8), big.prefix(4 << 20), Data()]]
        let plain = columns.map { parts in parts.reduce(UInt32(0)) { CRC32.checksum($1, seed: $0) } }
        #expect(ColumnTable.checksums(columns) == plain)
    }

    @Test func seedContinuesAcrossBuffers() {
        let text = Data("The quick brown fox jumps over the lazy dog".utf8)
        for split in [0, 1, 7, 8, 9, 20, text.count] {
            let first = CRC32.checksum(text.prefix(split))
            #expect(CRC32.checksum(text.suffix(from: split), seed: first) == 0x414F_A339)
        }
    }

    @Test func slicedPathAgreesWithBytewiseForEveryLength() {
        // A plain bitwise CRC as the reference, over lengths that hit every tail size of slicing-by-8.
        func reference(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return ~crc
        }
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in 0..<bytes.count {
            #expect(CRC32.checksum(Data(bytes[0..<length])) == reference(Array(bytes[0..<length])))
        }
    }
}
