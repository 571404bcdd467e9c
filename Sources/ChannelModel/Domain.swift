import CPSL
import Foundation
import Synchronization

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
        // Callers often ask twice in a row (a record's `registrableDomain`, then its table row's key):
        // the last answer is kept so the second costs a string comparison, not another list lookup.
        if let hit = last.withLock({ $0.typed == typed ? $0 : nil }) { return hit.answer }
        let answer = lookUp(typed)
        last.withLock { $0 = (typed, answer) }
        return answer
    }

    private static let last = Mutex<(typed: String, answer: String?)>(("", nil))

    /// `registrable` without its last-answer cache: for a caller that asks once per value, such as an
    /// import reading a file on several threads, which would only contend for the cache and evict each
    /// other's answers.
    ///
    /// Every test here is a byte scan: `host.contains("..")` was Foundation's string search and, with
    /// `isIPAddress` splitting the host into arrays, two thirds of the lookup, which itself was a third
    /// of a 1M-row registrations import (libpsl's own part is about a tenth of it). Made cheap, the
    /// lookup costs less than a cache by the typed domain would: 644k of the demo's 1M domains are
    /// distinct, so such a cache would mostly miss and hold ~100 MB.
    package static func lookUp(_ typed: String) -> String? {
        let host = normalised(typed)
        // An empty label (a leading dot, or two in a row) is no domain name, whatever psl makes of it.
        guard !host.isEmpty, !isIPAddress(host), host.utf8.allSatisfy(isHostByte), host.utf8.first != 46,
              !hasEmptyLabel(host.utf8)
        else { return nil }
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
        // A plain host name (lower-case letters, digits, `-`, `_`, inner dots) is its own normal form:
        // nothing below would cut or change a byte of it. Most typed domains are one, and the copies
        // below were half of the lookup at import once its other costs were gone.
        if typed.utf8.allSatisfy(isHostByte), typed.utf8.first != 46, typed.utf8.last != 46 { return typed }
        // Nearly every domain is ASCII: those are cut and lower-cased byte by byte (a million rows pass
        // here at import, where Foundation's string searching cost a few microseconds each).
        if typed.utf8.allSatisfy({ $0 < 0x80 }) { return normalisedASCII(Array(typed.utf8)) }
        let lowered = String(decoding: hostBytes(Array(typed.utf8)), as: UTF8.self).lowercased()
        // What IDNA makes ASCII is cut once more as ASCII (its output may end in a dot), so that
        // normalising what was normalised changes nothing.
        guard lowered.utf8.contains(where: { $0 >= 0x80 }) else { return normalisedASCII(Array(lowered.utf8)) }
        return punycode(lowered).map { normalisedASCII(Array($0.utf8)) } ?? lowered
    }

    private static func normalisedASCII(_ bytes: [UInt8]) -> String {
        String(decoding: hostBytes(bytes).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// The host inside what was typed, as bytes: trimmed, after a scheme, before a path, query or
    /// fragment, after a user (`user@`, or an e-mail's `@`), without a port or trailing dots; an IPv6
    /// literal keeps its colons (`isIPAddress` refuses it). Multi-byte UTF-8 passes through untouched.
    private static func hostBytes(_ input: [UInt8]) -> ArraySlice<UInt8> {
        func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }
        // Spaces at either end and dots at the end, until none is left: each cut below can expose more,
        // and normalising what was normalised must change nothing.
        func trim(_ host: inout ArraySlice<UInt8>) {
            while let first = host.first, isSpace(first) { host.removeFirst() }
            while let last = host.last, isSpace(last) || last == 46 { host.removeLast() }
        }
        var host = input[...]
        trim(&host)
        // A scheme is letters, digits, `+`, `-` and `.` before `://`.
        if let colon = host.firstIndex(where: { !(isLetterOrDigit($0) || $0 == 43 || $0 == 45 || $0 == 46) }),
           colon > host.startIndex, host[colon...].starts(with: [58, 47, 47]) {
            host = host[(colon + 3)...]
        }
        if let end = host.firstIndex(where: { $0 == 47 || $0 == 63 || $0 == 35 }) { host = host[..<end] }
        if let at = host.lastIndex(of: 64) { host = host[(at + 1)...] }
        trim(&host)
        // `[…]` is an IPv6 literal (its colons stay, and `isIPAddress` refuses it); what is inside goes
        // through the same port cut as any host, so a second pass finds nothing left to cut.
        if host.first == 91, let close = host.firstIndex(of: 93) {
            host = host[(host.startIndex + 1)..<close]
            trim(&host)
        }
        if let colon = host.lastIndex(of: 58), host.firstIndex(of: 58) == colon,
           host[(colon + 1)...].allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            host = host[..<colon]
        }
        trim(&host)
        return host
    }

    /// Letters, digits, `-`, `_` and dots: what a host name is made of once IDNA has made it ASCII.
    /// Anything else (spaces, controls, a NUL that would cut the C string short) is no domain.
    static func isHostByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E || byte == 0x5F
    }

    /// Two dots in a row.
    private static func hasEmptyLabel(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 46, previous == 46 { return true }
            previous = byte
        }
        return false
    }

    /// Dotted-quad IPv4 or any IPv6 literal: hosts, never prospects. One pass over the bytes, with no
    /// array of parts (see `lookUp`).
    public static func isIPAddress(_ host: String) -> Bool {
        // Four parts of one to three digits each, separated by three dots.
        var dots = 0, digits = 0
        for byte in host.utf8 {
            switch byte {
            case 58: return true
            case 46:
                guard digits > 0 else { return host.utf8.contains(58) }
                dots += 1
                digits = 0
            case 48...57:
                digits += 1
                if digits > 3 { return host.utf8.contains(58) }
            default: return host.utf8.contains(58)
            }
        }
        return dots == 3 && digits > 0
    }

    private static func isLetterOrDigit(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }

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
