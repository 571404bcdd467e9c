import Foundation
import Testing

/// The harness itself: a cluster starts, answers, and is gone afterwards.
@Suite(.enabled(if: TestCluster.shouldRun, TestCluster.skipMessage))
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
