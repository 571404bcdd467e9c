@testable import ChannelStore
import ChannelModel
import Foundation
import Glibc
import Testing

/// Pages of the programme file are handed back once read, and only those: what a release gives back
/// reads the same afterwards, and bytes outside a mapping are never touched.
@Suite struct MappedFileTests {
    static let bytes = Data((0..<(5 * 4096 + 123)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })

    /// The process's resident file-backed memory, in KiB (/proc/self/status RssFile).
    static func residentFileKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("RssFile:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }

    @Test func aReleasedMappingReadsTheSameAndLeavesMemory() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("programme.cdesk")
        try Self.bytes.write(to: url)
        let mapped = try MappedFile.map(url)
        #expect(mapped == Self.bytes)
        MappedFile.release(mapped)
        #expect(mapped == Self.bytes, "released pages fault back in with the file's bytes")
        // A part of the mapping (a column) gives back its own whole pages.
        let part = mapped[4096..<(3 * 4096 + 10)]
        MappedFile.release(part)
        #expect(part == Self.bytes[4096..<(3 * 4096 + 10)])
    }

    @Test func releasedPagesLeaveTheProcesssMemory() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("large.cdesk")
        let large = Data(repeating: 0x5A, count: 32 << 20)
        try large.write(to: url)
        let mapped = try MappedFile.map(url)
        #expect(mapped.withUnsafeBytes { raw in raw.reduce(0) { $0 &+ Int($1) } } == 0x5A * (32 << 20), "every page read")
        let read = Self.residentFileKiB()
        MappedFile.release(mapped)
        let released = Self.residentFileKiB()
        #expect(read - released >= 24 << 10, "RssFile \(read) KiB → \(released) KiB")
    }

    /// A text column written out as it was read keeps the checksum verified on open; one that changed
    /// is checksummed again — and either way the checksum is the column's.
    @Test func aCheckpointChecksumsOnlyTheColumnsThatChanged() throws {
        let directory = try TemporaryDirectory()
        let location = ProgrammeLocation(url: directory.file("programme.cdesk"))
        // Large enough that the columns are not held inline in their `Data` (a few bytes are copied).
        try ProgrammeStore.write(DemoGenerator.programme(policy: try Policy.bundledDefault(), partners: 10, registrations: 500, seed: 3,
                                                         asOf: Day(parsing: "2026-09-30")!), to: location)
        let loaded = try ProgrammeLoader.load(location).programme
        let ids = loaded.registrations.ids.storedBuffers()
        let parts: [Data?] = [nil, ids.offsets, ids.bytes, ids.nulls]
        #expect(MappedFile.checksum(of: parts) != nil, "the ids were verified on open")
        #expect(Column(strings: loaded.registrations.ids).crc32
                == Int(Column.checksum(values: nil, offsets: ids.offsets, bytes: ids.bytes, nulls: ids.nulls)))
        var changed = loaded.registrations.ids
        changed.append("R-NEW")
        let buffers = changed.storedBuffers()
        #expect(MappedFile.checksum(of: [nil, buffers.offsets, buffers.bytes, buffers.nulls]) == nil)
        #expect(Column(strings: changed).crc32
                == Int(Column.checksum(values: nil, offsets: buffers.offsets, bytes: buffers.bytes, nulls: buffers.nulls)))
    }

    @Test func bytesOutsideAMappingAreNeverReleased() {
        // MADV_DONTNEED on ordinary memory would zero it: a release must leave it as it is.
        let heap = Data(Self.bytes)
        MappedFile.release(heap)
        #expect(heap == Self.bytes)
    }

    @Test func aMappingGoneIsForgotten() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("programme.cdesk")
        try Self.bytes.write(to: url)
        var range: Range<UInt>?
        do {
            let mapped = try MappedFile.map(url)
            range = mapped.withUnsafeBytes { UInt(bitPattern: $0.baseAddress!)..<UInt(bitPattern: $0.baseAddress!) + UInt($0.count) }
        }
        // Memory later placed at the same addresses is ordinary memory, never released.
        #expect(range.map { !MappedFile.isMapped($0) } == true)
    }
}
