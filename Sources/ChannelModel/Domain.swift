/// Registrable domains: the unit a prospect is claimed by, so `www.acme.com` and `eu.acme.com` are one.
public enum Domain {
    /// Second-level suffixes under which a registrable domain has three labels (DESIGN.md §3).
    public static let twoLabelSuffixes: Set<String> = [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.jp", "co.nz", "com.br",
        "co.in", "com.cn", "com.mx", "co.za",
    ]

    /// Lower-cased, trailing dot removed, the last two labels — three under a listed suffix.
    public static func registrable(_ domain: String) -> String {
        var domain = domain
        return domain.withUTF8 { registrable(utf8: $0) }
    }

    /// The same from UTF-8 bytes. A million registrations derive this at load, straight from their
    /// stored bytes, so ASCII domains (nearly all) take a path that makes only the answer's string —
    /// and none at all on the heap when it is 15 bytes or fewer.
    public static func registrable(utf8: UnsafeBufferPointer<UInt8>) -> String {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return registrableUnicode(String(decoding: utf8, as: UTF8.self)) }
        var end = utf8.count
        while end > 0, utf8[end - 1] == UInt8(ascii: ".") { end -= 1 }
        // Where the last two and the last three labels start (just after a dot).
        var dots = 0, lastTwo = 0, lastThree = 0
        var index = end
        while index > 0, dots < 3 {
            index -= 1
            guard utf8[index] == UInt8(ascii: ".") else { continue }
            dots += 1
            if dots == 2 { lastTwo = index + 1 } else if dots == 3 { lastThree = index + 1 }
        }
        func text(from start: Int) -> String {
            let slice = UnsafeBufferPointer(rebasing: utf8[start..<end])
            guard slice.contains(where: { $0 >= 65 && $0 <= 90 }) else { return String(decoding: slice, as: UTF8.self) }
            return String(decoding: slice.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        guard dots >= 2 else { return text(from: 0) }
        let two = text(from: lastTwo)
        if !twoLabelSuffixes.contains(two) { return two }
        return dots == 3 ? text(from: lastThree) : text(from: 0)
    }

    /// The same rule for internationalised domains written in Unicode.
    static func registrableUnicode(_ domain: String) -> String {
        var lowered = domain.lowercased()
        while lowered.hasSuffix(".") { lowered.removeLast() }
        let labels = lowered.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count > 2 else { return lowered }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        let keep = twoLabelSuffixes.contains(lastTwo) ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }
}
