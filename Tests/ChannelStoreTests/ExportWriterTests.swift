import ChannelStore
import Foundation
import Glibc
import Testing

/// Exports are written like the programme: 0600, whole or not at all, even on a full disk.
@Suite struct ExportWriterTests {
    let directory: TemporaryDirectory
    let target: URL
    let statement = Data(String(repeating: "P-001,Acme,commission,1234.56\n", count: 4_000).utf8)

    init() throws {
        directory = try TemporaryDirectory()
        target = directory.file("statement.csv")
    }

    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0 != "statement.csv" }
    }

    @Test func anExportIsWholeAndMode0600() throws {
        try ExportWriter.write(statement, to: target)
        #expect(try Data(contentsOf: target) == statement)
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try leftovers().isEmpty)
    }

    @Test(arguments: [
        (FaultInjectingFileIO.Operation.write, FaultInjectingFileIO.Fault.error(ENOSPC), "No space left on device"),
        (.fsync, .error(EIO), "Input/output error"),
        (.open, .error(EDQUOT), "quota exceeded"),
        (.rename, .error(EROFS), "Read-only file system"),
    ])
    func aFailedExportLeavesNeitherHalfAStatementNorATemporaryFile(operation: FaultInjectingFileIO.Operation,
                                                                  fault: FaultInjectingFileIO.Fault, words: String) throws {
        let io = FaultInjectingFileIO()
        io.inject(fault, on: operation)
        let error = #expect(throws: ExportError.self) { try ExportWriter.write(statement, to: target, io: io) }
        #expect(error?.description.contains(words) == true, "\(String(describing: error))")
        #expect(error?.description.contains("nothing was written") == true)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(try leftovers().isEmpty)
    }

    @Test func aDiskFillingUpMidExportKeepsThePreviousStatement() throws {
        let previous = Data("the statement finance already has\n".utf8)
        try previous.write(to: target)
        let io = FaultInjectingFileIO()
        // The disk takes a few kilobytes, then has no room left.
        io.inject(.shortWrite(4096), on: .write, at: 1)
        io.inject(.error(ENOSPC), on: .write, at: 2)
        #expect(throws: ExportError.self) { try ExportWriter.write(statement, to: target, io: io) }
        #expect(try Data(contentsOf: target) == previous)
        #expect(try leftovers().isEmpty)
    }

    /// A streamed export reaches the file chunk by chunk; the disk filling up on a later chunk leaves
    /// the previous file, and no temporary file, exactly as a whole write does.
    @Test func aStreamedExportIsWholeOrNotThere() throws {
        let chunks = (0..<5).map { Data("chunk \($0)\n".utf8) }
        try ExportWriter.write(to: target) { write in for chunk in chunks { try write(chunk) } }
        #expect(try Data(contentsOf: target) == chunks.reduce(Data(), +))
        let previous = try Data(contentsOf: target)
        let io = FaultInjectingFileIO()
        io.inject(.error(ENOSPC), on: .write, at: 3)
        var written = 0
        let error = #expect(throws: ExportError.self) {
            try ExportWriter.write(to: target, io: io) { write in for chunk in chunks { try write(chunk); written += 1 } }
        }
        #expect(written == 2, "the chunks after the failed one are not made")
        #expect(error?.description.contains("No space left on device") == true, "\(String(describing: error))")
        #expect(try Data(contentsOf: target) == previous)
        #expect(try leftovers().isEmpty)
    }

    @Test func aFolderThatCannotBeSyncedIsSaidSo() throws {
        let io = FaultInjectingFileIO()
        io.inject(.error(EIO), on: .fsync, at: 2)  // the file's fsync passes, the folder's fails
        let error = #expect(throws: ExportError.self) { try ExportWriter.write(statement, to: target, io: io) }
        #expect(error?.targetUnchanged == false)
        #expect(error?.description.contains("may not survive a power cut") == true)
    }

    @Test func aSymlinkedTargetReplacesWhatItPointsAt() throws {
        let real = directory.file("real.csv")
        try Data("old".utf8).write(to: real)
        let link = directory.file("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try ExportWriter.write(statement, to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try Data(contentsOf: real) == statement)
    }

    @Test func aDeviceIsWrittenInPlace() throws {
        try ExportWriter.write(statement, to: URL(fileURLWithPath: "/dev/null"))
    }
}
