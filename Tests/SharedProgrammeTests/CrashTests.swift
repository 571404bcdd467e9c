import ChannelShared
import Foundation
import Glibc
import Testing

/// Clients killed mid-append and a server that dies mid-stream: no acknowledged action is lost, none
/// is applied twice, and every cache left behind catches up.
extension PostgresSuite {
    @Suite
    struct CrashTests {
        @Test func aRetryUnderTheSameKeyIsAnsweredWithTheFirstAppend() async throws {
            try await withTeam { team in
                try team.shareSample(extraRegistrations: Team.pendingRegistrations(1))
                try team.addMembers(["ben"], to: "manager")
                let call = "SELECT status || ' ' || seq FROM channeldesk.append('6f1c2a52-0000-4000-8000-000000000001', 0, '{\"kind\":\"approve\",\"registrationID\":\"R-9000001\"}')"
                let head = try team.cluster.psql("SELECT seq FROM channeldesk.head", database: team.database)
                let call1 = call.replacingOccurrences(of: ", 0,", with: ", \(head),")
                #expect(try team.cluster.psql(call1, database: team.database, user: "ben") == "appended \(Int(head)! + 1)")
                #expect(try team.cluster.psql(call1, database: team.database, user: "ben") == "duplicate \(Int(head)! + 1)")
                #expect(try team.cluster.psql("SELECT count(*) FROM channeldesk.actions", database: team.database) == "1")
                // The CLI then finds it decided, and says by whom.
                let again = try team.run(["approve", "R-9000001", "--database", team.url("ben")], home: "ben")
                #expect(again.status != 0 && again.stderr.contains("ben approved R-9000001 at"), "\(again.stderr)")
            }
        }

        @Test func killedClientsAndAnImmediateServerRestartLoseNothingAcknowledged() async throws {
            let count = 48
            try await withTeam { team in
                try team.shareSample(extraRegistrations: Team.pendingRegistrations(count))
                try team.addMembers(["k0", "k1", "k2", "k3"], to: "manager")
                let acknowledged = Collected<String>()
                let killed = Collected<String>()
                let ids = Team.ids(count)
                // Four clients work through their own registrations; every third one is killed with SIGKILL
                // at a random moment of its run — connecting, catching up, appending or writing its cache.
                try runConcurrently(4) { client in
                    var generator = SeededGenerator(seed: UInt64(client + 11))
                    for (index, id) in ids.enumerated() where index % 4 == client {
                        let process = try team.start(["approve", id, "--database", team.url("k\(client)")], home: "k\(client)")
                        if index % 3 == 0 {
                            // Fault injection, not synchronisation: the kill lands wherever the client is.
                            usleep(UInt32.random(in: 0...400_000, using: &generator))
                            process.kill(SIGKILL)
                        }
                        let result = process.wait()
                        if result.status == 128 + SIGKILL { killed.append(id) }
                        if result.status == 0 && result.stdout.hasPrefix("Approved \(id)") { acknowledged.append(id) }
                    }
                }
                // A restart without a checkpoint while a second stream of decisions is in flight.
                let restartIDs = Collected<String>()
                try runConcurrently(2) { client in
                    if client == 1 {
                        try team.cluster.restartImmediately()
                        return
                    }
                    for id in ids where !acknowledged.values.contains(id) {
                        let result = try team.run(["approve", id, "--database", team.url("k0")], home: "k0")
                        if result.status == 0 && result.stdout.hasPrefix("Approved \(id)") { restartIDs.append(id) }
                    }
                }
                // The test has teeth only if some clients really died mid-run and others got through.
                #expect(!killed.values.isEmpty && acknowledged.values.count >= count / 2, "killed \(killed.values.count), acknowledged \(acknowledged.values.count)")
                let logged = try team.cluster.psql("SELECT payload->>'registrationID' FROM channeldesk.actions ORDER BY seq", database: team.database)
                    .split(separator: "\n").map(String.init)
                #expect(Set(logged).count == logged.count, "an action was applied twice: \(logged)")
                for id in acknowledged.values + restartIDs.values {
                    #expect(logged.contains(id), "\(id) was acknowledged but is not in the log")
                }
                #expect(try team.cluster.psql("SELECT count(DISTINCT idempotency_key) = count(*) FROM channeldesk.actions", database: team.database) == "t")
                // Every client's cache — some cut short by the kill — agrees with the log, as does a new one.
                for home in ["k0", "k1", "k2", "k3", "fresh"] {
                    let queue = try team.run(["export", "registrations", "--format", "json", "--database", team.url("k0")], home: home)
                    let rows = try #require(try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [[String: Any]], "\(home): \(queue.stderr)")
                    let approved = Set(rows.filter { ($0["status"] as? String) == "approved" }.compactMap { $0["registrationId"] as? String }
                        .filter { $0.hasPrefix("R-9") })
                    #expect(approved == Set(logged), "\(home)'s copy disagrees with the log")
                }
            }
        }
    }
}

extension Team {
    /// Starts `channeldesk ARGS` without waiting, so a test can kill it.
    func start(_ arguments: [String], home: String) throws -> Child {
        let home = directory.appendingPathComponent("home-\(home)").path
        return try Child([Team.binary.path] + arguments, directory: directory.path,
                         environment: ["HOME": home, "XDG_CACHE_HOME": home + "/cache", "TZ": "UTC", "CHANNELDESK_DATABASE": ""])
    }
}
