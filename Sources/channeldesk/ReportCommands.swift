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
        if trend {
            let quarters = Trends.quarterly(programme, asOf: asOf.day, endingWith: period.resolved(asOf: asOf.day))
            return try Console.report(quarters, as: format) { TrendText.render(quarters) }
        }
        let report = Metrics.report(programme, asOf: asOf.day, period: period.chosen)
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

/// `channeldesk queue`: the registration queue in triage order, with conflicts.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "Registrations waiting for a decision, most urgent first.")

    @OptionGroup var file: FileOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let programme = try file.read()
        let queue = ConflictDetector.queue(programme, asOf: asOf.day)
        try Console.report(queue, as: format) {
            let now = asOf.day.endOfDay
            let rule = ApprovalSLA(programme.policy)
            var table = TextTable([.init("Registration"), .init("Age", .right), .init("SLA"), .init("Partner"), .init("Tier"),
                                   .init("Prospect"), .init("Domain"), .init("Est. ACV", .right), .init("Conflicts")])
            for entry in queue {
                guard let registration = programme.registration(entry.registrationId) else { continue }
                let partner = programme.partner(entry.partnerId)
                let hours = max(0, (now.seconds - registration.submittedAt.seconds) / 3600)
                let sla = entry.status == .infoRequested ? "paused"
                    : rule.isBreached(submittedAt: registration.submittedAt, at: now) ? "breached"
                    : "\(rule.hoursLeft(submittedAt: registration.submittedAt, at: now))h left"
                let conflicts = entry.conflicts.map { conflict in
                    conflict.kind.rawValue + ":" + (conflict.registrationId ?? conflict.domain ?? "")
                }.joined(separator: " ")
                table.add([entry.registrationId, hours >= 48 ? "\(hours / 24)d" : "\(hours)h", sla,
                           partner?.name ?? entry.partnerId, partner?.tier ?? "", registration.prospectCompany,
                           registration.registrableDomain, registration.estimatedACV.grouped, conflicts])
            }
            return "\(queue.count) registration\(queue.count == 1 ? "" : "s") waiting as of \(asOf.day)\n\n" + table.render()
        }
    }
}
