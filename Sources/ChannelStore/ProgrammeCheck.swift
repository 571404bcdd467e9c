import ChannelModel
import Foundation

/// `channeldesk check`: verifies a programme file and its journal without changing either, and
/// `--repair`: writes a copy that keeps every intact record, beside the original, never over it.
public enum ProgrammeCheck {
    /// What the check found, as lines for the terminal.
    public struct Report: Sendable {
        public var lines: [String]
        public var isHealthy: Bool
    }

    public static func run(_ location: ProgrammeLocation) -> Report {
        var lines = ["Checking \(location.url.path)"]
        var healthy = true
        guard let data = FileManager.default.contents(atPath: location.url.path) else {
            return Report(lines: lines + ["  snapshot: MISSING — there is no readable file at this path"], isHealthy: false)
        }
        var programme: Programme?
        var lastSeq: Int64 = 0
        do {
            let snapshot = try SnapshotCodec.decode(data)
            programme = snapshot.programme
            lastSeq = snapshot.lastSeq
            let p = snapshot.programme
            lines.append("  snapshot: OK — generation \(snapshot.generation), \(data.count) bytes, \(p.partners.count) partners, "
                         + "\(p.registrations.count) registrations, \(p.deals.count) deals, \(p.audit.count) audit entries; every column checksum matches")
        } catch {
            healthy = false
            lines.append("  snapshot: DAMAGED — \(error)")
        }
        let journalData = FileManager.default.contents(atPath: location.journalURL.path) ?? Data()
        do {
            let contents = try JournalReader.parse(journalData)
            var note = "\(contents.payloads.count) record\(contents.payloads.count == 1 ? "" : "s"), \(journalData.count) bytes"
            if let torn = contents.tornTail {
                note += "; the last \(torn) bytes are an incomplete record (an action in flight at a crash) and will be dropped"
            }
            lines.append("  journal: OK — \(note)")
            if var replay = programme {
                for (index, payload) in contents.payloads.enumerated() {
                    do {
                        let entry = try JournalCodec.decode(payload)
                        guard entry.seq > lastSeq else { continue }
                        try Reducer.apply(entry, to: &replay)
                        lastSeq = entry.seq
                    } catch {
                        healthy = false
                        lines.append("  journal: record \(index + 1) does not apply: \(error)")
                        break
                    }
                }
                do {
                    try MoneyBounds.check(MoneyBounds.columns(of: replay))
                } catch {
                    healthy = false
                    lines.append("  journal: DAMAGED — its records take the programme's money past what can be totalled (\(error))")
                }
            }
        } catch {
            healthy = false
            var stats = JournalScanStats()
            let salvage = JournalReader.salvage(journalData, stats: &stats)
            lines.append("  journal: DAMAGED — \(error); \(salvage.payloads.count) intact records can be kept")
        }
        lines.append(healthy ? "OK: the programme is intact." : "Problems found. `channeldesk check --repair` writes a repaired copy beside the file; the original is never changed.")
        return Report(lines: lines, isHealthy: healthy)
    }

    /// Where a repair went and what it kept.
    public struct Repaired: Sendable {
        public var url: URL
        public var summary: String
    }

