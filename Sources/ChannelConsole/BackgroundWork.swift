import Foundation

/// Rows too large to build inside one keystroke, built off the console's loop while the screen says
/// what it is gathering; the loop draws again when one is done.
///
/// A partner can hold a quarter of a million registrations: its detail takes ~0.5 s to gather, and a
/// console that blocks for that long on Enter is a console that drops the next keys on the floor.
/// Only the runtime has one; without it (reducer tests, snapshots) everything is built in place.
public final class BackgroundWork: @unchecked Sendable {
    /// Guards the counts below, and wakes `waitUntilIdle` when the last build finishes.
    private let state = NSCondition()
    private var running = 0
    private var finishedSinceAsked = false
    /// Work that waits for `release` (tests hold it, to see the screen while a detail is gathered).
    private var held: [@Sendable () -> Void]?

    /// - Parameter holding: keep the work until `release` instead of starting it at once.
    public init(holding: Bool = false) { held = holding ? [] : nil }

    /// Runs `work` on another thread.
    func start(_ work: @escaping @Sendable () -> Void) {
        let now: Bool = state.withLock {
            running += 1
            guard held != nil else { return true }
            held!.append(work)
            return false
        }
        if now { run(work) }
    }

    /// Starts the work held so far, and from now on all work at once.
    package func release() {
        let work = state.withLock {
            defer { held = nil }
            return held ?? []
        }
        work.forEach(run)
    }

    private func run(_ work: @escaping @Sendable () -> Void) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            work()
            state.withLock {
                running -= 1
                finishedSinceAsked = true
                state.broadcast()
            }
        }
    }

    /// Whether a build is still running: the loop then looks back soon instead of waiting for a key.
    public var isBusy: Bool { state.withLock { running > 0 } }

    /// Whether a build finished since the last time this was asked: the screen is worth drawing again.
    public func takeFinished() -> Bool {
        state.withLock {
            defer { finishedSinceAsked = false }
            return finishedSinceAsked
        }
    }

    /// Blocks until nothing is running (the benchmark and tests, which measure what comes after).
    public func waitUntilIdle() {
        state.withLock { while running > 0 { state.wait() } }
    }
}

extension BackgroundWork: Equatable {
    /// Where work runs takes no part in what the data is.
    public static func == (_: BackgroundWork, _: BackgroundWork) -> Bool { true }
}
