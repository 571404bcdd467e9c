import Foundation
import Glibc

/// A throwaway PostgreSQL cluster: `initdb` into a temporary folder as the `postgres` OS user (the
/// server refuses to run as root), `pg_ctl start` on a free loopback port, stopped and removed at the end.
/// The tests and the benchmark both talk to one — a real server, never a mock — so roles, SECURITY
/// DEFINER and transactions are the real ones; it lives here so the two share one starter.
package final class ThrowawayCluster: @unchecked Sendable {
    package let directory: URL
    package let port: Int
    private var running = false

    package var dataDirectory: String { directory.appendingPathComponent("data").path }
    /// The superuser's URL for a database of this cluster.
    package func url(database: String = "postgres", user: String = "postgres") -> String {
        "postgresql://\(user)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Where Debian installs the server binaries, newest first.
    package static var binDirectory: String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }

    private init(directory: URL, port: Int) {
        self.directory = directory
        self.port = port
    }

    /// Runs `body` against a fresh cluster and stops it afterwards, whatever `body` does.
    package static func with<T>(_ body: (ThrowawayCluster) async throws -> T) async throws -> T {
        let cluster = try start()
        defer { cluster.stop() }
        return try await body(cluster)
    }

    package static func start() throws -> ThrowawayCluster {
        guard let bin = binDirectory else {
            throw CommandFailure("PostgreSQL's server binaries are missing (no /usr/lib/postgresql/*/bin/initdb); install postgresql (scripts/setup.sh)")
        }
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("channeldesk-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try asServerUser(["chown", "postgres:postgres", directory.path], direct: true)
        let data = directory.appendingPathComponent("data").path
        try asServerUser(["\(bin)/initdb", "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"])
        // A port another cluster grabs between our probe and the start fails the start: probe again.
        var lastError: Error = CommandFailure("no free port")
        for _ in 0..<5 {
            let port = try freePort()
            let cluster = ThrowawayCluster(directory: directory, port: port)
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
    package func waitUntilAccepting(timeout: TimeInterval = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let result = try Shell.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", "-d", "postgres",
                                        "-tAc", "SELECT 1"])
            if result.status == 0 && result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1" { return }
            guard Date() < deadline else { throw CommandFailure("the test cluster on port \(port) did not accept connections: \(result.stderr)\n\(log)") }
            usleep(50_000)
        }
    }

    /// `pg_ctl restart -m immediate`: the server dies without a checkpoint and recovers from its WAL.
    package func restartImmediately() throws {
        guard let bin = Self.binDirectory else { return }
        try Self.asServerUser(["\(bin)/pg_ctl", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "120",
                               "-l", directory.appendingPathComponent("server.log").path, "restart"])
        try waitUntilAccepting()
    }

    package var log: String { (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? "" }

    package func stop() {
        if running, let bin = Self.binDirectory {
            _ = try? Self.asServerUser(["\(bin)/pg_ctl", "-D", dataDirectory, "-m", "fast", "-w", "stop"])
        }
        running = false
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs SQL as the superuser through psql and returns its unaligned output.
    @discardableResult
    package func psql(_ sql: String, database: String = "postgres", user: String = "postgres") throws -> String {
        let result = try sqlResult(sql, database: database, user: user)
        guard result.status == 0 else { throw CommandFailure("psql failed: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The same, without treating an error as a harness failure: for tests of refusals.
    package func sqlResult(_ sql: String, database: String = "postgres", user: String = "postgres") throws -> Shell.Result {
        try Shell.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", database,
                       "-tAc", sql])
    }

    /// The server refuses to run as root; as root the command runs as `postgres` (chown'd folder).
    /// `direct` runs it as ourselves (e.g. the chown itself).
    @discardableResult
    package static func asServerUser(_ arguments: [String], direct: Bool = false) throws -> Shell.Result {
        let command = (getuid() == 0 && !direct) ? ["runuser", "-u", "postgres", "--"] + arguments : arguments
        let result = try Shell.run(command, directory: "/")
        guard result.status == 0 else {
            throw CommandFailure("\(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)\(result.stdout)")
        }
        return result
    }

    /// A port the kernel just handed out on loopback, released for the server to take.
    package static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CommandFailure("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw CommandFailure("bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

