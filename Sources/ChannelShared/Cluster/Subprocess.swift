import Foundation
import Glibc

/// A command that failed (or could not start), with what it said.
package struct CommandFailure: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// Runs a command to completion and collects what it printed (the cluster's tools, and the tests' and
/// the benchmark's `channeldesk` runs).
package enum Shell {
    /// What a finished command left.
    package struct Result {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// Output goes to files, not pipes: a server started by pg_ctl, or a child started while another
    /// test's pipe was open, can inherit a pipe's write end and hold it open for its whole life, and
    /// a reader waiting for end-of-file would wait as long. The child is spawned and reaped with
    /// posix_spawn and waitpid: Foundation's Process did not notice `runuser` exiting once pg_ctl had
    /// left a daemon behind.
    /// `input`, when given, is the child's stdin (else /dev/null).
    package static func run(_ arguments: [String], directory: String? = nil, environment: [String: String] = [:],
                            input: String? = nil) throws -> Result {
        let child = try Child(arguments, directory: directory, environment: environment, input: input)
        return child.wait()
    }
}

/// A spawned child whose output goes to two temporary files; tests may kill it.
package final class Child: @unchecked Sendable {
    package let pid: pid_t
    private let output: OutputFiles

    package init(_ arguments: [String], directory: String? = nil, environment: [String: String] = [:], input: String? = nil) throws {
        output = try OutputFiles(input: input)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        var command = arguments
        if let directory { command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + arguments }
        else { command = ["/usr/bin/env"] + arguments }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input == nil ? "/dev/null" : output.base + ".in", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.base + ".out", O_WRONLY | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, output.base + ".err", O_WRONLY | O_TRUNC, 0o600)
        let argv = command.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard status == 0 else { output.remove(); throw CommandFailure("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        self.pid = pid
    }

    package func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }

    /// Reaps the child and collects what it printed.
    package func wait() -> Shell.Result {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        defer { output.remove() }
        // WIFEXITED / WEXITSTATUS, spelled out (the C macros do not import); a signal reads as 128 + signo.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return output.result(status: code)
    }
}

/// A child's stdout and stderr as two temporary files (and its stdin as a third, when given).
struct OutputFiles {
    let base: String

    init(input: String? = nil) throws {
        base = NSTemporaryDirectory() + "channeldesk-out-\(UUID().uuidString)"
        if let input, !FileManager.default.createFile(atPath: base + ".in", contents: Data(input.utf8)) {
            throw CommandFailure("cannot create \(base).in")
        }
        for suffix in [".out", ".err"] {
            guard FileManager.default.createFile(atPath: base + suffix, contents: nil) else { throw CommandFailure("cannot create \(base)\(suffix)") }
        }
    }

    func result(status: Int32) -> Shell.Result {
        func text(_ suffix: String) -> String { String(decoding: FileManager.default.contents(atPath: base + suffix) ?? Data(), as: UTF8.self) }
        return Shell.Result(status: status, stdout: text(".out"), stderr: text(".err"))
    }

    func remove() {
        for suffix in [".in", ".out", ".err"] { try? FileManager.default.removeItem(atPath: base + suffix) }
    }
}
