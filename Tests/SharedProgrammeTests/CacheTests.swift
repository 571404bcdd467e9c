import ChannelShared
import ChannelStore
import Foundation
import Testing

/// The local copy is only a copy: a busy one is worked around, one of another programme is rebuilt.
extension PostgresSuite {
    @Suite
    struct CacheTests {
        @Test func aCopyHeldByAnotherChanneldeskIsReadInMemoryAndDecisionsStillLand() async throws {
            try await withTeam { team in
                try team.shareSample(extraRegistrations: Team.pendingRegistrations(2))
                #expect(try team.run(["queue", "--database", team.url()]).status == 0)
                let cache = team.directory.appendingPathComponent("home-owner/cache/channeldesk")
                let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasSuffix(".cdesk") })
                // As a console on this machine would: hold the copy's writer lock for the whole test.
                let lock = try FileLock.acquire(for: cache.appendingPathComponent(name))
                defer { lock.release() }
                let approved = try team.run(["approve", "R-9000001", "--database", team.url()])
                #expect(approved.status == 0 && approved.stdout.hasPrefix("Approved R-9000001"), "\(approved.stderr)")
                // As of today: the approval happened now, so as of an earlier day it was still queued.
                let queue = try team.run(["queue", "--format", "json", "--database", team.url()])
                let queued = try #require(try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [[String: Any]], "\(queue.stderr)")
                let ids = Set(queued.compactMap { $0["registrationId"] as? String })
                #expect(!ids.contains("R-9000001") && ids.contains("R-9000002"))
            }
        }

        @Test func aCopyOfAProgrammeSharedAgainIsRebuilt() async throws {
            try await withTeam { team in
                try team.shareSample()
                let first = try team.run(["queue", "--as-of", "2026-09-30", "--database", team.url()])
                #expect(first.status == 0 && !first.stdout.contains("R-9000001"))
                try team.cluster.psql("DROP SCHEMA channeldesk CASCADE", database: team.database)
                let csv = team.directory.appendingPathComponent("more.csv")
                try Data(Team.pendingRegistrations(1).utf8).write(to: csv)
                #expect(try team.run(["import", "registrations", csv.path, "--file", team.file.path, "--actor", "loader"]).status == 0)
                #expect(try team.run(["share", team.url(), "--file", team.file.path]).status == 0)
                let second = try team.run(["queue", "--as-of", "2026-09-30", "--database", team.url()])
                #expect(second.status == 0 && second.stdout.contains("R-9000001"), "\(second.stderr)")
            }
        }
    }
}
