import ChannelModel
import ChannelShared
import ChannelStore
import Foundation
import Testing

/// The console's session: another member's decision reaches it through LISTEN/NOTIFY within a
/// second, and its own late decision is refused with the winner's name.
extension PostgresSuite {
    @Suite
    struct SessionTests {
        @Test func anotherMembersDecisionReachesAnOpenSessionWithinASecond() async throws {
            try await withTeam { team in
                try team.shareSample(extraRegistrations: Team.pendingRegistrations(2))
                try team.addMembers(["ann", "ben"], to: "manager")
                let home = team.directory.appendingPathComponent("home-ann").path
                let session = try SharedSession(try DatabaseURL(team.url("ann")), environment: ["HOME": home, "XDG_CACHE_HOME": home + "/cache"])
                defer { session.close() }
                // The listener announces itself once it is listening: then every append will wake it.
                try waitFor(seconds: 10) { session.hasNews }
                try session.catchUp()
                #expect(!session.hasNews)

                let approved = try team.run(["approve", "R-9000001", "--database", team.url("ben")], home: "ben")
                try #require(approved.status == 0, "\(approved.stderr)")
                let acknowledged = Date()
                try waitFor(seconds: 5) { session.hasNews }
                let lag = Date().timeIntervalSince(acknowledged)
                #expect(lag < 1, "the decision took \(lag) s to reach the session")
                #expect(try session.catchUp())
                #expect(session.store.programme.registration("R-9000001")?.status == .approved)

                #expect { try session.perform(.reject(registrationID: "R-9000001", reason: "late")) } throws: { error in
                    "\(error)".contains("ben approved R-9000001 at")
                }
                let mine = try session.perform(.approve(registrationID: "R-9000002"))
                #expect(mine.message.hasPrefix("Approved R-9000002"))
                #expect(try team.cluster.psql("SELECT string_agg(actor, ',' ORDER BY seq) FROM channeldesk.actions", database: team.database) == "ben,ann")
            }
        }
    }
}

extension PostgresSuite.SessionTests {
    @Test func withTheServerGoneTheSessionIsReadOnlyAndSaysSinceWhen() async throws {
        try await withTeam { team in
            try team.shareSample(extraRegistrations: Team.pendingRegistrations(2))
            let home = team.directory.appendingPathComponent("home-owner").path
            let environment = ["HOME": home, "XDG_CACHE_HOME": home + "/cache"]
            #expect(try team.run(["approve", "R-9000001", "--database", team.url()]).status == 0)
            team.cluster.stop()
            let session = try SharedSession(try DatabaseURL(team.url()), environment: environment)
            defer { session.close() }
            #expect(session.banner?.hasPrefix("read only — server unreachable since ") == true, "\(session.banner ?? "online?")")
            #expect(session.store.programme.registration("R-9000001")?.status == .approved)
            #expect { try session.perform(.approve(registrationID: "R-9000002")) } throws: { error in
                "\(error)".contains("read only — server unreachable since") && "\(error)".contains("nothing was changed")
            }
            #expect(session.store.programme.registration("R-9000002")?.status == .pending)
            // No copy at all: nothing to show, and it says so.
            #expect(throws: (any Error).self) { try SharedSession(try DatabaseURL(team.url()), environment: ["HOME": home, "XDG_CACHE_HOME": home + "/elsewhere"]) }
        }
    }
}

/// Polls `condition` until it holds (a wait for an event, not a fixed sleep), failing after `seconds`.
func waitFor(seconds: TimeInterval, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        guard Date() < deadline else { throw HarnessError("gave up after \(seconds) s") }
        usleep(10_000)
    }
}
