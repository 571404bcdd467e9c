import Foundation
import Glibc

/// A failed file-system call, with the call, the path and the system's own words for the errno — what
/// a channel manager needs to see that the disk is full or the directory is not writable.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32

    public init(_ operation: String, path: String, code: Int32) {
        self.operation = operation; self.path = path; self.code = code
    }

    public var description: String { "could not \(operation) \(path): \(String(cString: strerror(code))) (errno \(code))" }
}

/// The thin layer every durable write goes through (journal, atomic snapshot, lock contents), so
/// tests can inject ENOSPC, EIO, short writes or fsync failures at the Nth call. File descriptors are
/// plain `Int32`s; `path` is passed along only to name the file in errors.
public protocol FileIO {
    func open(_ path: String, flags: Int32, mode: mode_t) throws(FileError) -> Int32
    /// One write(2) call; may write fewer bytes than given, and answers how many it wrote.
    func write(_ fd: Int32, _ data: Data, path: String) throws(FileError) -> Int
    func fsync(_ fd: Int32, path: String) throws(FileError)
    func ftruncate(_ fd: Int32, length: Int, path: String) throws(FileError)
    /// The file's current size in bytes.
    func size(_ fd: Int32, path: String) throws(FileError) -> Int
    func rename(_ from: String, to: String) throws(FileError)
    func remove(_ path: String) throws(FileError)
    func close(_ fd: Int32, path: String) throws(FileError)
    /// The whole file, or nil when it does not exist.
    func readFile(_ path: String) throws(FileError) -> Data?
}

extension FileIO {
    /// Writes all of `data`, continuing after short writes (they happen on a nearly full disk or when
    /// a signal interrupts a large write).
    public func writeAll(_ fd: Int32, _ data: Data, path: String) throws(FileError) {
        var remaining = data[...]
        while !remaining.isEmpty {
            let written = try write(fd, Data(remaining), path: path)
            guard written > 0 else { throw FileError("write", path: path, code: EIO) }
            remaining = remaining.dropFirst(written)
        }
    }
}

/// The real file system, through the POSIX calls; EINTR is retried, every other failure is a `FileError`.
public struct PosixFileIO: FileIO, Sendable {
    public init() {}

    private func retrying<Result: BinaryInteger>(_ operation: String, _ path: String, _ call: () -> Result) throws(FileError) -> Result {
        while true {
            let result = call()
            if result >= 0 { return result }
            if errno != EINTR { throw FileError(operation, path: path, code: errno) }
        }
    }

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(FileError) -> Int32 {
        try retrying("open", path) { Glibc.open(path, flags | O_CLOEXEC, mode) }
    }

    public func write(_ fd: Int32, _ data: Data, path: String) throws(FileError) -> Int {
        try retrying("write", path) { data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } }
    }

    public func fsync(_ fd: Int32, path: String) throws(FileError) {
        // Never retried after a real failure: the kernel may have dropped the dirty pages (fsyncgate).
        _ = try retrying("fsync", path) { Glibc.fsync(fd) }
    }

    public func ftruncate(_ fd: Int32, length: Int, path: String) throws(FileError) {
        _ = try retrying("truncate", path) { Glibc.ftruncate(fd, off_t(length)) }
    }

    public func size(_ fd: Int32, path: String) throws(FileError) -> Int {
        var info = stat()
        _ = try retrying("stat", path) { fstat(fd, &info) }
        return Int(info.st_size)
    }

    public func rename(_ from: String, to: String) throws(FileError) {
        _ = try retrying("rename", "\(from) to \(to)") { Glibc.rename(from, to) }
    }

    public func remove(_ path: String) throws(FileError) {
        _ = try retrying("remove", path) { unlink(path) }
    }

    public func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    public func close(_ fd: Int32, path: String) throws(FileError) {
        // Not retried on EINTR: on Linux the descriptor is already gone and may have been reused.
        if Glibc.close(fd) != 0, errno != EINTR { throw FileError("close", path: path, code: errno) }
    }

    public func readFile(_ path: String) throws(FileError) -> Data? {
        let fd: Int32
        do {
            fd = try open(path, flags: O_RDONLY, mode: 0)
        } catch where error.code == ENOENT {
            return nil
        }
        defer { close(fd) }
        let expected = try size(fd, path: path)
        var data = Data(count: expected)
        var total = 0
        while total < expected {
            let read = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, expected - total) }
            if read < 0 {
                if errno == EINTR { continue }
                throw FileError("read", path: path, code: errno)
            }
            if read == 0 { break }
            total += read
        }
        return total == expected ? data : data.prefix(total)
    }
}
