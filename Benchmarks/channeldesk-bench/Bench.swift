import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation

// MARK: - Options

struct Options {
    var registrations = 1_000_000
    var partners = 10_000
    var reportDealsRatio = false
    var json = false
    var jsonFile: String?
    var sizes: [Int] = []
    var quick = false
    var asOf = Day(year: 2026, month: 9, day: 30)!
    var samples = 200
    var approvals = 100
    /// Wall-clock cap per keystroke kind; a kind slower than this stops early (at least 20 samples).
    var keyBudgetSeconds = 45.0
    var keepFiles = false
    var directory: String?
    /// Child mode: open this file, report peak RSS, exit.
    var measureOpen: String?
    var measureMode = "cli"

    static let usage = """
    usage: channeldesk-bench [--registrations N] [--partners N] [--deals-ratio] [--json]
                             [--sizes 10000,100000,1000000] [--quick] [--as-of YYYY-MM-DD]
                             [--samples N] [--approvals N] [--dir PATH] [--keep]

      --registrations N   registrations in the generated programme (default 1,000,000)
      --partners N        partners (default 10,000)
      --deals-ratio       also report the generated deals-per-registration ratio (DemoGenerator makes ~0.3)
      --json              print the results as JSON on stdout (progress still goes to stderr)
      --json-file PATH    also write the JSON results to PATH (the table still goes to stdout)
      --sizes LIST        also run open/metrics/first-frame/keystrokes at each registration count
                          (partners scale as registrations/100, at least 100)
      --quick             100k registrations, 1k partners, no --sizes: a smoke run in well under a minute
      --as-of DAY         the as-of date of the generated programme and every metric (default 2026-09-30)
      --samples N         keystroke samples per kind (default 200); --approvals N approve keystrokes (default 100)
      --key-budget S      stop a keystroke kind after S seconds (and ≥ 20 samples) when it is far off target (default 45)
      --dir PATH          work directory (default: a fresh directory under $TMPDIR); --keep leaves it behind

    a team's shared programme (issue #15), on a throwaway PostgreSQL cluster on loopback it starts itself:
      --mode shared       decision round trip, lag to another member's session, joining the programme
                          to a first frame, and the import of its registrations through the server
                          (with --registrations/--partners/--quick, --samples, --json-file, --dir, --keep)

    profiling helpers (one step in a fresh process, e.g. under perf record):
      --measure-open FILE --mode cli|console|keys|csv|generate
                          cli: load + metrics + tiers + queue; console: store + runtime + first frame;
                          keys: console keystrokes; csv: export + CSVImporter.parse of registrations;
                          generate: write the --registrations/--partners programme to FILE
    """

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var iterator = arguments.makeIterator()
        func value(_ flag: String) throws -> String {
            guard let value = iterator.next() else { throw BenchError("\(flag) needs a value\n\(usage)") }
            return value
        }
        func count(_ flag: String) throws -> Int {
            let text = try value(flag).replacingOccurrences(of: "_", with: "")
            guard let number = Int(text), number >= 0 else { throw BenchError("\(flag): '\(text)' is not a count") }
            return number
        }
        var explicitSize = false
        while let argument = iterator.next() {
            switch argument {
            case "--registrations": options.registrations = try count(argument); explicitSize = true
            case "--partners": options.partners = try count(argument); explicitSize = true
            case "--deals-ratio": options.reportDealsRatio = true
            case "--json": options.json = true
            case "--json-file": options.jsonFile = try value(argument)
            case "--sizes":
                options.sizes = try value(argument).split(separator: ",").map {
                    guard let size = Int($0.replacingOccurrences(of: "_", with: "")), size > 0 else {
                        throw BenchError("--sizes: '\($0)' is not a count")
                    }
                    return size
                }
            case "--quick": options.quick = true
            case "--as-of":
                let text = try value(argument)
                guard let day = Day(parsing: text) else { throw BenchError("--as-of: '\(text)' is not YYYY-MM-DD") }
                options.asOf = day
            case "--samples": options.samples = max(1, try count(argument))
            case "--approvals": options.approvals = max(1, try count(argument))
            case "--key-budget": options.keyBudgetSeconds = Double(try count(argument))
            case "--dir": options.directory = try value(argument)
            case "--keep": options.keepFiles = true
            case "--measure-open": options.measureOpen = try value(argument)
            case "--mode": options.measureMode = try value(argument)
            case "-h", "--help": print(usage); exit(0)
            default: throw BenchError("unknown argument \(argument)\n\(usage)")
            }
        }
        if options.quick && !explicitSize {
            options.registrations = 100_000
            options.partners = 1_000
        }
        return options
    }
}

