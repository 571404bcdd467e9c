import ChannelShared
import Foundation
import Testing

/// The harness itself: a cluster starts, answers, and is gone afterwards.
extension PostgresSuite {
    @Suite
    struct TestClusterTests {
        @Test func aThrowawayClusterAnswersAndIsRemoved() async throws {
            let folder = try await TestCluster.with { cluster throws -> URL in
                let answer = try cluster.psql("SELECT current_user || ' ' || host(inet_server_addr())")
                #expect(answer == "postgres 127.0.0.1")
                return cluster.directory
            }
            #expect(!FileManager.default.fileExists(atPath: folder.path))
        }
    }
}

/// Every suite that starts a cluster runs inside this one, one at a time: each starts a server and
/// many processes, the machine has few cores, and the live-update tests time a one-second promise
/// that a neighbour's burst of work must not break.
@Suite(.serialized, .enabled(if: TestCluster.shouldRun, TestCluster.skipMessage))
struct PostgresSuite {}
