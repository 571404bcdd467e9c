import Foundation
import Glibc

/// A `FileIO` that simulates a power cut: it shadows one directory in memory, knowing for every file
/// what is durable (as of its last fsync) and for the directory which names are durable (as of its
/// last fsync), and at a chosen operation it "loses power": that call and every later one fails, and
/// `restoreSurvivors()` rewrites the real directory to what a disk would hold after the cut. Files are
/// also written to the real file system as they go, so readers that bypass `FileIO` see true contents.
///
/// Why a shadow and not a pure in-memory file system: the store reads through `Data(contentsOf:)`,
/// `stat` and `FileManager`; only the durable-write path goes through `FileIO`, and that is exactly the
/// path whose ordering of writes and fsyncs a power cut tests.
public final class PowerLossFileIO: FileIO, @unchecked Sendable {
    /// The operation on which power is lost, counted over all calls from 1; nil never cuts.
    public var cutAt: Int?
    /// When true, the last unsynced write of a file may survive in part, cut at a 512-byte sector.
    public var tearLastWrite = false
    public private(set) var operations = 0
    public private(set) var poweredOff = false

    private final class Inode {
        var durable: Data
        var volatile: Data
        init(durable: Data, volatile: Data) { self.durable = durable; self.volatile = volatile }
    }

    private enum Handle { case file(Inode, append: Bool, offset: Int), directory }

    private let directory: String
    private let base = PosixFileIO()
    private let lock = NSLock()
    private var durableEntries: [String: Inode] = [:]
    private var volatileEntries: [String: Inode] = [:]
    private var handles: [Int32: Handle] = [:]
    private var tearSeed: UInt64 = 0

    /// Shadows `directory`: whatever it holds now counts as durable.
    public init(directory: URL, cutAt: Int? = nil, tearSeed: UInt64 = 0) {
        self.directory = directory.standardizedFileURL.path
        self.cutAt = cutAt
        self.tearSeed = tearSeed
        for name in (try? FileManager.default.contentsOfDirectory(atPath: self.directory)) ?? [] {
            let path = self.directory + "/" + name
            guard let data = try? base.readFile(path) else { continue }
            let inode = Inode(durable: data, volatile: data)
            durableEntries[name] = inode
            volatileEntries[name] = inode
        }
    }

    /// The name inside the shadowed directory, or nil for a path elsewhere (passed straight through).
    private func name(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.deletingLastPathComponent().path == directory ? url.lastPathComponent : nil
    }

    /// Counts the call and cuts the power when its turn has come.
    private func tick(_ operation: String, _ path: String) throws(FileError) {
        lock.lock()
        defer { lock.unlock() }
        if poweredOff { throw FileError("\(operation) (power is off)", path: path, code: EIO) }
        operations += 1
        if let cutAt, operations >= cutAt {
            poweredOff = true
            throw FileError("\(operation) (power cut)", path: path, code: EIO)
        }
    }

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(FileError) -> Int32 {
        try tick("open", path)
        let fd = try base.open(path, flags: flags, mode: mode)
        lock.withLock {
            if flags & O_DIRECTORY != 0, URL(fileURLWithPath: path).standardizedFileURL.path == directory {
                handles[fd] = .directory
            } else if let name = name(path) {
                let inode: Inode
                if let existing = volatileEntries[name] {
                    inode = existing
                } else {
                    // A new name: its contents are nothing durable yet, and the name itself is volatile.
                    inode = Inode(durable: Data(), volatile: (try? base.readFile(path)) ?? Data())
                    volatileEntries[name] = inode
                }
                if flags & O_TRUNC != 0 { inode.volatile = Data() }
                handles[fd] = .file(inode, append: flags & O_APPEND != 0, offset: 0)
            }
        }
        return fd
    }

    public func write(_ fd: Int32, _ data: Data, path: String) throws(FileError) -> Int {
        try tick("write", path)
        let written = try base.write(fd, data, path: path)
        lock.withLock {
            guard case .file(let inode, let append, let offset)? = handles[fd] else { return }
            let start = append ? inode.volatile.count : offset
            if inode.volatile.count < start { inode.volatile.append(Data(count: start - inode.volatile.count)) }
            let end = start + written
            inode.volatile.replaceSubrange(start..<min(end, inode.volatile.count), with: data.prefix(written))
            handles[fd] = .file(inode, append: append, offset: end)
        }
        return written
    }

