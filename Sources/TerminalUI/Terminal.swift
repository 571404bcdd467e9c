/// Where frames are shown and events come from. The app renders a `Screen` and hands it to `draw`; the
/// terminal works out what to repaint. `CursesTerminal` is the real one, `TestTerminal` the scripted one.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Takes over the terminal (full screen, no echo, keys unbuffered).
    func start() throws
    /// Gives the terminal back as it was. Safe to call more than once.
    func stop()
    /// Shows `screen`, repainting only what changed since the last frame.
    func draw(_ screen: Screen)
    /// The next event, or nil when none arrives within the timeout (a negative timeout waits forever).
    func nextEvent(timeoutMilliseconds: Int) -> Event?
    /// Puts `text` on the user's clipboard (OSC 52: the terminal, tmux or an SSH client's terminal does it).
    func copyToClipboard(_ text: String)
}

extension Terminal {
    /// Every event already waiting, read without blocking: what was typed while the app could not
    /// show anything (loading), so that it can be dropped rather than acted on blind.
    public func pendingEvents() -> [Event] {
        var events: [Event] = []
        while let event = nextEvent(timeoutMilliseconds: 0) { events.append(event) }
        return events
    }
}
