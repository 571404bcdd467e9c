import Foundation
import Testing

/// `channeldesk batch` reads its lines with the console's grammar: what the `:` line accepts, a
/// script accepts too, and a refused line names the word that is wrong.
@Suite struct BatchGrammarCommandTests {
    @Test func batchTakesTheConsoleSpellings() throws {
        let cli = try CLI()
        try cli.importSample()
        let result = try cli.run(["batch", "--actor", "maria.lopez"], input: """
        approve r-0000010
        info R-0000649 Who is the buyer?
        REJECT r-0000444 Direct  owns it
        aprove R-0000905
        extend R-0000010 45
        tier P-00001 gold now
        partner P-00001
        u

        """)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8, "\(result.stdout)")
        #expect(lines[0].hasPrefix("ok ") && lines[0].contains("Approved R-0000010"), "\(lines)")
        #expect(lines[1].hasPrefix("ok ") && lines[1].contains("R-0000649"), "\(lines)")
        #expect(lines[2].hasPrefix("ok ") && lines[2].contains("R-0000444"), "\(lines)")
        #expect(lines[3] == "error 4: unknown command \"aprove\"; did you mean \"approve\"?; see `channeldesk batch --help`")
        #expect(lines[4].hasPrefix("error 5: \"45\" days cannot be chosen"), "\(lines[4])")
        #expect(lines[5] == "error 6: \"now\" is one word too many (usage: tier P-00012 TIER)")
        #expect(lines[6].hasPrefix("error 7: `partner` works on the console's : line"), "\(lines[6])")
        // `u` undoes the rejection, the last change that went through.
        #expect(lines[7].hasPrefix("ok ") && lines[7].contains("R-0000444"), "\(lines[7])")
        #expect(result.status == 1)

        let export = try cli.run(["export", "registrations", "--format", "json"])
        let rows = try #require(try CLI.json(export.stdout) as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: rows.map { ($0["registrationId"] as! String, $0["status"] as! String) })
        #expect(status["R-0000010"] == "approved")
        #expect(status["R-0000649"] == "info_requested")
        #expect(status["R-0000444"] == "pending")
    }
}
