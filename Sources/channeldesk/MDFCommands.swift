import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

/// `channeldesk mdf`: the market development funds queue, balances and figures, and the decisions on a
/// request (DESIGN §6, §8). Reports read without the lock; decisions are journaled with their actor.
struct MDFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mdf", abstract: "Market development funds: queue, balances, figures and decisions.",
        subcommands: [MDFQueueCommand.self, MDFBalancesCommand.self, MDFMetricsCommand.self, MDFApproveCommand.self,
                      MDFRejectCommand.self, MDFRequestInfoCommand.self, MDFClaimCommand.self, MDFPayCommand.self,
                      MDFRejectClaimCommand.self])
}

/// One row of `mdf queue --format json`; `approvedAmount` is null (not absent) when nothing is approved.
struct MDFQueueRow: Encodable {
    var item: MDFQueueItem
    private enum CodingKeys: String, CodingKey { case requestId, partnerId, status, activity, requestedAmount, approvedAmount, balance, breached }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item.request.id, forKey: .requestId)
        try c.encode(item.request.partnerID, forKey: .partnerId)
        try c.encode(item.status.rawValue, forKey: .status)
        try c.encode(item.request.activity.rawValue, forKey: .activity)
        try c.encode(item.request.requestedAmount, forKey: .requestedAmount)
        try c.encode(item.approvedAmount, forKey: .approvedAmount)
        try c.encode(item.balance, forKey: .balance)
        try c.encode(item.breached, forKey: .breached)
    }
}

struct MDFQueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "Claims to review, then requests waiting for a decision.")
    @OptionGroup var file: FileOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let programme = try file.read()
        let day = asOf.day
        let queue = programme.mdfQueue(asOf: day)
        try Console.report(queue.map(MDFQueueRow.init), as: format) {
            let policy = programme.policy
            var table = TextTable([.init("Request"), .init("Status"), .init("Age", .right), .init("Window"), .init("Partner"),
                                   .init("Tier"), .init("Activity"), .init("Starts"), .init("Ends"), .init("Requested", .right),
                                   .init("Approved", .right), .init("Claimed", .right), .init("Balance", .right), .init("Proof")])
            for item in queue {
                let r = item.request
                let partner = programme.partner(r.partnerID)
                // A claim's age is how long it has waited for review; a request's, since it was submitted.
                let since = item.status == .claimed ? (r.claimedAt ?? r.submittedAt) : r.submittedAt
                let days = max(0, Int((day.endOfDay.seconds - since.seconds) / 86_400))
                let window = item.status == .infoRequested ? "paused"
                    : item.status == .claimed ? "claim" : item.breached ? "breached" : "\(max(0, policy.mdfApprovalDays - days))d left"
                table.add([r.id, item.status.rawValue, "\(days)d", window, partner?.name ?? r.partnerID, partner?.tier ?? "",
                           r.activity.rawValue, r.startsOn.description, r.endsOn.description, r.requestedAmount.grouped,
                           item.approvedAmount?.grouped ?? "—", item.status == .claimed ? r.claimedAmount?.grouped ?? "—" : "—",
                           item.balance.grouped, item.status == .claimed ? r.proof : ""])
            }
            let breached = queue.filter(\.breached).count
            return "\(queue.count) MDF request\(queue.count == 1 ? "" : "s") waiting as of \(day), \(breached) past the \(policy.mdfApprovalDays)-day window\n\n" + table.render()
        }
    }
}

/// One row of `mdf balances --format json`.
struct MDFBalanceRow: Encodable {
    var partnerId: String
    var year: Int
    var allocation: Money
    var committed: Money
    var spent: Money
    var balance: Money
    init(_ b: MDFBalance) {
        partnerId = b.partnerID; year = b.year; allocation = b.allocation; committed = b.committed; spent = b.spent; balance = b.balance
    }
}

struct MDFBalancesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "balances", abstract: "Each enrolled partner's MDF allocation, commitments, spend and balance.")
    @OptionGroup var file: FileOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(help: "The fiscal (calendar) year (default: the year of --as-of).") var year: Int?
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let programme = try file.read()
        let year = self.year ?? asOf.day.year
        let balances = programme.mdfBalances(year: year, asOf: asOf.day)
        try Console.report(balances.map(MDFBalanceRow.init), as: format) {
            var table = TextTable([.init("Partner"), .init("Name"), .init("Tier"), .init("Allocation", .right),
                                   .init("Committed", .right), .init("Spent", .right), .init("Balance", .right), .init("Used", .right)])
            for b in balances {
                let partner = programme.partner(b.partnerID)
                let used = b.allocation.cents == 0 ? "—" : String(format: "%.0f%%", Double((b.committed + b.spent).cents) / Double(b.allocation.cents) * 100)
                table.add([b.partnerID, partner?.name ?? "", partner?.tier ?? "", b.allocation.grouped, b.committed.grouped,
                           b.spent.grouped, b.balance.grouped, used])
            }
            return "MDF balances for \(year) as of \(asOf.day)\n\n" + table.render()
        }
    }
}

