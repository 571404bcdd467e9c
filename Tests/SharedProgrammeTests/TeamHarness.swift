import ChannelShared
import Foundation
import Testing

/// A channel team on a throwaway cluster: a scratch folder with a local programme, a database to
/// share it into, and login roles for the team, driven through the built `channeldesk` binary.
struct Team {
    let cluster: TestCluster
    let directory: URL
    let database: String
    var file: URL { directory.appendingPathComponent("programme.cdesk") }

    init(cluster: TestCluster, database: String = "channel") throws {
        self.cluster = cluster
        self.database = database
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("channeldesk-team-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try cluster.psql("CREATE DATABASE \(database)")
    }

    func url(_ user: String = "postgres") -> String { cluster.url(database: database, user: user) }

    /// Login roles in a group role (viewer, manager or admin).
    func addMembers(_ names: [String], to group: String) throws {
        for name in names {
            try cluster.psql("CREATE ROLE \(name) LOGIN; GRANT channeldesk_\(group) TO \(name);", database: database)
        }
    }

    /// Runs `channeldesk ARGS`; each user has a home (and so a cache) of their own, as on their own machine.
    @discardableResult
    func run(_ arguments: [String], home: String = "owner", environment: [String: String] = [:], input: String? = nil) throws -> Shell.Result {
        let home = directory.appendingPathComponent("home-\(home)").path
        var env = ["HOME": home, "XDG_CACHE_HOME": home + "/cache", "XDG_DATA_HOME": home + "/data", "TZ": "UTC",
                   "USER": "unix-user", "CHANNELDESK_DATABASE": "", "CHANNELDESK_FILE": ""]
        for (key, value) in environment { env[key] = value }
        return try Shell.run([Team.binary.path] + arguments, directory: directory.path, environment: env, input: input)
    }

    /// Imports the sample programme into the local file, in dependency order.
    func importSample(extraRegistrations: String? = nil) throws {
        // MDF requests before registrations: a registration's mdf_request_id must name a known request.
        for kind in ["partners", "mdf-requests", "mdf-allocations", "registrations", "deals", "investments", "nps", "direct-accounts", "enablement"] {
            let csv = Team.sample.appendingPathComponent(kind.replacingOccurrences(of: "-", with: "_") + ".csv")
            let result = try run(["import", kind, csv.path, "--file", file.path, "--actor", "loader"])
            try #require(result.status == 0, "import \(kind): \(result.stderr)")
        }
        if let extraRegistrations {
            let csv = directory.appendingPathComponent("extra-registrations.csv")
            try Data(extraRegistrations.utf8).write(to: csv)
            let result = try run(["import", "registrations", csv.path, "--file", file.path, "--actor", "loader"])
            try #require(result.status == 0, "import extra registrations: \(result.stderr)")
        }
    }

    /// Imports the sample and shares it as the superuser.
    func shareSample(extraRegistrations: String? = nil) throws {
        try importSample(extraRegistrations: extraRegistrations)
        let shared = try run(["share", url(), "--file", file.path])
        try #require(shared.status == 0, "share: \(shared.stderr)")
    }

    /// `count` pending registrations R-9000001… of sample partners, submitted recently.
    static func pendingRegistrations(_ count: Int, submitted: String = "2026-09-28T09:00:00Z") -> String {
        var csv = "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until,mdf_request_id\n"
        for index in 1...count {
            let partner = String(format: "P-%05d", index % 40 + 1)
            csv += String(format: "R-9%06d", index) + ",\(partner),Racing Prospect \(index) Ltd,racing\(index).com,1000.00,\(submitted),pending,,,\n"
        }
        return csv
    }

    static func ids(_ count: Int) -> [String] { (1...count).map { String(format: "R-9%06d", $0) } }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static let sample = packageRoot.appendingPathComponent("Tests/Fixtures/sample")

    static let binary: URL = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("channeldesk"),
            Bundle.main.bundleURL.appendingPathComponent("channeldesk"),
            packageRoot.appendingPathComponent(".build/debug/channeldesk"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()
}

/// Runs `body` with a team whose cluster and folder are removed afterwards.
func withTeam<T>(_ body: (Team) async throws -> T) async throws -> T {
    try await TestCluster.with { cluster in
        let team = try Team(cluster: cluster)
        defer { team.remove() }
        return try await body(team)
    }
}
