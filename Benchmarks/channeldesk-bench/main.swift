import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation

// channeldesk-bench: every DESIGN.md §7 figure beside a baseline measured in the same run.
// Progress goes to stderr; the table (or --json) to stdout.

consume(benchStart) // start the wall clock now
let options: Options
do {
    options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("channeldesk-bench: \(error)\n".utf8))
    exit(2)
}

if options.measureMode == "shared" && options.measureOpen == nil {
    // The team figures (issue #15) on a throwaway PostgreSQL cluster: a run of their own.
    do { try SharedBench.main(options); exit(0) } catch {
        FileHandle.standardError.write(Data("channeldesk-bench --mode shared: \(error)\n".utf8))
        exit(1)
    }
}

if let file = options.measureOpen { ChildMode.run(file, options) }

// MARK: - Environment

func machine(sqlite: String?, directory: URL) -> Machine {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let cpu = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "?"
    let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
    let totalKiB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal") }
        .flatMap { Double($0.split(separator: " ")[1]) } ?? 0
    let swift = (try? run("/usr/bin/env", ["swift", "--version"]))?.stdout.split(separator: "\n").first.map(String.init)
        ?? (try? run("/usr/bin/env", ["swift", "--version"]))?.stderr.split(separator: "\n").first.map(String.init) ?? "?"
    // The commit measured: HEAD, marked +dirty when product sources differ from it (engineers committing
    // concurrently), or CHANNELDESK_BENCH_COMMIT when built from an exported tree outside git.
    let sourceDirectory = FileManager.default.currentDirectoryPath
    var commit = (try? run("/usr/bin/env", ["git", "-C", sourceDirectory, "rev-parse", "--short", "HEAD"]))
        .flatMap { $0.status == 0 ? $0.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil }
        ?? ProcessInfo.processInfo.environment["CHANNELDESK_BENCH_COMMIT"] ?? "?"
    if let status = try? run("/usr/bin/env", ["git", "-C", sourceDirectory, "status", "--porcelain", "--", "Sources", "Resources"]),
       status.status == 0, !status.stdout.isEmpty { commit += "+dirty" }
    let filesystem = (try? run("/usr/bin/env", ["df", "-T", directory.path]))?.stdout.split(separator: "\n").last?
        .split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? "?"
    let formatter = ISO8601DateFormatter()
    return Machine(nproc: ProcessInfo.processInfo.activeProcessorCount, cpu: cpu, memoryGiB: totalKiB / 1_048_576,
                   swift: swift, sqlite: sqlite.map(SQLiteBaseline.version) ?? "missing",
                   commit: commit.isEmpty ? "?" : commit, date: formatter.string(from: Date()),
                   loadAverageStart: loadAverage(), loadAverageEnd: "", tmpDirectory: directory.path, filesystem: filesystem)
}

// MARK: - Steps

let asOf = options.asOf
let clock: () -> Instant = { asOf.endOfDay.adding(seconds: -3_600) }
let policy = try Policy.bundledDefault()

func generate(registrations: Int, partners: Int) -> (Programme, Double) {
    log("generating \(partners) partners / \(registrations) registrations (as of \(asOf))")
    let (programme, seconds) = timed {
        DemoGenerator.programme(policy: policy, partners: partners, registrations: registrations, seed: 1, asOf: asOf)
    }
    log("  generated \(programme.deals.count) deals in \(String(format: "%.1f", seconds)) s")
    return (programme, seconds)
}

/// Our figure 1: ProgrammeLoader.load + Metrics.report + TierEngine.standings + ConflictDetector.queue.
struct OpenRun {
    var total, load, metrics, tiers, queue: Double
    var report: MetricsReport
}

