@testable import ChannelStore
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
