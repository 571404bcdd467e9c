import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation

/// `--measure-open FILE --mode M`: one figure in a fresh process, so the parent's own programme is not
/// counted in its memory — the open, the console, the keys, an export, the CSV parse — printed as one
/// JSON line. The parent runs these for its peak-memory and export rows; they also profile one step.
enum ChildMode {
    static func run(_ file: String, _ options: Options) -> Never {
        do {
            let location = ProgrammeLocation(path: file)
            var extra: [String: Double] = [:]
            let (_, seconds) = try timed { () throws -> Int in
                switch options.measureMode {
                case "load":
                    // What an open programme costs alone: the floor the export's memory is measured above.
                    return try ProgrammeLoader.load(location).programme.registrations.count
                case let mode where mode.hasPrefix("export-"):
                    // export-FORMAT-KIND: the programme loaded, then that export streamed to a file beside it.
                    let parts = mode.split(separator: "-", maxSplits: 2).map(String.init)
                    guard parts.count == 3, let format = ExportFormat(rawValue: parts[1]), let kind = ExportKind(rawValue: parts[2]) else {
                        throw BenchError("unknown export mode \(mode)")
                    }
                    let programme = try ProgrammeLoader.load(location).programme
                    let url = location.url.deletingLastPathComponent().appendingPathComponent("export.\(format.rawValue)")
                    var rows = 0
                    let (_, exportSeconds) = try timed {
                        try ExportWriter.write(to: url) { write in
                            rows = try Exporter.export(kind, from: programme, format: format) { try write(Data($0)) }
                        }
                    }
                    extra["exportSeconds"] = exportSeconds
                    extra["exportBytes"] = Double(fileSize(url.path))
                    try? FileManager.default.removeItem(at: url)
                    return rows
                case "generate":
                    // Profiling helper: write the --registrations/--partners programme to the file and stop.
                    let programme = DemoGenerator.programme(policy: try Policy.bundledDefault(), partners: options.partners,
                                                            registrations: options.registrations, seed: 1, asOf: options.asOf)
                    try ProgrammeStore.write(programme, to: location)
                    return programme.registrations.count
                case "keys":
                    // Profiling helper: open the console and run the keystroke measurements only.
                    let store = try ProgrammeStore(opening: location)
                    let runtime = ConsoleRuntime(store: store, actor: "bench", asOf: options.asOf,
                                                 width: ConsoleBench.width, height: ConsoleBench.height,
                                                 clock: { options.asOf.endOfDay.adding(seconds: -3_600) })
                    let keys = ConsoleBench.keystrokes(runtime, samples: options.samples, approvals: options.approvals,
                                                       budget: options.keyBudgetSeconds)
                    FileHandle.standardError.write(try JSONEncoder().encode(keys) + Data("\n".utf8))
                    return keys.move.samples
                case "csv":
                    // Profiling helper: export the registrations CSV, then time CSVImporter.parse of it.
                    let programme = try ProgrammeLoader.load(location).programme
                    let data = Exporter.export(.registrations, from: programme, format: .csv)
                    let (result, parse) = timed {
                        CSVImporter.parse(.registrations, data: data, fileName: "registrations.csv", programme: programme)
                    }
                    FileHandle.standardError.write(Data("parse \(parse) s\n".utf8))
                    if case .failure(let failure) = result { throw BenchError(String(failure.description.prefix(300))) }
                    return data.count
                case "first-frame":
                    // Profiling helper: the first frame alone, with its two steps, and exit.
                    let started = monotonicNanos()
                    let store = try ProgrammeStore(opening: location)
                    let opened = monotonicNanos()
                    let runtime = ConsoleRuntime(store: store, actor: "bench", asOf: options.asOf,
                                                 width: ConsoleBench.width, height: ConsoleBench.height)
                    consume(runtime.frame())
                    extra["storeOpenSeconds"] = Double(opened - started) / 1e9
                    extra["runtimeInitSeconds"] = Double(monotonicNanos() - opened) / 1e9
                    return runtime.state.width
                case "console":
                    let started = monotonicNanos()
                    let store = try ProgrammeStore(opening: location)
                    let runtime = ConsoleRuntime(store: store, actor: "bench", asOf: options.asOf,
                                                 width: ConsoleBench.width, height: ConsoleBench.height)
                    consume(runtime.frame())
                    extra["firstFrameSeconds"] = Double(monotonicNanos() - started) / 1e9
                    // Peak memory counts every pane, built after the first frame.
                    runtime.waitForBackgroundWork()
                    consume(runtime.frame())
                    return runtime.state.width
                default:
                    let programme = try ProgrammeLoader.load(location).programme
                    let report = Metrics.report(programme, asOf: options.asOf)
                    let standings = TierEngine.standings(programme, asOf: options.asOf)
                    let queue = ConflictDetector.queue(programme, asOf: options.asOf)
                    return report.enrolledPartners + standings.count + queue.count
                }
            }
            let more = extra.sorted { $0.key < $1.key }.map { ", \"\($0.key)\": \($0.value)" }.joined()
            print("{\"peakRSSMiB\": \(peakRSSMiB()), \"ruMaxRSSMiB\": \(ruMaxRSSMiB()), \"seconds\": \(seconds)\(more)}")
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("measure-open: \(error)\n".utf8))
            exit(1)
        }
    }
}
