import ChannelModel
import ChannelStore
import Foundation
import Glibc

/// The console's log file: never the screen (it would corrupt the display).
///
/// Written through `FileIO`, not `FileHandle`: corelibs Foundation's `FileHandle.write` traps on any
/// error, so a full disk under `~/.local/state` killed the console mid-session. Here a failed write is a
/// message the console shows in its status bar — once, until a write succeeds again — and the console
/// keeps running; decisions are durable in the journal whatever happens to the log.
public final class ConsoleLog {
    public let path: String
    private let io: FileIO
    private var fd: Int32?
    private var failing = false

    /// Appends to `$XDG_STATE_HOME/channeldesk/console.log` (`~/.local/state/…`), created mode 0600.
    /// Nil when the log cannot be opened at all: the console runs without one.
    public convenience init?(environment: [String: String] = ProcessInfo.processInfo.environment, io: FileIO = PosixFileIO()) {
        let directory = CommandHistoryFile.stateDirectory(environment)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.init(path: directory + "/console.log", io: io)
    }

    /// Appends to the log at `path`.
    public init?(path: String, io: FileIO = PosixFileIO()) {
        self.path = path
        self.io = io
        guard let fd = try? io.open(path, flags: O_WRONLY | O_CREAT | O_APPEND, mode: 0o600) else { return nil }
        self.fd = fd
    }

    deinit { close() }

    /// Appends one timestamped line. Answers what to tell the user the first time writing fails (nil
    /// when the line was written, or when the failure was already reported).
    @discardableResult
    public func write(_ message: String) -> String? {
        guard let fd else { return nil }
        do {
            try io.writeAll(fd, Data("\(Instant.now) \(message)\n".utf8), path: path)
            failing = false
            return nil
        } catch {
            defer { failing = true }
            return failing ? nil : "the console log cannot be written (\(String(cString: strerror(error.code)))); decisions are still saved"
        }
    }

    public func close() {
        guard let fd else { return }
        self.fd = nil
        try? io.close(fd, path: path)
    }
}
