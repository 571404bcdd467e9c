import ChannelConsole
import ChannelModel
import ChannelShared
import ChannelStore
import Foundation

/// `channeldesk-bench --mode shared`: the team figures of DESIGN.md §9 / issue #15, measured against a
/// real PostgreSQL server — a throwaway cluster on loopback, started with the tests' own starter
/// (`ThrowawayCluster`) and removed at the end. The programme is the main run's generated one.
enum SharedBench {
    struct Results: Codable {
        var machine: Machine
        var registrations: Int
        var snapshotBytes: Int
        var shareSeconds: Double
        /// A member with no local copy: SharedSession (snapshot download, cache written and opened,
        /// LISTEN started) and then the console's runtime to its first frame.
        var joinSeconds: Double
        var joinSessionSeconds: Double
        var joinFrameSeconds: Double
        /// `SharedSession.perform(.approve)`: catch up, check, `channeldesk.append`, apply to the copy.
        var decision: LatencySummary
        var decisionFailures: Int
        /// From the append's acknowledgement to another member's session having applied it (NOTIFY
        /// wake-up, then its catch-up); polled every 0.1 ms, as fast as a console loop could notice.
        var lag: LatencySummary
        var lagMisses: Int
        var importRows: Int
        var importCSVBytes: Int
        /// `channeldesk import` through the server: connect and catch up, parse, append, apply.
        var importSeconds: Double
        var importParseSeconds: Double
        var importAppendSeconds: Double
        var importJSONBytes: Int
        var importAttachmentBytes: Int
        /// A member with no local copy reading the imported programme (snapshot + the import's attachment).
        var importCatchUpSeconds: Double
        var wallSeconds: Double
    }

