import Foundation
import Glibc

/// Replaces a file so that a crash leaves either the old contents or the new, never a mix: the
/// checkpoint writes each new snapshot this way (DESIGN.md §5).
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `url` (mode 0600), fsyncs it, renames it over `url`
    /// and fsyncs the directory so the rename itself is durable. On failure the temporary file is
    /// removed and `url` is untouched.
    public static func write(_ data: Data, to url: URL, io: FileIO = PosixFileIO()) throws {
        try write(to: url, io: io) { write in try write(data) }
    }

    /// The same with the contents made while they are written: `produce` hands each part to the
    /// writer it is given, so a large export reaches the disk without being held whole in memory.
    /// A failure in `produce` removes the temporary file like a failed write.
    public static func write(to url: URL, io: FileIO = PosixFileIO(), produce: (_ write: (Data) throws -> Void) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let fd = try io.open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
        do {
            do {
                try produce { part in try io.writeAll(fd, part, path: temporary) }
                try io.fsync(fd, path: temporary)
            } catch {
                try? io.close(fd, path: temporary)
                throw error
            }
            try io.close(fd, path: temporary)
            try io.rename(temporary, to: url.path)
        } catch {
            try? io.remove(temporary)
            throw error
        }
        try syncDirectory(of: url, io: io)
    }

    /// Fsyncs the folder holding `url`, so a create, rename or remove in it survives a power cut.
    public static func syncDirectory(of url: URL, io: FileIO = PosixFileIO()) throws {
        let directory = url.deletingLastPathComponent().path
        let directoryFD = try io.open(directory, flags: O_RDONLY | O_DIRECTORY, mode: 0)
        defer { try? io.close(directoryFD, path: directory) }
        try io.fsync(directoryFD, path: directory)
    }
}
