import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

/// `--period 2026-Q3` or `--from D --to D`, shared by the commands that report on a period.
struct PeriodOptions: ParsableArguments {
    @Option(help: "A calendar quarter, e.g. 2026-Q3 (default: the quarter to date).") var period: String?
    @Option(help: "Start of a custom period (YYYY-MM-DD).", transform: Day.argument) var from: Day?
    @Option(help: "End of a custom period (YYYY-MM-DD).", transform: Day.argument) var to: Day?

    func validate() throws {
        if period != nil && (from != nil || to != nil) { throw ValidationError("use either --period or --from/--to, not both") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        if let period, Period(quarter: period) == nil { throw ValidationError("\"\(period)\" is not a quarter; use e.g. 2026-Q3") }
    }

    /// The period asked for, or nil for the default.
    var chosen: Period? {
        period.flatMap(Period.init(quarter:)) ?? from.flatMap { from in to.map { Period(from: from, to: $0) } }
    }

    func resolved(asOf: Day) -> Period { chosen ?? .quarterToDate(asOf) }
}

/// `channeldesk metrics`: the KPIs of DESIGN.md §3 for a period, or their 8-quarter trend.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metrics", abstract: "Programme KPIs for a period.")

    @OptionGroup var file: FileOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var period: PeriodOptions
    @Flag(help: "The 8 quarters ending with the period, each measured as of its last day.") var trend = false
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let programme = try file.read()
        let when = AsOf(asOf.day)
        if trend {
            let chosen = period.resolved(asOf: asOf.day)
            let index = ActivityIndex(programme)
            let quarters = Trends.quarterly(programme, asOf: when, endingWith: chosen, index: index)
            // The quarter in progress is compared like for like, as far into the previous quarter.
            let comparison = quarters.last.flatMap { Trends.likeForLike(programme, asOf: when, period: $0.period, index: index) }
            return try Console.report(quarters, as: format) { MetricsTrendText.render(quarters, comparison: comparison) }
        }
        let report = Metrics.report(programme, asOf: when, period: period.chosen)
        try Console.report(report, as: format) { MetricsText.render(report, policy: programme.policy) }
    }
}

/// The human form of a metrics report.
enum MetricsText {
    static func render(_ report: MetricsReport, policy: Policy) -> String {
        func percent(_ ratio: Double) -> String { String(format: "%.1f%%", ratio * 100) }
        var figures = TextTable([.init("Metric"), .init("Value", .right), .init("")])
        figures.add(["Partner-sourced ARR", report.partnerSourcedARR.grouped, ""])
        figures.add(["Partner-influenced ARR", report.partnerInfluencedARR.grouped, ""])
        figures.add(["Active partner rate", percent(report.activePartnerRate),
                     "\(report.activePartners) of \(report.enrolledPartners) enrolled active in \(policy.activityWindowDays) days"])
        figures.add(["Top-5 concentration", percent(report.top5Concentration), String(format: "HHI %.0f", report.hhi)])
        figures.add(["Programme investment", report.programmeInvestment.grouped, ""])
        figures.add(["Partner acquisition cost", report.partnerAcquisitionCost.map { String(format: "%.2f", $0) } ?? "—",
                     "investment per unit of sourced ARR"])
        figures.add(["Partner NPS", report.partnerNPS.map { String(format: "%.1f", $0) } ?? "—",
                     "\(report.npsResponses) partner\(report.npsResponses == 1 ? "" : "s") responded"])
        figures.add(["Pending registrations", "\(report.pendingRegistrations)",
                     "\(report.slaBreaches) past the \(policy.approvalSLAHours)h SLA"])
        var top = TextTable([.init("#", .right), .init("Partner"), .init("Name"), .init("Sourced ARR", .right), .init("Share", .right)])
        for (rank, share) in report.topPartners.enumerated() {
            top.add(["\(rank + 1)", share.partnerId, share.name, share.sourcedARR.grouped, percent(share.share)])
        }
        return """
        Metrics as of \(report.asOf), period \(report.period.label)\(report.period.label.contains("..") ? "" : " (\(report.from) to \(report.to))")

        \(figures.render())

        Top partners by sourced ARR
        \(top.render())
        """
    }
}

