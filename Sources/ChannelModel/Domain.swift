import CPSL
import Foundation

/// Registrable domains: the unit a prospect is claimed by (DESIGN §3 in the project's docs/definitions.md).
///
/// `www.acme.com` and `eu.acme.com` are one prospect; `alpha.com.sg` and `beta.com.sg` are two, because
/// `com.sg` is a public suffix. The suffixes come from the Public Suffix List through libpsl, loaded once
/// per process from the system's list (Debian's `publicsuffix`), or libpsl's built-in copy when that is
/// newer. Answers are in ASCII (punycode), so a Unicode and a punycode spelling of one name are one key.
public enum Domain {
    /// The registrable domain of what a partner typed — a domain, a URL or an e-mail address — or nil
    /// when it has none: empty, a bare public suffix (`co.uk`), an IP address, a single label, or a
    /// name IDNA refuses (what stays non-ASCII after normalising).
    public static func registrable(_ typed: String) -> String? {
        let host = normalised(typed)
        guard !host.isEmpty, !isIPAddress(host), host.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return host.withCString { name in
            guard let answer = psl_registrable_domain(PublicSuffixList.shared.context, name) else { return nil }
            return String(cString: answer)
        }
    }

    /// The key a stored domain is grouped by: its registrable domain, or — for a row stored before the
    /// rule refused such domains — its normalised spelling, so that it still matches itself.
    public static func key(_ typed: String) -> String {
        registrable(typed) ?? normalised(typed)
    }

    /// The version of the suffix list in use; a programme file records it so that a file opened under
    /// another list has its registrable domains recomputed.
    public static var listVersion: String { PublicSuffixList.shared.version }

    /// What partners type, reduced to a host name: trimmed, a URL's host or an e-mail's domain, lower
    /// case, without trailing dots, Unicode labels in punycode.
    public static func normalised(_ typed: String) -> String {
        var host = Substring(typed.trimmingCharacters(in: .whitespacesAndNewlines))
        if let scheme = host.range(of: "://") { host = host[scheme.upperBound...] }
        if let end = host.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { host = host[..<end] }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if host.hasPrefix("[") {
            // An IPv6 literal keeps its colons; `isIPAddress` refuses it.
            if let close = host.firstIndex(of: "]") { host = host[host.index(after: host.startIndex)..<close] }
        } else if let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isASCIIDigit),
                  host.firstIndex(of: ":") == colon {
            host = host[..<colon]
        }
        while host.hasSuffix(".") { host.removeLast() }
        let lowered = host.lowercased()
        guard lowered.utf8.contains(where: { $0 >= 0x80 }) else { return lowered }
        return punycode(lowered) ?? lowered
    }

    /// Dotted-quad IPv4 or any IPv6 literal: hosts, never prospects.
    public static func isIPAddress(_ host: String) -> Bool {
        if host.contains(":") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// IDNA2008 (UTS #46, non-transitional) ASCII form; nil when libidn2 finds the name invalid.
    private static func punycode(_ unicode: String) -> String? {
        var output: UnsafeMutablePointer<CChar>?
        let flags = Int32(IDN2_NFC_INPUT.rawValue | IDN2_NONTRANSITIONAL.rawValue)
        guard idn2_to_ascii_8z(unicode, &output, flags) == Int32(IDN2_OK.rawValue), let output else {
            free(output)
            return nil
        }
        defer { free(output) }
        return String(cString: output)
    }
}

/// The loaded list: one per process, read-only after loading, so lookups from any thread are safe.
final class PublicSuffixList: @unchecked Sendable {
    static let shared = PublicSuffixList()

    let context: OpaquePointer
    /// The list file's name, modification time and a hash of its bytes, or libpsl's built-in list's time.
    let version: String

    private init() {
        // psl_latest picks the newer of the distribution's file and the built-in copy; without either,
        // libpsl falls back to its minimal list, under which every registrable domain would be wrong.
        guard let context = psl_latest(nil) ?? psl_builtin() else {
            fatalError("libpsl has no Public Suffix List: install Debian's publicsuffix package")
        }
        self.context = context
        let builtin = "builtin@\(psl_builtin_file_time())"
        guard let path = psl_dist_filename().map({ String(cString: $0) }),
              let bytes = FileManager.default.contents(atPath: path),
              let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
              Int(modified.timeIntervalSince1970) >= psl_builtin_file_time()
        else {
            version = builtin
            return
        }
        // FNV-1a: a change detector for a 100 kB file, not a security check.
        let hash = bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        version = "\((path as NSString).lastPathComponent)@\(Int(modified.timeIntervalSince1970))#\(String(hash, radix: 16))"
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
