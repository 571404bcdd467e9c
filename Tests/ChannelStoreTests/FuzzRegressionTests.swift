import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// Inputs found by the fuzz targets of `Fuzz/` (see `Fuzz/run.sh`), each of which crashed the process
/// before its fix; now each is refused with an error. Crash inputs are inlined as base64 exactly as
/// libFuzzer wrote them.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    // MARK: Journal

    /// fuzz-journal: a journal entry whose `at` is a plist date about 1e18 s away. Decoding it converted
    /// `timeIntervalSince1970.rounded()` to Int64 and trapped, so a damaged journal crashed every open.
    static let farOffJournalDate = """
        YnBsaXN0MDDVAQIDBAUGBwgJClNzZXFaZ2VuZXJhdGlvblJhdFVhc3RvclZhY3Rpb24QCRABM2HINpigAAAAVGZ1enrUCwwNDg8QERJUa2luZFZzb3VyY2VacmVjb3JkS2luZFV0YWJsZVtpbXBvcnRCYXRjaF5lbmFibGVtZW50LmNzdlplbmFibGVtZW500hMUFRZUcm93c1djb2x1bW5zEALTFxgZGiArXGNvbXBsZXRlZF9vblRpdGVtWnBhcnRuZXJfaWTTCxscHR4fVnZhbHVlc1VjcmMzMlRkYXRlTxAQAAAAQG5V2kEAAADgpV/aQRJX6we81AsbIRwiIyQqVmxhYmVsc1V1aW50OEIEAKUlJicoKV1jZXJ0aWZpY2F0aW9uWHBsYXliaW9rVmFzc2V0c1xkZWFsX3N1cHBvcnRWcG9ydGFsEiW11/vUCywtHC4vMDFXb2Zmc2V0c1VieXRlc1ZzdHJpbmdMAAAAAAcAAAAOAAAATlAtMDAwMDFQLTAwMDAxElC5ct0ACAATABcAIgAlACsAMgA0ADYAPwBEAE0AUgBZAGQAagB2AIUAkACVAJoAogCkAKsAuAC9AMgAzwDWANwA4QD0APkBAgEJAQ8BEgEYASYBLwE2AUMBSgFPAVgBYAFmAW0BegGJAAAAAAAAAgEAAAAAAAAAMgAAAAAAAAAAAAAAAAAAAY4=
        """

    @Test func journalEntryWithAFarOffDateIsRefused() throws {
        let payload = try #require(Data(base64Encoded: Self.farOffJournalDate))
        let error = #expect(throws: DecodingError.self) { try JournalCodec.decode(payload) }
        #expect(String(describing: error).contains("is not a time between the years 1 and 9999"))
        // Framed as the journal holds it, the reader finds the record intact; the loader's decode of it
        // is what used to crash.
        let contents = try JournalReader.parse(Self.frame(payload))
        #expect(contents.payloads == [payload])
    }

    /// fuzz-journal: an import-batch entry in which a dictionary's entry count was mutated into an
    /// extended integer near 2^62. Foundation's binary-plist scanner converted the size it implies to
    /// `Int` before checking it against the bytes left, and trapped; `PlistDecoding` now refuses it.
    static let containerCountBeyondInt = "YnBsaXN0MDDVAQIDBAUGBwgJClNzZXFaZ2VuZXJhdGlvblJhdFVhY3RvclZhY3Rpb24QBBABM0HINpigAAAAVGZ1enrUCwwNDg8QERJUa2luZFZzb3VyY2VacmVjb3JkS2luZFV0YWJsZVtpbXBvcnRCYXRjaF8QEXJlZ2lzdHJhdGlvbnMuY3N2XXJlZ2lzdHJhdGlvbnPSExQVFlRyb3dzV2NvbHVtbnMQAt8XGBkaGxwdHh8gISIjKy8yOT1BRUhMWVxaZGVjaWRlZF9hdF1lc3RpbWF0ZWRfYWN2WmV4dGVuc2lvbnNUbm90ZVpwYXJ0bmVwX2lkXxAQcHJvc3BlY3RfY29tcGFueV8QD3Byb3NwZWN0X2RvbWFpbl8QD3Byb3RlY3RlZF91bnRpbF8QD3JlZ2lzdHJhdGlvbl9pZFZzdGF0dXNcc3VibWl0dGVkX2F0XxAQdGllcl9hdF9hcHByb3ZhbNQLJCUmJygpKlZ2YWx1ZXNVbnVsbHNVY3JjMzJUZGF0ZU8QEAAAAAAAAAAAAAAAoMJV2kFBARKhjlpM0wskJiwtLlVpbnQ2NE8QEJYAAAAAAAAAyAAAAAAAAAASrLOtWdMLJCYsMDFPEBAAAAAAAAAAAAEAAAAAAAAAEiARS8vVCzM0JSY1NjcpOFdvZmZzZXRzVWJ5dGVzVnN0cmluZ0wAAAAAAAAAAAsAAABLYXNrZWQgdHdpY2USMbFINdQLMzQmNTo7PEwAAAAABwAAAA4AAABOUC0wMDAwMVAtMDAwMDISybAjZ9QLMzQmNT4/QEwAAAAABAAAAAgAAABIWmV0YVlldGkSc0UQf9QLMzQmNUJDREwAAAAADgAAABYAAINPEBZ3d3cuemV0YS5jby51a3lldGkuY29tEtrxeJ3UCyQlJidGKUdPEBAAAAAAAAAAAAAAAGBsc9pBEvoole3UCzM0JjVJSktMAAAAAAkAAAASAAAATxASUi0wMDAwMTAxUi0wMDAwMTAyEthLYe/UCyRNJk5PUFhWbGFiZWxzVXVpbnQ4QgACp1FSU1RVVldXcGVuZGluZ15pbmZvX3JlcXVlc3RlZFhhcHByb3ZlZFhyZWplY3RlZFdleHBpcmVkWmNsb3NlZF93b25bY2xvc2VkX2xvc3QSr9dz09MLJCYnWltPEBAAAABokVXaQQAAAGiRVdpBEnvH/zHVCzM0JSY1XV4pX0wAAAAAAAAAAAQAAABEZ29sZBLrD0DIAAgAEwAXACIAJQArADIANAA2AD8ARABNAFIAWQBkAGoAdgCKAJgAnQCiAKoArADFANAA3gDpAO4A+QEMAR4BMAFCAUkBVgFpAXIBeQF/AYUBigGdAZ8BpAGrAbEBxAHJAdAB4wHoAfMB+wIBAggCFQIhAiYCLwI8AksCUAJZAmYCbwJ0An0CigKjAqgCsQLEAskC0gLfAvQC+QMCAwkDDwMSAxoDIgMxAzoDQwNLA1YDYgNnA24DgQOGA5EDngOjAAAAAAAAAgEAAAAAAAAAYAAAAAAAAAAAAAAAAAAAA6g="

    @Test func journalEntryWhoseDictionaryCountOverflowsIsRefused() throws {
        let payload = try #require(Data(base64Encoded: Self.containerCountBeyondInt))
        let error = #expect(throws: DecodingError.self) { try JournalCodec.decode(payload) }
        #expect(String(describing: error).contains("entries, more than the"))
    }

    /// The same check passes every well-formed file: snapshots and every kind of journal entry.
    @Test func containerSizeCheckAcceptsWhatTheStoreWrites() throws {
        let programme = try CSVFixtures.sampleProgramme()
        let snapshot = try SnapshotCodec.encode(programme, generation: 1, lastSeq: 0, savedAt: Date(timeIntervalSince1970: 0))
        try PlistDecoding.checkContainerSizes(snapshot)
        let batch = JournalEntry(seq: 1, generation: 1, at: Instant(seconds: 0), actor: "t",
                                 action: .importBatch(.registrations(programme.registrations), source: "r.csv"))
        try PlistDecoding.checkContainerSizes(JournalCodec.encode(batch))
    }

    /// The same bound, at its edges and beyond: NaN, infinities and values that fit a Double but not
    /// Instant's arithmetic all throw; the first and last second of years 1 and 9999 decode.
    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e19, 253_402_300_800, -62_135_596_801])
    func journalDatesOutsideYears1To9999AreRefused(_ seconds: Double) throws {
        #expect(throws: DecodingError.self) { try JournalCodec.decode(Self.entry(at: seconds)) }
    }

    @Test(arguments: [253_402_300_799.0, -62_135_596_800, 1_790_000_000])
    func journalDatesInsideYears1To9999Decode(_ seconds: Double) throws {
        let entry = try JournalCodec.decode(Self.entry(at: seconds))
        #expect(entry.at == Instant(seconds: Int64(seconds)))
        #expect(entry.action == .approve(registrationID: "R-1"))
    }

    /// fuzz-journal: a `setPolicy` entry whose policy holds a money amount (`minTrailingSourcedARR` /
    /// `mdfPerYear`) too large for Int64 cents. `Money.init(from:)` converted it unchecked and trapped.
    static let hugePolicyMoneyInJournal = "YnBsaXN0MDDVAQIDBAUGBwgJClNzZXFaZ2VuZXJhdGlvblJhdFVhY3RvclZhY3Rpb24QDxABM0HINpigAAAAVGZ1enrSCwwNDlRraW5kVnBvbGljeVlzZXRQb2xpY3nXDxAREhMUFRY3ODkHODhVdGllcnNfEBBhcHByb3ZhbFNMQUhvdXJzXnByb3RlY3Rpb25EYXlzXWV4dGVuc2lvbkRheXNdbWF4RXh0ZW5zaW9uc18QEmFjdGl2aXR5V2luZG93RGF5c110aWVyR3JhY2VEYXlzpBcmLTLXGBkaGxwdHh8gISIjJCVUbmFtZV8QFW1pblRyYWlsaW5nU291cmNlZEFSUl8QEW1pbkNlcnRpZmllZFN0YWZmXxAScmVmZXJyYWxDb21taXNzaW9uXxAQcmVzZWxsZXJEaXNjb3VudFptZGZQZXJZZWFyXxAUcHJpb3JpdHlSZWdpc3RyYXRpb25YcGxhdGludW0jQS6EgAAAAAAQBSM/0AAAAAAAACM/2ZmZmZmZmiNI6GoAAAAAAAnXGBkaGxwdHicoKSorLCVUZ29sZCNBDoSAAAAAABADIz/JmZmZmZmaIz/TMzMzMzMyI0DTiAAAAAAA1xgZGhscHR4uJAcvKjAxVnNpbHZlciM/wzMzMzMzMyNAs4gAAAAAAAjXGBkaGxwdHjM0NTYvNDFacmVnaXN0ZXJlZCMAAAAAAAAAABAAIz+5mZmZmZmaEDAQWhAeAAgAEwAXACIAJQArADIANAA2AD8ARABJAE4AVQBfAG4AdACHAJYApACyAMcA1QDaAOkA7gEGARoBLwFCAU0BZAFtAXYBeAGBAYoBkwGUAaMBqAGxAbMBvAHFAc4B3QHkAe0B9gH3AgYCEQIaAhwCJQInAikAAAAAAAACAQAAAAAAAAA6AAAAAAAAAAAAAAAAAAACKw=="

    @Test func journalPolicyWithHugeMoneyIsRefused() throws {
        let payload = try #require(Data(base64Encoded: Self.hugePolicyMoneyInJournal))
        let error = #expect(throws: DecodingError.self) { try JournalCodec.decode(payload) }
        #expect(String(describing: error).contains("is not an amount of money (at most 15 digits before the point)"))
    }

    /// The same `Money` decoding reads `policy import` files: a typo'd or hostile amount there crashed
    /// the command instead of naming the field.
    @Test(arguments: ["1e300", "-1e300", "1e15", "123456789012345678"])
    func policyFileWithHugeMoneyIsNamed(_ amount: String) throws {
        var json = try String(decoding: Policy.bundledDefault().encodedJSON(), as: UTF8.self)
        let range = try #require(json.range(of: #""mdfPerYear" : 50000"#))
        json.replaceSubrange(range, with: #""mdfPerYear" : "# + amount)
        let error = #expect(throws: ActionError.self) { try Policy.decodeJSON(Data(json.utf8)) }
        #expect(error?.message.hasPrefix("the policy file is not valid: tiers.[0].mdfPerYear: ") == true, "\(String(describing: error))")
        #expect(error?.message.hasSuffix(" is not an amount of money (at most 15 digits before the point)") == true)
    }

    @Test func moneyBelowTheBoundStillDecodes() throws {
        let decoded = try JSONDecoder().decode([Money].self, from: Data("[90000000000000, 1234.56, -12.5, 0]".utf8))
        #expect(decoded == [Money(cents: 9_000_000_000_000_000), Money(cents: 123_456), Money(cents: -1250), .zero])
    }

    // MARK: Snapshot

    /// fuzz-snapshot: a programme file (as libFuzzer wrote it; it does not minimise, the plist trailer
    /// pins every offset) whose policy holds an amount too large for Int64 cents: the same
    /// `Money.init(from:)` trap, on opening the programme.
    static let hugePolicyMoneyInSnapshot = """
        YnBsaXN0MDDXAAEAAgADAAQABQAGAAcACAAJAAoACwAMAA0AOFZmb3JtYXRXdmVyc2lvblpnZW5lcmF0aW9uV2xhc3RTZXFXc2F2ZWRBdFZwb2xpY3lWdGFi
        bGVzXxAVY2hhbm5lbGRlc2stcHJvZ3JhbW1lEAEQAxACM0HIMLmAAAAA1wAOAA8AEAARABIAEwAUABUANQA2ADcACQA2ADZVdGllcnNfEBBhcHByb3ZhbFNM
        QUhvdXJzXnByb3RlY3Rpb25EYXlzXWV4dGVuc2lvbkRheXNdbWF4RXh0ZW5zaW9uc18QEmFjdGl2aXR5V2luZG93RGF5c110aWVyR3JhY2VEYXlzpAAWACUA
        KwAw1wAXABgAGQAaABsAHAAdAB4AHwAgACEAIgAjACRUbmFtZV8QFW1pblRyYWlsaW5nU291cmNlZEFSUl8QEW1pbkNlcnRpZmllZFN0YWZmXxAScmVmZXJy
        YWxDb21taXNzaW9uXxAQcmVzZWxsZXJEaXNjb3VudFptZGZQZXJZZWFyXxAUcHJpb3JpdHlSZWdpc3RyYXRpb25YcGxhdGludW0jQS6EgAAAAAAQBSM/0AAA
        AAAAACM/2ZmZmZmZmiNA6GoAAAAAAAnXABcAGAAZABoAGwAcAB0AJgAnAAoAKAApACoAJFRnb2xkI0EOhIAAAAAAIz/JmZmZmZmaIz/TMzMzMzMzI0DTiAAA
        AAAA1wAXABgAGQAaABsAHAAdACwAIwAJAC0AKAAuAC9Wc2lsdmVyIz/DMzMzMzMzI0CziAAAAAAACNcAFwAYABkAGgAbABwAHQAxADIAMwA0AC0AMgAvWnJl
        Z2lzdGVyZWQj///LX5CDGx4QACM/uZmZmZmZmhAwEFoQHtoAOQA6ADsAPAA9AD4APwBAAEEAQgBDAGsAhwCQAKYArAC5AMEAyAD9VWF1ZGl0WWNsYXdiYWNr
        c18QEGNvbW1pc3Npb25TdGF0dXNVZGVhbHNeZGlyZWN0QWNjb3VudHNaZW5hYmxlbWVudFtpbnZlc3RtZW50c1NucHNYcGFydG5lcnNdcmVnaXN0cmF0aW9u
        c9IARABFAAsARlRyb3dzV2NvbHVtbnPWAEcASABJAEoASwBMAE0AVgBaAF8AYwBnVmFjdGlvblVhY3RvclJhdFZkZXRhaWxTc2VxV3N1YmplY3TUAE4ATwBQ
        AFEAUgBTAFQAVVRraW5kV29mZnNldHNVYnl0ZXNVY3JjMzJWc3RyaW5nTAAAAAAGAAAADAAAAExpbXBvcnRpbXBvcnQSATbPHdQATgBPAFAAUQBSAFcAWABZ
        TAAAAAAEAAAACAAAAEhmdXp6ZnV6ehJFkCq30wBOAFsAUQBcAF0AXlZ2YWx1ZXNUZGF0ZU8QEAAAAHA+r9pBAAAAcD6v2kESCQa9EtQATgBPAFAAUQBSAGAA
        YQBiTAAAAAA3AAAAcwAAAE8Qc0ltcG9ydGVkIHBhcnRuZXJzLmNzdjogNjAgYWRkZWQsIDAgdXBkYXRlZCwgMCB1bmNoYW5nZWRJbXBvcnRlZCByZWdpc3Ry
        YXRpb25zLmNzdjogNDAgYWRkZWQsIDAgdXBkYXRlZCwgMCB1bmNoYW5nZWQS+w72F9MATgBbAFEAZABlAGZVaW50NjRPEBABAAAAAAAAAAIAAAAAAAAAEgD2
        3bnUAE4ATwBQAFEAUgBoAGkAakwAAAAADAAAAB0AAABPEB1wYXJ0bmVycy5jc3ZyZWdpc3RyYXRpb25zLmNzdhKniBZR0gBEAEUAMwBs2QBtAG4AbwBOAHAA
        cQByAHMAdAB1AHcAeAB7AIEAggCEAIUAhlNhY3ZWYW1vdW50V2RlYWxfaWRacGFydG5lcl9pZFRyYXRlVnJlYXNvbltyZWNvcmRlZF9vbl8QD3JlZ2lzdHJh
        dGlvbl9pZNMATgBbAFEAZAB2ADNA0wBOAFsAUQBkAHYAM9QATgBPAFAAUQBSAHkAdgB6RAAAAAASIUTfHNQATgBbAHwAUQB9AHYAfgAzVmxhYmVsc1V1aW50
        OKIAfwCAWmNvbW1pc3Npb25YZGlzY291bnTUAE4ATwBQAFEAUgB5AHYAetMATgBbAFEAgwB2ADNXZmxvYXQ2NNQATgBPAFAAUQBSAHkAdgB60wBOAFsAUQBc
        AHYAM9QATgBPAFAAUQBSAHkAdgB60gBEAEUAMwCI0gBvAIkAigCLVnN0YXR1c9QATgBPAFAAUQBSAHkAdgB61ABOAFsAfABRAH0AdgCMADOjAI0AjgCPV2Fj
        Y3J1ZWRYYXBwcm92ZWRUcGFpZNIARABFADMAkdkAkgBtAJMAlABvAJUAlgBwAHQAlwCYAJkAnQCeAJ8AoACkAKVXYWNjb3VudFthdHRyaWJ1dGlvblljbG9z
        ZWRfb25WZG9tYWluV291dGNvbWXUAE4ATwBQAFEAUgB5AHYAetMATgBbAFEAZAB2ADPUAE4AWwB8AFEAfQB2AJoAM6IAmwCcV3NvdXJjZWRaaW5mbHVlbmNl
        ZNMATgBbAFEAXAB2ADPUAE4ATwBQAFEAUgB5AHYAetQATgBPAFAAUQBSAHkAdgB61ABOAFsAfABRAH0AdgChADOiAKIAo1N3b25UbG9zdNQATgBPAFAAUQBS
        AHkAdgB61ABOAE8AUABRAFIAeQB2AHrSAEQARQAzAKfTAJIAlQCoAKkAqgCrVW93bmVy1ABOAE8AUABRAFIAeQB2AHrUAE4ATwBQAFEAUgB5AHYAetQATgBP
        AFAAUQBSAHkAdgB60gBEAEUAMwCt0wCuAK8AcACwALEAuFxjb21wbGV0ZWRfb25UaXRlbdMATgBbAFEAXAB2ADPUAE4AWwB8AFEAfQB2ALIAM6UAswC0ALUA
        tgC3XWNlcnRpZmljYXRpb25YcGxheWJvb2tWYXNzZXRzXGRlYWxfc3VwcG9ydFZwb3J0YWzUAE4ATwBQAFEAUgB5AHYAetIARABFADMAutQAbgC7AFwAvAC9
        AL4AvwDAWGNhdGVnb3J5VG5vdGXTAE4AWwBRAGQAdgAz1ABOAE8AUABRAFIAeQB2AHrTAE4AWwBRAFwAdgAz1ABOAE8AUABRAFIAeQB2AHrSAEQARQAzAMLT
        AHAAwwDEAMUAxgDHXHJlc3BvbmRlZF9vblVzY29yZdQATgBPAFAAUQBSAHkAdgB60wBOAFsAUQBcAHYAM9MATgBbAFEAZAB2ADPSAEQARQDJAMoQPNkAywDM
        ABcAqABwAM0AiQDOAM8A0ADTANYA2gDeAOIA5gDvAPNfEA9jZXJ0aWZpZWRfc3RhZmZZam9pbmVkX29uVnJlZ2lvblR0aWVyVHR5cGXTAE4AWwBRAGQA0QDS
        TxEB4AEAAAAAAAAAAgAAAAAAAAADAAAAAAAAAAQAAAAAAAAABQAAAAAAAAAGAAAAAAAAAAAAAAAAAAAAAQAAAAAAAAACAAAAAAAAAAMAAAAAAAAABAAAAAAA
        AAAFAAAAAAAAAAYAAAAAAAAAAAAAAAAAAAABAAAAAAAAAAIAAAAAAAAAAwAAAAAAAAAEAAAAAAAAAAUAAAAAAAAABgAAAAAAAAAAAAAAAAAAAAEAAAAAAAAA
        AgAAAAAAAAADAAAAAAAAAAQAAAAAAAAABQAAAAAAAAAGAAAAAAAAAAAAAAAAAAAAAQAAAAAAAAACAAAAAAAAAAMAAAAAAAAABAAAAAAAAAAFAAAAAAAAAAYA
        AAAAAAAAAAAAAAAAAAABAAAAAAAAAAIAAAAAAAAAAwAAAAAAAAAEAAAAAAAAAAUAAAAAAAAABgAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAgAAAAAAAAADAAAA
        AAAAAAQAAAAAAAAABQAAAAAAAAAGAAAAAAAAAAAAAAAAAAAAAQAAAAAAAAACAAAAAAAAAAMAAAAAAAAABAAAAAAAAAAFAAAAAAAAAAYAAAAAAAAAAAAAAAAA
        AAABAAAAAAAAAAIAAAAAAAAAAwAAAAAAAAAEAAAAAAAAABJE7mkB0wBOAFsAUQBcANQA1U8RAeAAAADAt27ZQQAAAKBGeNlBAAAAQH6C2UEAAACAYYzZQQAA
        ACCZltlBAAAAYHyg2UEAAAAAtKrZQQAAAKDrtNlBAAAA4M6+2UEAAACABsnZQQAAAMDp0tlBAAAAIIBk2UEAAADAt27ZQQAAAKBGeNlBACEAQH6C2UEAAACA
        YYzZQQAAACCZltlBAAAAYHyg2UEAAAAAtKrZQQAAAKDrtNlBAAAA4M6+2UEAAACABsnZQQAAAMDp0tlBAAAAIIBk2UEAAADAt27ZQQAAAKBGeNlBAAAAQH6C
        2UEAAACAYYzZQQAAACCZltlBAAAAYHyg2UEAAAAAtKrZQQAAAKDrtNlBAAAA4M6+2UEAAACABsnZQQAAAMDp0tlBAAAAIIBk2UEAAADAt27ZQQAAAKBGeNlB
        AAAAQH6C2UEAAACAYYzZQQAAACCZltlBAAAAYHyg2UEAAAAAtKrZQQAAAKDrtNlBAAAA4M6+2UEAAACABsnZQQAAAMDp0tlBAAAAIIBk2UEAAADAt27ZQQAA
        AKBGeNlBAAAAQH6C2UEAAACAYYzZQQAAACCZltlBAAAAYHyg2UEAAAAAtKrZQQAAAKDrtNlBAAAA4M6+2UEAAACABsnZQQAAAMDp0tlBAAAAIIBk2UESugPl
        gNQATgBPAFAAUQBSANcA2ADZTxD0AAAAAAkAAAASAAAAGwAAACQAAAAtAAAANgAAAD8AAABIAAAAUQAAAFsAAABlAAAAbwAAAHkAAACDAAAAjQAAAJcAAACh
        AAAAqwAAALUAAAC/AAAAyQAAANMAAADdAAAA5wAAAPEAAAD7AAAABQEAAA8BAAAZAQAAIwEAAC0BAAA3AQAAQQEAAEsBAABVAQAAXwEAAGkBAABzAQAAfQEA
        AIcBAACRAQAAmwEAAKUBAACvAQAAuQEAAMMBAADNAQAA1wEAAOEBAADrAQAA9QEAAP8BAAAJAgAAEwIAAB0CAAAnAgAAMQIAADsCAABFAgAATwIAAE8RAk9Q
        YXJ0bmVyIDFQYXJ0bmVyIDJQYXJ0bmVyIDNQYXJ0bmVyIDRQYXJ0bmVyIDVQYXJ0bmVyIDZQYXJ0bmVyIDdQYXJ0bmVyIDhQYXJ0bmVyIDlQYXJ0bmVyIDEw
        UGFydG5lciAxMVBhcnRuZXIgMTJQYXJ0bmVyIDEzUGFydG5lciAxNFBhcnRuZXIgMTVQYXJ0bmVyIDE2UGFydG5lciAxN1BhcnRuZXIgMThQYXJ0bmVyIDE5
        UGFydG5lciAyMFBhcnRuZXIgMjFQYXJ0bmVyIDIyUGFydG5lciAyM1BhcnRuZXIgMjRQYXJ0bmVyIDI1UGFydG5lciAyNlBhcnRuZXIgMjdQYXJ0bmVyIDI4
        UGFydG5lciAyOVBhcnRuZXIgMzBQYXJ0bmVyIDMxUGFydG5lciAzMlBhcnRuZXIgMzNQYXJ0bmVyIDM0UGFydG5lciAzNVBhcnRuZXIgMzZQYXJ0bmVyIDM3
        UGFydG5lciAzOFBhcnRuZXIgMzlQYXJ0bmVyIDQwUGFydG5lciA0MVBhcnRuZXIgNDJQYXJ0bmVyIDQzUGFydG5lciA0NFBhcnRuZXIgNDVQYXJ0bmVyIDQ2
        UGFydG5lciA0N1BhcnRuZXIgNDhQYXJ0bmVyIDQ5UGFydG5lciA1MFBhcnRuZXIgNTFQYXJ0bmVyIDUyUGFydG5lciA1M1BhcnRuZXIgNTRQYXJ0bmVyIDU1
        UGFydG5lciA1NlBhcnRuZXIgNTdQYXJ0bmVyIDU4UGFydG5lciA1OVBhcnRuZXIgNjASPVOq9dQATgBPAFAAUQBSANsA3ADdTxD0AAAAAAYAAAAMAAAAEgAA
        ABgAAAAeAAAAJAAAACoAAAAwAAAANgAAADwAAABCAAAASAAAAE4AAABUAAAAWgAAAGAAAABmAAAAbAAAAHIAAAB4AAAAfgAAAIQAAACKAAAAkAAAAJYAAACc
        AAAAogAAAKgAAACuAAAAtAAAALoAAADAAAAAxgAAAMwAAADSAAAA2AAAAN4AAADkAAAA6gAAAPAAAAD2AAAA/AAAAAIBAAAIAQAADgEAABQBAAAaAQAAIAEA
        ACYBAAAsAQAAMgEAADgBAAA+AQAARAEAAEoBAABQAQAAVgEAAFwBAABiAQAAaAEAAE8RAWhvd25lcjFvd25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFv
        d25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFvd25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFvd25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFv
        d25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFvd25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFvd25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFv
        d25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFvd25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFvd25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFv
        d25lcjJvd25lcjNvd25lcjRvd25lcjBvd25lcjFvd25lcjJvd25lcjNvd25lcjRvd25lcjASZbryw9QATgBPAFAAUQBSAN8A4ADhTxD0AAAAAAcAAAAOAAAA
        FQAAABwAAAAjAAAAKgAAADEAAAA4AAAAPwAAAEYAAABNAAAAVAAAAFsAAABiAAAAaQAAAHAAAAB3AAAAfgAAAIUAAACMAAAAkwAAAJoAAAChAAAAqAAAAK8A
        AAC2AAAAvQAAAMQAAADLAAAA0gAAANkAAADgAAAA5wAAAO4AAAD1AAAA/AAAAAMBAAAKAQAAEQEAABgBAAAfAQAAJgEAAC0BAAA0AQAAOwEAAEIBAABJAQAA
        UAEAAFcBAABeAQAAZQEAAGwBAABzAQAAegEAAIEBAACIAQAAjwEAAJYBAACdAQAApAEAAE8RAaRQLTAwMDAxUC0wMDAwMlAtMDAwMDNQLTAwMDA0UC0wMDAw
        NVAtMDAwMDZQLTAwMDA3UC0wMDAwOFAtMDAwMDlQLTAwMDEwUC0wMDAxMVAtMDAwMTJQLTAwMDEzUC0wMDAxNFAtMDAwMTVQLTAwMDE2UC0wMDAxN1AtMDAw
        MThQLTAwMDE5UC0wMDAyMFAtMDAwMjFQLTAwMDIyUC0wMDAyM1AtMDAwMjRQLTAwMDI1UC0wMDAyNlAtMDAwMjdQLTAwMDI4UC0wMDAyOVAtMDAwMzBQLTAw
        MDMxUC0wMDAzMlAtMDAwMzNQLTAwMDM0UC0wMDAzNVAtMDAwMzZQLTAwMDM3UC0wMDAzOFAtMDAwMzlQLTAwMDQwUC0wMDA0MVAtMDAwNDJQLTAwMDQzUC0w
        MDA0NFAtMDAwNDVQLTAwMDQ2UC0wMDA0N1AtMDAwNDhQLTAwMDQ5UC0wMDA1MFAtMDAwNTFQLTAwMDUyUC0wMDA1M1AtMDAwNTRQLTAwMDU1UC0wMDA1NlAt
        MDAwNTdQLTAwMDU4UC0wMDA1OVAtMDAwNjASBYN2DdQATgBPAFAAUQBSAOMA5ADlTxD0AAAAAAQAAAAIAAAADAAAABAAAAAUAAAAGAAAABwAAAAgAAAAJAAA
        ACgAAAAsAAAAMAAAADQAAAA4AAAAPAAAAEAAAABEAAAASAAAAEwAAABQAAAAVAAAAFgAAABcAAAAYAAAAGQAAABoAAAAbAAAAHAAAAB0AAAAeAAAAHwAAACA
        AAAAhAAAAIgAAACMAAAAkAAAAJQAAACYAAAAnAAAAKAAAACkAAAAqAAAAKwAAACwAAAAtAAAALgAAAC8AAAAwAAAAMQAAADIAAAAzAAAANAAAADUAAAA2AAA
        ANwAAADgAAAA5AAAAOgAAADsAAAA8AAAAE8Q8EVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVN
        RUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVB
        RU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQUVNRUFFTUVBRU1FQRKY
        /pJj1ABOAFsAfABRAH0A5wDoAO5PEDwBAgMABAIBAgMABAIBAgMABAIBAgMABAIBAgMABAIBAgMABAIBAgMABAIBAgMABAIBAgMABAIBAgMABAKlAOkA6gDr
        AOwA7Vhwcm9zcGVjdFpvbmJvYXJkaW5nVmFjdGl2ZVlzdXNwZW5kZWRXY2h1cm5lZBLD6fbO1ABOAE8AUABRAFIA8ADxAPJPEPQAAAAABAAAAAoAAAAUAAAA
        HAAAACAAAAAmAAAAMAAAADgAAAA8AAAAQgAAAEwAAABUAAAAWAAAAF4AAABoAAAAcAAAAHQAAAB6AAAAhAAAAIwAAACQAAAAlgAAAKAAAACoAAAArAAAALIA
        AAC8AAAAxAAAAMgAAADOAAAA2AAAAOAAAADkAAAA6gAAAPQAAAD8AAAAAAEAAAYBAAAQAQAAGAEAABwBAAAiAQAALAEAADQBAAA4AQAAPgEAAEgBAABQAQAA
        VAEAAFoBAABkAQAAbAEAAHABAAB2AQAAgAEAAIgBAACMAQAAkgEAAJwBAACkAQAATxEBpGdvbGRzaWx2ZXJyZWdpc3RlcmVkcGxhdGludW1nb2xkc2lsdmVy
        cmVnaXN0ZXJlZHBsYXRpbnVtZ29sZHNpbHZlcnJlZ2lzdGVyZWRwbGF0aW51bWdvbGRzaWx2ZXJyZWdpc3RlcmVkcGxhdGludW1nb2xkc2lsdmVycmVnaXN0
        ZXJlZHBsYXRpbnVtZ29sZHNpbHZlcnJlZ2lzdGVyZWRwbGF0aW51bWdvbGRzaWx2ZXJyZWdpc3RlcmVkcGxhdGludW1nb2xkc2lsdmVycmVnaXN0ZXJlZHBs
        YXRpbnVtZ29sZHNpbHZlcnJlZ2lzdGVyZWRwbGF0aW51bWdvbGRzaWx2ZXJyZWdpc3RlcmVkcGxhdGludW1nb2xkc2lsdmVycmVnaXN0ZXJlZHBsYXRpbnVt
        Z29sZHNpbHZlcnJlZ2lzdGVyZWRwbGF0aW51bWdvbGRzaWx2ZXJyZWdpc3RlcmVkcGxhdGludW1nb2xkc2lsdmVycmVnaXN0ZXJlZHBsYXRpbnVtZ29sZHNp
        bHZlcnJlZ2lzdGVyZWRwbGF0aW51bRKgdWPT1ABOAFsAfABRAH0A9AD1APxPEDwBAgMEBQABAgMEBQABAgMEBQABAgMEBQABAgMEBQABAgMEBQABAgMEBQAB
        AgMEBQABAgMEBQABAgMEBQCmAPYA9wD4APkA+gD7WHJlc2VsbGVyWHJlZmVycmFsXxARc3lzdGVtX2ludGVncmF0b3JWYWdlbmN5WnRlY2hub2xvZ3lcZGlz
        dHJpYnV0aW9uEnWUBv3SAEQARQD+AP8QKNwBAAEBAQIAvABwAQMBBAEFAHQAiQEGAQcBCAENARABEwEXARsBHwEjAScBKwE1AThaZGVjaWRlZF9hdF1lc3Rp
        bWF0ZWRfYWN2WmV4dGVuc2lvbnNfEBBwcm9zcGVjdF9jb21wYW55XxAPcHJtc3BlY3RfZG9tYWluXxAPcHJvdGVjdGVkX3VudGlsXHN1Ym1pdHRlZF9hdF8Q
        EHRpZXJfYXRfYXBwcm92YWzUAE4AWwEJAFEAXAEKAQsBDFVudWxsc08RAUAAAADIcWDaQQAAAEisadpBAAAA6ONz2kEAAAAox33aQQAAAMj+h9pBAAAACOKR
        2kEAAACoGZzaQQAAAAAAAAAAAAAAKDpW2kEAAADIcWDaQQAAAEisadpBAAAA6ONz2kEAAAAox33aQQAAAMj+h9pBAAAACOKR2kEAAAAAAAAAAAAAAEhRptpB
        AAAAKDpW2kEAAADIcWDaQQAAAEisadpBAAAA6ONz2kEAAAAox33aQQAAAMj+h9pBAAAAAAAAAAAAAACoGZzaQQAAAEhRptpBAAAAKDpW2kEAAADIcWDaQQAA
        AEisadpBAAAA6ONz2kEAAAAox33aQQAAAAAAAAAAAAAACOKR2kEAAACoGZzaQQAAAEhRptpBAAAAKDpW2kEAAADIcWDaQQAAAEisadpBAAAA6ONz2kEAAAAA
        AAAAAEWAgICAgBJNwHva0wBOAFsAUQBkAQ4BD08RAUDShgEAAAAAAHINAwAAAAAAEpQEAAAAAACyGgYAAAAAAFKhBwAAAAAA8icJAAAAAACSrgoAAAAAADI1
        DAAAAAAA0rsNAAAAAAByQg8AAAAAABLJEAAAAAAAsk8SAAAAAABS1hMAAAAAAPJcFQAAAAAAkuMWAAAAAAAyahgAAAAAANLwGQAAAAAAcncbAAAAAAAS/hwA
        AAAAALKEHgAAAAAAUgsgAAAAAADykSEAAAAAAJIYIwAAAAAAMp8kAAAAAADSJSYAAAAAAHKsJwAAAAAAEjMpAAAAAACyuSoAAAAAAFJALAAAAAAA8sYtAAAA
        AACSTS8AAAAAADLUMAAAAAAA0loyAAAAAABy4TMAAAAAABJoNQAAAAAAsu42AAAAAABSdTgAAAAAAPL7OQAAAAAAkoI7AAAAAAAyCT0AAAAAABJXfAgZ0wBO
        AFsAUQBkAREBEk8RAUAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABKtx1dN1QBOAE8AUAEJAFEAUgEUAHYBFQEW
        TxCkAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABF//////8SMbG2g9QA
        TgBPAFAAUQBSARgBGQEaTxCkAAAAAAcAAAAOAAAAFQAAABwAAAAjAAAAKgAAADEAAAA4AAAAPwAAAEYAAABNAAAAVAAAAFsAAABiAAAAaQAAAHAAAAB3AAAA
        fgAAAIUAAACMAAAAkwAAAJoAAAChAAAAqAAAAK8AAAC2AAAAvQAAAMQAAADLAAAA0gAAANkAAADgAAAA5wAAAO4AAAD1AAAA/AAAAAMBAAAKAQAAEQEAABgB
        AABPEQEYUC0wMDAwMlAtMDAwMDNQLTAwMDA0UC0wMDAwNVAtMDAwMDZQLTAwMDA3UC0wMDAwOFAtMDAwMDlQLTAwMDEwUC0wMDAxMVAtMDAwMTJQLTAwMDEz
        UC0wMDAxNFAtMDAwMTVQLTAwMDE2UC0wMDAxN1AtMDAwMThQLTAwMDE5UC0wMDAyMFAtMDAwMjFQLTAwMDIyUC0wMDAyM1AtMDAwMjRQLTAwMDI1UC0wMDAy
        NlAtMDAwMjdQLTAwMDI4UC0wMDAyOVAtMDAwMzBQLTAwMDMxUC0wMDAzMlAtMDAwMzNQLTAwMDM0UC0wMDAzNVAtMDAwMzZQLTAwMDM3UC0wMDAzOFAtMDAw
        MzlQLTAwMDQwUC0wMDA0MRI/pfGA1ABOAE8AUABRAFIBHAEdAR5PEKQAAAAACgAAABQAAAAeAAAAKAAAADIAAAA8AAAARgAAAFAAAABaAAAAZQAAAHAAAAB7
        AAAAhgAAAJEAAACcAAAApwAAALIAAAC9AAAAyAAAANMAAADeAAAA6QAAAPQAAAD/AAAACgEAABUBAAAgAQAAKwEAADYBAABBAQAATAEAAFcBAABiAQAAbQEA
        AHgBAACDAQAAjgEAAJkBAACkAQAArwEAAE8RAa9Qcm9zcGVjdCAxUHJvc3BlY3QgMlByb3NwZWN0IDNQcm9zcGVjdCA0UHJvc3BlY3QgNVByb3NwZWN0IDZQ
        cm9zcGVjdCA3UHJvc3BlY3QgOFByb3NwZWN0IDlQcm9zcGVjdCAxMFByb3NwZWN0IDExUHJvc3BlY3QgMTJQcm9zcGVjdCAxM1Byb3NwZWN0IDE0UHJvc3Bl
        Y3QgMTVQcm9zcGVjdCAxNlByb3NwZWN0IDE3UHJvc3BlY3QgMThQcm9zcGVjdCAxOVByb3NwZWN0IDIwUHJvc3BlY3QgMjFQcm9zcGVjdCAyMlByb3NwZWN0
        IDIzUHJvc3BlY3QgMjRQcm9zcGVjdCAyNVByb3NwZWN0IDI2UHJvc3BlY3QgMjdQcm9zcGVjdCAyOFByb3NwZWN0IDI5UHJvc3BlY3QgMzBQcm9zcGVjdCAz
        MVByb3NwZWN0IDMyUHJvc3BlY3QgMzNQcm9zcGVjdCAzNFByb3NwZWN0IDM1UHJvc3BlY3QgMzZQcm9zcGVjdCAzN1Byb3NwZWN0IDM4UHJvc3BlY3QgMzlQ
        cm9zcGVjdCA0MBJhDaJS1ABOAE8AUABRAFIBIAEhASJPEKQAAAAAEwAAACYAAAA5AAAATAAAAF8AAAByAAAAhQAAAJgAAACrAAAAvwAAANMAAADnAAAA+wAA
        AA8BAAAjAQAANwEAAEsBAABfAQAAcwEAAIcBAACbAQAArwEAAMMBAADXAQAA6gEAAP0BAAAQAgAAIwIAADYCAABJAgAAXAIAAG8CAACCAgAAlQIAAKkCAAC9
        AgAA0QIAAOUCAAD5AgAADQMAAE8RAw13d3cucHJvc3BlY3QxLmNvLnVrd3d3LnByb3NwZWN0Mi5jby51a3d3dy5wcm9zcGVjdDMuY28udWt3d3cucHJvc3Bl
        Y3Q0LmNvLnVrd3d3LnByb3NwZWN0NS5jby51a3d3dy5wcm9zcGVjdDYuY28udWt3d3cucHJvc3BlY3Q3LmNvLnVrd3d3LnByb3NwZWN0OC5jby51a3d3dy5w
        cm9zcGVjdDkuY28udWt3d3cucHJvc3BlY3QxMC5jby51a3d3dy5wcm9zcGVjdDExLmNvLnVrd3d3LnByb3NwZWN0MTIuY28udWt3d3cucHJvc3BlY3QxMy5j
        by51a3d3dy5wcm9zcGVjdDE0LmNvLnVrd3d3LnByb3NwZWN0MTUuY28udWt3d3cucHJvc3BlY3QxNi5jby51a3d3dy5wcm9zcGVjdDE3LmNvLnVrd3d3LnBy
        b3NwZWN0MTguY28udWt3d3cucHJvc3BlY3QxOS5jby51a3d3dy5wcm9zcGVjdDIwLmNvLnVrd3d3LnByb3NwZWN0MjEuY28udWt3d3cucHJvc3BlY3QyMi5j
        by51a3d3dy5wcm9zcGVjdDIzLmNvLnVrd3d3LnByb3NwZWN0MjQuY28udWt3d3cucHJvc3BlY3QwLmNvLnVrd3d3LnByb3NwZWN0MS5jby51a3d3dy5wcm9z
        cGVjdDIuY28udWt3d3cucHJvc3BlY3QzLmNvLnVrd3d3LnByb3NwZWN0NC5jby51a3d3dy5wcm9zcGVjdDUuY28udWt3d3cucHJvc3BlY3Q2LmNvLnVrd3d3
        LnByb3NwZWN0Ny5jby51a3d3dy5wcm9zcGVjdDguY28udWt3d3cucHJvc3BlY3Q5LmNvLnVrd3d3LnByb3NwZWN0MTAuY28udWt3d3cucHJvc3BlY3QxMS5j
        by51a3d3dy5wcm9zcGVjdDEyLmNvLnVrd3d3LnByb3NwZWN0MTMuY28udWt3d3cucHJvc3BlY3QxNC5jby51a3d3dy5wcm9zcGVjdDE1LmNvLnVrEoBK+y7U
        AE4AWwEJAFEAXAEkASUBJk8RAUAAAADg18PaQQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAg0sXaQQAAAAAAAAAAAAAAgIPD
        2kEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAwH3F2kEAAAAAAAAAAAAAAIAmxtpBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAGApxdpBAAAAAAAAAAAAAAAg0sXaQQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1cTaQQAA
        AAAAAAAAAAAAwH3F2kEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAoIDE2kEAAAAAAAAAAEW+vr6+vhKtuH9B1ABOAE8AUABR
        AFIBKAEpASpPEKQAAAAACQAAABIAAAAbAAAAJAAAAC0AAAA2AAAAPwAAAEgAAABRAAAAWgAAAGMAAABsAAAAdQAAAH4AAACHAAAAkAAAAJkAAACiAAAAqwAA
        ALQAAAC9AAAAxgAAAM8AAADYAAAA4QAAAOoAAADzAAAA/AAAAAUBAAAOAQAAFwEAACABAAApAQAAMgEAADsBAABEAQAATQEAAFYBAABfAQAAaAEAAE8RAWhS
        LTAwMDAwMDFSLTAwMDAwMDJSLTAwMDAwMDNSLTAwMDAwMDRSLTAwMDAwMDVSLTAwMDAwMDZSLTAwMDAwMDdSLTAwMDAwMDhSLTAwMDAwMDlSLTAwMDAwMTBS
        LTAwMDAwMTFSLTAwMDAwMTJSLTAwMDAwMTNSLTAwMDAwMTRSLTAwMDAwMTVSLTAwMDAwMTZSLTAwMDAwMTdSLTAwMDAwMThSLTAwMDAwMTlSLTAwMDAwMjBS
        LTAwMDAwMjFSLTAwMDAwMjJSLTAwMDAwMjNSLTAwMDAwMjRSLTAwMDAwMjVSLTAwMDAwMjZSLTAwMDAwMjdSLTAwMDAwMjhSLTAwMDAwMjlSLTAwMDAwMzBS
        LTAwMDAwMzFSLTAwMDAwMzJSLTAwMDAwMzNSLTAwMDAwMzRSLTAwMDAwMzVSLTAwMDAwMzZSLTAwMDAwMzdSLTAwMDAwMzhSLTAwMDAwMzlSLTAwMDAwNDAS
        bp5rj9QATgBbAHwAUQB9ASwBLQE0TxAoAgEDBAUGAgACAQMEBQYCAAIBAwQFBgIAAgEDBAUGAgACAQMEBQYCAKcBLgEvAI4BMAExATIBM1dwZW5kaW5nXmlu
        Zm9fcmVxdWVzdGVkWHJlamVjdGVkV2V4cGlyZWRaY2xvc2VkX3dvbltjbG9zZWRfbG9zdBIYQX580wBOAFsAUQBcATYBN08RAUAAAACExV/aQQAAAAQAadpB
        AAAApDdz2kEAAADkGn3aQQAAAIRSh9pBAAAAxDWR2kEAAABkbZvaQQAAAASlpdpBAAAA5I1V2kEAAACExV/aQQAAAAQAadpBAAAApDdz2kEAAADkGn3aQQAA
        AIRSh9pBAAAAxDWR2kEAAABkbZvaQQAAAASlpdpBAAAA5I1V2kEAAACExV/aQQAAAAQAadpBAAAApDdz2kEAAADkGn3aQQAAAIRSh9pBAAAAxDWR2kEAAABk
        bZvaQQAAAASlpdpBAAAA5I1V2kEAAACExV/aQQAAAAQAadpBAAAApDdz2kEAAADkGn3aQQAAAIRSh9pBAAAAxDWR2kEAAABkbZvaQQAAAASlpdpBAAAA5I1V
        2kEAAACExV/aQQAAAAQAadpBAAAApDdz2kEAAADkGn3aQRLLgfck1QBOAE8AUAEJAFEAUgE5AToBJQE7TxCkAAAAAAYAAAAGAAAABgAAAAYAAAAGAAAABgAA
        AA4AAAAOAAAAFAAAABQAAAAUAAAAFAAAABQAAAAUAAAAHAAAABwAAAAiAAAAIgAAACIAAAAiAAAAIgAAACIAAAAqAAAAKgAAADAAAAAwAAAAMAAAADAAAAAw
        AAAAMAAAADgAAAA4AAAAPgAAAD4AAAA+AAAAPgAAAD4AAAA+AAAARgAAAEYAAABPEEZzaWx2ZXJwbGF0aW51bXNpbHZlcnBsYXRpbnVtc2lsdmVycGxhdGlu
        dW1zaWx2ZXJwbGF0aW51bXNpbHZlcnBsYXRpbnVtEigxDgAACAAlACwANAA/AEcATwBWAF0AdQB3AHkAewCEAKEApwC6AMkA1wDlAPoBCAERAS4BMwFLAV8B
        dAGHAZIBqQGyAbsBvQHGAc8B2AHZAfYB+wIEAg0CFgIfAjwCQwJMAlUCVgJzAn4ChwKJApIClAKWApgCwQLHAtEC5ALqAvkDBAMQAxQDHQMrAzQDOQNBA1oD
        YQNnA2oDcQN1A30DjgOTA5sDoQOnA64DuwPIA80D3gPrA/QD+QQGBA0EEgQlBCoEOwRIBL4EwwTQBNYE6QTuBP8FDAUsBTEFOgVfBWMFagVyBX0FggWJBZUF
        pwW0BbUFwgXTBdgF3QXuBfUF+wYABgsGFAYlBjIGOgZLBlgGaQZyBnsGggaTBqQGqwazBrwGwQbKBu8G9wcDBw0HFAccBy0HOgdLB1AHWAdjB3AHgQeSB6MH
        qAesB7EHwgfTB9wH6QfvCAAIEQgiCCsIOAhFCEoIVwhoCHMIgQiKCJEIngilCLYIvwjQCNkI3gjrCPwJCQkaCSMJMAk9CUMJVAlhCW4Jdwl5CZ4JsAm6CcEJ
        xgnLCdgLvAvBC84Nsg23DcgOvxESERcRKBIfE4sTkBOhFJgWQBZFFlYXTRhAGEUYVhiVGKAYqRi0GLsYxRjNGNIY4xnaG4IbhxuYG9cb5BvtG/YcChwRHBwc
        KRwuHDccORxqHHUcgxyOHKEcsxzFHNIc5Rz2HPweQB5GHkseWB+cH6EfriDyIPchDCGzIbkhviHPInYjkiOXI6gkTyYCJgcmGCa/KdAp1SnmKyorMCs1K0Yr
        7S1ZLV4tby2aLaktsS3ALckt0S3cLegt7S36Lz4vQy9YL/8wSAAAAAAAAAICAAAAAAAAATwAAAAAAAAAAAAAAAAAADBN
        """

    @Test func snapshotPolicyWithHugeMoneyIsRefused() throws {
        let data = try #require(Data(base64Encoded: Self.hugePolicyMoneyInSnapshot, options: .ignoreUnknownCharacters))
        let error = #expect(throws: SnapshotError.self) { try SnapshotCodec.decode(data) }
        guard case .damaged(let detail)? = error?.reason else {
            Issue.record("expected a damaged-file error, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("is not an amount of money (at most 15 digits before the point)"), "\(detail)")
    }

    /// fuzz-snapshot (with column checksums recomputed): a `date` column holding 1e15 s passed the old
    /// ±1e15 bound, then `Day(ordinal: Int32(1e15 / 86400))` trapped. Dates are now bound to the years
    /// 1…9999 that `Day` holds, and refused with the table, column and row.
    @Test func snapshotDayBeyondTheCalendarIsRefused() throws {
        let error = #expect(throws: SnapshotError.self) {
            try SnapshotCodec.decode(Self.snapshot(table: "partners", column: "joined_on", seconds: [1e15, 0]))
        }
        #expect(error?.reason == .malformedColumn(table: "partners", column: "joined_on", detail: "row 0 holds 1000000000000000.0, not a date"))
    }

    /// An instant column past year 9999 decoded, but any day taken of it (`Instant.day`, used by every
    /// metric and the queue) trapped the same way.
    @Test func snapshotInstantBeyondTheCalendarIsRefused() throws {
        let seconds: [Double] = [1_790_000_000, 2.5e14, 1_790_000_000]
        let error = #expect(throws: SnapshotError.self) {
            try SnapshotCodec.decode(Self.snapshot(table: "registrations", column: "submitted_at", seconds: seconds))
        }
        #expect(error?.reason == .malformedColumn(table: "registrations", column: "submitted_at", detail: "row 1 holds 250000000000000.0, not a date"))
    }

    @Test func snapshotDatesAtTheEdgesOfTheCalendarDecode() throws {
        let decoded = try SnapshotCodec.decode(Self.snapshot(table: "partners", column: "joined_on",
                                                             seconds: [-62_135_596_800, 253_402_214_400]))
        #expect(decoded.programme.partners.map(\.joinedOn.description) == ["0001-01-01", "9999-12-31"])
    }

    /// A table claiming Int.max rows with a null bitmap: sizing the bitmap as `(rows + 7) / 8`
    /// overflowed and trapped before any row was read. Found reading `Column.verify` for the fuzz targets.
    @Test func rowCountNearIntMaxIsRefused() throws {
        let table = ColumnTable(rows: Int.max, columns: ["certified_staff": Column(kind: .int64, values: Data(), nulls: Data([0]))])
        let error = #expect(throws: SnapshotError.self) { try TableCodec.decode(Partner.self, from: table) }
        #expect(error?.reason == .malformedColumn(table: "partners", column: "certified_staff",
                                                  detail: "the null bitmap has 1 bytes, expected 1152921504606846976 for 9223372036854775807 rows"))
    }

    // MARK: Helpers

    static func frame(_ payload: Data) -> Data {
        var record = Data()
        withUnsafeBytes(of: UInt32(payload.count).littleEndian) { record.append(contentsOf: $0) }
        withUnsafeBytes(of: CRC32.checksum(payload).littleEndian) { record.append(contentsOf: $0) }
        return record + payload
    }

    /// A journal payload as `JournalCodec.encode` writes it, but with `at` any plist date at all.
    static func entry(at seconds: Double) throws -> Data {
        struct Raw: Encodable {
            var seq: Int64 = 1, generation: Int64 = 1, at: Date, actor = "fuzz"
            var action = ProgrammeAction.approve(registrationID: "R-1")
        }
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(Raw(at: Date(timeIntervalSince1970: seconds)))
    }

    /// The fixture programme's snapshot with one `date` column replaced (its checksum correct), as a
    /// damaged or foreign file might hold it.
    static func snapshot(table: String, column: String, seconds: [Double]) throws -> Data {
        let data = try SnapshotCodec.encode(PersistenceFixtures.programme(), generation: 1, lastSeq: 0,
                                            savedAt: Date(timeIntervalSince1970: 1_790_000_000))
        var root = try PropertyListDecoder().decode(SnapshotCodec.Root.self, from: data)
        var stored = try #require(root.tables[table])
        #expect(stored.rows == seconds.count, "the fixture's \(table) has \(stored.rows) rows")
        stored.columns[column] = Column(kind: .date, values: seconds.withUnsafeBytes { Data($0) })
        root.tables[table] = stored
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(root)
    }
}
