import Foundation

/// Rows too large to build inside one keystroke, built off the console's loop while the screen says
/// what it is gathering; the loop draws again when one is done.
///
/// A partner can hold a quarter of a million registrations: its detail takes ~0.5 s to gather, and a
/// console that blocks for that long on Enter is a console that drops the next keys on the floor.
/// Only the runtime has one; without it (reducer tests, snapshots) everything is built in place.
public final class BackgroundWork: @unchecked Sendable {
    private let lock = NSLock()
    private let idle = NSCondition()
    private var running = 0
    private var finishedSinceAsked = false
    /// Work that waits for `release` (tests hold it, to see the screen while a detail is gathered).
    private var held: [@Sendable () -> Void]?

    /// - Parameter holding: keep the work until `release` instead of starting it at once.
    public init(holding: Bool = false) { held = holding ? [] : nil }

    /// Runs `work` on another thread.
    func start(_ work: @escaping @Sendable () -> Void) {
        lock.lock()
        running += 1
        if held != nil {
            held!.append(work)
            lock.unlock()
            return
        }
        lock.unlock()
        run(work)
    }

    /// Starts the work held so far, and from now on all work at once.
    package func release() {
        lock.lock()
        let work = held ?? []
        held = nil
        lock.unlock()
        work.forEach(run)
    }

    private func run(_ work: @escaping @Sendable () -> Void) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            work()
            lock.lock()
            running -= 1
            finishedSinceAsked = true
            lock.unlock()
            idle.lock()
            idle.broadcast()
            idle.unlock()
        }
    }

    /// Whether a build is still running: the loop then looks back soon instead of waiting for a key.
    public var isBusy: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running > 0
    }

    /// Whether a build finished since the last time this was asked: the screen is worth drawing again.
    public func takeFinished() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let finished = finishedSinceAsked
        finishedSinceAsked = false
        return finished
    }

    /// Blocks until nothing is running (the benchmark and tests, which measure what comes after).
    public func waitUntilIdle() {
        idle.lock()
        while isBusy { idle.wait(until: Date().addingTimeInterval(0.05)) }
        idle.unlock()
    }
}

extension BackgroundWork: Equatable {
    /// Where work runs takes no part in what the data is.
    public static func == (_: BackgroundWork, _: BackgroundWork) -> Bool { true }
}
