import ChannelModel

/// Builds large row arrays on every core.
///
/// Turning a million plans into `Registration`s is the demo's most expensive step (each row derives
/// its registrable domain), and each row depends only on its own plan, so the work splits cleanly.
enum DemoParallel {
    /// Below this many rows a single thread is faster than waking the others.
    static let threshold = 50_000

    static func rows<Row>(count: Int, _ make: @Sendable (Int) -> Row) -> [Row] {
        Parallel.map(count: count, serialBelow: threshold, make)
    }
}
