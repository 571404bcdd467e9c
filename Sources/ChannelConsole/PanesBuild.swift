import Foundation

/// The panes behind the queue, built off the console's loop after the first frame: the queue is what
/// a manager opens the console for, and at 10M registrations the partners, tiers and figures take
/// seconds. The runtime adopts the result only if the programme did not change meanwhile; else it
/// builds again from the data it then holds.
final class PanesBuild: @unchecked Sendable {
    /// How many changes the runtime had made when the build started.
    let generation: Int
    private let lock = NSLock()
    private var built: ConsoleData?

    /// Starts building `data`'s panes on `background`.
    init(_ data: ConsoleData, generation: Int, on background: BackgroundWork) {
        self.generation = generation
        background.start { [self] in
            var full = data
            full.buildPanes()
            lock.withLock { built = full }
        }
    }

    /// The data with every pane, once built (then nil again).
    func take() -> ConsoleData? {
        lock.withLock {
            defer { built = nil }
            return built
        }
    }
}
