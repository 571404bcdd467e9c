import Foundation
import Glibc

/// The programme file mapped read-only, with a way to hand pages back once they have been read.
///
/// Opening touches every byte of the file (each column's checksum), and every page touched stays in
/// the process's memory while the mapping lives — the file's whole size, on top of what the decode
/// keeps (copied numbers, indexes). Handing back a page that has been checksummed or copied out
/// costs nothing: the text columns that still point into the file fault their pages back from the
/// page cache when they are read. This keeps an open programme near the memory it really uses.
///
/// Only pages inside a mapping made here are ever handed back: `release` of any other bytes (a
/// journal record's import batch, a test's data) does nothing, since `MADV_DONTNEED` on ordinary
/// memory would zero it.
enum MappedFile {
    /// The file's bytes, mapped privately and read-only; unmapped when the last `Data` sharing them goes.
    static func map(_ url: URL) throws -> Data {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError("open", path: url.path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError("fstat", path: url.path, code: errno) }
        let size = Int(info.st_size)
        guard size > 0 else { return Data() }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw FileError("mmap", path: url.path, code: errno)
        }
        let start = UInt(bitPattern: base)
        registry.add(start..<start + UInt(size))
        return Data(bytesNoCopy: base, count: size, deallocator: .custom { pointer, count in
            let start = UInt(bitPattern: pointer)
            registry.remove(start..<start + UInt(count))
            munmap(pointer, count)
        })
    }

    /// Hands back the whole pages of `data` that lie inside a live mapping; a no-op for other bytes.
    static func release(_ data: Data?) {
        guard let data, data.count >= pageSize else { return }
        data.withUnsafeBytes { release($0) }
    }

    static func release(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count >= pageSize else { return }
        let start = UInt(bitPattern: base), end = start + UInt(bytes.count)
        // Whole pages only: a page shared with a neighbouring part stays.
        let first = (start + pageSize - 1) / pageSize * pageSize, last = end / pageSize * pageSize
        guard first < last, registry.contains(start..<end) else { return }
        madvise(UnsafeMutableRawPointer(bitPattern: first), Int(last - first), MADV_DONTNEED)
    }

    /// Whether `range` lies inside a live mapping made here.
    static func isMapped(_ range: Range<UInt>) -> Bool { registry.contains(range) }

    /// Remembers the checksum a column's parts were verified to have, when they all lie inside a live
    /// mapping: bytes that cannot change (the mapping is read-only, the file replaced only by rename)
    /// need not be checksummed again when a checkpoint writes them out unchanged.
    static func remember(_ parts: [Data?], checksum: UInt32) {
        guard let key = key(parts) else { return }
        registry.remember(key, checksum)
    }

    /// The checksum `remember` was given for exactly these parts, if they are still mapped.
    static func checksum(of parts: [Data?]) -> UInt32? {
        guard let key = key(parts) else { return nil }
        return registry.checksum(key)
    }

    /// Where each part lies (0..<0 for an absent one); nil unless every present part is inside a mapping.
    private static func key(_ parts: [Data?]) -> [Range<UInt>]? {
        var key: [Range<UInt>] = []
        for part in parts {
            guard let part else { key.append(0..<0); continue }
            let range = part.withUnsafeBytes { raw in
                raw.baseAddress.map { UInt(bitPattern: $0)..<UInt(bitPattern: $0) + UInt(raw.count) } ?? 0..<0
            }
            guard !range.isEmpty, registry.contains(range) else { return nil }
            key.append(range)
        }
        return key
    }

    private static let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
    private static let registry = Registry()

    /// The live mappings' address ranges.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var ranges: [Range<UInt>] = []
        private var checksums: [[Range<UInt>]: UInt32] = [:]

        func add(_ range: Range<UInt>) { lock.withLock { ranges.append(range) } }

        /// Forgets the mapping and every checksum of parts inside it: the addresses may be reused.
        func remove(_ range: Range<UInt>) {
            lock.withLock {
                ranges.removeAll { $0 == range }
                checksums = checksums.filter { key, _ in !key.contains { !$0.isEmpty && range.contains($0.lowerBound) } }
            }
        }

        func remember(_ key: [Range<UInt>], _ checksum: UInt32) { lock.withLock { checksums[key] = checksum } }

        func checksum(_ key: [Range<UInt>]) -> UInt32? { lock.withLock { checksums[key] } }

        func contains(_ range: Range<UInt>) -> Bool {
            lock.withLock { ranges.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound } }
        }
    }
}