/// `mdf metrics --format json`: the §8 figures; `mdfROI` is null when nothing was paid.
struct MDFMetricsRow: Encodable {
    var figures: MDFFigures
    private enum CodingKeys: String, CodingKey { case mdfAllocated, mdfCommitted, mdfSpent, mdfUtilisation, mdfPaid, mdfSourcedARR, mdfROI }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(figures.allocated, forKey: .mdfAllocated)
        try c.encode(figures.committed, forKey: .mdfCommitted)
        try c.encode(figures.spent, forKey: .mdfSpent)
        try c.encode(figures.utilisation, forKey: .mdfUtilisation)
        try c.encode(figures.paid, forKey: .mdfPaid)
        try c.encode(figures.sourcedARR, forKey: .mdfSourcedARR)
        try c.encode(figures.roi, forKey: .mdfROI)
    }
}

struct MDFMetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "MDF allocated, committed, spent, utilisation, paid, sourced ARR and ROI.",
        discussion: "The period is the quarter to date by default; --year Y is Y's first day to its last (or to --as-of within Y). Allocations, commitments and spend are those of the period's year as of its last day.")
    @OptionGroup var file: FileOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "A whole fiscal year to date instead of a quarter.") var year: Int?
    @Option(help: "table or json.") var format: OutputFormat = .table

    func validate() throws {
        if year != nil && period.chosen != nil { throw ValidationError("use either --year or a period, not both") }
        if let year, Day(year: year, month: 1, day: 1) == nil { throw ValidationError("\(year) is not a year") }
    }

    func resolved() -> Period {
        if let year, let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) {
            return Period(from: first, to: min(last, max(first, asOf.day)))
        }
        return period.resolved(asOf: asOf.day)
    }

    func run() throws {
        let programme = try file.read()
        let period = resolved()
        let figures = programme.mdfFigures(period: period)
        try Console.report(MDFMetricsRow(figures: figures), as: format) {
            var table = TextTable([.init("Figure"), .init("Value", .right)])
            table.add(["MDF allocated (\(period.to.year))", figures.allocated.grouped])
            table.add(["Committed", figures.committed.grouped])
            table.add(["Spent", figures.spent.grouped])
            table.add(["Utilisation", String(format: "%.1f%%", figures.utilisation * 100)])
            table.add(["Paid in period", figures.paid.grouped])
            table.add(["MDF-sourced ARR", figures.sourcedARR.grouped])
            table.add(["MDF ROI", figures.roi.map { String(format: "%.2f×", $0) } ?? "—"])
            return "MDF figures, \(period.from) to \(period.to)\n\n" + table.render()
        }
    }
}

// MARK: Decisions

/// What the MDF decisions share: the request id, the actor, and one journaled action.
struct MDFDecisionOptions: ParsableArguments {
    @OptionGroup var file: FileOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The MDF request id, e.g. M-000052.") var request: String

    func perform(_ decision: MDFDecision) throws {
        let writer = try file.openWriter(actor: actor)
        defer { writer.close() }
        Console.print(try writer.perform(.mdf(decision)).outcome.message)
    }
}

extension Money {
    /// Parses a command-line amount with an error that says what was expected.
    static func argument(_ text: String) throws -> Money {
        guard let money = Money(parsing: text) else { throw ValidationError("\"\(text)\" is not an amount; use e.g. 1250.00") }
        return money
    }
}

struct MDFApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Pre-approve a request, wholly or in part, within the partner's balance.")
    @OptionGroup var options: MDFDecisionOptions
    @Option(help: "The amount approved (at most the requested amount and the balance).", transform: Money.argument) var amount: Money
    func run() throws { try options.perform(.approve(requestID: options.request, amount: amount)) }
}

struct MDFRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a request with a reason.")
    @OptionGroup var options: MDFDecisionOptions
    @Option(help: "Why (required; the partner sees it).") var reason: String
    func run() throws { try options.perform(.reject(requestID: options.request, reason: reason)) }
}

struct MDFRequestInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "request-info", abstract: "Ask the partner for more information; pauses the approval window.",
                                                    aliases: ["info"])
    @OptionGroup var options: MDFDecisionOptions
    @Option(help: "The question for the partner.") var reason: String = ""
    func run() throws { try options.perform(.requestInfo(requestID: options.request, question: reason)) }
}

struct MDFClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claim", abstract: "Record the partner's claim, with proof of performance.")
    @OptionGroup var options: MDFDecisionOptions
    @Option(help: "The amount claimed.", transform: Money.argument) var amount: Money
    @Option(help: "Proof of performance: a link or a reference (required).") var proof: String
    @Option(name: .customLong("claimed-at"), help: "When the partner claimed (YYYY-MM-DDTHH:MM:SSZ; default now).",
            transform: { text in
                guard let instant = Instant(parsing: text) else { throw ValidationError("\"\(text)\" is not an instant; use e.g. 2026-09-30T12:00:00Z") }
                return instant
            })
    var claimedAt: Instant?
    func run() throws { try options.perform(.recordClaim(requestID: options.request, amount: amount, proof: proof, claimedAt: claimedAt)) }
}

struct MDFPayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pay", abstract: "Pay a claim: the lesser of claimed and approved.")
    @OptionGroup var options: MDFDecisionOptions
    func run() throws { try options.perform(.pay(requestID: options.request)) }
}

struct MDFRejectClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject-claim", abstract: "Reject a claim with a reason; releases the commitment.")
    @OptionGroup var options: MDFDecisionOptions
    @Option(help: "Why (required).") var reason: String
    func run() throws { try options.perform(.rejectClaim(requestID: options.request, reason: reason)) }
}
