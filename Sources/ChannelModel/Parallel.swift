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

    /// `body` over contiguous parts of `0..<count`, one per core (one part below `serialBelow`), the
    /// parts' results in order: for a scan whose per-part results are joined afterwards.
    package static func parts<Part>(of count: Int, serialBelow: Int, _ body: @Sendable (Range<Int>) -> Part) -> [Part] {
        let parts = count < serialBelow ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        return map(count: parts) { part in body(count * part / parts..<count * (part + 1) / parts) }
    }

    /// `first` and `second` at once, on two threads: for two unlike pieces of work of about one size.
    package static func both<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        nonisolated(unsafe) var a: A?
        nonisolated(unsafe) var b: B?
        // Each iteration writes only its own variable; concurrentPerform returns after both.
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a = first() } else { b = second() }
        }
        return (a!, b!)
    }
}
