import Foundation
import Glibc

/// Why the programme could not be locked for writing.
public enum LockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another process holds the lock; `pid` and `user` are what it wrote into the lock file, when
    /// readable. `file` is the programme file's name, for the message.
    case held(pid: Int32?, user: String?, file: String)
    case failed(FileError)

    public var description: String {
        switch self {
        case .held(let pid, let user, let file):
            let holder = [pid.map { "pid \($0)" }, user.map { "user \($0)" }].compactMap { $0 }.joined(separator: ", ")
            return "\(file) is open for writing by another channeldesk\(holder.isEmpty ? "" : " (\(holder))"); close it first"
        case .failed(let error):
            return "could not lock the programme for writing: \(error)"
        }
    }
}

/// The one-writer rule of DESIGN.md §5: an exclusive `flock` on `<programme>.lock`, held for as long
/// as this object lives. flock locks belong to the open file description, so the kernel drops the
/// lock when the holder dies, and even a second open in the same process is refused.
public final class FileLock {
    public let url: URL
    private var fd: Int32?

    private init(url: URL, fd: Int32) {
        self.url = url
        self.fd = fd
    }

    /// Locks `<programmeURL>.lock` (created mode 0600) and records this process's pid and user in it.
    public static func acquire(for programmeURL: URL) throws -> FileLock {
        let url = URL(fileURLWithPath: programmeURL.path + ".lock")
        let fd = Glibc.open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LockError.failed(FileError("open", path: url.path, code: errno)) }
        var result: Int32
        repeat { result = flock(fd, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        if result != 0 {
            let code = errno
            defer { Glibc.close(fd) }
            guard code == EWOULDBLOCK else { throw LockError.failed(FileError("lock", path: url.path, code: code)) }
            let (pid, user) = holder(fd)
            throw LockError.held(pid: pid, user: user, file: programmeURL.lastPathComponent)
        }
        // The holder is only advisory text for the refusal message, so it needs no fsync.
        let text = Array("\(getpid()) \(userName())\n".utf8)
        _ = Glibc.ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return FileLock(url: url, fd: fd)
    }

    /// Unlocks. The lock file stays: deleting it would let a third process lock a different inode
    /// while a second still waits on the old one.
    public func release() {
        guard let fd else { return }
        self.fd = nil
        _ = Glibc.ftruncate(fd, 0)
        _ = flock(fd, LOCK_UN)
        Glibc.close(fd)
    }

    deinit { release() }

    /// "1234 alice" from the lock file, as far as it parses.
    private static func holder(_ fd: Int32) -> (Int32?, String?) {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return (nil, nil) }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        let parts = text.split(whereSeparator: \.isWhitespace)
        let user = parts.count > 1 ? String(parts[1]) : nil
        return (parts.first.flatMap { Int32($0) }, user)
    }

    private static func userName() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? String(geteuid())
    }
}