@inline(never)
func openAndCompute(_ location: ProgrammeLocation) throws -> OpenRun {
    let start = monotonicNanos()
    let programme = try ProgrammeLoader.load(location).programme
    let loaded = monotonicNanos()
    let report = Metrics.report(programme, asOf: asOf)
    let metered = monotonicNanos()
    let standings = TierEngine.standings(programme, asOf: asOf)
    let tiered = monotonicNanos()
    let queue = ConflictDetector.queue(programme, asOf: asOf)
    let done = monotonicNanos()
    consume(standings.count + queue.count)
    func s(_ a: UInt64, _ b: UInt64) -> Double { Double(b - a) / 1e9 }
    return OpenRun(total: s(start, done), load: s(start, loaded), metrics: s(loaded, metered), tiers: s(metered, tiered),
                   queue: s(tiered, done), report: report)
}

@inline(never)
func readBytes(_ path: String) throws -> Double {
    let (data, seconds) = try timed { try Data(contentsOf: URL(fileURLWithPath: path)) }
    consume(data.count)
    return seconds
}

func measureOpen(_ location: ProgrammeLocation, repetitions: Int,
                 sqlite: (() throws -> Double)? = nil) throws -> (OpenMetrics, MetricsReport, [Double]) {
    var runs: [OpenRun] = [], reads: [Double] = [], sqliteRuns: [Double] = []
    for repetition in 0..<repetitions {
        reads.append(try readBytes(location.url.path))
        runs.append(try openAndCompute(location))
        if let sqlite { sqliteRuns.append(try sqlite()) }
        log("  open+metrics \(repetition + 1)/\(repetitions): \(String(format: "%.3f", runs.last!.total)) s"
            + (sqliteRuns.last.map { String(format: " · sqlite3 %.3f s", $0) } ?? ""))
    }
    let middle = runs.sorted { $0.total < $1.total }[(runs.count - 1) / 2]
    let figure = OpenMetrics(seconds: middle.total, runs: runs.map(\.total), loadSeconds: middle.load,
                             metricsSeconds: middle.metrics, tiersSeconds: middle.tiers, queueSeconds: middle.queue,
                             readBytesSeconds: median(reads))
    return (figure, middle.report, sqliteRuns)
}

func childOpen(_ file: String, mode: String) throws -> (peak: Double, seconds: Double, ruMaxRSS: Double) {
    let object = try child(file, mode: mode)
    return (object["peakRSSMiB"]!, object["seconds"]!, object["ruMaxRSSMiB"] ?? .nan)
}

/// A `--measure-open` child's figures by name (peakRSSMiB and seconds always; a mode may add more).
func child(_ file: String, mode: String) throws -> [String: Double] {
    let result = try run(selfExecutable(), ["--measure-open", file, "--mode", mode, "--as-of", asOf.description])
    guard result.status == 0,
          let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Double],
          object["peakRSSMiB"] != nil, object["seconds"] != nil
    else { throw BenchError("measure-open child (\(mode)) failed: \(result.stderr.prefix(400))") }
    return object
}

// MARK: - Main run

let fileManager = FileManager.default
let workDirectory: URL = options.directory.map { URL(fileURLWithPath: $0) }
    ?? fileManager.temporaryDirectory.appendingPathComponent("channeldesk-bench-\(getpid())")
try? fileManager.removeItem(at: workDirectory)
try fileManager.createDirectory(at: workDirectory, withIntermediateDirectories: true)


var notes: [String] = []
let sqliteLocation = SQLiteBaseline.locate()
notes.append(sqliteLocation.note)
var machineInfo = machine(sqlite: sqliteLocation.path, directory: workDirectory)
log("machine: \(machineInfo.nproc) cores, \(machineInfo.cpu), \(String(format: "%.1f", machineInfo.memoryGiB)) GiB, load \(machineInfo.loadAverageStart)")

