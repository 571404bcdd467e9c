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
        // On stderr, as `demo` reports the file it wrote: stdout carries data only, never chatter.
        Console.info(ExportSummary.line(kind, format: format, statement: statement, rows: ExportSummary.records(in: data, format: format), path: output))
    }
}

/// The line `export --output` ends with: what went into which file.
enum ExportSummary {
    /// The records in an export's bytes, counted from the bytes so that every kind (and any kind
    /// added later) is counted the same way: CSV rows after the header (a line break inside quotes
    /// is part of its field), or the objects of a JSON array.
    static func records(in data: Data, format: ExportFormat) -> Int {
        var count = 0, depth = 0, quoted = false, escaped = false, lineHasData = false
        for byte in data {
            switch format {
            case .csv:
                if byte == UInt8(ascii: "\"") { quoted.toggle() }
                if byte == UInt8(ascii: "\n"), !quoted {
                    if lineHasData { count += 1 }
                    lineHasData = false
                } else if byte != UInt8(ascii: "\r") { lineHasData = true }
            case .json:
                if escaped { escaped = false; continue }
                if quoted {
                    if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { quoted = false }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): quoted = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if depth == 1, byte == UInt8(ascii: "{") { count += 1 }
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
            }
        }
        if format == .csv {
            if lineHasData { count += 1 }
            return max(0, count - 1)
        }
        return count
    }

    static func line(_ kind: ExportKind, format: ExportFormat, statement: Bool, rows: Int, path: String) -> String {
        let what = statement ? "a commission statement of \(rows) row\(rows == 1 ? "" : "s") (lines and totals)"
            : "\(rows) row\(rows == 1 ? "" : "s") of \(kind.rawValue)"
        return "Wrote \(what) as \(format.rawValue.uppercased()) to \(path)"
    }
}