/// Partners for a registration count in the --sizes sweep: the default programme's 100 registrations
/// per partner, at least 100 partners (so 10M registrations have DESIGN §7's 100k partners).
func partnersFor(_ registrations: Int) -> Int { max(100, registrations / 100) }

// MARK: - Results

struct Machine: Codable {
    var nproc: Int
    var cpu: String
    var memoryGiB: Double
    var swift: String
    var sqlite: String
    var commit: String
    var date: String
    var loadAverageStart: String
    var loadAverageEnd: String
    var tmpDirectory: String
    var filesystem: String
}

struct ProgrammeInfo: Codable {
    var partners: Int
    var registrations: Int
    var deals: Int
    var dealsPerRegistration: Double
    var queued: Int
    var generateSeconds: Double
    var writeSeconds: Double
    var snapshotBytes: Int
}

struct OpenMetrics: Codable {
    /// Median of the repetitions: ProgrammeLoader.load + Metrics.report + TierEngine.standings + ConflictDetector.queue.
    var seconds: Double
    var runs: [Double]
    var loadSeconds: Double
    var metricsSeconds: Double
    var tiersSeconds: Double
    var queueSeconds: Double
    var readBytesSeconds: Double
    var sqliteSeconds: Double?
    var sqliteRuns: [Double]?
    var sqliteBuildSeconds: Double?
    var sqliteDatabaseBytes: Int?
    var sqliteDisagreements: [String]?
    var codableDecodeSeconds: Double?
    var codableEncodeSeconds: Double?
    var codableBytes: Int?
    var vsSqlite: Double? { sqliteSeconds.map { $0 / seconds } }
    var vsCodable: Double? { codableDecodeSeconds.map { $0 / seconds } }
    var vsReadBytes: Double { seconds / readBytesSeconds }

    enum CodingKeys: String, CodingKey {
        case seconds, runs, loadSeconds, metricsSeconds, tiersSeconds, queueSeconds, readBytesSeconds, sqliteSeconds,
             sqliteRuns, sqliteBuildSeconds, sqliteDatabaseBytes, sqliteDisagreements, codableDecodeSeconds,
             codableEncodeSeconds, codableBytes, speedupVsSqlite, speedupVsCodable, timesReadBytes
    }

    init(seconds: Double, runs: [Double], loadSeconds: Double, metricsSeconds: Double, tiersSeconds: Double,
         queueSeconds: Double, readBytesSeconds: Double) {
        self.seconds = seconds
        self.runs = runs
        self.loadSeconds = loadSeconds
        self.metricsSeconds = metricsSeconds
        self.tiersSeconds = tiersSeconds
        self.queueSeconds = queueSeconds
        self.readBytesSeconds = readBytesSeconds
    }

