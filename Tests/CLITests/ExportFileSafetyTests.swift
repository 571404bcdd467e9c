import Foundation
import Testing

/// `export --output`: the file is created 0600 (statements name money per partner) and appears whole
/// or not at all; a target that cannot be written is a clear error that leaves nothing behind.
@Suite struct ExportFileSafetyTests {
    @Test func aStatementIsWrittenMode0600AndNoTemporaryFileRemains() throws {
        let cli = try CLI()
        try cli.importSample()
        let target = cli.directory.appendingPathComponent("statement.csv")
        let result = try cli.run(["export", "commissions", "--statement", "--output", target.path])
        #expect(result.status == 0, "\(result.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try String(contentsOf: target, encoding: .utf8).uppercased().contains("TOTAL"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aFolderThatDoesNotExistIsAClearError() throws {
        let cli = try CLI()
        try cli.importSample()
        let target = cli.directory.appendingPathComponent("no-such-folder/partners.csv")
        let result = try cli.run(["export", "partners", "--output", target.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("could not write the export to \(target.path): No such file or directory"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
    }
}

/// Standard output on a full disk (`/dev/full`): a clear message and a failing status, not a trap.
@Suite struct StandardOutputFullDiskTests {
    @Test func exportToAFullDiskSaysSo() throws {
        let cli = try CLI()
        try cli.importSample()
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["export", "registrations", "--file", cli.file.path]
        var env = ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = cli.directory.appendingPathComponent("xdg").path
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("could not write to standard output: No space left on device"), "\(stderr)")
        #expect(!stderr.contains("Fatal error"))
    }
}