    public func fsync(_ fd: Int32, path: String) throws(FileError) {
        try tick("fsync", path)
        // Durability is the shadow's business: after a cut `restoreSurvivors` rewrites the directory
        // from it, so a real fsync would only slow thousands of simulated cuts down to the disk's pace.
        // A descriptor this layer does not shadow is synced for real.
        let shadowed: Bool = lock.withLock {
            switch handles[fd] {
            case .file(let inode, _, _)?: inode.durable = inode.volatile; return true
            case .directory?: durableEntries = volatileEntries; return true
            case nil: return false
            }
        }
        if !shadowed { try base.fsync(fd, path: path) }
    }

    public func ftruncate(_ fd: Int32, length: Int, path: String) throws(FileError) {
        try tick("truncate", path)
        try base.ftruncate(fd, length: length, path: path)
        lock.withLock {
            guard case .file(let inode, _, _)? = handles[fd] else { return }
            if inode.volatile.count > length { inode.volatile = inode.volatile.prefix(length) } else {
                inode.volatile.append(Data(count: length - inode.volatile.count))
            }
        }
    }

    public func size(_ fd: Int32, path: String) throws(FileError) -> Int {
        try tick("size", path)
        return try base.size(fd, path: path)
    }

    public func rename(_ from: String, to: String) throws(FileError) {
        try tick("rename", from)
        try base.rename(from, to: to)
        lock.withLock {
            guard let source = name(from), let target = name(to), let inode = volatileEntries.removeValue(forKey: source) else { return }
            volatileEntries[target] = inode
        }
    }

    public func remove(_ path: String) throws(FileError) {
        try tick("remove", path)
        try base.remove(path)
        lock.withLock { if let name = name(path) { volatileEntries[name] = nil } }
    }

    public func close(_ fd: Int32, path: String) throws(FileError) {
        // Closing always releases the real descriptor, even with the power off, so a simulated cut
        // does not leak descriptors across thousands of runs.
        lock.withLock { handles[fd] = nil }
        try base.close(fd, path: path)
        try tick("close", path)
    }

    public func readFile(_ path: String) throws(FileError) -> Data? {
        try tick("readFile", path)
        return try base.readFile(path)
    }

    /// What survived, per name: the durable names with their durable contents, each perhaps with a
    /// sector-aligned part of its unsynced appended bytes when `tearLastWrite` is on.
    public func survivors() -> [String: Data] {
        lock.withLock {
            var generator = SplitMix(seed: tearSeed)
            return durableEntries.mapValues { inode in
                guard tearLastWrite, inode.volatile.count > inode.durable.count, inode.volatile.prefix(inode.durable.count) == inode.durable
                else { return inode.durable }
                let firstSector = (inode.durable.count + 511) / 512, lastSector = inode.volatile.count / 512
                guard lastSector >= firstSector, generator.next() % 2 == 0 else { return inode.durable }
                let sector = firstSector + Int(generator.next() % UInt64(lastSector - firstSector + 1))
                return inode.volatile.prefix(max(inode.durable.count, sector * 512))
            }
        }
    }

    /// Rewrites the real directory to what survived the cut: names never made durable are removed and
    /// every durable name gets its surviving contents. Files this layer never saw (the lock) are left.
    /// Answers how many bytes of unsynced writes were dropped.
    @discardableResult
    public func restoreSurvivors() throws -> Int {
        let survived = survivors()
        var dropped = 0
        let volatileNow = lock.withLock { volatileEntries }
        for (name, inode) in volatileNow where survived[name] == nil {
            dropped += inode.volatile.count
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
        for (name, data) in survived {
            dropped += max(0, (volatileNow[name]?.volatile.count ?? 0) - data.count)
            try data.write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        return dropped
    }
}

/// A tiny seeded generator, so a torn write replays from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