let mainLocation = ProgrammeLocation(url: workDirectory.appendingPathComponent("main/programme.cdesk"))
var (programme, generateSeconds) = generate(registrations: options.registrations, partners: options.partners)
let (_, writeSeconds) = try timed { try ProgrammeStore.write(programme, to: mainLocation) }
let snapshotBytes = fileSize(mainLocation.url.path)
let queuedCount = programme.registrations.reduce(0) { $0 + ($1.status.isQueued ? 1 : 0) }
let programmeInfo = ProgrammeInfo(
    partners: programme.partners.count, registrations: programme.registrations.count, deals: programme.deals.count,
    dealsPerRegistration: programme.registrations.isEmpty ? 0 : Double(programme.deals.count) / Double(programme.registrations.count),
    queued: queuedCount, generateSeconds: generateSeconds, writeSeconds: writeSeconds, snapshotBytes: snapshotBytes)
log("snapshot: \(snapshotBytes) bytes written in \(String(format: "%.2f", writeSeconds)) s; \(queuedCount) queued")
if options.reportDealsRatio {
    let ratio = programmeInfo.dealsPerRegistration
    notes.append(String(format: "deals per registration: %.3f (%d deals / %d registrations)", ratio, programmeInfo.deals, programmeInfo.registrations)
                 + ((0.25...0.35).contains(ratio) ? "" : " — outside the ~0.3 the generator promises"))
}

// Baseline inputs, made once: CSVs (Exporter), the sqlite database, the Codable binary plist.
let csvDirectory = workDirectory.appendingPathComponent("csv")
try fileManager.createDirectory(at: csvDirectory, withIntermediateDirectories: true)
log("exporting CSVs with Exporter")
let (csvs, exportSeconds) = try timed { try SQLiteBaseline.exportCSVs(programme, to: csvDirectory) }
log("  exported in \(String(format: "%.1f", exportSeconds)) s")

var sqliteBuild: Double?
let database = workDirectory.appendingPathComponent("baseline.sqlite").path
if let sqlite = sqliteLocation.path {
    log("building the sqlite3 baseline database (.import of the CSVs)")
    sqliteBuild = try SQLiteBaseline.buildDatabase(sqlite, database: database, csvs: csvs)
    log("  built in \(String(format: "%.1f", sqliteBuild!)) s, \(fileSize(database)) bytes")
}

log("encoding registrations+deals as Codable structs (PropertyListEncoder, binary)")
let codableURL = workDirectory.appendingPathComponent("codable.plist")
let (codableEncodeSeconds) = try timed { () throws -> Int in
    let encoder = PropertyListEncoder()
    encoder.outputFormat = .binary
    let data = try encoder.encode(CodablePayload(registrations: Array(programme.registrations), deals: Array(programme.deals)))
    try data.write(to: codableURL)
    return data.count
}.1
log("  encoded in \(String(format: "%.1f", codableEncodeSeconds)) s")
// The MDF requests too: a registration's mdf_request_id must name a known request.
let partnersOnly = try Programme.loaded(policy: policy, partners: programme.partners, registrations: [Registration](), deals: [Deal](),
                                        investments: [], npsResponses: [], directAccounts: [], enablement: [], audit: [],
                                        mdfRequests: programme.mdfRequests)
programme = Programme(policy: policy) // release the generator's copy before measuring

