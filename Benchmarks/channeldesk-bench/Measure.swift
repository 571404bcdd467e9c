import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Monotonic nanoseconds (CLOCK_MONOTONIC): immune to wall-clock steps.
@inline(__always)
func monotonicNanos() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Runs `body` once and answers its result with the seconds it took.
@inline(never)
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = monotonicNanos()
    let value = try body()
    return (value, Double(monotonicNanos() - start) / 1e9)
}

/// Keeps a computed value observable so the optimiser cannot drop the work that produced it.
nonisolated(unsafe) var blackHole: Int = 0
@inline(never)
func consume<T>(_ value: T) {
    withUnsafePointer(to: value) { blackHole &+= Int(bitPattern: $0) & 1 }
}

/// Latency samples in nanoseconds, summarised by nearest-rank percentiles of the sorted samples.
struct Samples: Codable {
    private(set) var nanos: [UInt64] = []

    mutating func add(_ value: UInt64) { nanos.append(value) }
    var count: Int { nanos.count }

    /// Nearest-rank percentile in milliseconds (p in 0...1).
    func percentile(_ p: Double) -> Double {
        guard !nanos.isEmpty else { return .nan }
        let sorted = nanos.sorted()
        let rank = Swift.max(1, Int((p * Double(sorted.count)).rounded(.up)))
        return Double(sorted[min(rank, sorted.count) - 1]) / 1e6
    }

    var p50: Double { percentile(0.50) }
    var p99: Double { percentile(0.99) }
    var max: Double { nanos.max().map { Double($0) / 1e6 } ?? .nan }
    var mean: Double { nanos.isEmpty ? .nan : Double(nanos.reduce(0, +)) / Double(nanos.count) / 1e6 }

    var summary: LatencySummary { LatencySummary(samples: count, p50Ms: p50, p99Ms: p99, maxMs: max, meanMs: mean) }
}

struct LatencySummary: Codable {
    var samples: Int
    var p50Ms: Double
    var p99Ms: Double
    var maxMs: Double
    var meanMs: Double
}

/// The median of a few repetitions (the middle one; with two, the faster).
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : sorted[sorted.count / 2 - 1]
}

/// Peak resident set size of this process in MiB: VmHWM from /proc/self/status.
///
/// Not getrusage's ru_maxrss: Linux carries ru_maxrss across execve, and Foundation's Process spawns
/// with posix_spawn (CLONE_VM), so a child's ru_maxrss starts at the *parent's* peak — here the
/// benchmark's own multi-GB generation peak. VmHWM belongs to the child's fresh address space.
func peakRSSMiB() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
        return kib / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// ru_maxrss as getrusage reports it (MiB), for comparison with VmHWM.
func ruMaxRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// The floor under a durable append: `count` appends of `bytes` bytes to a fresh O_APPEND file in
/// `directory`, each followed by fsync — what the journal does, without encoding or the reducer.
func rawAppendFsync(directory: URL, bytes: Int, count: Int) -> Samples {
    let path = directory.appendingPathComponent("fsync-floor.bin").path
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return Samples() }
    defer { close(fd); unlink(path) }
    let record = [UInt8](repeating: 0x5A, count: Swift.max(1, bytes))
    var samples = Samples()
    for _ in 0..<count {
        let start = monotonicNanos()
        _ = record.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        samples.add(monotonicNanos() - start)
    }
    return samples
}

/// Current resident set size in MiB, from /proc/self/statm.
func currentRSSMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return .nan }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return .nan }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

/// Runs a command, answering its exit status, stdout and stderr, and the wall seconds it took.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double
}

func run(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    // Drain both pipes on other threads so a chatty child can never block on a full pipe.
    nonisolated(unsafe) var outData = Data(), errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let start = monotonicNanos()
    try process.run()
    if let stdin {
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    }
    process.waitUntilExit()
    let seconds = Double(monotonicNanos() - start) / 1e9
    group.wait()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self), seconds: seconds)
}

func which(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// This executable's own path, for re-running it as a child.
func selfExecutable() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}

func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
        .split(separator: " ").prefix(3).joined(separator: " ")
}

func log(_ message: String) {
    let start = benchStart
    FileHandle.standardError.write(Data("[bench \(String(format: "%7.1f", Double(monotonicNanos() - start) / 1e9))s] \(message)\n".utf8))
}

let benchStart = monotonicNanos()
