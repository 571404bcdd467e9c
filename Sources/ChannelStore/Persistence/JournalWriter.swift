import Foundation
import Glibc

/// Why the journal could not be read or appended to.
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A damaged record with intact records after it: dropping it would silently lose those, so the
    /// programme refuses to open until `channeldesk check` repairs it.
    /// `nextIntact` is where the first intact record after the damage starts.
    case corrupt(offset: Int, recordIndex: Int, nextIntact: Int)
    /// fsync failed: the kernel may have dropped the unwritten pages, so nothing appended through this
    /// writer can be trusted to be on disk, and retrying fsync would falsely report success.
    case unusable(FileError)
    case closed
    case emptyPayload
    case payloadTooLarge(Int)

    public var description: String {
        switch self {
        case .corrupt(let offset, let index, let next):
            return "the journal is damaged at byte \(offset) (record \(index + 1)) and an intact record follows it at byte \(next); run `channeldesk check` to repair it"
        case .unusable(let error):
            return "changes can no longer be saved safely (\(error)); quit and reopen the programme — the last change may not have been saved"
        case .closed: return "the journal is closed"
        case .emptyPayload: return "an empty journal record cannot be written"
        case .payloadTooLarge(let size): return "a journal record of \(size) bytes is larger than the 4 GiB a record can hold"
        }
    }
}

/// Appends framed records to the journal beside a programme file (DESIGN.md §5): each record is
/// `[UInt32 length LE][UInt32 CRC-32 of the payload LE][payload]`, written in one write and fsynced
/// before `append` returns, so a returned append survives a crash. The file is opened O_APPEND, mode 0600.
public final class JournalWriter {
    public let url: URL
    /// Bytes of the journal known to be intact: everything this writer (or the reader before it) vouched for.
    public private(set) var length: Int
    private let io: FileIO
    private var fd: Int32?
    private var failure: FileError?

    public init(url: URL, io: FileIO = PosixFileIO()) throws {
        self.url = url
        self.io = io
        // A new journal's name must be made durable (fsync the directory) before a record in it is
        // acknowledged: otherwise a power cut can lose the file, and every fsynced record with it.
        let (fd, created) = try JournalWriter.openOrCreate(url, io: io)
        if created {
            do {
                try AtomicFile.syncDirectory(of: url, io: io)
            } catch {
                try? io.close(fd, path: url.path)
                throw error
            }
        }
        do {
            length = try io.size(fd, path: url.path)
        } catch {
            try? io.close(fd, path: url.path)
            throw error
        }
        self.fd = fd
    }

    /// Opens the journal, creating it when missing; answers whether it was created.
    private static func openOrCreate(_ url: URL, io: FileIO) throws(FileError) -> (Int32, Bool) {
        do {
            return (try io.open(url.path, flags: O_WRONLY | O_CREAT | O_EXCL | O_APPEND, mode: 0o600), true)
        } catch {
            guard error.code == EEXIST else { throw error }
            return (try io.open(url.path, flags: O_WRONLY | O_APPEND, mode: 0o600), false)
        }
    }

    deinit {
        if let fd { try? io.close(fd, path: url.path) }
    }

    private func usable() throws -> Int32 {
        if let failure { throw JournalError.unusable(failure) }
        guard let fd else { throw JournalError.closed }
        return fd
    }

    /// Frames `payload`, writes it in one write(2) and fsyncs. A failed write is cut back off the
    /// file so no half record is left; a failed fsync makes this writer refuse every later call.
    public func append(_ payload: Data) throws {
        let fd = try usable()
        guard !payload.isEmpty else { throw JournalError.emptyPayload }
        guard payload.count <= Int(UInt32.max) else { throw JournalError.payloadTooLarge(payload.count) }
        var record = Data(capacity: 8 + payload.count)
        withUnsafeBytes(of: UInt32(payload.count).littleEndian) { record.append(contentsOf: $0) }
        withUnsafeBytes(of: CRC32.checksum(payload).littleEndian) { record.append(contentsOf: $0) }
        record.append(payload)
        do {
            try io.writeAll(fd, record, path: url.path)
        } catch {
            do {
                try io.ftruncate(fd, length: length, path: url.path)
            } catch let truncateError {
                failure = truncateError
            }
            throw error
        }
        try sync(fd)
        length += record.count
    }

    /// Empties the journal, durably: the checkpoint calls this once the new snapshot is safely renamed.
    public func truncate() throws { try truncate(toLength: 0) }

    /// Cuts the journal to `length` bytes, durably: how the caller drops a torn tail the reader reported
    /// before appending after it.
    public func truncate(toLength length: Int) throws {
        let fd = try usable()
        try io.ftruncate(fd, length: length, path: url.path)
        try sync(fd)
        self.length = length
    }

    public func close() throws {
        guard let fd else { return }
        self.fd = nil
        try io.close(fd, path: url.path)
    }

    private func sync(_ fd: Int32) throws {
        do {
            try io.fsync(fd, path: url.path)
        } catch {
            failure = error
            throw JournalError.unusable(error)
        }
    }
}
