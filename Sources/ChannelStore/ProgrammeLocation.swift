import Foundation

/// Where a programme lives: the snapshot file and, beside it, its journal and lock file (DESIGN.md §5).
public struct ProgrammeLocation: Sendable, Equatable {
    public var url: URL
    public var journalURL: URL { URL(fileURLWithPath: url.path + "-journal") }
    public var lockURL: URL { URL(fileURLWithPath: url.path + ".lock") }
    /// Just the file name, for messages.
    public var name: String { url.lastPathComponent }

    public init(url: URL) { self.url = url.standardizedFileURL }

    public init(path: String) { self.init(url: URL(fileURLWithPath: (path as NSString).expandingTildeInPath)) }

    /// `--file`, else `$CHANNELDESK_FILE`, else the config file's `programme` (`configured`), else
    /// `$XDG_DATA_HOME/channeldesk/programme.cdesk` (`~/.local/share/…` when XDG_DATA_HOME is unset).
    public static func resolve(explicit: String?, configured: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgrammeLocation {
        if let explicit, !explicit.isEmpty { return ProgrammeLocation(path: explicit) }
        if let fromEnvironment = environment["CHANNELDESK_FILE"], !fromEnvironment.isEmpty {
            return ProgrammeLocation(path: fromEnvironment)
        }
        if let configured, !configured.isEmpty { return ProgrammeLocation(path: configured) }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return ProgrammeLocation(path: dataHome + "/channeldesk/programme.cdesk")
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }
}
