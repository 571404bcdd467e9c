import Foundation

/// Files bundled with ChannelDesk (DESIGN.md §1 `Resources/`), read once at start.
public enum ChannelResources {
    /// The default programme policy as JSON (DESIGN.md §2).
    public static func defaultPolicyJSON() throws -> Data {
        guard let url = Bundle.module.url(forResource: "default-policy", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}