// 1. Open + compute every metric, vs sqlite3, Codable decode and reading the bytes.
log("1. open + compute every metric")
let sqlText = SQLiteBaseline.metricsSQL(asOf: asOf, period: .quarterToDate(asOf), policy: policy)
var lastSQLiteValues: [String: [String]] = [:]
let sqliteQuery: (() throws -> Double)? = sqliteLocation.path.map { sqlite in
    {
        let answer = try SQLiteBaseline.answer(sqlite, database: database, sql: sqlText)
        lastSQLiteValues = answer.values
        return answer.seconds
    }
}
var (openMetrics, report, sqliteRuns) = try measureOpen(mainLocation, repetitions: 3, sqlite: sqliteQuery)
if sqliteQuery != nil {
    openMetrics.sqliteSeconds = median(sqliteRuns)
    openMetrics.sqliteRuns = sqliteRuns
    openMetrics.sqliteBuildSeconds = sqliteBuild
    openMetrics.sqliteDatabaseBytes = fileSize(database)
    openMetrics.sqliteDisagreements = SQLiteBaseline.disagreements(lastSQLiteValues, report)
    for problem in openMetrics.sqliteDisagreements ?? [] { log("  sqlite disagrees: \(problem)") }
}
do {
    let data = try Data(contentsOf: codableURL)
    log("  decoding \(data.count) bytes of Codable plist")
    let (payload, seconds) = try timed { try PropertyListDecoder().decode(CodablePayload.self, from: data) }
    consume(payload.registrations.count + payload.deals.count)
    openMetrics.codableDecodeSeconds = seconds
    openMetrics.codableEncodeSeconds = codableEncodeSeconds
    openMetrics.codableBytes = data.count
    log("  Codable decode \(String(format: "%.2f", seconds)) s")
}
try? fileManager.removeItem(at: codableURL)

// 2. First frame; 3. keystrokes.
log("2. first frame (ProgrammeStore open → ConsoleRuntime → frame) at \(ConsoleBench.width)×\(ConsoleBench.height)")
let (firstFrame, runtime) = try ConsoleBench.firstFrame(mainLocation, asOf: asOf, clock: clock, repetitions: 3)
log("3. keystroke → frame latency (\(options.samples) samples each, \(options.approvals) approvals)")
let keystrokes = ConsoleBench.keystrokes(runtime, samples: options.samples, approvals: options.approvals,
                                         budget: options.keyBudgetSeconds)
runtime.store.close()

// 4. Durable approve alone; checkpoint.
log("4. durable approve (ProgrammeStore.perform(.approve): journal append + fsync)")
let durable: DurableApprove = try {
    let store = try ProgrammeStore(opening: mainLocation)
    defer { store.close() }
    let ids = store.programme.registrations.lazy.filter { $0.status.isQueued }.prefix(max(200, options.samples)).map(\.id)
    var samples = Samples(), failures = 0
    for id in ids {
        let start = monotonicNanos()
        do { try store.perform(.approve(registrationID: id), actor: "bench", at: clock()) } catch { failures += 1 }
        samples.add(monotonicNanos() - start)
    }
    let journalBytes = fileSize(mainLocation.journalURL.path)
    let recordBytes = samples.count == 0 ? 0 : journalBytes / samples.count
    let floor = rawAppendFsync(directory: mainLocation.url.deletingLastPathComponent(), bytes: recordBytes, count: samples.count)
    log("  raw write+fsync of \(recordBytes) bytes: p99 \(String(format: "%.2f", floor.p99)) ms")
    let (_, checkpointSeconds) = try timed { try store.checkpoint() }
    log("  approve p99 \(String(format: "%.2f", samples.p99)) ms; checkpoint \(String(format: "%.2f", checkpointSeconds)) s")
    return DurableApprove(latency: samples.summary, fsyncFloor: floor.summary, recordBytes: recordBytes, failures: failures, journalBytesBeforeCheckpoint: journalBytes,
                          checkpointSeconds: checkpointSeconds, snapshotBytesAfterCheckpoint: fileSize(mainLocation.url.path))
}()

