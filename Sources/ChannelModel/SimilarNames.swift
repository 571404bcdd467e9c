import Foundation

/// A hint beside a queued registration's conflicts (DESIGN.md §3, `similar_name`): another open
/// registration names a prospect company that normalises to the same name under a different registrable
/// domain — maybe the same company on another domain, maybe not. A manager looks; it is never a conflict.
public struct SimilarName: Hashable, Sendable, Codable {
    /// Always `similar_name`: the JSON names the kind as conflicts do.
    public var kind: String
    public var registrationId: String
    public var partnerId: String
    /// The other registration's registrable domain. (Its company is the other registration's; a queue
    /// of 15k rows with a dozen hints each does not copy every spelling of every name.)
    public var domain: String

    public init(registrationId: String, partnerId: String, domain: String) {
        kind = "similar_name"
        self.registrationId = registrationId; self.partnerId = partnerId; self.domain = domain
    }
}

/// Company names as a person compares them: case and accents folded, punctuation and trailing legal
/// forms (Inc, Ltd, LLC, GmbH, AG, SA, SAS, BV, AB, KK, plc, Pty Ltd, Corp…) removed, so "Zürich
/// Datentechnik AG" and "zurich datentechnik" are one name.
public enum CompanyName {
    /// Legal forms removed from the end of a name, as folded words ("B.V." folds to "bv").
    public static let legalForms: Set<String> = [
        "inc", "ltd", "llc", "gmbh", "ag", "sa", "sas", "bv", "ab", "kk", "plc", "pty", "corp",
        "limited", "incorporated", "corporation", "co",
    ]

    /// The normalised name; nil when nothing but punctuation and legal forms is left.
    public static func normalised(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { normalised(utf8: $0) }
    }

    /// The same from stored bytes.
    public static func normalised(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        normalise(utf8: bytes, into: &out)
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

    /// Writes the normalised name's bytes into `out` (emptied first; empty when nothing is left). ASCII
    /// names — nearly all — are folded byte by byte into the caller's buffer with no allocation: the queue
    /// normalises every open registration's name.
    public static func normalise(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var ascii = true
        for byte in bytes where byte >= 0x80 { ascii = false; break }
        if ascii {
            for byte in bytes { add(byte, to: &out) }
        } else {
            let folded = String(decoding: bytes, as: UTF8.self)
                .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
            for scalar in folded.unicodeScalars {
                if scalar.isASCII {
                    add(UInt8(scalar.value), to: &out)
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    out.append(contentsOf: String(scalar).utf8)
                } else {
                    separate(&out)
                }
            }
        }
        // Drop trailing separators and legal forms, word by word from the end; a name that is only a
        // legal form ("AB") keeps it: it is still a name.
        while true {
            while out.last == 32 { out.removeLast() }
            guard let space = out.lastIndex(of: 32), isLegalForm(out[(space + 1)...]) else { break }
            out.removeSubrange(space...)
        }
    }

    /// A 64-bit FNV-1a hash of normalised bytes: lets a scan test a name against a few wanted ones
    /// before making a `String` of it.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Bumped whenever `normalise` changes, so stored keys of an older rule are derived again.
    public static let keyVersion = 1

    /// The hash of a name's normalised bytes; 0 when nothing is left of it (no key collides with it:
    /// a real hash of 0 is taken as 1).
    public static func key(_ name: String) -> UInt64 {
        var name = name, buffer: [UInt8] = []
        return name.withUTF8 { key(utf8: $0, buffer: &buffer) }
    }

    public static func key(utf8 bytes: UnsafeBufferPointer<UInt8>, buffer: inout [UInt8]) -> UInt64 {
        normalise(utf8: bytes, into: &buffer)
        guard !buffer.isEmpty else { return 0 }
        return max(1, hash(buffer))
    }

    /// Every name's key, one buffer reused.
    public static func keys(of names: StringColumn) -> [UInt64] {
        var buffer: [UInt8] = [], out: [UInt64] = []
        out.reserveCapacity(names.count)
        for position in 0..<names.count { out.append(names.withUTF8(position) { key(utf8: $0, buffer: &buffer) }) }
        return out
    }

    private static let legalFormBytes: [[UInt8]] = legalForms.map { Array($0.utf8) }

    private static func isLegalForm(_ word: ArraySlice<UInt8>) -> Bool {
        legalFormBytes.contains { $0.count == word.count && $0.elementsEqual(word) }
    }
    private static func add(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 65...90: out.append(byte + 32)
        case 97...122, 48...57: out.append(byte)
        // Dots and apostrophes join ("B.V." is "bv", "O'Neil" is "oneil"); anything else separates.
        case 46, 39: break
        default: separate(&out)
        }
    }

    private static func separate(_ out: inout [UInt8]) {
        if let last = out.last, last != 32 { out.append(32) }
    }
}
