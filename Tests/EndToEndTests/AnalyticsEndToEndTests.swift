import Foundation
import Testing

/// The analytics path through the real console: dashboard → concentration → previous quarter → top
/// partner → advance a commission; then the export shows the commission approved.
@Suite(.serialized)
struct AnalyticsEndToEndTests {
    @Test func concentrationToPartnerToCommissionThenTheExportShowsIt() throws {
        let workspace = try Workspace()
        defer { workspace.cleanup() }
        try workspace.makeDemo()
        let console = try Tmux(workspace, ["--file", workspace.file.path, "--as-of", Workspace.today, "--actor", "e2e.analyst"])
        defer { console.kill() }
        _ = try console.waitFor("waiting ·")

        // The dashboard; the fourth figure is the concentration, and Enter on it drills down.
        try console.send("4")
        _ = try console.waitFor("Top-5 concentration")
        try console.send("j", "j", "j", "Enter")
        var screen = try console.waitFor("make 80% of sourced ARR")
        #expect(screen.contains("Lorenz curve (Gini"))
        let current = try #require(ScreenText.line(containing: "Concentration ", in: screen))

        // One quarter back: the header names a whole quarter now, and the ranking changes with it.
        try console.send("[")
        screen = try console.waitUntil("the previous quarter") { $0.contains("Concentration ") && ScreenText.line(containing: "Concentration ", in: $0) != current }
        let header = try #require(ScreenText.line(containing: "Concentration ", in: screen))
        #expect(header.range(of: #"Concentration \d{4}-Q[1-4] "#, options: .regularExpression) != nil, "\(header)")
        let topRow = try #require(screen.split(separator: "\n").first { $0.range(of: #"^\s+1 P-\d{5} "#, options: .regularExpression) != nil })
        let partnerID = String(topRow.split(separator: " ")[1])

        // The top partner, its Commissions section, and the first line advanced to approved.
        try console.send("Enter")
        _ = try console.waitFor("\(partnerID) ·")
        try console.send("Tab", "Tab", "Tab")
        screen = try console.waitFor("c advance · space mark")
        let firstLine = try #require(screen.split(separator: "\n").first { $0.range(of: #"D-\d{7}.*accrued"#, options: .regularExpression) != nil },
                                     "the top partner has no accrued commission:\n\(screen)")
        let dealID = String(firstLine[firstLine.range(of: #"D-\d{7}"#, options: .regularExpression)!])
        // The selection starts on the first row; move to the accrued one if it is not the first.
        let rows = screen.split(separator: "\n").filter { $0.range(of: #"^\s+D-\d{7}"#, options: .regularExpression) != nil }
        let index = try #require(rows.firstIndex { $0.contains(dealID) })
        for _ in 0..<index { try console.send("j") }
        try console.send("c")
        _ = try console.waitFor("Commission on \(dealID) is now approved")
        try console.send("q")
        _ = try console.waitForExit()

        let export = try workspace.run(["export", "commissions", "--format", "json", "--file", workspace.file.path])
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [[String: Any]])
        #expect(lines.first { $0["dealId"] as? String == dealID }?["status"] as? String == "approved")
        let audit = try workspace.run(["export", "audit", "--file", workspace.file.path]).stdout
        #expect(audit.contains(",e2e.analyst,commission,\(dealID),"))
    }
}
