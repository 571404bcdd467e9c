import ChannelModel
import ChannelStore
import Testing

/// The one grammar of typed commands, shared by the console's `:` line and `channeldesk batch`: what
/// each line means, and what each refusal names.
@Suite struct CommandGrammarTests {
    static func parse(_ line: String) throws(CommandSyntaxError) -> TypedCommand? {
        try CommandGrammar.parse(line, extensionDays: 30)
    }

    static let accepted: [(String, TypedCommand)] = [
        ("approve R-0000001", .action(.approve(registrationID: "R-0000001"))),
        ("approve r-1", .action(.approve(registrationID: "R-1"))),
        ("APPROVE r-1", .action(.approve(registrationID: "R-1"))),
        ("a R-1 R-2", .action(.batch([.approve(registrationID: "R-1"), .approve(registrationID: "R-2")]))),
        ("approve R-1,R-2, r-3,", .action(.batch([.approve(registrationID: "R-1"), .approve(registrationID: "R-2"),
                                                  .approve(registrationID: "R-3")]))),
        ("  approve\tR-1  ", .action(.approve(registrationID: "R-1"))),
        ("reject R-1 Direct  owns   it", .action(.reject(registrationID: "R-1", reason: "Direct owns it"))),
        ("Reject r-1 no", .action(.reject(registrationID: "R-1", reason: "no"))),
        ("r R-1 dup", .action(.reject(registrationID: "R-1", reason: "dup"))),
        ("info R-1", .action(.requestInfo(registrationID: "R-1", question: ""))),
        ("info r-1 Who is the buyer?", .action(.requestInfo(registrationID: "R-1", question: "Who is the buyer?"))),
        ("request-info R-1 which region?", .action(.requestInfo(registrationID: "R-1", question: "which region?"))),
        ("i R-1", .action(.requestInfo(registrationID: "R-1", question: ""))),
        ("extend R-1", .action(.extend(registrationID: "R-1"))),
        ("extend r-1 30", .action(.extend(registrationID: "R-1"))),
        ("e R-1 R-2", .action(.batch([.extend(registrationID: "R-1"), .extend(registrationID: "R-2")]))),
        ("tier p-3 Gold", .action(.changeTier(partnerID: "P-3", to: "Gold"))),
        // The login as typed: roles are case-sensitive, ids are not.
        ("assign p-3 Ben.Okafor", .action(.assignOwner(partnerID: "P-3", owner: "Ben.Okafor"))),
        ("advance d-1 D-2", .action(.advanceCommissions(dealIDs: ["D-1", "D-2"]))),
        ("import registrations /tmp/my files/regs.csv", .importFile(.registrations, path: "/tmp/my files/regs.csv")),
        ("IMPORT Direct-Accounts a.csv", .importFile(.directAccounts, path: "a.csv")),
        ("checkpoint", .checkpoint),
        ("undo", .undo), ("U", .undo),
        ("partner p-00038", .openPartner("P-00038")),
        ("reg r-9", .openRegistration("R-9")),
        ("conc", .concentration),
        ("period 2026-q2", .period(Period(quarter: "2026-Q2")!)),
        ("period 2026-01-15..2026-03-31", .period(Period(from: Day(parsing: "2026-01-15")!, to: Day(parsing: "2026-03-31")!))),
        ("help", .help), ("?", .help),
        ("q", .quit), ("Quit", .quit), ("exit", .quit),
    ]

    @Test(arguments: accepted)
    func acceptedLines(_ line: String, _ expected: TypedCommand) throws {
        #expect(try Self.parse(line) == expected)
    }

    @Test func blankLinesAndCommentsAreNoCommand() throws {
        for line in ["", "   ", "# approve R-1", "#"] { #expect(try Self.parse(line) == nil) }
    }

    static let refused: [(String, CommandSyntaxError)] = [
        ("approve", .usage("approve R-0000012 [R-… …]")),
        ("approve ,", .usage("approve R-0000012 [R-… …]")),
        ("reject R-1", .usage("reject R-0000012 reason text")),
        ("info", .usage("info R-0000012 [question]")),
        ("extend", .usage("extend R-0000012")),
        ("extend 30", .usage("extend R-0000012")),
        ("extend R-1 45", .badToken("45", reason: "days cannot be chosen: an extension is the policy's 30 days",
                                     usage: "extend R-0000012")),
        ("tier P-1", .usage("tier P-00012 TIER")),
        ("assign P-1", .usage("assign P-00012 ROLE (the team member's login)")),
        ("assign P-1 ben ana", .badToken("ana", reason: "is one word too many", usage: "assign P-00012 ROLE (the team member's login)")),
        ("tier P-1 gold now", .badToken("now", reason: "is one word too many", usage: "tier P-00012 TIER")),
        ("advance", .usage("advance D-0000012 [D-… …]")),
        ("import registrations", .usage("import KIND CSV-PATH")),
        ("import regs a.csv", .badToken("regs", reason: "is not a kind of record; use one of partners, registrations, deals, investments, nps, direct-accounts, enablement, mdf-requests, mdf-allocations",
                                        usage: "import KIND CSV-PATH")),
        ("checkpoint now", .badToken("now", reason: "is one word too many", usage: "checkpoint")),
        ("undo 3", .badToken("3", reason: "is one word too many", usage: "undo")),
        ("period 2026-Q5", .usage("period 2026-Q2, or period 2026-04-01..2026-06-30")),
        ("period 2026-03-31..2026-01-01", .usage("period 2026-Q2, or period 2026-04-01..2026-06-30")),
        ("aprove R-1", .unknownCommand("aprove", suggestion: "approve")),
        ("rejcet R-1 no", .unknownCommand("rejcet", suggestion: "reject")),
        ("Extned R-1", .unknownCommand("Extned", suggestion: "extend")),
        ("frobnicate now", .unknownCommand("frobnicate", suggestion: nil)),
    ]

    @Test(arguments: refused)
    func refusedLines(_ line: String, _ expected: CommandSyntaxError) {
        #expect(throws: expected) { try Self.parse(line) }
    }

    @Test func errorsNameTheBadWord() {
        #expect(CommandSyntaxError.badToken("45", reason: "is wrong", usage: "extend R-0000012").description
                == "\"45\" is wrong (usage: extend R-0000012)")
        #expect(CommandSyntaxError.unknownCommand("aprove", suggestion: "approve").description
                == "unknown command \"aprove\"; did you mean \"approve\"?")
        #expect(CommandSyntaxError.usage("undo").description == "usage: undo")
    }

    @Test func closestWordAllowsOneSwapOrTwoEditsOnLongWords() {
        let names = ["export", "import", "metrics", "queue", "open"]
        #expect(ClosestWord.to("exprot", among: names) == "export")
        #expect(ClosestWord.to("EXPORT", among: names) == "export")
        #expect(ClosestWord.to("metrcs", among: names) == "metrics")
        #expect(ClosestWord.to("qeueu", among: names) == "queue")
        #expect(ClosestWord.to("xyzzy", among: names) == nil)
        #expect(ClosestWord.to("opn", among: names) == "open")
        #expect(ClosestWord.to("", among: names) == nil)
    }
}
