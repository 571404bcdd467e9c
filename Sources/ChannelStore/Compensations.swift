import ChannelModel

/// The compensating actions of recent changes, by actor and journal sequence number: what lets `u`
/// undo a change made before the console was restarted. The snapshot keeps a change's audit line but
/// not what it replaced, so the snapshot keeps these beside it; they are then filled from the journal
/// as it is replayed on open and from the changes made since.
public struct Compensations: Sendable, Equatable {
    /// One remembered change.
    public struct Change: Sendable, Equatable {
        public var seq: Int64
        /// What undoes it; nil for an undo itself, which is remembered only as one.
        public var inverse: ProgrammeAction?
    }

    /// More than anyone walks back with `u`, and a long journal of one actor's decisions is not held
    /// a second time in memory.
    public static let perActor = 100

    private var byActor: [String: [Change]] = [:]

    public init() {}

    /// Remembers `entry` if it is a decision with an inverse or an undo. Imports have no inverse; a
    /// policy change's inverse is another policy change, which the audit could not tell from a new one.
    mutating func record(_ entry: JournalEntry, _ outcome: ActionOutcome) {
        let change: Change
        switch entry.action {
        case .importBatch, .setPolicy: return
        case let action where action.isCompensating: change = Change(seq: entry.seq, inverse: nil)
        default:
            guard let inverse = outcome.inverse else { return }
            change = Change(seq: entry.seq, inverse: inverse)
        }
        remember(change, by: entry.actor)
    }

    /// Adds `change`, newer than every change of `actor` remembered so far.
    mutating func remember(_ change: Change, by actor: String) {
        var changes = byActor[actor, default: []]
        changes.append(change)
        if changes.count > Self.perActor { changes.removeFirst(changes.count - Self.perActor) }
        byActor[actor] = changes
    }

    /// Every remembered change with its actor, by actor then sequence number: what a snapshot keeps.
    var changes: [(actor: String, change: Change)] {
        byActor.keys.sorted().flatMap { actor in byActor[actor]!.map { (actor, $0) } }
    }

    /// The change `seq` of `actor`, when it is remembered.
    func change(_ seq: Int64, by actor: String) -> Change? {
        guard let changes = byActor[actor] else { return nil }
        // Sequence numbers only grow, so the changes are sorted by them.
        var low = 0, high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle].seq < seq { low = middle + 1 } else { high = middle }
        }
        return low < changes.count && changes[low].seq == seq ? changes[low] : nil
    }
}

extension ProgrammeAction {
    /// Whether this is the compensating action of an undo: a restore, or a batch of them.
    package var isCompensating: Bool {
        if case .batch(let actions) = self { return !actions.isEmpty && actions.allSatisfy(\.isCompensating) }
        return name == "undo"
    }
}
