import ChannelModel
import ChannelStore
import TerminalUI

/// A Tab completion on the `:` line that left several candidates: what the footer lists, and what a
/// further Tab cycles through.
public struct Completion: Sendable, Equatable {
    /// The line before the completed word and after the cursor.
    var head: String
    var tail: String
    /// The first `CommandCompletion.limit` matches, sorted, and how many there are in all.
    var candidates: [String]
    var total: Int
    /// What was being completed ("registration", "command"…), for the footer when nothing matched.
    var noun: String
    var word: String
    /// The candidate the line shows now; nil while it shows their common prefix.
    var shown: Int?
    /// The line as the completion left it: a Tab on it cycles, a Tab on any other line starts afresh.
    var line: String
}

/// Tab on the `:` line: the command word from the grammar's verbs, then each argument from what the
/// grammar says it names — registration, partner and deal ids, tiers, quarters, record kinds — taken
/// from the programme, matched by prefix in any case.
enum CommandCompletion {
    /// Matches kept for cycling; the footer shows as many as fit.
    static let limit = 50

    static func complete(_ field: inout TextField, _ completion: inout Completion?, _ data: ConsoleData) {
        if var cycling = completion, cycling.line == field.value, cycling.candidates.count > 1 {
            let next = ((cycling.shown ?? -1) + 1) % cycling.candidates.count
            cycling.shown = next
            cycling.line = put(cycling.candidates[next], between: cycling.head, cycling.tail, into: &field)
            completion = cycling
            return
        }
        let before = String(field.value.prefix(field.cursor)), tail = String(field.value.dropFirst(field.cursor))
        // The word ends at the cursor and starts after the last space (or comma: `approve R-1,R-2`).
        let head = String(before[..<(before.lastIndex(where: { $0 == " " || $0 == "," }).map(before.index(after:)) ?? before.startIndex)])
        let word = String(before.dropFirst(head.count))
        let earlier = head.split(whereSeparator: { $0 == " " || $0 == "," })
        // A word that names nothing the programme lists (a reason, a question) has nothing to complete.
        guard let found = candidates(after: earlier, data) else {
            completion = nil
            return
        }
        let (noun, source) = found
        let matches = source.rows(startingWith: word, limit: limit)
        switch matches.total {
        case 0:
            completion = Completion(head: head, tail: tail, candidates: [], total: 0, noun: noun, word: word, line: field.value)
        case 1:
            // A unique match is finished, with the space the next argument needs.
            _ = put(matches.first[0] + (tail.hasPrefix(" ") ? "" : " "), between: head, tail, into: &field)
            completion = nil
        default:
            let line = put(matches.common, between: head, tail, into: &field)
            completion = Completion(head: head, tail: tail, candidates: matches.first.sorted(), total: matches.total,
                                    noun: noun, word: word, line: line)
        }
    }

    /// What the word after `earlier` words names, and the column of its possible values.
    static func candidates(after earlier: [Substring], _ data: ConsoleData) -> (String, StringColumn)? {
        guard let first = earlier.first else { return ("command", column(CommandVerb.allCases.map(\.rawValue))) }
        guard let argument = CommandVerb(spelling: first.lowercased())?.argument(at: earlier.count - 1) else { return nil }
        let programme = data.programme
        switch argument {
        case .registration: return ("registration", programme.registrations.ids)
        case .deal: return ("deal", programme.deals.ids)
        case .partner: return ("partner", column(programme.partners.map(\.id)))
        case .tier: return ("tier", column(programme.policy.tiers.map(\.name)))
        case .owner: return ("owner", column(Set(programme.partners.map(\.owner)).filter { !$0.isEmpty }.sorted()))
        case .recordKind: return ("kind of record", column(RecordKind.allCases.map(\.rawValue)))
        case .period:
            // The last two years' quarters, newest first: the periods anyone compares.
            let quarters = (0..<8).map { Period.quarterToDate(data.asOf).shiftedQuarters(-$0).label }
            return ("quarter", column(quarters))
        }
    }

    /// A few words as a column, to be matched like the id columns.
    private static func column(_ words: [String]) -> StringColumn { StringColumn(words.map { Optional($0) }) }

    /// Puts `word` between `head` and `tail`, the cursor after it; returns the new line.
    private static func put(_ word: String, between head: String, _ tail: String, into field: inout TextField) -> String {
        field.value = head + word + tail
        field.cursor = head.count + word.count
        return field.value
    }

    /// The footer while a completion is open: its candidates, as many as fit in `width`, and how many
    /// more there are; or that nothing matched.
    static func hints(_ completion: Completion, width: Int) -> [(key: String, label: String)] {
        guard !completion.candidates.isEmpty else {
            let typed = completion.word.isEmpty ? "" : " starts with “\(completion.word)”"
            return [("Tab", "no \(completion.noun)\(typed)")]
        }
        var hints: [(key: String, label: String)] = []
        var used = 0
        for (index, candidate) in completion.candidates.enumerated() {
            let more = completion.total - index - 1
            let needed = displayWidth(candidate) + 4 + (more > 0 ? displayWidth("+\(more) more") + 4 : 0)
            guard used + needed <= width else { break }
            hints.append((index == completion.shown ? "▸" + candidate : candidate, ""))
            used += displayWidth(candidate) + 4
        }
        let more = completion.total - hints.count
        if more > 0 { hints.append(("+\(more)", "more")) }
        return hints
    }
}
