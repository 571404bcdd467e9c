import Foundation
import Testing

/// Runs the built `channeldesk` binary in a scratch directory, as a script or a cron job would.
struct CLI {
    let directory: URL
    var file: URL { directory.appendingPathComponent("programme.cdesk") }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("channeldesk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `channeldesk ARGS --file <scratch file>` (unless `withFile` is false), with `input` as its
    /// stdin when given; with `shell`, runs `/bin/sh ARGS` instead, for a command line as a user types it.
    @discardableResult
    func run(_ arguments: [String], withFile: Bool = true, environment: [String: String] = [:], input: String? = nil,
             shell: Bool = false) throws -> Result {
        let process = Process()
        process.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : Self.binary
        process.arguments = arguments + (withFile ? ["--file", file.path] : [])
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["USER"] = "ci.tester"
        env["XDG_DATA_HOME"] = directory.appendingPathComponent("xdg").path
        // Never the user's own config file: a test that wants one writes it here.
        env["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
        env.removeValue(forKey: "CHANNELDESK_FILE")
        env.removeValue(forKey: "CHANNELDESK_CONFIG")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            // Small scripts only: the child reads all of it before it writes much, so this cannot deadlock.
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Read before waiting: a full pipe would otherwise block the child forever.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Imports the whole sample programme in dependency order.
    func importSample() throws {
        for kind in ["partners", "mdf-requests", "mdf-allocations", "registrations", "deals", "investments", "nps", "direct-accounts", "enablement"] {
            let csv = Self.sample.appendingPathComponent(kind.replacingOccurrences(of: "-", with: "_") + ".csv")
            let result = try run(["import", kind, csv.path, "--actor", "loader"])
            #expect(result.status == 0, "import \(kind): \(result.stderr)")
        }
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    /// The sample programme in the checkout's own fixtures.
    static let sample = packageRoot.appendingPathComponent("Tests/Fixtures/sample")

    static let binary: URL = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("channeldesk"),
            Bundle.main.bundleURL.appendingPathComponent("channeldesk"),
            packageRoot.appendingPathComponent(".build/debug/channeldesk"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    static func expected(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: sample.appendingPathComponent(name)))
    }
}
