import ChannelStore
import Foundation
import Glibc
import Testing

@Suite struct AtomicFileTests {
    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory() }

    private func mode(_ url: URL) throws -> Int {
        try #require((FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue)
    }

    @Test func writesReplacesAndLeavesMode0600() throws {
        let url = directory.file("programme.cdesk")
        try AtomicFile.write(Data("old".utf8), to: url)
        try AtomicFile.write(Data("new contents".utf8), to: url)
        #expect(try Data(contentsOf: url) == Data("new contents".utf8))
        #expect(try mode(url) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["programme.cdesk"])
    }

    @Test func failedFsyncLeavesTheOldFileAndNoTemporary() throws {
        let url = directory.file("programme.cdesk")
        try AtomicFile.write(Data("old".utf8), to: url)
        let io = FaultInjectingFileIO()
        io.inject(.error(EIO), on: .fsync)
        #expect(throws: FileError.self) { try AtomicFile.write(Data("new".utf8), to: url, io: io) }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["programme.cdesk"])
        #expect(io.count(of: .rename) == 0)
    }

    @Test func errorsCarryPathAndErrnoText() {
        let url = directory.file("missing-dir/programme.cdesk")
        let error = #expect(throws: FileError.self) { try AtomicFile.write(Data("x".utf8), to: url) }
        #expect(error?.code == ENOENT)
        #expect(error?.description.hasPrefix("could not open \(directory.url.path)/missing-dir/.programme.cdesk.tmp-") == true)
        #expect(error?.description.hasSuffix(": No such file or directory (errno 2)") == true)
    }
}