// 5. CSV import of the registrations file: the parse vs sqlite3 :memory: .import, and the whole import
// into a programme file vs sqlite3 .import into a database file.
log("5. import of the registrations CSV vs sqlite3 .import")
let csvImport: CSVImport = try {
    let url = csvs["registrations"]!
    let start = monotonicNanos()
    let data = try Data(contentsOf: url)
    let read = monotonicNanos()
    let result = CSVImporter.parse(.registrations, data: data, fileName: url.lastPathComponent, programme: partnersOnly)
    let parsed = monotonicNanos()
    var rows = 0
    var error: String?
    switch result {
    case .success(.registrations(let records)): rows = records.count
    case .success: error = "parse answered a batch of another kind"
    case .failure(let failure): error = String(failure.description.prefix(400))
    }
    var figure = CSVImport(rows: programmeInfo.registrations, csvBytes: data.count, readSeconds: Double(read - start) / 1e9,
                           parseSeconds: Double(parsed - read) / 1e9, totalSeconds: Double(parsed - start) / 1e9,
                           parsedRows: rows, error: error)
    log("  CSVImporter \(String(format: "%.2f", figure.totalSeconds)) s for \(rows) rows" + (error.map { " — \($0)" } ?? ""))
    if let sqlite = sqliteLocation.path {
        let imported = try SQLiteBaseline.importCSV(sqlite, csv: url)
        figure.sqliteImportSeconds = imported.seconds
        figure.sqliteRows = imported.rows
        log("  sqlite3 .import \(String(format: "%.2f", imported.seconds)) s for \(imported.rows) rows")
    }
    // End to end, as `channeldesk import registrations FILE` runs it: into a file holding the partners.
    let importLocation = ProgrammeLocation(url: workDirectory.appendingPathComponent("import/programme.cdesk"))
    try fileManager.createDirectory(at: importLocation.url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try ProgrammeStore.write(partnersOnly, to: importLocation)
    let importStore = try ProgrammeStore(opening: importLocation)
    let begun = monotonicNanos()
    let csvData = try Data(contentsOf: url)
    if case .success(let batch) = CSVImporter.parse(.registrations, data: csvData, fileName: url.lastPathComponent,
                                                     programme: importStore.programme) {
        try importStore.perform(.importBatch(batch, source: url.lastPathComponent), actor: "bench")
        figure.endToEndSeconds = Double(monotonicNanos() - begun) / 1e9
    }
    importStore.close()
    log("  channeldesk import (read, parse, apply, durable) \(figure.endToEndSeconds.map { String(format: "%.2f s", $0) } ?? "FAILED")")
    if let sqlite = sqliteLocation.path {
        let imported = try SQLiteBaseline.importCSV(sqlite, csv: url, into: workDirectory.appendingPathComponent("import/baseline.sqlite").path)
        figure.sqliteFileImportSeconds = imported.seconds
        log("  sqlite3 .import into a file \(String(format: "%.2f", imported.seconds)) s")
    }
    return figure
}()

// 6. Peak RSS of a fresh process opening the programme.
log("6. peak RSS of a child process opening the programme")
var memory: Memory?
do {
    let cli = try childOpen(mainLocation.url.path, mode: "cli")
    let console = try childOpen(mainLocation.url.path, mode: "console")
    memory = Memory(cliOpenPeakMiB: cli.peak, cliOpenSeconds: cli.seconds, cliRuMaxRSSMiB: cli.ruMaxRSS, consoleOpenPeakMiB: console.peak,
                    consoleOpenSeconds: console.seconds)
    log("  metrics \(String(format: "%.0f", cli.peak)) MiB · console \(String(format: "%.0f", console.peak)) MiB")
} catch {
    notes.append("peak RSS not measured: \(error)")
}

// 7. Exports streamed to a file, JSON beside CSV, each in a fresh child: time and memory above the open programme.
log("7. export registrations and deals, CSV and JSON, in child processes")
var exports: [ExportFigure] = []
do {
    let load = try child(mainLocation.url.path, mode: "load")
    for kind in ["registrations", "deals"] {
        let csv = try child(mainLocation.url.path, mode: "export-csv-\(kind)")
        let json = try child(mainLocation.url.path, mode: "export-json-\(kind)")
        let figure = ExportFigure(kind: kind, loadPeakMiB: load["peakRSSMiB"]!, csvSeconds: csv["exportSeconds"]!, jsonSeconds: json["exportSeconds"]!,
                                  csvPeakMiB: csv["peakRSSMiB"]!, jsonPeakMiB: json["peakRSSMiB"]!,
                                  csvBytes: Int(csv["exportBytes"]!), jsonBytes: Int(json["exportBytes"]!))
        exports.append(figure)
        log("  \(kind): CSV \(String(format: "%.2f", figure.csvSeconds)) s, \(String(format: "%.0f", figure.csvPeakMiB)) MiB · JSON "
            + "\(String(format: "%.2f", figure.jsonSeconds)) s, \(String(format: "%.0f", figure.jsonPeakMiB)) MiB (open alone \(String(format: "%.0f", figure.loadPeakMiB)) MiB)")
    }
} catch {
    notes.append("exports not measured: \(error)")
}

// The --sizes sweep: open/metrics, first frame and keystrokes at each size.
var sizeRuns: [SizeRun] = []
for size in options.sizes {
    let partners = partnersFor(size)
    if size == options.registrations && partners == options.partners {
        sizeRuns.append(SizeRun(registrations: size, partners: partners, deals: programmeInfo.deals, snapshotBytes: snapshotBytes,
                                openMetricsSeconds: openMetrics.seconds, loadSeconds: openMetrics.loadSeconds,
                                metricsSeconds: openMetrics.metricsSeconds, tiersSeconds: openMetrics.tiersSeconds,
                                queueSeconds: openMetrics.queueSeconds, readBytesSeconds: openMetrics.readBytesSeconds,
                                firstFrame: firstFrame, keystrokes: keystrokes))
        log("size \(size): the main run's figures")
        continue
    }
    log("size \(size) (\(partners) partners)")
    let location = ProgrammeLocation(url: workDirectory.appendingPathComponent("size-\(size)/programme.cdesk"))
    let deals: Int
    do {
        let (generated, _) = generate(registrations: size, partners: partners)
        deals = generated.deals.count
        try ProgrammeStore.write(generated, to: location)
    }
    let (open, _, _) = try measureOpen(location, repetitions: 3)
    let (frame, sizeRuntime) = try ConsoleBench.firstFrame(location, asOf: asOf, clock: clock, repetitions: 3)
    let strokes = ConsoleBench.keystrokes(sizeRuntime, samples: options.samples, approvals: options.approvals,
                                            budget: options.keyBudgetSeconds)
    sizeRuntime.store.close()
    sizeRuns.append(SizeRun(registrations: size, partners: partners, deals: deals, snapshotBytes: fileSize(location.url.path),
                            openMetricsSeconds: open.seconds, loadSeconds: open.loadSeconds, metricsSeconds: open.metricsSeconds,
                            tiersSeconds: open.tiersSeconds, queueSeconds: open.queueSeconds,
                            readBytesSeconds: open.readBytesSeconds, firstFrame: frame, keystrokes: strokes))
    try? fileManager.removeItem(at: location.url.deletingLastPathComponent())
}

machineInfo.loadAverageEnd = loadAverage()
let results = Results(machine: machineInfo, programme: programmeInfo, openMetrics: openMetrics, firstFrame: firstFrame,
                      keystrokes: keystrokes, durableApprove: durable, csvImport: csvImport, memory: memory, exports: exports,
                      sizes: sizeRuns, notes: notes, wallSeconds: Double(monotonicNanos() - benchStart) / 1e9)

let jsonEncoder = JSONEncoder()
jsonEncoder.outputFormatting = [.prettyPrinted, .sortedKeys]
jsonEncoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
let resultsJSON = try jsonEncoder.encode(results) + Data("\n".utf8)
if let path = options.jsonFile { try resultsJSON.write(to: URL(fileURLWithPath: path)) }
if options.json {
    FileHandle.standardOutput.write(resultsJSON)
} else {
    print(Report.text(results))
}

if !options.keepFiles { try? fileManager.removeItem(at: workDirectory) }