    static func main(_ options: Options) throws {
        let results = try run(options)
        if let path = options.jsonFile {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            try (encoder.encode(results) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
        }
        print(text(results))
    }

    static func run(_ options: Options) throws -> Results {
        let start = monotonicNanos()
        let work = URL(fileURLWithPath: options.directory ?? NSTemporaryDirectory() + "channeldesk-bench-shared-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { if !options.keepFiles { try? FileManager.default.removeItem(at: work) } }
        let machineInfo = machine(sqlite: nil, directory: work)

        log("starting a throwaway PostgreSQL cluster on loopback")
        let cluster = try ThrowawayCluster.start()
        defer { cluster.stop() }
        try cluster.psql("CREATE DATABASE channel")
        try cluster.psql("CREATE DATABASE imports")
        func url(_ database: String, _ user: String) throws -> DatabaseURL { try DatabaseURL(cluster.url(database: database, user: user)) }
        func home(_ name: String) -> [String: String] { ["HOME": work.path + "/home-\(name)", "XDG_CACHE_HOME": work.path + "/home-\(name)/cache"] }

        // The programme, shared; and beside it one holding only the partners, for the 1M import.
        let policy = try Policy.bundledDefault()
        log("generating \(options.partners) partners / \(options.registrations) registrations")
        var generated = DemoGenerator.programme(policy: policy, partners: options.partners, registrations: options.registrations,
                                                seed: 1, asOf: options.asOf)
        let main = ProgrammeLocation(url: work.appendingPathComponent("main.cdesk"))
        try ProgrammeStore.write(generated, to: main)
        let partnersOnly = try Programme.loaded(policy: policy, partners: generated.partners, registrations: [Registration](), deals: [Deal](),
                                                investments: [], npsResponses: [], directAccounts: [], enablement: [], audit: [],
                                                mdfRequests: generated.mdfRequests)
        let importsLocation = ProgrammeLocation(url: work.appendingPathComponent("imports.cdesk"))
        try ProgrammeStore.write(partnersOnly, to: importsLocation)
        let csv = Exporter.export(.registrations, from: generated, format: .csv)
        let csvURL = work.appendingPathComponent("registrations.csv")
        try csv.write(to: csvURL)
        generated = Programme(policy: policy) // let the generator's copy go before measuring

        log("sharing \(fileSize(main.url.path)) bytes")
        let (_, shareSeconds) = try timed { try Sharing.share(main, to: try url("channel", "postgres")) }
        _ = try Sharing.share(importsLocation, to: try url("imports", "postgres"))
        try cluster.psql("""
            CREATE ROLE ann LOGIN; CREATE ROLE ben LOGIN; CREATE ROLE ada LOGIN; CREATE ROLE vera LOGIN;
            GRANT channeldesk_manager TO ann, ben; GRANT channeldesk_admin TO ada; GRANT channeldesk_viewer TO vera;
            """)

        log("joining: a fresh cache to the console's first frame")
        let joinStart = monotonicNanos()
        let ann = try SharedSession(try url("channel", "ann"), environment: home("ann"))
        let joined = monotonicNanos()
        let runtime = ConsoleRuntime(store: ann.store, actor: "ann", asOf: options.asOf, width: ConsoleBench.width, height: ConsoleBench.height)
        consume(runtime.frame())
        let framed = monotonicNanos()
        log("  joined in \(seconds(joinStart, framed)) s (session \(seconds(joinStart, joined)) s)")
        let ben = try SharedSession(try url("channel", "ben"), environment: home("ben"))

        log("decisions: round trip, and lag to another member's session (\(options.samples) samples)")
        // Each listener announces itself once it listens: from then on every append wakes it.
        try poll(seconds: 30) { ann.hasNews && ben.hasNews }
        try ann.catchUp()
        try ben.catchUp()
        let ids = ann.store.programme.registrations.lazy.filter { $0.status.isQueued }.prefix(options.samples).map(\.id)
        var decision = Samples(), lag = Samples(), failures = 0, misses = 0
        for id in ids {
            let sent = monotonicNanos()
            do { _ = try ann.perform(.approve(registrationID: id)) } catch { failures += 1; continue }
            let acknowledged = monotonicNanos()
            decision.add(acknowledged - sent)
            do {
                try poll(seconds: 5, every: 100) {
                    if ben.hasNews { _ = try? ben.catchUp() }
                    return ben.store.programme.registration(id)?.status == .approved
                }
                lag.add(monotonicNanos() - acknowledged)
            } catch { misses += 1 }
        }
        log("  round trip p99 \(decision.p99) ms · lag p99 \(lag.p99) ms")
        ann.close()
        ben.close()

        log("importing \(options.registrations) registrations through the server")
        let importStart = monotonicNanos()
        let writer = try SharedWriter(try url("imports", "ada"), environment: home("ada"))
        let data = try Data(contentsOf: csvURL)
        let parsedStart = monotonicNanos()
        guard case .success(let batch) = CSVImporter.parse(.registrations, data: data, fileName: "registrations.csv", programme: writer.programme) else {
            throw BenchError("the generated registrations CSV did not parse")
        }
        let parsed = monotonicNanos()
        _ = try writer.perform(.importBatch(batch, source: "registrations.csv"))
        let appended = monotonicNanos()
        writer.close()
        let sizes = try cluster.psql("SELECT octet_length(payload::text) || ' ' || octet_length(attachment) FROM channeldesk.actions",
                                     database: "imports").split(separator: " ").compactMap { Int($0) }
        log("  imported in \(seconds(importStart, appended)) s; a new member catching up")
        let (read, catchUpSeconds) = try timed { try SharedProgramme.read(try url("imports", "vera"), environment: home("vera")) }
        guard read.programme.registrations.count == batch.count else { throw BenchError("the catch-up holds \(read.programme.registrations.count) registrations") }

        return Results(machine: machineInfo, registrations: options.registrations, snapshotBytes: fileSize(main.url.path),
                       shareSeconds: shareSeconds, joinSeconds: seconds(joinStart, framed), joinSessionSeconds: seconds(joinStart, joined),
                       joinFrameSeconds: seconds(joined, framed), decision: decision.summary, decisionFailures: failures,
                       lag: lag.summary, lagMisses: misses, importRows: batch.count, importCSVBytes: data.count,
                       importSeconds: seconds(importStart, appended), importParseSeconds: seconds(parsedStart, parsed),
                       importAppendSeconds: seconds(parsed, appended), importJSONBytes: sizes.first ?? -1,
                       importAttachmentBytes: sizes.last ?? -1, importCatchUpSeconds: catchUpSeconds,
                       wallSeconds: seconds(start, monotonicNanos()))
    }

    static func seconds(_ from: UInt64, _ to: UInt64) -> Double { Double(to - from) / 1e9 }

    /// Polls `condition` every `micros` until it holds; fails after `seconds`.
    static func poll(seconds: Double, every micros: UInt32 = 1_000, _ condition: () throws -> Bool) throws {
        let deadline = monotonicNanos() + UInt64(seconds * 1e9)
        while try !condition() {
            guard monotonicNanos() < deadline else { throw BenchError("gave up waiting after \(seconds) s") }
            usleep(micros)
        }
    }

    static func text(_ r: Results) -> String {
        func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }
        func s(_ value: Double) -> String { String(format: "%.2f s", value) }
        func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
        func row(_ figure: String, _ value: String, _ note: String, _ target: String, _ met: Bool?) -> String {
            figure.padding(toLength: 38, withPad: " ", startingAt: 0) + value.padding(toLength: 30, withPad: " ", startingAt: 0)
                + note.padding(toLength: 34, withPad: " ", startingAt: 0) + target.padding(toLength: 14, withPad: " ", startingAt: 0)
                + (met.map { $0 ? "yes" : "NO" } ?? "")
        }
        let m = r.machine
        return [
            "ChannelDesk shared-programme benchmark — \(r.registrations.formatted()) registrations on PostgreSQL over loopback",
            "machine: \(m.nproc) × \(m.cpu), \(String(format: "%.1f", m.memoryGiB)) GiB · load \(m.loadAverageStart) → \(loadAverage()) · commit \(m.commit) · \(m.date)",
            "shared \(mb(r.snapshotBytes)) in \(s(r.shareSeconds)) · wall \(s(r.wallSeconds))",
            "",
            row("Figure", "Measured", "Detail", "Target", nil) + "Met",
            row("decision round trip (approve)", "\(ms(r.decision.p50Ms)) / \(ms(r.decision.p99Ms))", "p50/p99, n=\(r.decision.samples), \(r.decisionFailures) refused",
                "p99 < 20 ms", r.decision.p99Ms < 20),
            row("change → other session applied", "\(ms(r.lag.p50Ms)) / \(ms(r.lag.p99Ms))", "p50/p99, n=\(r.lag.samples), \(r.lagMisses) missed",
                "p99 < 1 s", r.lag.p99Ms < 1_000 && r.lagMisses == 0),
            row("join (fresh cache → first frame)", s(r.joinSeconds), "session \(s(r.joinSessionSeconds)) · frame \(s(r.joinFrameSeconds))",
                "< 5 s", r.joinSeconds < 5),
            row("import \(r.importRows.formatted()) rows via server", s(r.importSeconds),
                "parse \(s(r.importParseSeconds)) · append \(s(r.importAppendSeconds))", "", nil),
            row("  log row: jsonb · attachment", "\(r.importJSONBytes) B · \(mb(r.importAttachmentBytes))", "CSV \(mb(r.importCSVBytes))", "", nil),
            row("  new member catches up the import", s(r.importCatchUpSeconds), "snapshot + attachment, decoded", "", nil),
        ].joined(separator: "\n")
    }
}
