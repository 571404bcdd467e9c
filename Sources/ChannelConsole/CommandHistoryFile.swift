import Foundation

/// Where the `:` line's history outlives the console: `$XDG_STATE_HOME/channeldesk/history`
/// (`~/.local/state/…`), one line per submitted command, oldest first, mode 0600. Losing it costs only
/// convenience, so a file that cannot be read or written is silently an empty history.
public struct CommandHistoryFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The default place, beside the console's log.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(path: Self.stateDirectory(environment) + "/history")
    }

    /// `$XDG_STATE_HOME/channeldesk`, else `~/.local/state/channeldesk`: the console's own files.
    static func stateDirectory(_ environment: [String: String]) -> String {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return base + "/channeldesk"
    }

    public func load() -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    public func save(_ lines: [String]) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let data = Data(lines.map { $0 + "\n" }.joined().utf8)
        guard FileManager.default.createFile(atPath: path + ".tmp", contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        _ = rename(path + ".tmp", path)
    }
}
