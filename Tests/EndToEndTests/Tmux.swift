import Foundation
import Testing

/// A failure of an end-to-end step; the message carries the last screen so a red test explains itself.
struct EndToEndFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A scratch directory per test: the programme file, HOME, XDG dirs and the tmux socket live here.
final class Workspace {
    let directory: URL
    var file: URL { directory.appendingPathComponent("programme.cdesk") }
    var home: URL { directory.appendingPathComponent("home") }

    init() throws {
        // Short names: the tmux socket path inside must stay under the 104-byte sun_path limit.
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("cd-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// Writes a fresh demo programme with the binary itself (`demo --no-open`).
    func makeDemo(partners: Int = 60, registrations: Int = 2000, seed: Int = 7) throws {
        let result = try run(["demo", "--no-open", "--partners", "\(partners)", "--registrations", "\(registrations)",
                              "--seed", "\(seed)", "--file", file.path])
        guard result.status == 0, FileManager.default.fileExists(atPath: file.path) else {
            throw EndToEndFailure("channeldesk demo failed (exit \(result.status)): \(result.stderr)")
        }
    }

    /// The environment of every process the tests start: nothing from the user's home or tmux.
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["TMUX", "TMUX_PANE", "CHANNELDESK_FILE", "CHANNELDESK_CONFIG", "XDG_CONFIG_HOME", "NO_COLOR", "COLUMNS", "LINES"] {
            env.removeValue(forKey: key)
        }
        env["HOME"] = home.path
        env["XDG_STATE_HOME"] = directory.appendingPathComponent("state").path
        env["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
        env["TMUX_TMPDIR"] = directory.path
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["TERM"] = "xterm-256color"
        env["USER"] = "e2e.user"
        return env
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the channeldesk binary without a terminal, as a script would.
    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        try Self.binaryOrFail()
        return try Self.exec(Self.binary, arguments, environment: environment)
    }

    /// Runs a program to completion with `posix_spawn`, its output in files. Not Foundation's `Process`:
    /// on Linux it hands the child one end of a socket pair and waits for that end to close, and
    /// `tmux new-session` forks a server that inherits it and outlives the client, so `waitUntilExit`
    /// would wait for the server. Files rather than pipes for the same reason.
    static func exec(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cd-e2e-out-\(UUID().uuidString)")
        let outPath = scratch.path + ".out", errPath = scratch.path + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The child starts with no blocked signals and default handlers. The test runner's threads block
        // signals, and a spawned child inherits that mask: tmux's panes would inherit it in turn, and a
        // console that never sees SIGWINCH or SIGINT cannot be tested for resizing or ctrl-c.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw EndToEndFailure("cannot start \(executable.path): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw EndToEndFailure("waitpid failed: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS, or 128 + the signal like a shell reports it.
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus,
                      stdout: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self))
    }

    func cleanup() {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Locating the binary and tmux

    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static let binary: URL = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("channeldesk"),
            Bundle.main.bundleURL.appendingPathComponent("channeldesk"),
            packageRoot.appendingPathComponent(".build/debug/channeldesk"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    static func binaryOrFail() throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw EndToEndFailure("the channeldesk binary is missing at \(binary.path): run `swift build` first")
        }
    }

    static let tmux: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"])
            .map { URL(fileURLWithPath: $0).appendingPathComponent("tmux") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Today in UTC, as the demo generator and the console's default `--as-of` see it.
    static var today: String { day(Date()) }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}

/// One console running in its own tmux server (`tmux -L <unique>`): keys in, screen text out.
final class Tmux {
    let workspace: Workspace
    let socket: String
    let session = "console"
    private var closed = false
    /// The tmux server and the pane's process, made sure of in `kill()`.
    private var processes: [pid_t] = []

    /// True when a shell runs the console and stays after it: see `init`'s `keepPaneAfterExit`.
    let keepsPane: Bool

