import Foundation

/// The readable report: one row per figure, its baseline beside it, the target and whether it was met.
enum Report {
    struct Row {
        var figure: String
        var value: String
        var baseline = ""
        var ratio = ""
        var target = ""
        var met: Bool?
    }

    static func seconds(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 1 ? String(format: "%.1f ms", value * 1000) : String(format: "%.2f s", value)
    }

    static func ms(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.1f", value) }
    static func latency(_ s: LatencySummary) -> String { "\(ms(s.p50Ms)) / \(ms(s.p99Ms)) / \(ms(s.maxMs)) ms" }
    static func bytes(_ count: Int) -> String { String(format: "%.1f MB", Double(count) / 1_000_000) }
    static func grouped(_ n: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        return formatter.string(from: NSNumber(value: n)) ?? "\(n)"
    }

    /// "3.2× faster" / "1.5× slower" for ours vs baseline seconds.
    static func speed(ours: Double, baseline: Double) -> String {
        ours <= baseline ? String(format: "%.1f× faster", baseline / ours) : String(format: "%.1f× slower", ours / baseline)
    }

    static func rows(_ r: Results) -> [Row] {
        var rows: [Row] = []
        let o = r.openMetrics
        rows.append(Row(figure: "1 open + every metric", value: seconds(o.seconds),
                        baseline: o.sqliteSeconds.map { "sqlite3 \(seconds($0))" } ?? "sqlite3 missing",
                        ratio: o.sqliteSeconds.map { speed(ours: o.seconds, baseline: $0) } ?? "",
                        target: "≤ 0.5× sqlite3", met: o.sqliteSeconds.map { o.seconds <= 0.5 * $0 }))
        rows.append(Row(figure: "", value: "", baseline: "Codable decode \(seconds(o.codableDecodeSeconds))",
                        ratio: o.codableDecodeSeconds.map { speed(ours: o.seconds, baseline: $0) } ?? "",
                        target: "≥ 20× faster", met: o.vsCodable.map { $0 >= 20 }))
        rows.append(Row(figure: "", value: "", baseline: "read file bytes \(seconds(o.readBytesSeconds))",
                        ratio: speed(ours: o.seconds, baseline: o.readBytesSeconds), target: "≤ 3× the bytes",
                        met: o.seconds <= 3 * o.readBytesSeconds))
        rows.append(Row(figure: "  load · metrics · tiers · queue",
                        value: "\(seconds(o.loadSeconds)) · \(seconds(o.metricsSeconds)) · \(seconds(o.tiersSeconds)) · \(seconds(o.queueSeconds))"))
        let f = r.firstFrame
        rows.append(Row(figure: "2 first frame 120×40", value: seconds(f.totalSeconds), target: "< 200 ms", met: f.totalSeconds < 0.2))
        rows.append(Row(figure: "  store open · runtime init · frame",
                        value: "\(seconds(f.storeOpenSeconds)) · \(seconds(f.runtimeInitSeconds)) · \(seconds(f.frameSeconds))"))
        rows.append(Row(figure: "  then every other pane, off the loop", value: seconds(f.panesSeconds)))
        let k = r.keystrokes
        let keys: [(String, LatencySummary)] = [
            ("move (j)", k.move), ("page (PgDn)", k.page), ("filter (/ chars Esc)", k.filter),
            ("sort (Partners s)", k.sort), ("drill (Enter/Esc)", k.drill), ("  drill open (Enter)", k.drillOpen),
            ("  drill back (Esc)", k.drillBack), ("approve (a, fsync)", k.approve),
            ("move, Partners sorted", k.moveWithPartnersSorted), ("mine view (M, j, M)", k.mine),
            ("largest partner's detail (\(grouped(k.largestPartnerRegistrations)) regs)", k.partnerDetail),
            ("  open it (Enter)", k.partnerDetailOpen),
        ]
        for (index, (name, summary)) in keys.enumerated() {
            rows.append(Row(figure: (index == 0 ? "3 key→frame " : "  key→frame ") + name, value: latency(summary),
                            baseline: "n=\(summary.samples)", ratio: "p50/p99/max",
                            target: "p99 < 16 ms", met: summary.p99Ms < 16))
        }
        // Not a key: the detail is gathered off the loop while the screen says so, keys still answering.
        rows.append(Row(figure: "  …its records gathered, off the loop", value: latency(k.partnerDetailReady),
                        baseline: "n=\(k.partnerDetailReady.samples)", ratio: "p50/p99/max"))
        let d = r.durableApprove
        rows.append(Row(figure: "4 durable approve (perform)", value: latency(d.latency),
                        baseline: "write+fsync \(latency(d.fsyncFloor))", ratio: "n=\(d.latency.samples) p50/p99/max",
                        target: "p99 < 5 ms", met: d.latency.p99Ms < 5))
        rows.append(Row(figure: "  checkpoint · snapshot size",
                        value: "\(seconds(d.checkpointSeconds)) · \(bytes(d.snapshotBytesAfterCheckpoint))",
                        baseline: "journal was \(bytes(d.journalBytesBeforeCheckpoint))"))
        let c = r.csvImport
        rows.append(Row(figure: "5 CSVImporter.parse \(grouped(c.rows)) rows",
                        value: c.error == nil ? seconds(c.totalSeconds) : "FAILED",
                        baseline: c.sqliteImportSeconds.map { "sqlite3 .import \(seconds($0))" } ?? "sqlite3 missing",
                        ratio: c.sqliteImportSeconds.map { speed(ours: c.totalSeconds, baseline: $0) } ?? "",
                        target: "faster than sqlite3",
                        met: c.error != nil ? false : c.sqliteImportSeconds.map { c.totalSeconds < $0 }))
        rows.append(Row(figure: "  read · parse", value: "\(seconds(c.readSeconds)) · \(seconds(c.parseSeconds))",
                        baseline: "\(bytes(c.csvBytes)) CSV"))
        if let whole = c.endToEndSeconds {
            rows.append(Row(figure: "  import into the file (durable)", value: seconds(whole),
                            baseline: c.sqliteFileImportSeconds.map { "sqlite3 .import to file \(seconds($0))" } ?? "sqlite3 missing",
                            ratio: c.sqliteFileImportSeconds.map { speed(ours: whole, baseline: $0) } ?? "",
                            target: "≤ 0.5× sqlite3", met: c.sqliteFileImportSeconds.map { whole <= 0.5 * $0 }))
        }
        if let m = r.memory {
            // DESIGN §7: peak memory at most 1.3× the programme file.
            let fileMiB = Double(r.programme.snapshotBytes) / 1_048_576, limit = 1.3 * fileMiB
            rows.append(Row(figure: "6 peak RSS: open + metrics", value: String(format: "%.0f MiB", m.cliOpenPeakMiB),
                            baseline: String(format: "file %.0f MiB", fileMiB), ratio: String(format: "%.2f× file", m.cliOpenPeakMiB / fileMiB),
                            target: "≤ 1.3× file", met: m.cliOpenPeakMiB <= limit))
            rows.append(Row(figure: "  peak RSS: console first frame", value: String(format: "%.0f MiB", m.consoleOpenPeakMiB),
                            baseline: String(format: "file %.0f MiB", fileMiB), ratio: String(format: "%.2f× file", m.consoleOpenPeakMiB / fileMiB),
                            target: "≤ 1.3× file", met: m.consoleOpenPeakMiB <= limit))
        }
        for (index, e) in r.exports.enumerated() {
            rows.append(Row(figure: (index == 0 ? "7 " : "  ") + "export \(e.kind) JSON (streamed)", value: seconds(e.jsonSeconds),
                            baseline: "CSV \(seconds(e.csvSeconds))", ratio: String(format: "%.2f×", e.jsonSeconds / e.csvSeconds),
                            target: "≤ 1.5× CSV", met: e.jsonSeconds <= 1.5 * e.csvSeconds))
            let above = max(e.jsonPeakMiB, e.csvPeakMiB) - e.loadPeakMiB
            rows.append(Row(figure: "  …its memory above the open programme", value: String(format: "%.0f MiB", above),
                            baseline: String(format: "open %.0f MiB", e.loadPeakMiB),
                            ratio: String(format: "JSON %.0f · CSV %.0f MiB", e.jsonPeakMiB, e.csvPeakMiB),
                            target: "≤ 64 MB", met: above * 1.048576 <= 64))
        }
        return rows
    }

    static func table(_ header: [String], _ body: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in body { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            var text = cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + body.map(line)).joined(separator: "\n")
    }

    static func text(_ r: Results) -> String {
        let p = r.programme, m = r.machine
        var out = """
        ChannelDesk benchmark — \(grouped(p.partners)) partners · \(grouped(p.registrations)) registrations · \
        \(grouped(p.deals)) deals (\(String(format: "%.2f", p.dealsPerRegistration))/registration) · \(grouped(p.queued)) queued
        machine: \(m.nproc) × \(m.cpu), \(String(format: "%.1f", m.memoryGiB)) GiB · load \(m.loadAverageStart) → \(m.loadAverageEnd) \
        · commit \(m.commit) · sqlite \(m.sqlite) · \(m.date)
        programme: generated in \(seconds(p.generateSeconds)), snapshot \(bytes(p.snapshotBytes)) written in \(seconds(p.writeSeconds)) \
        · work dir \(m.tmpDirectory) (\(m.filesystem))


        """
        out += table(["Figure", "ChannelDesk", "Baseline", "vs baseline", "Target", "Met"],
                     rows(r).map { [$0.figure, $0.value, $0.baseline, $0.ratio, $0.target, $0.met.map { $0 ? "yes" : "NO" } ?? ""] })
        out += "\n"
        if let problems = r.openMetrics.sqliteDisagreements {
            out += problems.isEmpty ? "\nsqlite3's answers match Metrics.report on every metric."
                : "\nsqlite3 and Metrics.report DISAGREE: " + problems.joined(separator: "; ")
        }
        if let build = r.openMetrics.sqliteBuildSeconds {
            out += "\nsqlite3 database built once in \(seconds(build)) (\(bytes(r.openMetrics.sqliteDatabaseBytes ?? 0)));"
                + " Codable plist encoded once in \(seconds(r.openMetrics.codableEncodeSeconds)) (\(bytes(r.openMetrics.codableBytes ?? 0)))."
        }
        if r.keystrokes.approveFailures > 0 || r.durableApprove.failures > 0 {
            out += "\napprovals refused: \(r.keystrokes.approveFailures) in the console, \(r.durableApprove.failures) via perform."
        }
        if r.csvImport.parsedRows != r.csvImport.rows || r.csvImport.error != nil {
            out += "\nCSV import: parsed \(r.csvImport.parsedRows) of \(r.csvImport.rows) rows. \(r.csvImport.error ?? "")"
        }
        if !r.sizes.isEmpty {
            out += "\n\nGrowth with size (partners = registrations/100, ≥100):\n"
            let header = ["Registrations", "Partners", "Deals", "Snapshot", "Open+metrics", "load", "First frame", "runtime init"]
                + ["move p99", "page p99", "filter p99", "sort p99", "drill p99", "approve p99", "move/sorted p99", "partner detail p99"]
            let body = r.sizes.map { s -> [String] in
                [grouped(s.registrations), grouped(s.partners), grouped(s.deals), bytes(s.snapshotBytes),
                 seconds(s.openMetricsSeconds), seconds(s.loadSeconds), seconds(s.firstFrame.totalSeconds),
                 seconds(s.firstFrame.runtimeInitSeconds),
                 ms(s.keystrokes.move.p99Ms), ms(s.keystrokes.page.p99Ms), ms(s.keystrokes.filter.p99Ms),
                 ms(s.keystrokes.sort.p99Ms), ms(s.keystrokes.drill.p99Ms), ms(s.keystrokes.approve.p99Ms),
                 ms(s.keystrokes.moveWithPartnersSorted.p99Ms), ms(s.keystrokes.partnerDetail.p99Ms)]
            }
            out += table(header, body) + "\n(keystroke p99 in ms)"
        }
        for note in r.notes { out += "\nnote: \(note)" }
        out += "\nwall time \(seconds(r.wallSeconds))"
        return out
    }
}
