import ChannelShared
import Foundation
import Testing

/// The tests' name for the cluster starter they share with the benchmark (ChannelShared).
typealias TestCluster = ThrowawayCluster
typealias HarnessError = CommandFailure

extension ThrowawayCluster {
    /// Run the tests when the server is installed, and always in CI: a CI machine without it must fail
    /// loudly, not pass by skipping everything.
    static var shouldRun: Bool { binDirectory != nil || ProcessInfo.processInfo.environment["CI"] != nil }
    static let skipMessage: Comment = "PostgreSQL's server binaries are missing (no /usr/lib/postgresql/*/bin/initdb): run scripts/setup.sh, which installs postgresql, to run the shared-programme tests"
}
