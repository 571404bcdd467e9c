import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

/// `channeldesk concentration`: how much of partner revenue a few partners bring.
struct ConcentrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "concentration",
                                                    abstract: "Revenue concentration: ranking, top-5 share, HHI, Gini, the 80% count.")

    @OptionGroup var file: FileOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let programme = try file.read()
        let report = Concentration.analyse(programme, asOf: asOf.day, period: period.resolved(asOf: asOf.day))
        try Console.report(report, as: format) {
            var table = TextTable([.init("#", .right), .init("Partner"), .init("Name"), .init("Sourced ARR", .right),
                                   .init("Share", .right), .init("Cumulative", .right)])
            for (index, rank) in report.ranking.enumerated() {
                table.add(["\(index + 1)", rank.partnerId, rank.name, rank.sourcedARR.grouped,
                           String(format: "%.1f%%", rank.share * 100), String(format: "%.1f%%", rank.cumulativeShare * 100)])
            }
            return """
            Concentration \(Period(from: report.from, to: report.to).label): \(report.summary)
            Top-5 share \(String(format: "%.1f%%", report.top5Share * 100)) · HHI \(String(format: "%.0f", report.hhi)) · \
            Gini \(String(format: "%.3f", report.gini)) over \(report.population) partners · \
            \(report.partnersFor80Percent) partner\(report.partnersFor80Percent == 1 ? "" : "s") make 80% of sourced ARR

            \(table.render())
            """
        }
    }
}

/// `channeldesk commission advance DEAL-ID…`: moves commissions accrued → approved → paid.
struct CommissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commission", abstract: "Move commissions on: accrued → approved → paid.",
                                                    subcommands: [Advance.self])

    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Advance each deal's commission one step (all or nothing).")
        @OptionGroup var file: FileOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Deal ids, e.g. D-0000012.") var deals: [String]

        func run() throws {
            let writer = try file.openWriter(actor: actor)
            defer { writer.close() }
            Console.print(try writer.perform(.advanceCommissions(dealIDs: deals)).outcome.message)
        }
    }
}
