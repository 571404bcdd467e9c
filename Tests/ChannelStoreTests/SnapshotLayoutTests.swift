import ChannelModel
import ChannelStore
import Foundation
import Testing

/// Reads a programme file with nothing but DESIGN.md §5 and PropertyListSerialization, as Python's
/// plistlib would: if this passes, the file is readable without our code.
@Suite struct SnapshotLayoutTests {
    let data: Data
    let root: [String: Any]
    let tables: [String: Any]

    init() throws {
        data = try SnapshotCodec.encode(PersistenceFixtures.programme(), generation: 3, lastSeq: 9,
                                        savedAt: Date(timeIntervalSince1970: 1_790_000_000))
        root = try #require(PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        tables = try #require(root["tables"] as? [String: Any])
    }

    private func column(_ table: String, _ name: String) throws -> (rows: Int, column: [String: Any]) {
        let dict = try #require(tables[table] as? [String: Any])
        let columns = try #require(dict["columns"] as? [String: Any])
        return (try #require(dict["rows"] as? Int), try #require(columns[name] as? [String: Any]))
    }

    @Test func rootFields() throws {
        #expect(data.prefix(8) == Data("bplist00".utf8))
        #expect(root["format"] as? String == "channeldesk-programme")
        #expect(root["version"] as? Int == 1)
        #expect(root["generation"] as? Int == 3)
        #expect(root["lastSeq"] as? Int == 9)
        #expect((root["savedAt"] as? Date)?.timeIntervalSince1970 == 1_790_000_000)
        #expect(Set(tables.keys) == ["partners", "registrations", "deals", "investments", "nps", "directAccounts", "enablement", "audit",
                                     "commissionStatus", "clawbacks", "mdfRequests", "mdfAllocations", "compensations"])
        let policy = try #require(root["policy"] as? [String: Any])
        #expect(policy["protectionDays"] as? Int == 90)
    }

    @Test func partnerIDStringColumnByHand() throws {
        let (rows, column) = try column("partners", "partner_id")
        #expect(rows == 2)
        #expect(column["kind"] as? String == "string")
        let offsetData = try #require(column["offsets"] as? Data)
        let bytes = try #require(column["bytes"] as? Data)
        let offsets = (0...rows).map { i in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(offsetData[offsetData.startIndex + i * 4 + $1]) << (8 * UInt32($1)) }
        }
        let ids = (0..<rows).map { i in String(decoding: bytes[bytes.startIndex + Int(offsets[i])..<bytes.startIndex + Int(offsets[i + 1])], as: UTF8.self) }
        #expect(ids == ["P-001", "P-002"])
        let crc = try #require(column["crc32"] as? Int)
        #expect(crc == Int(CRC32.checksum(offsetData + bytes)))
    }

    @Test func estimatedACVInt64ColumnByHand() throws {
        let (rows, column) = try column("registrations", "estimated_acv")
        #expect(column["kind"] as? String == "int64")
        let values = try #require(column["values"] as? Data)
        #expect(values.count == rows * 8)
        let cents = (0..<rows).map { i in
            Int64(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(values[values.startIndex + i * 8 + $1]) << (8 * UInt64($1)) })
        }
        #expect(cents == [12_345_678, -5, 0])
    }

    @Test func enumDateAndNullColumnsByHand() throws {
        let (_, status) = try column("registrations", "status")
        #expect(status["kind"] as? String == "uint8")
        let labels = try #require(status["labels"] as? [String])
        let codes = try #require(status["values"] as? Data)
        #expect(codes.map { labels[Int($0)] } == ["pending", "approved", "rejected"])

        let (_, until) = try column("registrations", "protected_until")
        #expect(until["kind"] as? String == "date")
        let nulls = try #require(until["nulls"] as? Data)
        #expect(Array(nulls) == [0b101])  // rows 0 and 2 have no protection
        let values = try #require(until["values"] as? Data)
        let seconds = Double(bitPattern: (0..<8).reduce(UInt64(0)) { $0 | UInt64(values[values.startIndex + 8 + $1]) << (8 * UInt64($1)) })
        #expect(seconds == 1_793_404_800)  // 2026-10-31T00:00:00Z
    }
}
