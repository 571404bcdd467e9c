import Foundation

/// Stand-in for the `ChannelResources` target when the fuzz targets are built with plain swiftc:
/// `Bundle.module` only exists in a SwiftPM build, so the default policy is read from the file named by
/// `FUZZ_POLICY_JSON` (set by `Fuzz/run.sh`), else from `Resources/default-policy.json` under the
/// working directory.
public enum ChannelResources {
    public static func defaultPolicyJSON() throws -> Data {
        let path = ProcessInfo.processInfo.environment["FUZZ_POLICY_JSON"] ?? "Resources/default-policy.json"
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
