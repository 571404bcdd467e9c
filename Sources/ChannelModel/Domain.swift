/// Registrable domains: the unit a prospect is claimed by, so `www.acme.com` and `eu.acme.com` are one.
public enum Domain {
    /// Second-level suffixes under which a registrable domain has three labels (DESIGN.md §3).
    public static let twoLabelSuffixes: Set<String> = [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.jp", "co.nz", "com.br",
        "co.in", "com.cn", "com.mx", "co.za",
    ]

    /// Lower-cased, trailing dot removed, the last two labels — three under a listed suffix.
    public static func registrable(_ domain: String) -> String {
        var lowered = domain.lowercased()
        while lowered.hasSuffix(".") { lowered.removeLast() }
        let labels = lowered.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count > 2 else { return lowered }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        let keep = twoLabelSuffixes.contains(lastTwo) ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }
}
