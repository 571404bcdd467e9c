import ChannelStore
import Foundation
import Glibc
import Testing

@Suite struct JournalTests {
    let directory: TemporaryDirectory
    let url: URL

    init() throws {
        directory = try TemporaryDirectory()
        url = directory.file("programme.cdesk-journal")
    }

    /// Payloads start like the binary plists JournalCodec writes: after damage, the reader finds the
    /// next record by that magic.
    private func payloads(_ count: Int) -> [Data] {
        (0..<count).map { Data("bplist00 record \($0) ".utf8) + Data(repeating: UInt8($0), count: $0 * 3) }
    }

    private func writeAll(_ records: [Data]) throws -> JournalWriter {
        let writer = try JournalWriter(url: url)
        for record in records { try writer.append(record) }
        return writer
    }

    @Test func missingJournalIsEmpty() throws {
        #expect(try JournalReader.read(url: url) == JournalContents(payloads: [], validLength: 0, tornTail: nil))
    }

    @Test func appendThenReadRoundTrips() throws {
        let records = payloads(5)
        let writer = try writeAll(records)
        let contents = try JournalReader.read(url: url)
        #expect(contents.payloads == records)
        #expect(contents.tornTail == nil)
        #expect(contents.validLength == records.reduce(0) { $0 + 8 + $1.count })
        #expect(writer.length == contents.validLength)
        try writer.close()
    }

    @Test func recordFramingIsLengthThenCRCLittleEndian() throws {
        _ = try writeAll([Data("123456789".utf8)])
        let bytes = try Data(contentsOf: url)
        #expect(Array(bytes.prefix(8)) == [9, 0, 0, 0, 0x26, 0x39, 0xF4, 0xCB])
        #expect(bytes.dropFirst(8) == Data("123456789".utf8))
    }

    @Test func journalIsCreatedMode0600() throws {
        _ = try writeAll([Data("x".utf8)])
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func tornTailIsDroppedAndReported() throws {
        let records = payloads(4)
        _ = try writeAll(records)
        let full = try Data(contentsOf: url)
        let lastLength = 8 + records[3].count
        for cut in [1, 5, 8, lastLength - 1] {
            try full.prefix(full.count - lastLength + cut).write(to: url)
            let contents = try JournalReader.read(url: url)
            #expect(contents.payloads == Array(records.prefix(3)), "cut after \(cut) bytes")
            #expect(contents.validLength == full.count - lastLength)
            #expect(contents.tornTail == cut)
        }
    }

    @Test func corruptLastRecordIsATornTail() throws {
        let records = payloads(3)
        _ = try writeAll(records)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count - 2] ^= 0xFF
        try bytes.write(to: url)
        let contents = try JournalReader.read(url: url)
        #expect(contents.payloads == Array(records.prefix(2)))
        #expect(contents.tornTail == 8 + records[2].count)
    }

    @Test func corruptMiddleRecordThrowsInsteadOfLosingLaterRecords() throws {
        let records = payloads(4)
        _ = try writeAll(records)
        var bytes = try Data(contentsOf: url)
        let second = 8 + records[0].count
        bytes[second + 8 + 2] ^= 0x01  // a payload byte of record 2: its CRC no longer matches
        try bytes.write(to: url)
        #expect(throws: JournalError.corrupt(offset: second, recordIndex: 1, nextIntact: second + 8 + records[1].count)) { try JournalReader.read(url: url) }
    }

    @Test func corruptLengthInTheMiddleStillThrows() throws {
        let records = payloads(3)
        _ = try writeAll(records)
        var bytes = try Data(contentsOf: url)
        bytes[3] = 0x7F  // record 1 now claims ~2 GB, past the end of the file
        try bytes.write(to: url)
        let error = #expect(throws: JournalError.self) { try JournalReader.read(url: url) }
        #expect(error == .corrupt(offset: 0, recordIndex: 0, nextIntact: 8 + records[0].count))
        #expect(error?.description.contains("run `channeldesk check`") == true)
    }

