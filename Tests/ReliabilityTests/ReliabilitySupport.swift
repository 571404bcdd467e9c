import ChannelModel
import ChannelStore
import Foundation
import Glibc

/// A fresh directory under the system temp dir, removed when dropped.
final class Scratch {
    let url: URL
    init(_ label: String, in root: URL? = nil) throws {
        url = (root ?? FileManager.default.temporaryDirectory).appendingPathComponent("channeldesk-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The built `channeldesk` binary, run as a script would run it.
enum Binary {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static let url: URL = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("channeldesk"),
            Bundle.main.bundleURL.appendingPathComponent("channeldesk"),
            packageRoot.appendingPathComponent(".build/debug/channeldesk"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    static func environment(scratch: URL) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["USER"] = "crash.tester"
        env["XDG_DATA_HOME"] = scratch.appendingPathComponent("xdg").path
        env.removeValue(forKey: "CHANNELDESK_FILE")
        return env
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary to completion.
    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment(scratch: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Reads a child's stdout line by line with deadlines (poll + read), so the harness can act on each
/// acknowledgement as it arrives and still collect whatever was written just before a kill.
final class LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var atEOF = false

    init(_ handle: FileHandle) { fd = handle.fileDescriptor }

    /// The next complete line, or nil at EOF or when `deadline` passes first.
    func nextLine(before deadline: Date) -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            if atEOF { return nil }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return nil }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining * 1000, 1000).rounded(.up)))
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            fill()
        }
    }

    /// Every complete line still to come (the writer must be dead or about to close).
    func drain() -> [String] {
        var lines: [String] = []
        while let line = nextLine(before: .distantFuture) { lines.append(line) }
        return lines
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            atEOF = true
        }
    }
}

extension Programme {
    /// What the crash test compares between the file and the model: every decision-bearing field, but
    /// not the wall-clock times (the model and the real run decide at slightly different instants).
    var durableFacts: Facts {
        // Structs, not formatted strings: the power-loss loop compares these thousands of times.
        var byID = [String: Facts.Registration](minimumCapacity: registrations.count)
        for row in registrations {
            byID[row.id] = Facts.Registration(status: row.status, extensions: row.extensions, note: row.note,
                                              protected: row.protectedUntil != nil, tier: row.tierAtApproval)
        }
        var tiers = [String: String](minimumCapacity: partners.count)
        for partner in partners { tiers[partner.id] = partner.tier }
        // An MDF decision is its request's status and amounts.
        var mdf = [String: String](minimumCapacity: mdfRequests.count)
        for request in mdfRequests {
            mdf[request.id] = "\(request.status.rawValue)|\(request.approvedAmount?.cents ?? -1)|\(request.claimedAmount?.cents ?? -1)"
        }
        return Facts(registrations: byID, tiers: tiers, commissionStatus: commissionStatus.mapValues(\.rawValue), mdf: mdf)
    }

    struct Facts: Equatable {
        struct Registration: Equatable, CustomStringConvertible {
            var status: RegistrationStatus
            var extensions: Int
            var note: String?
            var protected: Bool
            var tier: String?
            var description: String { "\(status.rawValue)|\(extensions)|\(note ?? "-")|\(protected ? "protected" : "open")|\(tier ?? "-")" }
        }

        var registrations: [String: Registration]
        var tiers: [String: String]
        var commissionStatus: [String: String]
        var mdf: [String: String] = [:]

        /// The first few differences, for a failure message.
        func differences(from other: Facts) -> String {
            var lines: [String] = []
            if registrations.count != other.registrations.count {
                lines.append("registrations: \(registrations.count) vs \(other.registrations.count)")
            }
            for (id, value) in registrations where other.registrations[id] != value {
                lines.append("\(id): \(value) vs \(other.registrations[id].map(\.description) ?? "absent")")
            }
            for (id, value) in tiers where other.tiers[id] != value { lines.append("\(id): \(value) vs \(other.tiers[id] ?? "absent")") }
            for (id, value) in commissionStatus where other.commissionStatus[id] != value {
                lines.append("commission \(id): \(value) vs \(other.commissionStatus[id] ?? "accrued")")
            }
            for (id, value) in other.commissionStatus where commissionStatus[id] == nil { lines.append("commission \(id): accrued vs \(value)") }
            for (id, value) in mdf where other.mdf[id] != value { lines.append("mdf \(id): \(value) vs \(other.mdf[id] ?? "absent")") }
            return lines.prefix(8).joined(separator: "; ")
        }
    }
}
