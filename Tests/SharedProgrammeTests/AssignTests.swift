import Foundation
import Testing

/// `assign PARTNER ROLE` on a shared programme: an administrator's work, refused to a manager by the
/// database itself (not only by the client), and what every member's copy then shows.
extension PostgresSuite {
    @Suite
    struct AssignTests {
        @Test func aManagerIsRefusedByTheDatabaseAndAnAdminAssigns() async throws {
            try await withTeam { team in
                try team.shareSample()
                try team.addMembers(["ben"], to: "manager")
                try team.addMembers(["lead"], to: "admin")
                let refused = try team.run(["assign", "P-00001", "ben", "--database", team.url("ben")], home: "ben")
                #expect(refused.status != 0)
                #expect(refused.stderr.contains("role ben may not assignOwner") && refused.stderr.contains("GRANT channeldesk_admin TO ben;"),
                        "\(refused.stderr)")
                // Calling the function by hand is refused just the same, for the assignment and for its undo.
                for payload in [#"{"kind":"assignOwner","partnerID":"P-00001","owner":"ben"}"#,
                                #"{"kind":"restoreOwner","partnerID":"P-00001","owner":"ben","undoing":1}"#] {
                    let direct = try team.cluster.sqlResult("SELECT * FROM channeldesk.append(gen_random_uuid(), 0, '\(payload)')",
                                                            database: team.database, user: "ben")
                    #expect(direct.status != 0 && direct.stderr.contains("role ben may not"), "\(direct.stderr)")
                }
                #expect(try team.cluster.psql("SELECT count(*) FROM channeldesk.actions", database: team.database) == "0")

                let assigned = try team.run(["assign", "P-00001", "ben", "--database", team.url("lead")], home: "lead")
                #expect(assigned.status == 0 && assigned.stdout == "Müller & Söhne GmbH is now owned by ben (was kenji.sato)\n", "\(assigned.stderr)")
                #expect(try team.cluster.psql("SELECT actor || ' ' || kind || ' ' || array_to_string(subjects, ',') FROM channeldesk.actions",
                                              database: team.database) == "lead assignOwner *")
                // Ben's own copy catches up and shows him as the owner.
                let partners = try team.run(["export", "partners", "--format", "csv", "--database", team.url("ben")], home: "ben")
                #expect(partners.status == 0 && partners.stdout.contains("P-00001,Müller & Söhne GmbH,") && partners.stdout.contains(",ben,"),
                        "\(partners.stderr)")
                let unknown = try team.run(["assign", "P-99999", "ben", "--database", team.url("lead")], home: "lead")
                #expect(unknown.status != 0 && unknown.stderr.contains("there is no partner P-99999"), "\(unknown.stderr)")
            }
        }
    }
}
