import ChannelModel
import Foundation
import Testing

/// `Domain` answers what the Public Suffix List answers, after normalising what partners type.
@Suite struct DomainTests {
    /// The Public Suffix List project's own test vectors (tests/test_psl.txt): input, registrable domain.
    static let listVectors: [(String, String?)] = [
        ("COM", nil), ("example.COM", "example.com"), ("WwW.example.COM", "example.com"),
        (".com", nil), (".example", nil), (".example.com", nil), (".example.example", nil),
        ("example", nil), ("example.example", "example.example"), ("b.example.example", "example.example"),
        ("a.b.example.example", "example.example"),
        ("biz", nil), ("domain.biz", "domain.biz"), ("b.domain.biz", "domain.biz"), ("a.b.domain.biz", "domain.biz"),
        ("com", nil), ("example.com", "example.com"), ("b.example.com", "example.com"), ("a.b.example.com", "example.com"),
        ("uk.com", nil), ("example.uk.com", "example.uk.com"), ("b.example.uk.com", "example.uk.com"),
        ("a.b.example.uk.com", "example.uk.com"), ("test.ac", "test.ac"),
        ("mm", nil), ("c.mm", nil), ("b.c.mm", "b.c.mm"), ("a.b.c.mm", "b.c.mm"),
        ("jp", nil), ("test.jp", "test.jp"), ("www.test.jp", "test.jp"), ("ac.jp", nil), ("test.ac.jp", "test.ac.jp"),
        ("www.test.ac.jp", "test.ac.jp"), ("kyoto.jp", nil), ("test.kyoto.jp", "test.kyoto.jp"), ("ide.kyoto.jp", nil),
        ("b.ide.kyoto.jp", "b.ide.kyoto.jp"), ("a.b.ide.kyoto.jp", "b.ide.kyoto.jp"), ("c.kobe.jp", nil),
        ("b.c.kobe.jp", "b.c.kobe.jp"), ("a.b.c.kobe.jp", "b.c.kobe.jp"), ("city.kobe.jp", "city.kobe.jp"),
        ("www.city.kobe.jp", "city.kobe.jp"),
        ("ck", nil), ("test.ck", nil), ("b.test.ck", "b.test.ck"), ("a.b.test.ck", "b.test.ck"), ("www.ck", "www.ck"),
        ("www.www.ck", "www.ck"),
        ("us", nil), ("test.us", "test.us"), ("www.test.us", "test.us"), ("ak.us", nil), ("test.ak.us", "test.ak.us"),
        ("www.test.ak.us", "test.ak.us"), ("k12.ak.us", nil), ("test.k12.ak.us", "test.k12.ak.us"),
        ("www.test.k12.ak.us", "test.k12.ak.us"),
        ("食狮.com.cn", "食狮.com.cn"), ("食狮.公司.cn", "食狮.公司.cn"), ("www.食狮.公司.cn", "食狮.公司.cn"),
        ("shishi.公司.cn", "shishi.公司.cn"), ("公司.cn", nil), ("食狮.中国", "食狮.中国"), ("www.食狮.中国", "食狮.中国"),
        ("shishi.中国", "shishi.中国"), ("中国", nil),
        ("xn--85x722f.com.cn", "xn--85x722f.com.cn"), ("xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn"),
        ("www.xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn"), ("shishi.xn--55qx5d.cn", "shishi.xn--55qx5d.cn"),
        ("xn--55qx5d.cn", nil), ("xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s"),
        ("www.xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s"), ("shishi.xn--fiqs8s", "shishi.xn--fiqs8s"),
        ("xn--fiqs8s", nil),
    ]

    @Test func thePublicSuffixListsOwnVectors() {
        for (input, expected) in Self.listVectors {
            // Answers are punycode, so a Unicode expectation is compared in that spelling.
            #expect(Domain.registrable(input) == expected.map(Domain.normalised), "\(input)")
        }
    }