    init(from decoder: Decoder) throws { fatalError("results are only written") }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(runs, forKey: .runs)
        try c.encode(loadSeconds, forKey: .loadSeconds)
        try c.encode(metricsSeconds, forKey: .metricsSeconds)
        try c.encode(tiersSeconds, forKey: .tiersSeconds)
        try c.encode(queueSeconds, forKey: .queueSeconds)
        try c.encode(readBytesSeconds, forKey: .readBytesSeconds)
        try c.encodeIfPresent(sqliteSeconds, forKey: .sqliteSeconds)
        try c.encodeIfPresent(sqliteRuns, forKey: .sqliteRuns)
        try c.encodeIfPresent(sqliteBuildSeconds, forKey: .sqliteBuildSeconds)
        try c.encodeIfPresent(sqliteDatabaseBytes, forKey: .sqliteDatabaseBytes)
        try c.encodeIfPresent(sqliteDisagreements, forKey: .sqliteDisagreements)
        try c.encodeIfPresent(codableDecodeSeconds, forKey: .codableDecodeSeconds)
        try c.encodeIfPresent(codableEncodeSeconds, forKey: .codableEncodeSeconds)
        try c.encodeIfPresent(codableBytes, forKey: .codableBytes)
        try c.encodeIfPresent(vsSqlite, forKey: .speedupVsSqlite)
        try c.encodeIfPresent(vsCodable, forKey: .speedupVsCodable)
        try c.encode(vsReadBytes, forKey: .timesReadBytes)
    }
}

struct DurableApprove: Codable {
    var latency: LatencySummary
    /// write(2) + fsync of a journal-record-sized buffer to a file in the same directory, same count.
    var fsyncFloor: LatencySummary
    var recordBytes: Int
    var failures: Int
    var journalBytesBeforeCheckpoint: Int
    var checkpointSeconds: Double
    var snapshotBytesAfterCheckpoint: Int
}

struct CSVImport: Codable {
    var rows: Int
    var csvBytes: Int
    var readSeconds: Double
    var parseSeconds: Double
    var totalSeconds: Double
    var parsedRows: Int
    var error: String?
    var sqliteImportSeconds: Double?
    var sqliteRows: Int?
    /// What `channeldesk import registrations` does, in process: read, parse, apply and make durable
    /// in a programme file that holds the partners; beside `sqlite3 .import` into a database file.
    var endToEndSeconds: Double?
    var sqliteFileImportSeconds: Double?
}

struct Memory: Codable {
    /// `ProgrammeLoader.load` + metrics + tiers + queue in a fresh child process (what `channeldesk metrics` does).
    var cliOpenPeakMiB: Double
    var cliOpenSeconds: Double
    /// getrusage's ru_maxrss in the same child — inflated by the parent's peak (see peakRSSMiB).
    var cliRuMaxRSSMiB: Double
    /// ProgrammeStore + ConsoleRuntime + first frame in a fresh child process (what the console does).
    var consoleOpenPeakMiB: Double
    var consoleOpenSeconds: Double
}

struct SizeRun: Codable {
    var registrations: Int
    var partners: Int
    var deals: Int
    var snapshotBytes: Int
    var openMetricsSeconds: Double
    var loadSeconds: Double
    var metricsSeconds: Double
    var tiersSeconds: Double
    var queueSeconds: Double
    var readBytesSeconds: Double
    var firstFrame: ConsoleBench.FirstFrame
    var keystrokes: ConsoleBench.Keystrokes
}

/// One kind exported to a file in a fresh child process, as CSV and as JSON: DESIGN §7 wants the JSON
/// within 1.5× the CSV's time and memory flat (≤ 64 MB above the open programme, `loadPeakMiB`).
struct ExportFigure: Codable {
    var kind: String
    var loadPeakMiB: Double
    var csvSeconds: Double
    var jsonSeconds: Double
    var csvPeakMiB: Double
    var jsonPeakMiB: Double
    var csvBytes: Int
    var jsonBytes: Int
}

struct Results: Codable {
    var machine: Machine
    var programme: ProgrammeInfo
    var openMetrics: OpenMetrics
    var firstFrame: ConsoleBench.FirstFrame
    var keystrokes: ConsoleBench.Keystrokes
    var durableApprove: DurableApprove
    var csvImport: CSVImport
    var memory: Memory?
    var exports: [ExportFigure]
    var sizes: [SizeRun]
    var notes: [String]
    var wallSeconds: Double
}

/// What the Codable baseline decodes: the same registrations and deals, as arrays of Codable structs.
struct CodablePayload: Codable {
    var registrations: [Registration]
    var deals: [Deal]
}
