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
        if let output, FileManager.default.fileExists(atPath: output) && !force {
            throw CLIError("\(output) already exists; add --force to overwrite it")
        }
        let programme = try file.read()
        // The export goes out a chunk at a time as its rows are made: memory stays flat however many rows.
        func produce(_ write: (Data) throws -> Void) throws -> Int {
            let sink = { (chunk: [UInt8]) throws in try write(Data(chunk)) }
            return statement ? try CommissionStatement.csv(programme, period: period.chosen, to: sink)
                : try Exporter.export(kind, from: programme, format: format, period: period.chosen, to: sink)
        }
        var rows = 0
        do {
            if let output {
                try ExportWriter.write(to: URL(fileURLWithPath: output)) { write in rows = try produce(write) }
            } else {
                try ExportWriter.writeStandardOutput { write in rows = try produce(write) }
            }
        } catch {
            throw CLIError("\(error)")
        }
        // On stderr, as `demo` reports the file it wrote: stdout carries data only, never chatter.
        if let output { Console.info(ExportSummary.line(kind, format: format, statement: statement, rows: rows, path: output)) }
    }
}

/// The line `export --output` ends with: what went into which file.
enum ExportSummary {
    static func line(_ kind: ExportKind, format: ExportFormat, statement: Bool, rows: Int, path: String) -> String {
        let what = statement ? "a commission statement of \(rows) row\(rows == 1 ? "" : "s") (lines and totals)"
            : "\(rows) row\(rows == 1 ? "" : "s") of \(kind.rawValue)"
        return "Wrote \(what) as \(format.rawValue.uppercased()) to \(path)"
    }
}