    /// Starts `channeldesk ARGUMENTS` in a detached session of a private tmux server.
    /// - Parameter keepPaneAfterExit: run the console from a shell that, once it exits, prints the terminal's
    ///   `stty` modes and `[exited STATUS]` and then waits, so the console's last words, its exit status and
    ///   the state it left the terminal in can be read. (tmux's own remain-on-exit loses the output of a
    ///   process that dies at once.) Otherwise the session ends with the console.
    init(_ workspace: Workspace, _ arguments: [String], width: Int = 120, height: Int = 40,
         environment extra: [String: String] = [:], keepPaneAfterExit: Bool = false) throws {
        try Workspace.binaryOrFail()
        guard Workspace.tmux != nil else {
            throw EndToEndFailure("tmux is not installed: the end-to-end tests drive the console in tmux (apt-get install -y tmux)")
        }
        self.workspace = workspace
        keepsPane = keepPaneAfterExit
        socket = "cd-e2e-\(UUID().uuidString.prefix(8))"
        // A config of our own: never the user's ~/.tmux.conf; no status line, so the pane is the whole window.
        let config = workspace.directory.appendingPathComponent("tmux.conf")
        try Data("""
            set -g status off
            set -g remain-on-exit off
            set -g default-terminal xterm-256color
            set -g history-limit 0
            set -sg escape-time 0
            set -s set-clipboard on

            """.utf8).write(to: config)
        var env = ["TERM=xterm-256color", "HOME=\(workspace.home.path)",
                   "XDG_STATE_HOME=\(workspace.directory.appendingPathComponent("state").path)",
                   "XDG_DATA_HOME=\(workspace.directory.appendingPathComponent("data").path)",
                   "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "USER=e2e.user"]
        env += extra.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // Several arguments after the session options: tmux runs them directly, no shell quoting involved.
        var command = ["/usr/bin/env", "-u", "NO_COLOR", "-u", "TMUX"] + env + [Workspace.binary.path] + arguments
        if keepPaneAfterExit {
            // `trap :` keeps the shell alive through a ctrl-c meant for the console (a handler, unlike
            // an ignored signal, is not inherited by the console).
            command = ["/bin/sh", "-c", #"trap : INT; "$@"; status=$?; echo "[stty $(stty -a | tr -s '; \n' '  ')]"; echo "[exited $status]"; read line"#,
                       "sh"] + command
        }
        let result = try Workspace.exec(Workspace.tmux!, ["-L", socket, "-f", config.path, "new-session", "-d", "-s", session,
                                                          "-x", "\(width)", "-y", "\(height)"] + command,
                                        environment: workspace.environment)
        guard result.status == 0 else {
            kill()
            throw EndToEndFailure("tmux new-session failed (exit \(result.status)): \(result.stderr)")
        }
        processes = [try query("#{pid}"), try query("#{pane_pid}")].compactMap { pid_t($0) }
    }

    deinit { kill() }

    /// Runs `tmux -L <socket> ARGS`.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> Workspace.Result {
        try Workspace.exec(Workspace.tmux!, ["-L", socket] + arguments, environment: workspace.environment)
    }

    /// A mouse event as a terminal sends it, in the SGR encoding the panes' terminfo (xterm-256color,
    /// `kmous=\E[<`) names: `ESC [ < button ; column ; row M`, columns and rows from 1. tmux passes the
    /// bytes to the pane as they are, as if from a terminal with the mouse on.
    func mouse(button: Int, x: Int, y: Int, release: Bool = false) throws {
        let bytes = Array("\u{1B}[<\(button);\(x + 1);\(y + 1)\(release ? "m" : "M")".utf8).map { String($0, radix: 16) }
        let result = try tmux(["send-keys", "-t", session, "-H"] + bytes)
        guard result.status == 0 else { throw EndToEndFailure("send-keys -H \(bytes) failed: \(result.stderr)") }
    }

    /// Button 1 pressed and released at column `x`, row `y` (from 0): curses takes a second press only
    /// after the first was let go.
    func click(x: Int, y: Int) throws {
        try mouse(button: 0, x: x, y: y)
        try mouse(button: 0, x: x, y: y, release: true)
    }

    /// One notch of the wheel at the cell: 64 up, 65 down.
    func wheel(down: Bool, x: Int, y: Int) throws { try mouse(button: down ? 65 : 64, x: x, y: y) }

    /// Special keys by tmux name: Enter, Escape, Space, Tab, BTab, Up, C-c, …
    func send(_ keys: String...) throws {
        let result = try tmux(["send-keys", "-t", session] + keys)
        guard result.status == 0 else { throw EndToEndFailure("send-keys \(keys) failed: \(result.stderr)") }
    }

    /// Literal text, typed as is.
    func type(_ text: String) throws {
        let result = try tmux(["send-keys", "-t", session, "-l", text])
        guard result.status == 0 else { throw EndToEndFailure("send-keys -l \(text) failed: \(result.stderr)") }
    }

