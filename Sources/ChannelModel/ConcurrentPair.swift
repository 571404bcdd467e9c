import Dispatch

/// Two independent computations run on two cores at once, for the few load steps whose cost is worth
/// it (building the registration and deal id indexes of a million-row programme).
struct ConcurrentPair<First: Sendable, Second: Sendable> {
    let first: First
    let second: Second

    init(_ first: @Sendable () -> First, second: @Sendable () -> Second) {
        let slots = Slots<First, Second>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { slots.first = first() } else { slots.second = second() }
        }
        self.first = slots.first!
        self.second = slots.second!
    }

    /// Each slot is written by exactly one iteration and read after both finished.
    private final class Slots<A, B>: @unchecked Sendable {
        var first: A?
        var second: B?
    }
}
