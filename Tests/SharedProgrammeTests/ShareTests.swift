import ChannelShared
import Foundation
import Testing

/// `channeldesk share` and reading a shared programme back: the same answers as the local file,
/// refusals that say what to do, and the database — not the client — deciding who may write.
extension PostgresSuite {
    @Suite
    struct ShareTests {
        @Test func sharedReportsEqualTheLocalFilesAndTheSchemaIsWhole() async throws {
            try await withTeam { team in
                try team.shareSample()
                for report in [["metrics", "--as-of", "2026-09-30", "--format", "json"], ["queue", "--as-of", "2026-09-27", "--format", "json"],
                               ["tiers", "--as-of", "2026-09-30", "--format", "json"], ["queue", "--as-of", "2026-09-27"]] {
                    let local = try team.run(report + ["--file", team.file.path])
                    let shared = try team.run(report + ["--database", team.url()])
                    #expect(local.status == 0 && shared.status == 0, "\(report): \(local.stderr) \(shared.stderr)")
                    #expect(shared.stdout == local.stdout, "\(report) differs between the file and the database")
                    #expect(!shared.stdout.isEmpty)
                }
                // The environment variable works as --database does, and the cache is where §9 puts it.
                let viaEnvironment = try team.run(["metrics", "--as-of", "2026-09-30", "--format", "json"],
                                                  environment: ["CHANNELDESK_DATABASE": team.url()])
                let fromFile = try team.run(["metrics", "--as-of", "2026-09-30", "--format", "json", "--file", team.file.path])
                #expect(viaEnvironment.status == 0 && viaEnvironment.stdout == fromFile.stdout)
                let cache = team.directory.appendingPathComponent("home-owner/cache/channeldesk")
                #expect(((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).contains { $0.hasSuffix(".cdesk") })
                #expect(try team.cluster.psql("SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles WHERE rolname LIKE 'channeldesk_%' AND NOT rolcanlogin", database: team.database)
                        == "channeldesk_admin,channeldesk_manager,channeldesk_viewer")
                let snapshot = try team.cluster.psql("SELECT length(data) FROM channeldesk.snapshot", database: team.database)
                #expect(Int(snapshot) == (try FileManager.default.attributesOfItem(atPath: team.file.path)[.size] as? Int))
                // SECURITY DEFINER with a pinned search_path, on every function.
                #expect(try team.cluster.psql("""
                    SELECT bool_and(prosecdef) FILTER (WHERE proname = 'append'), bool_and(proconfig::text LIKE '%search_path=pg_catalog, pg_temp%')
                    FROM pg_proc WHERE pronamespace = 'channeldesk'::regnamespace
                    """, database: team.database) == "t|t")
            }
        }

        @Test func shareRefusesADatabaseThatIsNotEmptyOrARoleWithoutPrivilege() async throws {
            try await withTeam { team in
                try team.importSample()
                try team.cluster.psql("CREATE TABLE public.crm_accounts (id int)", database: team.database)
                let busy = try team.run(["share", team.url(), "--file", team.file.path])
                #expect(busy.status != 0)
                #expect(busy.stderr.contains("is not empty (it holds public.crm_accounts)") && busy.stderr.contains("createdb"), "\(busy.stderr)")
                try team.cluster.psql("DROP TABLE public.crm_accounts", database: team.database)

                try team.cluster.psql("CREATE ROLE intern LOGIN")
                let unprivileged = try team.run(["share", team.url("intern"), "--file", team.file.path])
                #expect(unprivileged.status != 0)
                #expect(unprivileged.stderr.contains("intern may not create the schema and roles") && unprivileged.stderr.contains("ALTER ROLE intern CREATEROLE;"), "\(unprivileged.stderr)")

                #expect(try team.run(["share", team.url(), "--file", team.file.path]).status == 0)
                let again = try team.run(["share", team.url(), "--file", team.file.path])
                #expect(again.status != 0)
                #expect(again.stderr.contains("already holds a shared programme") && again.stderr.contains("--database"), "\(again.stderr)")

                let notShared = try team.run(["queue", "--database", team.cluster.url(database: "postgres")])
                #expect(notShared.status != 0 && notShared.stderr.contains("holds no shared programme"), "\(notShared.stderr)")
            }
        }

        @Test func aViewerIsRefusedByTheCLIAndByItsOwnSQL() async throws {
            try await withTeam { team in
                try team.shareSample(extraRegistrations: Team.pendingRegistrations(2))
                try team.addMembers(["vera"], to: "viewer")
                try team.addMembers(["ben"], to: "manager")
                let queue = try team.run(["queue", "--as-of", "2026-09-30", "--database", team.url("vera")], home: "vera")
                #expect(queue.status == 0 && queue.stdout.contains("R-9000001"), "\(queue.stderr)")

                let refused = try team.run(["approve", "R-9000001", "--database", team.url("vera")], home: "vera")
                #expect(refused.status != 0)
                #expect(refused.stderr.contains("role vera may not approve") && refused.stderr.contains("GRANT channeldesk_manager TO vera;"), "\(refused.stderr)")
                for role in ["vera", "ben"] {
                    for statement in ["INSERT INTO channeldesk.actions VALUES (999, gen_random_uuid(), 'x', now(), 'approve', '{}', '{}')",
                                      "UPDATE channeldesk.head SET seq = 0", "DELETE FROM channeldesk.snapshot",
                                      "INSERT INTO channeldesk.programme (format_version) VALUES (1)"] {
                        let direct = try team.cluster.sqlResult(statement, database: team.database, user: role)
                        #expect(direct.status != 0 && direct.stderr.contains("permission denied"), "\(role): \(statement): \(direct.stderr)")
                    }
                }
                // A manager may decide but not do an admin's work, even by calling the function by hand.
                let policy = try team.cluster.sqlResult("SELECT * FROM channeldesk.append(gen_random_uuid(), 0, '{\"kind\":\"setPolicy\"}')",
                                                        database: team.database, user: "ben")
                #expect(policy.status != 0 && policy.stderr.contains("role ben may not setPolicy"), "\(policy.stderr)")
                #expect(try team.cluster.psql("SELECT count(*) FROM channeldesk.actions", database: team.database) == "0")

                let claimed = try team.run(["approve", "R-9000001", "--actor", "boss", "--database", team.url("ben")], home: "ben")
                #expect(claimed.status != 0 && claimed.stderr.contains("--actor does not apply to a shared programme"), "\(claimed.stderr)")
                let approved = try team.run(["approve", "R-9000001", "--database", team.url("ben")], home: "ben")
                #expect(approved.status == 0 && approved.stdout.hasPrefix("Approved R-9000001"), "\(approved.stderr)")
                #expect(try team.cluster.psql("SELECT actor || ' ' || kind FROM channeldesk.actions", database: team.database) == "ben approve")
            }
        }

        @Test func idsAndReasonsWithQuotesAndSQLAreStoredAsText() async throws {
            let hostileID = #"R-9'); DROP TABLE channeldesk.actions; --"#
            let reason = #"O'Brien said "no"; DELETE FROM channeldesk.snapshot; -- $$ \'"#
            let extra = "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until,mdf_request_id\n"
                + "\"\(hostileID)\",P-00001,\"Bobby \"\"Tables\"\" Ltd\",bobby.example.com,10.00,2026-09-28T09:00:00Z,pending,,,\n"
            try await withTeam { team in
                try team.shareSample(extraRegistrations: extra)
                try team.addMembers(["ben"], to: "manager")
                let rejected = try team.run(["reject", hostileID, "--reason", reason, "--database", team.url("ben")], home: "ben")
                #expect(rejected.status == 0, "\(rejected.stderr)")
                #expect(try team.cluster.psql("SELECT payload->>'registrationID' FROM channeldesk.actions", database: team.database) == hostileID)
                #expect(try team.cluster.psql("SELECT payload->>'reason' FROM channeldesk.actions", database: team.database) == reason)
                #expect(try team.cluster.psql("SELECT count(*) FROM channeldesk.snapshot", database: team.database) == "1")
                let audit = try team.run(["export", "audit", "--format", "json", "--database", team.url("ben")], home: "other")
                #expect(audit.status == 0 && audit.stdout.contains("DROP TABLE channeldesk.actions"), "\(audit.stderr)")
            }
        }

        @Test func anUnreachableServerAnswersReportsFromTheCacheAndRefusesDecisions() async throws {
            try await withTeam { team in
                try team.shareSample(extraRegistrations: Team.pendingRegistrations(2))
                let before = try team.run(["queue", "--as-of", "2026-09-30", "--format", "json", "--database", team.url()])
                #expect(before.status == 0, "\(before.stderr)")
                team.cluster.stop()
                let offline = try team.run(["queue", "--as-of", "2026-09-30", "--format", "json", "--database", team.url()])
                #expect(offline.status == 0 && offline.stdout == before.stdout, "\(offline.stderr)")
                #expect(offline.stderr.contains("cannot be reached") && offline.stderr.contains("answering from the local copy"), "\(offline.stderr)")
                let decision = try team.run(["approve", "R-9000001", "--database", team.url()])
                #expect(decision.status != 0 && decision.stderr.contains("cannot be reached"), "\(decision.stderr)")
                let noCache = try team.run(["queue", "--database", team.url()], home: "newcomer")
                #expect(noCache.status != 0 && noCache.stderr.contains("cannot be reached"), "\(noCache.stderr)")
                // An import needs the server as a decision does: refused, never written to the copy alone.
                let csv = Team.sample.appendingPathComponent("partners.csv").path
                let importing = try team.run(["import", "partners", csv, "--database", team.url()])
                #expect(importing.status != 0 && importing.stderr.contains("cannot be reached"), "\(importing.stderr)")
                let compacting = try team.run(["compact", "--database", team.url()])
                #expect(compacting.status != 0 && compacting.stderr.contains("compact works on a local programme file"), "\(compacting.stderr)")
                let both = try team.run(["queue", "--file", team.file.path, "--database", team.url()])
                #expect(both.status != 0 && both.stderr.contains("either --file"), "\(both.stderr)")
            }
        }
    }
}
