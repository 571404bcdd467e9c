import ChannelStore
import Foundation
import TerminalUI
import TOMLKit

/// The config file, `$XDG_CONFIG_HOME/channeldesk/config.toml`: who is recorded as the actor, the
/// programme opened by default, the console's theme and its key remapping. Command-line flags beat it,
/// and it beats the built-in defaults.
public struct ConsoleConfig: Sendable, Equatable {
    package var actor: String?
    /// The default programme's path: `~` expanded, a relative path taken from the config file's folder.
    package var programme: String?
    package var palette: Palette = .dark
    package var keyBindings: KeyBindings = .standard

    public init() {}
}

/// What is wrong with a config file, named by file and line as a compiler would: `config.toml:7: …`.
package struct ConfigError: Error, Equatable, CustomStringConvertible {
    package var path: String
    /// Nil when the problem is the file as a whole (it cannot be read).
    package var line: Int?
    package var message: String

    /// The path with `~` for the home folder, so the status line has room for the message.
    package var description: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        let shown = path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
        return "\(shown)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}

extension ConsoleConfig {
    /// Where the config file is: `$CHANNELDESK_CONFIG`, else `$XDG_CONFIG_HOME/channeldesk/config.toml`
    /// (`~/.config/…` when XDG_CONFIG_HOME is unset). `explicit` when the environment named the file, so
    /// its absence is a mistake worth reporting rather than the usual case.
    package static func location(environment: [String: String]) -> (path: String, explicit: Bool) {
        if let path = environment["CHANNELDESK_CONFIG"], !path.isEmpty { return ((path as NSString).expandingTildeInPath, true) }
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return (configHome + "/channeldesk/config.toml", false)
    }

    /// The config in force, and what was wrong with the file if anything: a bad file gives the defaults,
    /// so the console still starts and says why.
    package static func load(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (config: ConsoleConfig, problem: ConfigError?) {
        let (path, explicit) = location(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else {
            return (ConsoleConfig(), explicit ? ConfigError(path: path, message: "no such file (named by CHANNELDESK_CONFIG)") : nil)
        }
        do {
            guard let text = String(data: try Data(contentsOf: URL(fileURLWithPath: path)), encoding: .utf8) else {
                throw ConfigError(path: path, message: "not UTF-8 text")
            }
            return (try parse(text, path: path), nil)
        } catch let error as ConfigError {
            return (ConsoleConfig(), error)
        } catch {
            return (ConsoleConfig(), ConfigError(path: path, message: "cannot read it: \(error.localizedDescription)"))
        }
    }

    /// Reads the config in `text` (the contents of `path`). Of several problems the first in the file is
    /// reported, as a compiler would.
    package static func parse(_ text: String, path: String) throws(ConfigError) -> ConsoleConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, line: error.source.begin.line, message: error.description)
        } catch {
            throw ConfigError(path: path, message: "\(error)")
        }
        var reader = ConfigReader(path: path, source: ConfigSource(text))
        let config = reader.read(table)
        if let first = reader.problems.min(by: { ($0.line ?? 0) < ($1.line ?? 0) }) { throw first }
        return config
    }
}

/// Turns the parsed TOML into a `ConsoleConfig`, noting each problem with the line it is on.
private struct ConfigReader {
    let path: String
    let source: ConfigSource
    var problems: [ConfigError] = []

    static let settings = ["actor", "programme", "theme", "keys"]

    mutating func read(_ table: TOMLTable) -> ConsoleConfig {
        var config = ConsoleConfig()
        for name in table.keys {
            let value = table[name]!
            switch name {
            case "actor": config.actor = text(value, name)
            case "programme": config.programme = text(value, name).map { programmePath($0) }
            case "theme":
                guard let theme = text(value, name) else { break }
                guard let palette = Palette(rawValue: theme) else {
                    note("theme is \"dark\" or \"light\", not \(theme.quotedForConfig)", at: name)
                    break
                }
                config.palette = palette
            case "keys":
                guard let keys = value.table else {
                    note("keys is a table of commands and their keys, written [keys]", at: name)
                    break
                }
                config.keyBindings = keyBindings(keys)
            default:
                note("unknown setting \"\(name)\"\(Self.suggestion(for: name, among: Self.settings)); the settings are actor, programme, theme and [keys]",
                     at: name)
            }
        }
        return config
    }

