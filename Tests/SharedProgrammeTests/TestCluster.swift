import Foundation
import Glibc
import Testing

/// A throwaway PostgreSQL cluster: `initdb` into a temporary folder as the `postgres` OS user (the
/// server refuses to run as root), `pg_ctl start` on a free loopback port, stopped and removed at the end.
/// Tests talk to a real server — never a mock — so roles, SECURITY DEFINER and transactions are the real ones.
final class TestCluster: @unchecked Sendable {
    let directory: URL
    let port: Int
    private var running = false

    var dataDirectory: String { directory.appendingPathComponent("data").path }
    /// The superuser's URL for a database of this cluster.
    func url(database: String = "postgres", user: String = "postgres") -> String {
        "postgresql://\(user)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Where Debian installs the server binaries, newest first.
    static var binDirectory: String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }

    /// Run the tests when the server is installed, and always in CI: a CI machine without it must fail
    /// loudly, not pass by skipping everything.
    static var shouldRun: Bool { binDirectory != nil || ProcessInfo.processInfo.environment["CI"] != nil }
    static let skipMessage: Comment = "PostgreSQL's server binaries are missing (no /usr/lib/postgresql/*/bin/initdb): run scripts/setup.sh, which installs postgresql, to run the shared-programme tests"

    private init(directory: URL, port: Int) {
        self.directory = directory
        self.port = port
    }

    /// Runs `body` against a fresh cluster and stops it afterwards, whatever `body` does.
    static func with<T>(_ body: (TestCluster) async throws -> T) async throws -> T {
        let cluster = try start()
        defer { cluster.stop() }
        return try await body(cluster)
    }

    static func start() throws -> TestCluster {
        guard let bin = binDirectory else {
            throw HarnessError("PostgreSQL's server binaries are missing (no /usr/lib/postgresql/*/bin/initdb); install postgresql (scripts/setup.sh)")
        }
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("channeldesk-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try asServerUser(["chown", "postgres:postgres", directory.path], direct: true)
        let data = directory.appendingPathComponent("data").path
        try asServerUser(["\(bin)/initdb", "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"])
        // A port another cluster grabs between our probe and the start fails the start: probe again.
        var lastError: Error = HarnessError("no free port")
        for _ in 0..<5 {
            let port = try freePort()
            let cluster = TestCluster(directory: directory, port: port)
            do {
                try asServerUser(["\(bin)/pg_ctl", "-D", data, "-l", directory.appendingPathComponent("server.log").path, "-w", "-t", "120",
                                  "-o", "-k \(directory.path) -c listen_addresses=127.0.0.1 -p \(port) -c fsync=off -c max_connections=60",
                                  "start"])
                cluster.running = true
                try cluster.waitUntilAccepting()
                return cluster
            } catch {
                lastError = error
                cluster.stop()
            }
        }
        try? FileManager.default.removeItem(at: directory)
        throw lastError
    }

    /// Polls until the server answers a query (pg_ctl's own wait only proves the postmaster is up).
    func waitUntilAccepting(timeout: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let result = try Shell.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", "-d", "postgres",
                                        "-tAc", "SELECT 1"])
            if result.status == 0 && result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1" { return }
            guard Date() < deadline else { throw HarnessError("the test cluster on port \(port) did not accept connections: \(result.stderr)\n\(log)") }
            usleep(50_000)
        }
    }

    /// `pg_ctl restart -m immediate`: the server dies without a checkpoint and recovers from its WAL.
    func restartImmediately() throws {
        guard let bin = Self.binDirectory else { return }
        try Self.asServerUser(["\(bin)/pg_ctl", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "120",
                               "-l", directory.appendingPathComponent("server.log").path, "restart"])
        try waitUntilAccepting()
    }

    var log: String { (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? "" }

    func stop() {
        if running, let bin = Self.binDirectory {
            _ = try? Self.asServerUser(["\(bin)/pg_ctl", "-D", dataDirectory, "-m", "fast", "-w", "stop"])
        }
        running = false
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs SQL as the superuser through psql and returns its unaligned output.
    @discardableResult
    func psql(_ sql: String, database: String = "postgres", user: String = "postgres") throws -> String {
        let result = try sqlResult(sql, database: database, user: user)
        guard result.status == 0 else { throw HarnessError("psql failed: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The same, without treating an error as a harness failure: for tests of refusals.
    func sqlResult(_ sql: String, database: String = "postgres", user: String = "postgres") throws -> Shell.Result {
        try Shell.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", database,
                       "-tAc", sql])
    }

    /// The server refuses to run as root; as root the command runs as `postgres` (chown'd folder).
    /// `direct` runs it as ourselves (e.g. the chown itself).
    @discardableResult
    static func asServerUser(_ arguments: [String], direct: Bool = false) throws -> Shell.Result {
        let command = (getuid() == 0 && !direct) ? ["runuser", "-u", "postgres", "--"] + arguments : arguments
        let result = try Shell.run(command, directory: "/")
        guard result.status == 0 else {
            throw HarnessError("\(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)\(result.stdout)")
        }
        return result
    }

    /// A port the kernel just handed out on loopback, released for the server to take.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw HarnessError("bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A harness failure, with what the command said.
struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command to completion and collects what it printed.
enum Shell {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Output goes to files, not pipes: a server started by pg_ctl, or a child started while another
    /// test's pipe was open, can inherit a pipe's write end and hold it open for its whole life, and
    /// a reader waiting for end-of-file would wait as long. The child is spawned and reaped with
    /// posix_spawn and waitpid: Foundation's Process did not notice `runuser` exiting once pg_ctl had
    /// left a daemon behind.
    static func run(_ arguments: [String], directory: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let child = try Child(arguments, directory: directory, environment: environment)
        return child.wait()
    }
}

/// A spawned child whose output goes to two temporary files; tests may kill it.
final class Child: @unchecked Sendable {
    let pid: pid_t
    private let output: OutputFiles

    init(_ arguments: [String], directory: String? = nil, environment: [String: String] = [:]) throws {
        output = try OutputFiles()
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        var command = arguments
        if let directory { command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + arguments }
        else { command = ["/usr/bin/env"] + arguments }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.base + ".out", O_WRONLY | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, output.base + ".err", O_WRONLY | O_TRUNC, 0o600)
        let argv = command.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard status == 0 else { output.remove(); throw HarnessError("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        self.pid = pid
    }

    func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }

    /// Reaps the child and collects what it printed.
    func wait() -> Shell.Result {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        defer { output.remove() }
        // WIFEXITED / WEXITSTATUS, spelled out (the C macros do not import); a signal reads as 128 + signo.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return output.result(status: code)
    }
}

/// A child's stdout and stderr as two temporary files.
struct OutputFiles {
    let base: String

    init() throws {
        base = NSTemporaryDirectory() + "channeldesk-out-\(UUID().uuidString)"
        for suffix in [".out", ".err"] {
            guard FileManager.default.createFile(atPath: base + suffix, contents: nil) else { throw HarnessError("cannot create \(base)\(suffix)") }
        }
    }

    func result(status: Int32) -> Shell.Result {
        func text(_ suffix: String) -> String { String(decoding: FileManager.default.contents(atPath: base + suffix) ?? Data(), as: UTF8.self) }
        return Shell.Result(status: status, stdout: text(".out"), stderr: text(".err"))
    }

    func remove() {
        for suffix in [".out", ".err"] { try? FileManager.default.removeItem(atPath: base + suffix) }
    }
}
