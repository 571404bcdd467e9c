import ChannelShared
import Foundation
import Testing

/// Every writing command on a shared programme: it goes through the server's log with the role the
/// database enforces (admins import, set the policy and move tiers; managers decide MDF and move
/// commissions), and a refusal names the role it takes.
extension PostgresSuite {
    @Suite
    struct WriteCommandTests {
        @Test func eachWritingCommandGoesThroughTheLogWithTheRoleItNeeds() async throws {
            try await withTeam { team in
                try team.shareSample()
                try team.addMembers(["vera"], to: "viewer")
                try team.addMembers(["ben"], to: "manager")
                try team.addMembers(["ada"], to: "admin")
                let csv = team.directory.appendingPathComponent("more.csv")
                try Data(Team.pendingRegistrations(3).utf8).write(to: csv)

                let byManager = try team.run(["import", "registrations", csv.path, "--database", team.url("ben")], home: "ben")
                #expect(byManager.status != 0 && byManager.stderr.contains("role ben may not importBatch")
                        && byManager.stderr.contains("that takes channeldesk_admin") && byManager.stderr.contains("GRANT channeldesk_admin TO ben;"),
                        "\(byManager.stderr)")
                // Told before the file is read: even a bad file gets the role's refusal, not its errors.
                let bad = team.directory.appendingPathComponent("bad.csv")
                try Data("registration_id\nR-1\n".utf8).write(to: bad)
                let badByManager = try team.run(["import", "registrations", bad.path, "--database", team.url("ben")], home: "ben")
                #expect(badByManager.status != 0 && badByManager.stderr.contains("that takes channeldesk_admin")
                        && !badByManager.stderr.contains("bad.csv:"), "\(badByManager.stderr)")
                let claimed = try team.run(["import", "registrations", csv.path, "--actor", "boss", "--database", team.url("ada")], home: "ada")
                #expect(claimed.status != 0 && claimed.stderr.contains("--actor does not apply to a shared programme"), "\(claimed.stderr)")
                let dryRun = try team.run(["import", "registrations", csv.path, "--dry-run", "--database", team.url("vera")], home: "vera")
                #expect(dryRun.status == 0 && dryRun.stdout.contains("3 registrations rows are valid"), "\(dryRun.stderr)")
                #expect(try team.cluster.psql("SELECT count(*) FROM channeldesk.actions", database: team.database) == "0")

                let imported = try team.run(["import", "registrations", csv.path, "--database", team.url("ada")], home: "ada")
                #expect(imported.status == 0, "\(imported.stderr)")
                let policy = team.directory.appendingPathComponent("policy.json")
                let exported = try team.run(["policy", "export", policy.path, "--database", team.url("ada")], home: "ada")
                try #require(exported.status == 0, "\(exported.stderr)")
                let policyByManager = try team.run(["policy", "import", policy.path, "--database", team.url("ben")], home: "ben")
                #expect(policyByManager.status != 0 && policyByManager.stderr.contains("that takes channeldesk_admin"), "\(policyByManager.stderr)")
                #expect(try team.run(["policy", "import", policy.path, "--database", team.url("ada")], home: "ada").status == 0)

                let mdfByViewer = try team.run(["mdf", "reject", "M-000032", "--reason", "no", "--database", team.url("vera")], home: "vera")
                #expect(mdfByViewer.status != 0 && mdfByViewer.stderr.contains("that takes channeldesk_manager"), "\(mdfByViewer.stderr)")
                let mdf = try team.run(["mdf", "approve", "M-000032", "--amount", "100.00", "--database", team.url("ben")], home: "ben")
                #expect(mdf.status == 0, "\(mdf.stderr)")
                let advanced = try team.run(["commission", "advance", "D-0000001", "--database", team.url("ben")], home: "ben")
                #expect(advanced.status == 0 && advanced.stdout == "Commission on D-0000001 is now approved\n", "\(advanced.stderr)")

                // A batch by a manager (the log starts after the sample's 9 imports, then 4 changes above):
                // decisions land, the admin's tier line is refused by the server.
                let batch = try team.run(["batch", "--database", team.url("ben")], home: "ben", input: """
                    approve R-9000001
                    tier P-00001 gold
                    checkpoint
                    u
                    """)
                let lines = batch.stdout.split(separator: "\n").map(String.init)
                #expect(batch.status == 1 && lines.count == 4, "\(batch.stdout)\(batch.stderr)")
                #expect(lines.first?.hasPrefix("ok 14 Approved R-9000001") == true, "\(lines)")
                #expect(lines.count > 1 && lines[1].hasPrefix("error 2: role ben may not changeTier") && lines[1].contains("channeldesk_admin"), "\(lines)")
                #expect(lines.count > 2 && lines[2].hasPrefix("error 3: checkpoint folds a local file's journal"), "\(lines)")
                #expect(lines.count > 3 && lines[3].hasPrefix("ok 15 ") && lines[3].contains("R-9000001"), "\(lines)")
                let tier = try team.run(["batch", "--database", team.url("ada")], home: "ada", input: "tier P-00001 gold\n")
                #expect(tier.status == 0 && tier.stdout.hasPrefix("ok 16 "), "\(tier.stdout)\(tier.stderr)")

