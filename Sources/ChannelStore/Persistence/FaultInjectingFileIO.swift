import Foundation
import Glibc

/// A `FileIO` that fails on purpose: the Nth call of an operation returns an errno, or a write comes
/// up short. Every other call goes to the real file system, so tests see true on-disk effects.
public final class FaultInjectingFileIO: FileIO, @unchecked Sendable {
    public enum Operation: String, Sendable, CaseIterable {
        case open, write, fsync, ftruncate, size, rename, remove, close, readFile
    }

    public enum Fault: Sendable, Equatable {
        case error(Int32)
        /// The write stores only this many bytes (then reports them), as a nearly full disk does.
        case shortWrite(Int)
    }

    private let base: FileIO
    private let lock = NSLock()
    private var calls: [Operation: Int] = [:]
    private var faults: [Operation: [Int: Fault]] = [:]

    public init(base: FileIO = PosixFileIO()) { self.base = base }

    /// Makes call number `occurrence` (1-based, counted from now on) of `operation` fail with `fault`.
    public func inject(_ fault: Fault, on operation: Operation, at occurrence: Int = 1) {
        lock.withLock { faults[operation, default: [:]][(calls[operation] ?? 0) + occurrence] = fault }
    }

    /// How many times `operation` was called so far.
    public func count(of operation: Operation) -> Int { lock.withLock { calls[operation] ?? 0 } }

    private func next(_ operation: Operation) -> Fault? {
        lock.withLock {
            let call = (calls[operation] ?? 0) + 1
            calls[operation] = call
            return faults[operation]?.removeValue(forKey: call)
        }
    }

    private func check(_ operation: Operation, _ path: String) throws(FileError) {
        if case .error(let code)? = next(operation) { throw FileError(operation.rawValue, path: path, code: code) }
    }

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(FileError) -> Int32 {
        try check(.open, path)
        return try base.open(path, flags: flags, mode: mode)
    }

    public func write(_ fd: Int32, _ data: Data, path: String) throws(FileError) -> Int {
        switch next(.write) {
        case .error(let code)?: throw FileError("write", path: path, code: code)
        case .shortWrite(let count)?: return try base.write(fd, data.prefix(count), path: path)
        case nil: return try base.write(fd, data, path: path)
        }
    }

    public func fsync(_ fd: Int32, path: String) throws(FileError) {
        try check(.fsync, path)
        try base.fsync(fd, path: path)
    }

    public func ftruncate(_ fd: Int32, length: Int, path: String) throws(FileError) {
        try check(.ftruncate, path)
        try base.ftruncate(fd, length: length, path: path)
    }

    public func size(_ fd: Int32, path: String) throws(FileError) -> Int {
        try check(.size, path)
        return try base.size(fd, path: path)
    }

    public func rename(_ from: String, to: String) throws(FileError) {
        try check(.rename, from)
        try base.rename(from, to: to)
    }

    public func remove(_ path: String) throws(FileError) {
        try check(.remove, path)
        try base.remove(path)
    }

    public func close(_ fd: Int32, path: String) throws(FileError) {
        try check(.close, path)
        try base.close(fd, path: path)
    }

    public func readFile(_ path: String) throws(FileError) -> Data? {
        try check(.readFile, path)
        return try base.readFile(path)
    }
}