    @Test func crcMismatchIsDetected() throws {
        var record = Data([5, 0, 0, 0]) + withUnsafeBytes(of: CRC32.checksum(Data("hello".utf8)).littleEndian) { Data($0) }
        record += Data("hello".utf8)
        #expect(try JournalReader.parse(record).payloads == [Data("hello".utf8)])
        record[4] ^= 1
        #expect(try JournalReader.parse(record) == JournalContents(payloads: [], validLength: 0, tornTail: 13))
    }

    @Test func zeroFilledTailIsTornNotARecord() throws {
        _ = try writeAll(payloads(2))
        var bytes = try Data(contentsOf: url)
        let valid = bytes.count
        bytes += Data(count: 4096)
        try bytes.write(to: url)
        let contents = try JournalReader.read(url: url)
        #expect(contents.payloads.count == 2)
        #expect(contents.validLength == valid)
        #expect(contents.tornTail == 4096)
    }

    @Test func truncateToValidLengthThenAppend() throws {
        let records = payloads(3)
        _ = try writeAll(records)
        let full = try Data(contentsOf: url)
        try full.prefix(full.count - 3).write(to: url)
        let torn = try JournalReader.read(url: url)
        let writer = try JournalWriter(url: url)
        try writer.truncate(toLength: torn.validLength)
        try writer.append(Data("after".utf8))
        let contents = try JournalReader.read(url: url)
        #expect(contents.payloads == Array(records.prefix(2)) + [Data("after".utf8)])
        #expect(contents.tornTail == nil)
        try writer.truncate()
        #expect(try JournalReader.read(url: url) == JournalContents())
        #expect(writer.length == 0)
    }

    @Test func emptyPayloadIsRefused() throws {
        let writer = try JournalWriter(url: url)
        #expect(throws: JournalError.emptyPayload) { try writer.append(Data()) }
    }

    @Test func fsyncFailureMakesTheWriterUnusable() throws {
        let io = FaultInjectingFileIO()
        let writer = try JournalWriter(url: url, io: io)
        try writer.append(Data("first".utf8))
        io.inject(.error(EIO), on: .fsync)
        let failure = FileError("fsync", path: url.path, code: EIO)
        #expect(throws: JournalError.unusable(failure)) { try writer.append(Data("second".utf8)) }
        let fsyncs = io.count(of: .fsync)
        // Never retried: later calls refuse without touching the file, even though fsync would now succeed.
        #expect(throws: JournalError.unusable(failure)) { try writer.append(Data("third".utf8)) }
        #expect(throws: JournalError.unusable(failure)) { try writer.truncate() }
        #expect(io.count(of: .fsync) == fsyncs)
        #expect(io.count(of: .write) == 2)
        #expect(JournalError.unusable(failure).description.contains("Input/output error"))
    }

    @Test func failedWriteIsCutBackAndTheWriterStaysUsable() throws {
        let io = FaultInjectingFileIO()
        let writer = try JournalWriter(url: url, io: io)
        try writer.append(Data("first".utf8))
        io.inject(.shortWrite(6), on: .write)
        io.inject(.error(ENOSPC), on: .write, at: 2)
        #expect(throws: FileError("write", path: url.path, code: ENOSPC)) { try writer.append(Data("second".utf8)) }
        #expect(try JournalReader.read(url: url) == JournalContents(payloads: [Data("first".utf8)], validLength: 13))
        try writer.append(Data("third".utf8))
        #expect(try JournalReader.read(url: url).payloads == [Data("first".utf8), Data("third".utf8)])
    }

    @Test func shortWriteIsCompleted() throws {
        let io = FaultInjectingFileIO()
        let writer = try JournalWriter(url: url, io: io)
        io.inject(.shortWrite(3), on: .write)
        try writer.append(Data("complete".utf8))
        #expect(io.count(of: .write) == 2)
        #expect(try JournalReader.read(url: url).payloads == [Data("complete".utf8)])
    }
}
