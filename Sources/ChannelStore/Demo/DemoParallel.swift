import Dispatch
import Foundation

/// Builds large row arrays on every core.
///
/// Turning a million plans into `Registration`s is the demo's most expensive step (each row derives
/// its registrable domain), and each row depends only on its own plan, so the work splits cleanly.
/// The result is the same as a sequential `map`: every index is written exactly once, by `make`.
enum DemoParallel {
    /// Below this many rows a single thread is faster than waking the others.
    static let threshold = 50_000

    static func rows<Row>(count: Int, _ make: @Sendable (Int) -> Row) -> [Row] {
        guard count >= threshold else { return (0..<count).map(make) }
        let chunks = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return [Row](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each chunk writes its own disjoint slice, so sharing the base pointer is safe.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in count * chunk / chunks..<count * (chunk + 1) / chunks {
                    (base + index).initialize(to: make(index))
                }
            }
            initialized = count
        }
    }
}
