import Foundation
import Glibc

/// Why an export could not be written, and whether the target was left as it was.
public struct ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var cause: String
    /// False only when the new file is in place but its folder could not be synced (a power cut could
    /// still lose the rename).
    public var targetUnchanged: Bool

    public var description: String {
        // Whatever reached a pipe or a redirect before the failure is there: no promise to make.
        if path == ExportWriter.standardOutput { return "could not write to standard output: \(cause)" }
        let name = URL(fileURLWithPath: path).lastPathComponent
        return targetUnchanged
            ? "could not write the export to \(path): \(cause); nothing was written (any existing \(name) is unchanged)"
            : "the export was written to \(path) but may not survive a power cut: \(cause)"
    }
}

/// Writes an export (`channeldesk export … --output FILE`) the way the programme itself is written:
/// mode 0600, because a commission statement names money per partner; to a temporary file in the
/// target's folder, fsynced, then renamed over the target and the folder fsynced. A full disk or any
/// other failure therefore never leaves half a statement under the target's name — finance either
/// gets the whole file or the old one (or none) and an error saying why.
///
/// A target that exists and is not a regular file (`/dev/stdout`, a FIFO) cannot be replaced by rename
/// and is written in place.
public enum ExportWriter {
    public static func write(_ data: Data, to url: URL, io: FileIO = PosixFileIO()) throws(ExportError) {
        try write(to: url, io: io) { write in try write(data) }
    }

    /// The same with the export made while it is written (`produce` hands each part to the writer it
    /// is given): a million rows reach the file one chunk at a time.
    public static func write(to url: URL, io: FileIO = PosixFileIO(), produce: (_ write: (Data) throws -> Void) throws -> Void) throws(ExportError) {
        // Replace what a symlink points at, not the link.
        let target = url.resolvingSymlinksInPath()
        var info = stat()
        let special = stat(target.path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
        do {
            if special { try writeInPlace(to: target.path, io: io, produce: produce) } else { try AtomicFile.write(to: target, io: io, produce: produce) }
        } catch let error as FileError {
            let synced = !(error.operation == "fsync" && error.path == target.deletingLastPathComponent().path)
            throw ExportError(path: url.path, cause: "\(String(cString: strerror(error.code))) (\(error.operation) failed)",
                              targetUnchanged: synced)
        } catch {
            throw ExportError(path: url.path, cause: "\(error)", targetUnchanged: true)
        }
    }

    private static func writeInPlace(to path: String, io: FileIO, produce: (_ write: (Data) throws -> Void) throws -> Void) throws {
        let fd = try io.open(path, flags: O_WRONLY | O_TRUNC, mode: 0o600)
        do {
            try produce { part in try io.writeAll(fd, part, path: path) }
        } catch {
            try? io.close(fd, path: path)
            throw error
        }
        try io.close(fd, path: path)
    }

    /// Writes `data` to standard output through `io`. Not `FileHandle.standardOutput.write`: corelibs
    /// traps on any error, so `channeldesk export … > file` on a full disk died with "Fatal error"
    /// instead of saying the disk is full.
    static let standardOutput = "standard output"

    public static func writeStandardOutput(_ data: Data, io: FileIO = PosixFileIO()) throws(ExportError) {
        try writeStandardOutput(io: io) { write in try write(data) }
    }

    /// Standard output fed part by part as `produce` makes the export.
    public static func writeStandardOutput(io: FileIO = PosixFileIO(), produce: (_ write: (Data) throws -> Void) throws -> Void) throws(ExportError) {
        do {
            try produce { part in try io.writeAll(1, part, path: standardOutput) }
        } catch let error as FileError {
            throw ExportError(path: standardOutput, cause: String(cString: strerror(error.code)), targetUnchanged: true)
        } catch {
            throw ExportError(path: standardOutput, cause: "\(error)", targetUnchanged: true)
        }
    }
}