                #expect(try team.cluster.psql("SELECT string_agg(actor || ' ' || kind, ', ' ORDER BY seq) FROM channeldesk.actions", database: team.database)
                        == "ada importBatch, ada setPolicy, ben mdf, ben advanceCommissions, ben approve, ben restoreRegistration, ada changeTier")
                // Another member's copy catches up to all of it.
                let partner = try team.run(["partner", "P-00001", "--format", "json", "--database", team.url("vera")], home: "vera")
                #expect(partner.status == 0 && partner.stdout.contains("\"gold\""), "\(partner.stderr)")
                let queue = try team.run(["queue", "--as-of", "2026-09-30", "--format", "json", "--database", team.url("vera")], home: "vera")
                #expect(queue.stdout.contains("R-9000001") && queue.stdout.contains("R-9000003"), "\(queue.stderr)")
            }
        }

        @Test func aBadCSVIsRefusedAsLocallyAndNothingIsSent() async throws {
            try await withTeam { team in
                try team.shareSample()
                try team.addMembers(["ada"], to: "admin")
                var csv = Team.pendingRegistrations(3)
                csv += "R-9000004,P-00001,Bad Row Ltd,bad.example.com,lots,2026-09-28T09:00:00Z,pending,,,\n"
                let file = team.directory.appendingPathComponent("bad.csv")
                try Data(csv.utf8).write(to: file)
                let local = try team.run(["import", "registrations", file.path, "--file", team.file.path, "--actor", "loader"])
                let shared = try team.run(["import", "registrations", file.path, "--database", team.url("ada")], home: "ada")
                #expect(local.status != 0 && shared.status != 0)
                #expect(local.stderr.contains("bad.csv:5"), "\(local.stderr)")
                #expect(shared.stderr == local.stderr, "shared: \(shared.stderr)\nlocal: \(local.stderr)")
                #expect(try team.cluster.psql("SELECT count(*) FROM channeldesk.actions", database: team.database) == "0")
            }
        }

        /// 50k rows: the log row's jsonb says only what the import is, the rows ride in the attachment,
        /// and a member who never saw the file catches up to the same programme.
        @Test func aLargeImportTravelsAsOneCompactAttachment() async throws {
            try await withTeam { team in
                try team.shareSample()
                try team.addMembers(["ada"], to: "admin")
                try team.addMembers(["vera"], to: "viewer")
                let before = try team.run(["export", "registrations", "--database", team.url("vera")], home: "vera")
                try #require(before.status == 0, "\(before.stderr)")
                let file = team.directory.appendingPathComponent("large.csv")
                try Data(Team.pendingRegistrations(50_000).utf8).write(to: file)
                let imported = try team.run(["import", "registrations", file.path, "--database", team.url("ada")], home: "ada")
                try #require(imported.status == 0, "\(imported.stderr)")

                let row = try team.cluster.psql("""
                    SELECT kind, octet_length(payload::text), octet_length(attachment), payload->>'rows', payload->>'source'
                    FROM channeldesk.actions
                    """, database: team.database).split(separator: "|").map(String.init)
                try #require(row.count == 5, "\(row)")
                #expect(row[0] == "importBatch" && row[3] == "50000" && row[4] == "large.csv", "\(row)")
                #expect(Int(row[1])! < 200, "the jsonb holds \(row[1]) bytes")
                #expect(Int(row[2])! > 50_000, "the attachment holds \(row[2]) bytes")

                let mine = try team.run(["export", "registrations", "--database", team.url("ada")], home: "ada")
                let theirs = try team.run(["export", "registrations", "--database", team.url("vera")], home: "vera")
                #expect(theirs.status == 0, "\(theirs.stderr)")
                #expect(theirs.stdout.count > before.stdout.count && theirs.stdout.contains("R-9050000,"))
                #expect(theirs.stdout == mine.stdout)
                // The same rows as the file imported locally.
                #expect(try team.run(["import", "registrations", file.path, "--file", team.file.path, "--actor", "loader"]).status == 0)
                let local = try team.run(["export", "registrations", "--file", team.file.path])
                #expect(local.stdout == theirs.stdout)
            }
        }

        /// The server, not only the client, keeps the attachment to imports.
        @Test func anAttachmentBesideADecisionIsRefusedByTheServer() async throws {
            try await withTeam { team in
                try team.shareSample(extraRegistrations: Team.pendingRegistrations(1))
                try team.addMembers(["ben"], to: "manager")
                let smuggled = try team.cluster.sqlResult("""
                    SELECT * FROM channeldesk.append(gen_random_uuid(), 0, '{"kind":"approve","registrationID":"R-9000001"}', '\\x00'::bytea)
                    """, database: team.database, user: "ben")
                #expect(smuggled.status != 0 && smuggled.stderr.contains("an attachment may only carry an import's rows"), "\(smuggled.stderr)")
                #expect(try team.cluster.psql("SELECT count(*) FROM channeldesk.actions", database: team.database) == "0")

                // An import with its attachment keeps the append's checks: the role, the exact log
                // position (the share's 10 imports end at #10), and the idempotency key.
                try team.addMembers(["ada"], to: "admin")
                func append(_ expected: Int, as user: String) throws -> String {
                    try team.cluster.psql("""
                        SELECT status || ' ' || seq FROM channeldesk.append('6f1c1b7e-0000-4000-8000-000000000001', \(expected),
                          '{"kind":"importBatch","source":"x.csv","recordKind":"partners","rows":0}', '\\x00'::bytea)
                        """, database: team.database, user: user)
                }
                #expect(throws: (any Error).self) { try append(10, as: "ben") }
                #expect(try append(9, as: "ada") == "stale 10")
                #expect(try append(10, as: "ada") == "appended 11")
                #expect(try append(10, as: "ada") == "duplicate 11")
                #expect(try team.cluster.psql("SELECT count(*) FROM channeldesk.actions", database: team.database) == "1")
            }
        }
    }
}
