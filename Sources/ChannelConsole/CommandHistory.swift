import Foundation

/// The `:` lines submitted this session, walked with ↑/↓ newest first as in a shell: ↓ past the newest
/// gives back what was being typed. Bounded, and a line equal to the one before it is kept once.
public struct CommandHistory: Sendable, Equatable {
    public static let limit = 100

    /// Oldest first.
    public private(set) var lines: [String] = []
    /// The line ↑/↓ shows now, counted back from the newest (0); nil while editing one's own line.
    var position: Int?
    /// What was typed before the first ↑.
    var draft = ""

    public init(lines: [String] = []) { self.lines = Array(lines.suffix(Self.limit)) }

    /// Keeps a submitted line (blank ones are not worth recalling) and ends any walk.
    mutating func record(_ line: String) {
        stopWalking()
        let line = line.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty, line != lines.last else { return }
        lines.append(line)
        if lines.count > Self.limit { lines.removeFirst(lines.count - Self.limit) }
    }

    /// ↑: the next older line, remembering `typed` on the first step; nil at the oldest.
    mutating func older(than typed: String) -> String? {
        let next = (position ?? -1) + 1
        guard next < lines.count else { return nil }
        if position == nil { draft = typed }
        position = next
        return lines[lines.count - 1 - next]
    }

    /// ↓: the next newer line, or the draft past the newest; nil when not walking.
    mutating func newer() -> String? {
        guard let position else { return nil }
        guard position > 0 else {
            defer { stopWalking() }
            return draft
        }
        self.position = position - 1
        return lines[lines.count - position]
    }

    /// Editing a recalled line makes it one's own: the next ↑ starts again from the newest.
    mutating func stopWalking() {
        position = nil
        draft = ""
    }
}
