import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// The writer's housekeeping on open.
@Suite struct ProgrammeStoreTests {
    @Test func openingRemovesSnapshotsAbandonedByAKilledWriter() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = ProgrammeLocation(url: directory.appendingPathComponent("p.cdesk"))
        try ProgrammeStore(opening: location, create: true).close()
        let abandoned = directory.appendingPathComponent(".p.cdesk.tmp-4242-17")
        let unrelated = directory.appendingPathComponent(".other.cdesk.tmp-1-1")
        for url in [abandoned, unrelated] { try Data("half a snapshot".utf8).write(to: url) }
        let store = try ProgrammeStore(opening: location)
        store.close()
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(FileManager.default.fileExists(atPath: unrelated.path))
    }
}

/// A snapshot whose stored policy is broken is reported as damaged, not loaded into a crash later.
@Suite struct SnapshotPolicyTests {
    @Test func aBrokenStoredPolicyIsDamage() throws {
        var policy = try Policy.bundledDefault()
        policy.tiers = []
        let data = try SnapshotCodec.encode(Programme(policy: policy), generation: 1, lastSeq: 0, savedAt: Date(timeIntervalSince1970: 0))
        #expect(throws: SnapshotError(.damaged(detail: "its policy is not valid: the policy has no tiers"))) {
            try SnapshotCodec.decode(data)
        }
    }
}
