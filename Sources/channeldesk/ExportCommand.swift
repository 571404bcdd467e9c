import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

extension ExportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `channeldesk export KIND`: records as CSV (for finance and spreadsheets) or JSON (for scripts).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export records as CSV or JSON.",
        discussion: "KIND: \(ExportKind.allCases.map(\.rawValue).joined(separator: ", ")).")

    @OptionGroup var file: FileOptions
    @Argument(help: "What to export.") var kind: ExportKind
    @Option(help: "csv or json.") var format: ExportFormat = .csv
    @Option(help: "Write to this file instead of stdout.") var output: String?
    @Flag(help: "Overwrite --output if it exists.") var force = false
    @OptionGroup var period: PeriodOptions
    @Flag(help: "Commissions as a statement per partner, with subtotals and a grand total (CSV).") var statement = false

    func validate() throws {
        if statement && (kind != .commissions || format != .csv) { throw ValidationError("--statement goes with `export commissions --format csv`") }
        if period.chosen != nil && kind != .commissions { throw ValidationError("a period applies to `export commissions` only") }
    }

    func run() throws {
        let programme = try file.read()
        let data = statement ? CommissionStatement.csv(programme, period: period.chosen)
            : Exporter.export(kind, from: programme, format: format, period: period.chosen)
        guard let output else { return Console.write(data) }
        if FileManager.default.fileExists(atPath: output) && !force {
            throw CLIError("\(output) already exists; add --force to overwrite it")
        }
        do { try ExportWriter.write(data, to: URL(fileURLWithPath: output)) } catch { throw CLIError("\(error)") }
    }
}