    /// A non-empty string setting.
    mutating func text(_ value: TOMLValueConvertible, _ name: String) -> String? {
        guard let text = value.string else {
            note("\(name) must be a string in quotes (found: \(value.type))", at: name)
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            note("\(name) is empty", at: name)
            return nil
        }
        return text
    }

    func programmePath(_ text: String) -> String {
        let expanded = (text as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/") else { return expanded }
        return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(expanded).standardizedFileURL.path
    }

    mutating func keyBindings(_ table: TOMLTable) -> KeyBindings {
        var map: KeyMap = [:]
        var lines: [Command: String] = [:]
        for name in table.keys {
            guard let command = Command.named(name) else {
                let names = Command.configurable.map(\.name)
                note("unknown command \"\(name)\" in [keys]\(Self.suggestion(for: name, among: names)); `channeldesk keys --commands` lists them",
                     at: name, in: "keys")
                continue
            }
            lines[command] = name
            if let keys = parseKeys(table[name]!, name) { map[command] = keys }
        }
        do throws(KeyConflict) {
            return try KeyBindings(remapping: map)
        } catch {
            note("\(error)", at: lines[error.command]!, in: "keys")
            return .standard
        }
    }

    /// A command's keys: one key or a list of them, each a key the console can tell apart, none twice.
    mutating func parseKeys(_ value: TOMLValueConvertible, _ name: String) -> [Key]? {
        let written: [String]
        if let one = value.string {
            written = [one]
        } else if let list = value.array, list.allSatisfy({ $0.string != nil }) {
            written = list.map { $0.string! }
        } else {
            note("\(name) is a key or a list of keys, e.g. \"A\" or [\"a\", \"y\"]", at: name, in: "keys")
            return nil
        }
        guard !written.isEmpty else {
            note("\(name) has no key; give it at least one", at: name, in: "keys")
            return nil
        }
        var keys: [Key] = []
        for text in written {
            guard let key = Key(configName: text) else {
                note("\(text.quotedForConfig) is not a key; write one character (\"A\", \"?\") or a name: space, tab, shift-tab, enter, esc, "
                     + "backspace, up, down, left, right, pgup, pgdn, home, end, delete, insert, f1–f12, ctrl-a…ctrl-z",
                     at: name, in: "keys")
                return nil
            }
            guard key != .ctrl("c") || name == Command.quit.configName else {
                note("ctrl-c always quits; give \(name) another key", at: name, in: "keys")
                return nil
            }
            guard !keys.contains(key) else {
                note("\(text.quotedForConfig) is listed twice for \(name)", at: name, in: "keys")
                return nil
            }
            keys.append(key)
        }
        return keys
    }

    mutating func note(_ message: String, at key: String, in table: String? = nil) {
        // A key of an inline table (`keys = { approve = "v" }`) is found by its table's line.
        let line = source.line(of: key, in: table) ?? table.flatMap { source.line(of: $0) }
        problems.append(ConfigError(path: path, line: line, message: message))
    }

    static func suggestion(for word: String, among names: [String]) -> String {
        ClosestWord.to(word, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}

/// Where a setting is written in the config's text, so that a problem with its value names its line
/// (TOMLKit gives a line for syntax errors only). Knows enough TOML for a config: `[table]` headers,
/// `key = …`, `"key" = …` and dotted `table.key = …`.
struct ConfigSource {
    let lines: [String]

    init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The 1-based line of `key` in `table` (nil: the top level), or of the header `[key]`.
    func line(of key: String, in table: String? = nil) -> Int? {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current = Self.unquoted(line.dropFirst().prefix { $0 != "]" })
                if table == nil && current == key { return index + 1 }
                continue
            }
            guard line.contains("=") else { continue }
            let name = Self.unquoted(line.prefix { $0 != "=" })
            if (current == table && name == key) || (current == nil && table.map { "\($0).\(key)" } == name) { return index + 1 }
        }
        return nil
    }

    private static func unquoted(_ text: Substring) -> String {
        text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
}