    @Test(arguments: [
        ("  https://www.Acme.com:443/about?x  ", "acme.com"), ("http://user@shop.acme.co.uk/", "acme.co.uk"),
        ("sales@acme.com", "acme.com"), ("ACME.com.", "acme.com"), ("www.acme.com/pricing", "acme.com"),
        ("alpha.com.sg", "alpha.com.sg"), ("www.beta.com.sg", "beta.com.sg"), ("a.b.c.kobe.jp", "b.c.kobe.jp"),
        ("shop.acme.co.kr", "acme.co.kr"), ("x.acme.com.tr", "acme.com.tr"), ("acme.co.id", "acme.co.id"),
        ("www.hmrc.gov.uk", "hmrc.gov.uk"), ("school.k12.ak.us", "school.k12.ak.us"),
        ("www.MÜNCHEN.de", "xn--mnchen-3ya.de"), ("食狮.com.cn", "xn--85x722f.com.cn"),
    ])
    func normalisesWhatPartnersType(typed: String, registrable: String) {
        #expect(Domain.registrable(typed) == registrable)
    }

    @Test(arguments: ["", "   ", "co.uk", "com.sg", "192.168.0.1", "[::1]", "https://10.0.0.1:8080/x", "localhost",
                      "acme", "sales@", "https://", "www.ae\u{FFFD}mm.com", "aa.b.cb\n\0p", "acme .com", "acme%2e.com", "a.cccde....6ua", "a..b.com"])
    func refusesWhatHasNoRegistrablePart(typed: String) {
        #expect(Domain.registrable(typed) == nil, "\(typed)")
    }

    /// Normalising twice changes nothing, whatever was typed (the fuzzer found an input IDNA turned into ".").
    @Test(arguments: ["sales@.\u{0}\u{0}\u{FFFD}\u{18}lbaceo.+r", "WWW.Acme.COM.", "https://x.Bücher.de:80/a", "食狮.com.cn.", "", "\u{FFFD},\u{0C}.", "a @ b.com", "acme.com:80.", "[x]:80", "[\u{FFFD}\u{0}\u{0C}:0]"])
    func normalisingIsIdempotent(typed: String) {
        #expect(Domain.normalised(Domain.normalised(typed)) == Domain.normalised(typed))
    }

    @Test func unicodeAndPunycodeAreOneKey() {
        #expect(Domain.key("www.食狮.com.cn") == Domain.key("XN--85X722F.com.cn"))
        #expect(Domain.key("münchen.de") == Domain.key("xn--mnchen-3ya.de"))
    }

    /// A stored domain without a registrable part (written before the rule) still groups with itself.
    @Test func keyFallsBackToTheNormalisedSpelling() {
        #expect(Domain.key("LOCALHOST.") == "localhost")
        #expect(Domain.key("co.uk") == "co.uk")
    }

    @Test func listVersionNamesTheLoadedList() {
        #expect(!Domain.listVersion.isEmpty)
        #expect(Domain.listVersion == Domain.listVersion)
    }

    /// Agreement with libpsl's own command-line tool, `psl --print-reg-domain`, on the same hosts.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/psl") || ProcessInfo.processInfo.environment["CI"] != nil))
    func agreesWithThePslTool() throws {
        let hosts = ["alpha.com.sg", "beta.com.sg", "www.acme.co.kr", "acme.com.tr", "eu.acme.co.id", "www.hmrc.gov.uk",
                     "a.b.c.kobe.jp", "city.kobe.jp", "www.ck", "foo.blogspot.com", "x.y.github.io", "acme.co.uk",
                     "shop.acme.com.au", "食狮.com.cn", "xn--85x722f.com.cn", "www.test.k12.ak.us", "co.uk", "com"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psl")
        process.arguments = ["--print-reg-domain"] + hosts
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let answers = output.split(separator: "\n").map { line in
            let answer = line.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces)
            return answer == "(null)" ? nil : Domain.normalised(answer)
        }
        #expect(answers.count == hosts.count)
        for (host, answer) in zip(hosts, answers) {
            #expect(Domain.registrable(host) == answer, "\(host)")
        }
    }
}