    /// Rebuilds the programme from every intact table of the snapshot and every intact journal record
    /// that still applies, and writes it to `FILE.repaired`.
    public static func repair(_ location: ProgrammeLocation) throws -> Repaired {
        let target = ProgrammeLocation(url: URL(fileURLWithPath: location.url.path + ".repaired"))
        guard !target.exists else { throw ActionError("\(target.url.path) already exists; move it away first") }
        guard let data = FileManager.default.contents(atPath: location.url.path) else { throw StoreError.missing(location) }
        var (programme, lastSeq, lost) = try salvageSnapshot(data)
        var stats = JournalScanStats()
        let journal = JournalReader.salvage(FileManager.default.contents(atPath: location.journalURL.path) ?? Data(), stats: &stats)
        var replayed = 0, skipped = 0
        for payload in journal.payloads {
            guard let entry = try? JournalCodec.decode(payload), entry.seq > lastSeq else { continue }
            do {
                try Reducer.apply(entry, to: &programme)
                lastSeq = entry.seq
                replayed += 1
            } catch {
                skipped += 1
            }
        }
        try ProgrammeStore.write(programme, to: target)
        var summary = "\(replayed) journal records replayed"
        if skipped > 0 { summary += ", \(skipped) that no longer apply skipped" }
        if journal.damagedBytes > 0 { summary += ", \(journal.damagedBytes) damaged journal bytes dropped" }
        if !lost.isEmpty { summary += "; LOST (damaged beyond repair): \(lost.joined(separator: ", "))" }
        return Repaired(url: target.url, summary: summary)
    }

    /// Decodes each table on its own, so one damaged column costs its table, not the programme.
    static func salvageSnapshot(_ data: Data) throws -> (Programme, Int64, [String]) {
        if let snapshot = try? SnapshotCodec.decode(data) { return (snapshot.programme, snapshot.lastSeq, []) }
        let root: SnapshotCodec.Root
        do {
            root = try PlistDecoding.decode(SnapshotCodec.Root.self, from: data)
        } catch {
            throw ActionError("the snapshot's structure is damaged (\(error)); nothing can be salvaged from it — restore it from a backup")
        }
        var lost: [String] = []
        func table<T>(_ name: String, _ decode: (ColumnTable) throws -> [T]) -> [T] {
            guard let table = root.tables[name] else { lost.append("table \(name)"); return [] }
            do { return try decode(table) } catch {
                lost.append("table \(name) (\(table.rows) rows: \(error))")
                return []
            }
        }
        let partners = table("partners") { try TableCodec.decode(Partner.self, from: $0) }
        let registrations = table("registrations") { try TableCodec.decode(Registration.self, from: $0) }
        let deals = table("deals") { try TableCodec.decode(Deal.self, from: $0) }
        let investments = table("investments") { try TableCodec.decode(Investment.self, from: $0) }
        let nps = table("nps") { try TableCodec.decode(NPSResponse.self, from: $0) }
        let direct = table("directAccounts") { try TableCodec.decode(DirectAccount.self, from: $0) }
        let enablement = table("enablement") { try TableCodec.decode(Enablement.self, from: $0) }
        let audit = table("audit") { try TableCodec.decode(AuditEntry.self, from: $0) }
        let statuses = root.tables["commissionStatus"].map { table in
            (try? TableCodec.decodeCommissionStatus(from: table)) ?? { lost.append("table commissionStatus"); return [:] }()
        } ?? [:]
        let clawbacks = root.tables["clawbacks"] == nil ? [] : table("clawbacks") { try TableCodec.decode(Clawback.self, from: $0) }
        // MDF tables came later: absent means none, damaged means lost (and said so).
        let mdfRequests = root.tables["mdfRequests"] == nil ? [] : table("mdfRequests") { try TableCodec.decode(MDFRequest.self, from: $0) }
        let mdfAllocations = root.tables["mdfAllocations"] == nil ? [] : table("mdfAllocations") { try TableCodec.decode(MDFAllocation.self, from: $0) }
        let programme = try Programme.loaded(policy: root.policy, partners: partners, registrations: registrations, deals: deals,
                                             investments: investments, npsResponses: nps, directAccounts: direct,
                                             enablement: enablement, audit: audit, commissionStatus: statuses, clawbacks: clawbacks,
                                             mdfRequests: mdfRequests, mdfAllocations: mdfAllocations)
        do {
            try MoneyBounds.check(MoneyBounds.columns(of: programme))
        } catch {
            throw ActionError("\(error); a copy holding it could not be totalled either — restore the file from a backup")
        }
        return (programme, root.lastSeq, lost)
    }
}
