/// Registrable domains: the unit a prospect is claimed by, so `www.acme.com` and `eu.acme.com` are one.
public enum Domain {
    /// Second-level suffixes under which a registrable domain has three labels (DESIGN.md §3).
    public static let twoLabelSuffixes: Set<String> = [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.jp", "co.nz", "com.br",
        "co.in", "com.cn", "com.mx", "co.za",
    ]

    /// Lower-cased, trailing dot removed, the last two labels — three under a listed suffix.
    ///
    /// Every registration derives this on import and on load, a million times for a large programme,
    /// so ASCII domains (nearly all) take a byte path that allocates one string.
    public static func registrable(_ domain: String) -> String {
        var utf8 = Array(domain.utf8)
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return registrableUnicode(domain) }
        for index in utf8.indices where utf8[index] >= 65 && utf8[index] <= 90 { utf8[index] += 32 }
        while utf8.last == UInt8(ascii: ".") { utf8.removeLast() }
        let dots = utf8.indices.reversed().filter { utf8[$0] == UInt8(ascii: ".") }.prefix(3)
        guard dots.count >= 2 else { return String(decoding: utf8, as: UTF8.self) }
        let lastTwo = String(decoding: utf8[(dots[1] + 1)...], as: UTF8.self)
        if !twoLabelSuffixes.contains(lastTwo) { return lastTwo }
        return dots.count == 3 ? String(decoding: utf8[(dots[2] + 1)...], as: UTF8.self) : String(decoding: utf8, as: UTF8.self)
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