/// The human form of `metrics --trend`: each quarter as of its last day, and the change of the last
/// one against the previous — like for like when the last is a quarter to date; ratios change in points.
enum MetricsTrendText {
    static func render(_ quarters: [MetricsReport], comparison: MetricsReport? = nil) -> String {
        let previous = comparison ?? (quarters.count > 1 ? quarters[quarters.count - 2] : nil)
        let deltaTitle = comparison.map { "Δ vs \($0.period.label)" } ?? "Δ last"
        var table = TextTable([.init("Metric")] + quarters.map { .init($0.period.label, .right) } + [.init(deltaTitle, .right)])
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        func points(_ value: Double) -> String { String(format: "%.1f pts", value * 100) }
        func money(_ value: Double) -> String { Money(cents: Int64((value * 100).rounded())).compact }
        let rows: [(String, (MetricsReport) -> Double?, (Double) -> String, (Double) -> String)] = [
            ("Sourced ARR", { $0.partnerSourcedARR.units }, money, money),
            ("Influenced ARR", { $0.partnerInfluencedARR.units }, money, money),
            ("Active partner rate", { $0.activePartnerRate }, percent, points),
            ("Top-5 concentration", { $0.top5Concentration }, percent, points),
            ("Investment", { $0.programmeInvestment.units }, money, money),
            ("Acquisition cost", { $0.partnerAcquisitionCost }, { String(format: "%.2f", $0) }, { String(format: "%.2f", $0) }),
            ("Partner NPS", { $0.partnerNPS }, { String(format: "%.1f", $0) }, { String(format: "%.1f", $0) }),
            ("Pending registrations", { Double($0.pendingRegistrations) }, { String(Int($0)) }, { String(Int($0)) }),
            ("SLA breaches", { Double($0.slaBreaches) }, { String(Int($0)) }, { String(Int($0)) }),
        ]
        for (name, value, format, deltaFormat) in rows {
            var delta = ""
            if let last = quarters.last.flatMap(value), let before = previous.flatMap(value) {
                let change = last - before
                delta = change == 0 ? "=" : (change > 0 ? "+" : "-") + deltaFormat(abs(change))
            }
            table.add([name] + quarters.map { value($0).map(format) ?? "—" } + [delta])
        }
        var note = "Each quarter as of its last day"
        if let last = quarters.last, last.to < (Period.quarter(year: last.from.year, quarter: last.from.quarter)?.to ?? last.to) {
            note += " (\(last.period.label) as of \(last.asOf))"
        }
        if let comparison {
            note += "; compared like for like with \(comparison.from)..\(comparison.to), the same \(comparison.from.distance(to: comparison.to) + 1) days of the previous quarter"
        }
        return note + ".\n\n" + table.render()
    }
}

/// `channeldesk tiers`: tier evaluation and proposals.
struct TiersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tiers", abstract: "Tier standings and proposals of enrolled partners.")

    @OptionGroup var file: FileOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let programme = try file.read()
        let standings = TierEngine.standings(programme, asOf: asOf.day)
        try Console.report(standings, as: format) {
            var table = TextTable([.init("Partner"), .init("Name"), .init("Current"), .init("Qualifies"),
                                   .init("Trailing ARR", .right), .init("Staff", .right), .init("Proposal")])
            for standing in standings {
                table.add([standing.partnerId, programme.partner(standing.partnerId)?.name ?? "", standing.currentTier,
                           standing.qualifiedTier, standing.trailingSourcedARR.grouped, "\(standing.certifiedStaff)",
                           standing.proposal.rawValue.replacingOccurrences(of: "_", with: " ")])
            }
            let counts = Dictionary(grouping: standings, by: \.proposal).mapValues(\.count)
            let summary = TierProposal.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue.replacingOccurrences(of: "_", with: " "))" }
            return "Tier standings as of \(asOf.day): " + summary.joined(separator: ", ") + "\n\n" + table.render()
        }
    }
}

/// `channeldesk queue`: the registration queue in triage order, with conflicts and similar-name hints.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "Registrations waiting for a decision, most urgent first.")

    @OptionGroup var file: FileOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let programme = try file.read()
        let items = QueueItem.queue(programme, asOf: AsOf(asOf.day))
        try Console.report(items.map(QueueEntry.init), as: format) { QueueText.render(items, asOf: asOf.day) }
    }
}

/// The human form of the queue: the Queue pane's columns, SLA as the one rule says, then conflicts and,
/// apart from them, similar-name hints.
enum QueueText {
    static func render(_ items: [QueueItem], asOf: Day) -> String {
        var table = TextTable([.init("Registration"), .init("Age", .right), .init("SLA"), .init("Partner"), .init("Tier"),
                               .init("Prospect"), .init("Domain"), .init("Est. ACV", .right), .init("Conflicts"), .init("Similar names")])
        for item in items {
            let hours = item.age / 3600
            let sla = item.slaHoursLeft.map { item.slaBreached ? "breached" : "\($0)h left" } ?? "paused"
            let conflicts = item.conflicts.map { $0.kind.rawValue + ":" + ($0.registrationId ?? $0.domain ?? "") }.joined(separator: " ")
            let similar = item.similarNames.map { "\($0.registrationId) (\($0.domain))" }.joined(separator: " ")
            table.add([item.id, hours >= 48 ? "\(hours / 24)d" : "\(hours)h", sla, item.partnerName ?? item.partnerID,
                       (item.priority ? "★ " : "") + item.tier, item.registration.prospectCompany, item.registrableDomain,
                       item.registration.estimatedACV.grouped, conflicts, similar])
        }
        let breached = items.filter(\.slaBreached).count
        return "\(items.count) registration\(items.count == 1 ? "" : "s") waiting as of \(asOf), \(breached) past the SLA\n\n"
            + table.render()
    }
}
