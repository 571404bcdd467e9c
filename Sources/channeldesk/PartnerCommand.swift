import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

/// `channeldesk partner ID`: one partner's profile, standing, pipeline, commissions and history.
struct PartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "partner", abstract: "One partner's profile, tier progress, commissions and audit trail.")

    @OptionGroup var file: FileOptions
    @OptionGroup var asOf: AsOfOptions
    @Argument(help: "The partner id, e.g. P-00012.") var partnerID: String
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let programme = try file.read()
        guard let profile = PartnerProfile.build(programme, partnerID: partnerID.uppercased(), asOf: asOf.day) else {
            throw CLIError("there is no partner \(partnerID)")
        }
        try Console.report(PartnerReport(profile: profile, asOf: asOf.day), as: format) { PartnerText.render(profile, asOf: asOf.day) }
    }
}

/// The partner page for people.
enum PartnerText {
    static func render(_ profile: PartnerProfile, asOf: Day) -> String {
        let partner = profile.partner
        var out = ["\(partner.name) (\(partner.id)) — \(partner.type.rawValue.replacingOccurrences(of: "_", with: " ")), \(partner.region), \(partner.status.rawValue) since \(partner.joinedOn), owner \(partner.owner)"]
        out.append("Tier \(partner.tier); qualifies for \(profile.standing?.qualifiedTier ?? "—") (\((profile.standing?.proposal.rawValue ?? "not enrolled").replacingOccurrences(of: "_", with: " ")))")
        out.append("Trailing 365-day sourced ARR \(profile.trailingARR.grouped); certified staff \(partner.certifiedStaff)")
        if let distance = profile.distance, distance.goal != .top {
            out.append("To \(distance.goal == .keep ? "keep" : "reach") \(distance.tier): "
                + [distance.arr.cents > 0 ? "\(distance.arr.grouped) more ARR" : "ARR met",
                   distance.staff > 0 ? "\(distance.staff) more certified staff" : "staff met"].joined(separator: ", "))
        }
        let items = EnablementItem.allCases.map { item in profile.enablement[item].map { "✔ \(item.rawValue) \($0)" } ?? "✘ \(item.rawValue)" }
        out.append("Enablement: " + items.joined(separator: " · "))
        out.append("ARR by quarter: " + profile.quarterlyARR.map { "\($0.quarter.label) \($0.arr.compact)" }.joined(separator: " · "))
        let open = profile.registrations.filter { $0.isOpen(asOf: asOf) }.count
        out.append("Registrations: \(profile.registrations.count) (\(open) open) · deals: \(profile.deals.count) (\(profile.deals.filter { $0.outcome == .won }.count) won)")
        let totals = profile.ledgerTotals
        out.append("Commissions: " + ([CommissionStatus.accrued, .approved, .paid].map { "\($0.rawValue) \((totals[$0] ?? .zero).grouped)" }
                                      + (totals[nil].map { ["clawed back \($0.grouped)"] } ?? [])).joined(separator: " · "))
        out.append("NPS: " + (profile.nps.isEmpty ? "no responses" : profile.nps.map { "\($0.respondedOn) \($0.score)" }.joined(separator: " · ")))
        out.append("")
        var audit = TextTable([.init("#", .right), .init("At"), .init("Actor"), .init("Action"), .init("Subject"), .init("Detail")])
        audit.maxCellWidth = 70
        for entry in profile.audit { audit.add(["\(entry.seq)", entry.at.description, entry.actor, entry.action, entry.subject, entry.detail]) }
        out.append("Audit trail (\(profile.audit.count))")
        out.append(audit.render())
        return out.joined(separator: "\n")
    }
}