    /// The visible pane, one line per row (`escapes` keeps the SGR attribute sequences; `joined` joins
    /// lines the terminal wrapped).
    func capture(escapes: Bool = false, joined: Bool = false) throws -> String {
        let result = try tmux(["capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []) + (joined ? ["-J"] : []))
        guard result.status == 0 else { throw EndToEndFailure("capture-pane failed: \(result.stderr)") }
        return result.stdout
    }

    /// A tmux format of the pane, e.g. `#{pane_width}`.
    func query(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", session, format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var paneSize: (width: Int, height: Int) {
        get throws {
            let parts = try query("#{pane_width} #{pane_height}").split(separator: " ").compactMap { Int($0) }
            guard parts.count == 2 else { throw EndToEndFailure("cannot read the pane size") }
            return (parts[0], parts[1])
        }
    }

    /// Polls the screen every 50 ms until `condition` holds and the screen is the same on the next
    /// poll; returns that screen. On a loaded machine a capture can catch a frame half painted (a new
    /// pane's first line over the old pane's rows), and what a test reads next must be a whole frame.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 10, settled: Bool = true,
                   _ condition: (String) throws -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = "", previous: String?
        while true {
            screen = try capture()
            if try condition(screen) {
                if !settled || screen == previous { return screen }
                previous = screen
            } else {
                previous = nil
            }
            if Date() > deadline { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw EndToEndFailure("timed out after \(Int(timeout))s waiting for \(what); the screen was:\n\(framed(screen))")
    }

    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    @discardableResult
    func waitUntilGone(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil("\"\(text)\" to disappear", timeout: timeout) { !$0.contains(text) }
    }

    /// Resizes the window (and so the pane; the console gets SIGWINCH) and waits until tmux reports the size.
    func resize(_ width: Int, _ height: Int) throws {
        let result = try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
        guard result.status == 0 else { throw EndToEndFailure("resize-window failed: \(result.stderr)") }
        let deadline = Date().addingTimeInterval(10)
        while try paneSize != (width, height) {
            guard Date() < deadline else { throw EndToEndFailure("the pane is \(try paneSize), not \(width)×\(height), after resize-window") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Waits until the console has exited. With `keepPaneAfterExit` the pane stays and the console's exit
    /// status is returned; otherwise the session disappears with the process and the status is nil.
    @discardableResult
    func waitForExit(timeout: TimeInterval = 10) throws -> Int32? {
        if keepsPane {
            let screen = try waitUntil("the console to exit", timeout: timeout) { $0.contains("[exited ") }
            return screen.firstMatch(of: /\[exited (\d+)\]/).flatMap { Int32($0.1) }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while try tmux(["has-session", "-t", session]).status == 0 {
            guard Date() < deadline else {
                throw EndToEndFailure("the console did not exit within \(Int(timeout))s; the screen was:\n\(framed(try capture()))")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// The terminal modes `stty -a` reported after the console exited (`keepPaneAfterExit` only).
    func sttyModesAfterExit() throws -> Set<String> {
        let screen = try capture(joined: true)
        guard let match = screen.firstMatch(of: /\[stty ([^\]]*)\]/) else { throw EndToEndFailure("no stty line on the screen:\n\(screen)") }
        return Set(match.1.split(separator: " ").map(String.init))
    }

    /// Kills the private tmux server (and with it the console, if still running).
    func kill() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
        // kill-server hangs up the pane; whatever ignores that too is killed outright, so that no test
        // leaves a console or a tmux server behind. Only our own two processes, by pid.
        let deadline = Date().addingTimeInterval(2)
        while processes.contains(where: { Foundation.kill($0, 0) == 0 && !Self.isZombie($0) }), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        for pid in processes where Foundation.kill(pid, 0) == 0 && !Self.isZombie(pid) { Foundation.kill(pid, SIGKILL) }
    }

    private static func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    private func framed(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map { "│" + $0 }.joined(separator: "\n")
    }
}

/// The screen, read the way a person reads it.
enum ScreenText {
    /// Registration ids of the queue table's rows, top to bottom.
    static func queueIDs(_ screen: String) -> [String] {
        rows(screen).map(\.id)
    }

    /// Queue rows: the id and the text of the Partner column's first word.
    static func rows(_ screen: String) -> [(id: String, line: String)] {
        screen.split(separator: "\n").compactMap { line in
            // Time left ("31h", "-25m", "-3d", "paused"), on wide screens the age, then the id.
            guard let match = line.firstMatch(of: /^\s*(?:-?\d+[mhd]|paused)\s+(?:\d+[hd]\s+)?(R-\d{7})\s/) else { return nil }
            return (String(match.1), String(line))
        }
    }

    static func line(containing text: String, in screen: String) -> String? {
        screen.split(separator: "\n").first { $0.contains(text) }.map(String.init)
    }
}
