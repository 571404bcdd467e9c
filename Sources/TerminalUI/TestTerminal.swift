/// An in-memory `Terminal` for tests: events are scripted up front and every drawn frame is recorded,
/// so an app's whole loop can run (and be asserted on) without a tty.
public final class TestTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    /// Events still to be returned by `nextEvent`, first first.
    public var events: [Event]
    /// Every screen passed to `draw`, in order.
    public private(set) var frames: [Screen] = []
    public private(set) var isStarted = false
    public private(set) var startCount = 0
    public private(set) var stopCount = 0

    public init(width: Int = 80, height: Int = 24, events: [Event] = []) {
        size = (width, height)
        self.events = events
    }

    public var lastFrame: Screen? { frames.last }

    public func start() throws {
        isStarted = true
        startCount += 1
    }

    public func stop() {
        guard isStarted else { return }
        isStarted = false
        stopCount += 1
    }

    public func draw(_ screen: Screen) {
        frames.append(screen)
    }

    /// The next scripted event, or nil when the script is exhausted (the timeout is not waited for).
    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        events.isEmpty ? nil : events.removeFirst()
    }

    /// What `copyToClipboard` was given, in order.
    public private(set) var copied: [String] = []

    public func copyToClipboard(_ text: String) { copied.append(text) }

    public func enqueue(_ event: Event) {
        events.append(event)
    }

    public func enqueue(_ keys: Key...) {
        events += keys.map(Event.key)
    }

    /// Enqueues each character of `text` as a key press (newlines as Enter).
    public func type(_ text: String) {
        events += text.map { $0 == "\n" ? .key(.enter) : .key(.char($0)) }
    }

    /// Changes the size and enqueues the matching resize event, as a real terminal would.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        events.append(.resize(width: width, height: height))
    }
}
