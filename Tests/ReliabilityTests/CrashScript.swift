import ChannelModel
import ChannelStore
import Foundation

/// A scripted stream of `channeldesk batch` lines, valid for one programme, with the model of what
/// each acknowledged line must have done: the crash test replays a prefix of it to know what the file
/// must hold after a kill.
struct CrashScript {
    enum Kind: Equatable {
        /// A journaled action: the `seq` it must get and what the model applied for it.
        case action(ProgrammeAction, seq: Int64)
        case checkpoint(lastSeq: Int64)
        case comment
    }

    struct Step {
        var line: String
        var kind: Kind
        var isImport: Bool { if case .action(.importBatch, _) = kind { return true } else { return false } }
        var isCheckpoint: Bool { if case .checkpoint = kind { return true } else { return false } }
        var acknowledged: Bool { kind != .comment }
    }

    var steps: [Step] = []
    /// Only the journaled actions, in order: the first n of them are what a file with n new actions holds.
    var actions: [ProgrammeAction] {
        steps.compactMap { if case .action(let action, _) = $0.kind { return action } else { return nil } }
    }

    /// Builds about `length` actions for `base` (whose last seq is `baseSeq`), with checkpoints sprinkled
    /// in and an import of `importCSV` early on (so kills land in it and the queue fills up).
    init(base: Programme, baseSeq: Int64, importCSV: URL, importBatch: ImportBatch, length: Int, rng: inout DemoRandom) throws {
        var model = base
        var queued = IndexedSet(base.registrations.filter { $0.status.isQueued }.map(\.id))
        var seq = baseSeq
        var undo: [ProgrammeAction?] = []
        let tiers = base.policy.tiers.map(\.name)
        let importAt = Int.random(in: 0..<12, using: &rng)
        let reasons = ["duplicate of an existing deal", "prospect is a direct account", "no", "already  in   negotiation"]
        var imports = 0
        let today = Day.today

        func record(_ line: String, _ action: ProgrammeAction) throws {
            // Only lines the batch must accept: the test fails on any `error` line.
            try Reducer.check(action, in: model, at: .now)
            seq += 1
            let outcome = try Reducer.apply(JournalEntry(seq: seq, generation: 0, at: .now, actor: "crash.tester", action: action), to: &model)
            steps.append(Step(line: line, kind: .action(action, seq: seq)))
            if line == "undo" { undo.removeLast() } else { undo.append(outcome.inverse) }
            if case .importBatch = action {
                queued = IndexedSet(model.registrations.filter { $0.status.isQueued }.map(\.id))
            } else {
                for id in Reducer.subject(of: action).split(separator: " ").map(String.init) where model.registration(id) != nil {
                    queued.set(id, model.registration(id)!.status.isQueued)
                }
            }
        }

        while steps.count(where: { if case .action = $0.kind { true } else { false } }) < length {
            if steps.count == importAt || (imports < 2 && Int.random(in: 0..<100, using: &rng) == 0) {
                imports += 1
                try record("import registrations \(importCSV.path)", .importBatch(importBatch, source: importCSV.lastPathComponent))
                continue
            }
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<28 where !queued.isEmpty:
                let ids = Array(Set((0..<Int.random(in: 1...3, using: &rng)).map { _ in queued.random(using: &rng) })).sorted()
                try record("approve " + ids.joined(separator: " "),
                           ids.count == 1 ? .approve(registrationID: ids[0]) : .batch(ids.map { .approve(registrationID: $0) }))
            case 28..<40 where !queued.isEmpty:
                let id = queued.random(using: &rng)
                let reason = reasons.randomElement(using: &rng)!
                try record("reject \(id) \(reason)", .reject(registrationID: id, reason: reason.split(separator: " ").joined(separator: " ")))
            case 40..<50:
                var found: String?
                for _ in 0..<20 where !queued.isEmpty && found == nil {
                    let id = queued.random(using: &rng)
                    if model.registration(id)?.status == .pending { found = id }
                }
                guard let id = found else { continue }
                let ask = Bool.random(using: &rng)
                try record("request-info \(id)" + (ask ? " which region is the buyer in?" : ""),
                           .requestInfo(registrationID: id, question: ask ? "which region is the buyer in?" : ""))
            case 50..<58:
                var found: String?
                for _ in 0..<40 where found == nil {
                    let candidate = model.registrations[Int.random(in: 0..<model.registrations.count, using: &rng)]
                    if candidate.status == .approved, candidate.extensions < model.policy.maxExtensions,
                       candidate.protectedUntil.map({ $0 >= today }) ?? false { found = candidate.id }
                }
                guard let id = found else { continue }
                try record("extend \(id)", .extend(registrationID: id))
            case 58..<66:
                let partner = model.partners.randomElement(using: &rng)!
                let tier = tiers.filter { $0 != partner.tier }.randomElement(using: &rng)!
                try record("tier \(partner.id) \(tier)", .changeTier(partnerID: partner.id, to: tier))
            case 66..<80:
                var ids: [String] = []
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    guard let deal = model.deals.randomElement(using: &rng), !ids.contains(deal.id),
                          Commissions.line(for: deal, in: model) != nil,
                          (model.commissionStatus[deal.id] ?? .accrued).next != nil else { continue }
                    ids.append(deal.id)
                }
                guard !ids.isEmpty else { continue }
                try record("advance " + ids.joined(separator: " "), .advanceCommissions(dealIDs: ids))
            case 80..<90:
                guard let last = undo.last, let inverse = last else { continue }
                try record("undo", inverse)
            case 90..<93:
                steps.append(Step(line: "# a comment, then a blank line", kind: .comment))
                steps.append(Step(line: "", kind: .comment))
            case 93..<97:
                steps.append(Step(line: "checkpoint", kind: .checkpoint(lastSeq: seq)))
            case 97..<100:
                guard let (line, action) = Self.mdfStep(model, &rng) else { continue }
                try record(line, action)
            default:
                continue
            }
        }
        steps.append(Step(line: "checkpoint", kind: .checkpoint(lastSeq: seq)))
    }

    /// An MDF decision valid for `model` (DESIGN.md §8) — its `channeldesk batch` line and the action —
    /// so every kill and power-cut loop exercises MDF too (3% of steps): a random request, and the first
    /// of approve (a partial 1.00), request info, reject, claim with proof or pay that the reducer accepts.
    static func mdfStep(_ model: Programme, _ rng: inout DemoRandom) -> (line: String, action: ProgrammeAction)? {
        guard !model.mdfRequests.isEmpty else { return nil }
        for _ in 0..<20 {
            let id = model.mdfRequests.randomElement(using: &rng)!.id
            let candidates: [(String, MDFDecision)] = [
                ("mdf approve \(id) 1.00", .approve(requestID: id, amount: Money(cents: 100))),
                ("mdf request-info \(id) which event is it", .requestInfo(requestID: id, question: "which event is it")),
                ("mdf reject \(id) over the budget", .reject(requestID: id, reason: "over the budget")),
                ("mdf claim \(id) 1.00 invoice.pdf", .recordClaim(requestID: id, amount: Money(cents: 100), proof: "invoice.pdf", claimedAt: nil)),
                ("mdf pay \(id)", .pay(requestID: id)),
            ].shuffled(using: &rng)
            for (line, decision) in candidates where (try? Reducer.check(.mdf(decision), in: model, at: .now)) != nil {
                return (line, .mdf(decision))
            }
        }
        return nil
    }

    /// The script as the batch's stdin.
    var text: String { steps.map(\.line).joined(separator: "\n") + "\n" }

    /// The acknowledged steps only, in the order their `ok` lines arrive.
    var acknowledgedSteps: [Step] { steps.filter(\.acknowledged) }

    /// `count` registrations of new ids for `partners`, pending, as an import file.
    static func importCSV(rows count: Int, partners: [Partner], rng: inout DemoRandom) -> String {
        var text = RecordKind.registrations.columns.joined(separator: ",") + "\n"
        let submitted = Instant(seconds: Instant.now.seconds - 86_400).description
        for index in 1...count {
            let partner = partners.randomElement(using: &rng)!.id
            let acv = Int.random(in: 1_000...90_000, using: &rng)
            text += "R-8\(String(format: "%06d", index)),\(partner),Crashtest \(index) Ltd,crashtest\(index).com,\(acv).50,\(submitted),pending,,\n"
        }
        return text
    }
}

/// Ids with O(1) insert, remove and random pick: the script's view of the queue.
struct IndexedSet {
    private var items: [String] = []
    private var positions: [String: Int] = [:]

    init(_ ids: [String]) { for id in ids { set(id, true) } }

    var isEmpty: Bool { items.isEmpty }

    func random(using rng: inout DemoRandom) -> String { items[Int.random(in: 0..<items.count, using: &rng)] }

    mutating func set(_ id: String, _ member: Bool) {
        if member, positions[id] == nil {
            positions[id] = items.count
            items.append(id)
        } else if !member, let position = positions.removeValue(forKey: id) {
            let last = items.removeLast()
            if position < items.count {
                items[position] = last
                positions[last] = position
            }
        }
    }
}
