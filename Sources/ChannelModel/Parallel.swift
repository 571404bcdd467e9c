import Dispatch
import Foundation

/// A `map` over `0..<count` on every core, for the few steps whose cost is worth it: the demo's
/// million rows, the snapshot's column checksums, the two big id indexes at open.
/// The result is the same as a sequential `map`: every index is written exactly once, by `make`.
package enum Parallel {
    /// - Parameter serialBelow: below this many items one thread is faster than waking the others
    ///   (cheap items, such as demo rows); coarse items (a checksum chunk, an index) pass 0.
    package static func map<Item>(count: Int, serialBelow: Int = 0, _ make: @Sendable (Int) -> Item) -> [Item] {
        guard count > 1, count >= serialBelow else { return (0..<count).map(make) }
        let chunks = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        return [Item](unsafeUninitializedCapacity: count) { buffer, initialized in
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
