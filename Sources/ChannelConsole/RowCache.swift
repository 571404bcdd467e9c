import Foundation

/// Remembered pane rows for one value of `ConsoleData` (a new value starts empty). A reference, so
/// the pure view and reducer can share what the other already computed; it takes no part in equality.
final class RowCache: @unchecked Sendable, Equatable {
    struct Key: Hashable {
        var pane: Pane
        var filter: String
        var sortColumn: Int?
        var sortDescending: Bool
        var notEnabledOnly: Bool
        /// The Queue's "mine" view: only partners this login owns (nil: everyone's).
        var owner: String? = nil
    }

    private var rows: [Key: [Int]] = [:]
    private var partners: [PartnerDetailRows.Key: PartnerDetailRows] = [:]
    private var partnerBases: [String: PartnerDetailRows.Base] = [:]
    private let lock = NSLock()

    /// A partner detail's records, built by `build` the first time.
    func partnerBase(_ partnerID: String, build: () -> PartnerDetailRows.Base?) -> PartnerDetailRows.Base? {
        remembered(\.partnerBases, partnerID, build: build)
    }

    /// A partner detail's records if they are ready; else nil, and `build` runs on `background` (once).
    func partnerBase(_ partnerID: String, on background: BackgroundWork,
                     build: @escaping @Sendable () -> PartnerDetailRows.Base?) -> PartnerDetailRows.Base? {
        later(.base(partnerID), lookUp: { $0.partnerBases[partnerID] }, on: background, build: build,
              keep: { $0.partnerBases[partnerID] = $1 })
    }

    /// A partner detail's rows for `key` if they are ready; else nil, and `build` runs on `background`.
    func partnerRows(_ key: PartnerDetailRows.Key, on background: BackgroundWork,
                     build: @escaping @Sendable () -> PartnerDetailRows?) -> PartnerDetailRows? {
        later(.rows(key), lookUp: { $0.partners[key] }, on: background, build: build, keep: { $0.partners[key] = $1 })
    }

    /// What is built in the background: a partner's records, or its rows in one order and filter.
    enum Build: Hashable, Sendable {
        case base(String)
        case rows(PartnerDetailRows.Key)
    }

    /// Whether the entry for `key` is being built.
    func isBuilding(_ key: Build) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return building.contains(key)
    }

    private var building: Set<Build> = []
    /// Entries whose build made nothing (the partner went): asked again, they are not built again.
    private var madeNothing: Set<Build> = []

    private func later<Value: Sendable>(_ key: Build, lookUp: (RowCache) -> Value?, on background: BackgroundWork,
                                        build: @escaping @Sendable () -> Value?,
                                        keep: @escaping @Sendable (RowCache, Value) -> Void) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = lookUp(self) { return cached }
        guard !madeNothing.contains(key), building.insert(key).inserted else { return nil }
        background.start { [self] in
            let built = build()
            lock.lock()
            building.remove(key)
            if let built { keep(self, built) } else { madeNothing.insert(key) }
            lock.unlock()
        }
        return nil
    }

    /// A partner detail's rows for `key`, built by `build` the first time.
    func partnerRows(_ key: PartnerDetailRows.Key, build: () -> PartnerDetailRows?) -> PartnerDetailRows? {
        remembered(\.partners, key, build: build)
    }

    /// What is remembered for `key`, without computing it.
    func cached(_ key: Key) -> [Int]? {
        lock.lock()
        defer { lock.unlock() }
        return rows[key]
    }

    func rows(for key: Key, compute: () -> [Int]) -> [Int] {
        remembered(\.rows, key, build: compute)!
    }

    /// `table[key]`, built by `build` the first time (and not kept when it builds nothing). The lock is
    /// not held while building: two threads may build one entry, never corrupt the table.
    private func remembered<Entry: Hashable, Value>(_ table: ReferenceWritableKeyPath<RowCache, [Entry: Value]>, _ key: Entry,
                                                    build: () -> Value?) -> Value? {
        lock.lock()
        if let cached = self[keyPath: table][key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        guard let built = build() else { return nil }
        lock.lock()
        self[keyPath: table][key] = built
        lock.unlock()
        return built
    }

    /// A new cache with the entries `keep` accepts: a value of the data that changed only in part keeps
    /// the rest (a new object, so an older value of the data never reads the new one's rows).
    func keeping(_ keep: (Key) -> Bool) -> RowCache {
        let copy = RowCache()
        lock.lock()
        copy.rows = rows.filter { keep($0.key) }
        lock.unlock()
        return copy
    }

    static func == (_: RowCache, _: RowCache) -> Bool { true }
}
