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

    private static let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))
    private static let registry = Registry()

    /// The live mappings' address ranges.
    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var ranges: [Range<UInt>] = []

        func add(_ range: Range<UInt>) { lock.withLock { ranges.append(range) } }

        func remove(_ range: Range<UInt>) { lock.withLock { ranges.removeAll { $0 == range } } }

        func contains(_ range: Range<UInt>) -> Bool {
            lock.withLock { ranges.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound } }
        }
    }
}
