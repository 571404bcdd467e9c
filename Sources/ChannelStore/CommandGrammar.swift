import ChannelModel
import Foundation

/// A command as typed on the console's `:` line or on a line of `channeldesk batch`. Both read it with
/// `CommandGrammar`, so a line that works in one works in the other; each front end then runs the
/// commands that make sense there (the console has no `checkpoint`, a batch opens no views).
package enum TypedCommand: Sendable, Equatable {
    /// A change to the programme: approve, reject, request-info, extend, tier, assign, advance.
    case action(ProgrammeAction)
    /// `import KIND PATH`: the path is the rest of the line, spaces included.
    case importFile(RecordKind, path: String)
    case checkpoint
    case undo
    case openPartner(String)
    case openRegistration(String)
    case concentration
    case period(Period)
    case help
    case quit

    /// The verb as the user should type it, for messages such as "`checkpoint` runs in a batch".
    package var verb: String {
        switch self {
        case .action(let action): return action.name
        case .importFile: return "import"
        case .checkpoint: return "checkpoint"
        case .undo: return "undo"
        case .openPartner: return "partner"
        case .openRegistration: return "registration"
        case .concentration: return "concentration"
        case .period: return "period"
        case .help: return "help"
        case .quit: return "quit"
        }
    }
}

/// A command word of the grammar, with its short forms and what its arguments name: the one list the
/// parser reads and the console completes from.
package enum CommandVerb: String, CaseIterable, Sendable {
    case approve, reject, info, extend, tier, assign, advance
    case importFile = "import"
    case checkpoint, undo, partner, registration, concentration, period, help, quit

    /// What may be typed instead of the name.
    package var aliases: [String] {
        switch self {
        case .approve: return ["a"]
        case .reject: return ["r"]
        case .info: return ["i", "request-info"]
        case .extend: return ["e"]
        case .undo: return ["u"]
        case .partner: return ["p"]
        case .registration: return ["reg"]
        case .concentration: return ["conc"]
        case .help: return ["?"]
        case .quit: return ["q", "exit"]
        case .tier, .assign, .advance, .importFile, .checkpoint, .period: return []
        }
    }

    /// The verb typed as `spelling` (already lower-cased), by its name or a short form.
    package init?(spelling: String) {
        guard let verb = CommandVerb.allCases.first(where: { $0.rawValue == spelling || $0.aliases.contains(spelling) }) else { return nil }
        self = verb
    }

    /// What the argument at `index` (0: the first after the verb) names, nil when nothing there is an id.
    /// Commands that take several ids take them at every position.
    package func argument(at index: Int) -> Argument? {
        switch (self, index) {
        case (.approve, _), (.extend, _): return .registration
        case (.reject, 0), (.info, 0), (.registration, 0): return .registration
        case (.advance, _): return .deal
        case (.tier, 0), (.assign, 0), (.partner, 0): return .partner
        case (.tier, 1): return .tier
        case (.assign, 1): return .owner
        case (.importFile, 0): return .recordKind
        case (.period, 0): return .period
        default: return nil
        }
    }

    /// The kinds of word a command's arguments name.
    package enum Argument: Sendable, Equatable {
        case registration, partner, deal, tier, period, recordKind
        /// A team member's login: the owners partners already have are the likely ones.
        case owner
    }
}

/// Why a typed line is not a command, naming what was wrong with it. Front ends word the usage their
/// own way (the console writes `:approve …`), so the synopsis is kept apart from the prefix.
package enum CommandSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The first word is no command; `suggestion` is the closest command's name, when one is close.
    case unknownCommand(String, suggestion: String?)
    /// Something required is missing: the command's synopsis, e.g. `reject R-0000012 reason text`.
    case usage(String)
    /// One word of the line cannot be what its place asks for.
    case badToken(String, reason: String, usage: String)

    package var description: String {
        switch self {
        case .unknownCommand(let verb, let suggestion):
            return "unknown command \"\(verb)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        case .usage(let synopsis):
            return "usage: \(synopsis)"
        case .badToken(let token, let reason, let synopsis):
            return "\"\(token)\" \(reason) (usage: \(synopsis))"
        }
    }
}

/// The one parser of typed commands (DESIGN.md §6's decisions, plus the console's views and the
/// batch's housekeeping). Verbs and ids are case-insensitive: ids are written upper-case, as the
/// programme's R-…, P-… and D-… ids are. Where a command takes several ids they may be separated by
/// spaces or commas, as they are pasted from a spreadsheet.
package enum CommandGrammar {
    /// The synopsis of each command, as usage errors show it.
    package enum Synopsis {
        package static let approve = "approve R-0000012 [R-… …]"
        package static let reject = "reject R-0000012 reason text"
        package static let info = "info R-0000012 [question]"
        package static let extend = "extend R-0000012"
        package static let tier = "tier P-00012 TIER"
        package static let assign = "assign P-00012 ROLE (the team member's login)"
        package static let advance = "advance D-0000012 [D-… …]"
        package static let importFile = "import KIND CSV-PATH"
        package static let partner = "partner P-00012 (an existing partner id)"
        package static let registration = "registration R-0000012 (an existing registration id)"
        package static let period = "period 2026-Q2, or period 2026-04-01..2026-06-30"
    }

    /// Every spelling the grammar knows, names then short forms, for "did you mean" suggestions.
    package static var verbs: [String] { CommandVerb.allCases.flatMap { [$0.rawValue] + $0.aliases } }

    /// Parses one line. nil for a blank line or a `#` comment, which both front ends skip.
    /// - Parameter extensionDays: the policy's extension window. `extend ID 30` may name it (a user
    ///   who types the days expects them honoured); any other number is refused rather than ignored.
    package static func parse(_ line: String, extensionDays: Int) throws(CommandSyntaxError) -> TypedCommand? {
        let words = line.split(whereSeparator: \.isWhitespace)
        guard let first = words.first, !first.hasPrefix("#") else { return nil }
        let verb = first.lowercased()
        let arguments = words.dropFirst().map(String.init)
        /// The rest of the line after `count` arguments, words joined by single spaces.
        func text(after count: Int) -> String { arguments.dropFirst(count).joined(separator: " ") }
        func noMore(than count: Int, _ synopsis: String) throws(CommandSyntaxError) {
            if arguments.count > count { throw .badToken(arguments[count], reason: "is one word too many", usage: synopsis) }
        }

        switch CommandVerb(spelling: verb) {
        case .approve?:
            let list = ids(arguments)
            guard !list.isEmpty else { throw .usage(Synopsis.approve) }
            return .action(one(list.map { .approve(registrationID: $0) }))
        case .reject?:
            guard arguments.count >= 2 else { throw .usage(Synopsis.reject) }
            return .action(.reject(registrationID: id(arguments[0]), reason: text(after: 1)))
        case .info?:
            guard let registration = arguments.first else { throw .usage(Synopsis.info) }
            return .action(.requestInfo(registrationID: id(registration), question: text(after: 1)))
        case .extend?:
            var list = arguments
            if let last = list.last, last.allSatisfy(\.isNumber) {
                guard Int(last) == extensionDays else {
                    throw .badToken(last, reason: "days cannot be chosen: an extension is the policy's \(extensionDays) days",
                                    usage: Synopsis.extend)
                }
                list.removeLast()
            }
            let registrations = ids(list)
            guard !registrations.isEmpty else { throw .usage(Synopsis.extend) }
            return .action(one(registrations.map { .extend(registrationID: $0) }))
        case .tier?:
            guard arguments.count >= 2 else { throw .usage(Synopsis.tier) }
            try noMore(than: 2, Synopsis.tier)
            return .action(.changeTier(partnerID: id(arguments[0]), to: arguments[1]))
        case .assign?:
            guard arguments.count >= 2 else { throw .usage(Synopsis.assign) }
            try noMore(than: 2, Synopsis.assign)
            // The role as typed: logins are case-sensitive (PostgreSQL folds only unquoted names).
            return .action(.assignOwner(partnerID: id(arguments[0]), owner: arguments[1]))
        case .advance?:
            let deals = ids(arguments)
            guard !deals.isEmpty else { throw .usage(Synopsis.advance) }
            return .action(.advanceCommissions(dealIDs: deals))
        case .importFile?:
            guard arguments.count >= 2 else { throw .usage(Synopsis.importFile) }
            guard let kind = RecordKind(rawValue: arguments[0].lowercased()) else {
                throw .badToken(arguments[0], reason: "is not a kind of record; use one of \(RecordKind.allCases.map(\.rawValue).joined(separator: ", "))",
                                usage: Synopsis.importFile)
            }
            return .importFile(kind, path: rawRest(of: line, after: words[1]))
        case .checkpoint?:
            try noMore(than: 0, "checkpoint")
            return .checkpoint
        case .undo?:
            try noMore(than: 0, "undo")
            return .undo
        case .partner?:
            guard let partner = arguments.first else { throw .usage(Synopsis.partner) }
            try noMore(than: 1, Synopsis.partner)
            return .openPartner(id(partner))
        case .registration?:
            guard let registration = arguments.first else { throw .usage(Synopsis.registration) }
            try noMore(than: 1, Synopsis.registration)
            return .openRegistration(id(registration))
        case .concentration?:
            try noMore(than: 0, "concentration")
            return .concentration
        case .period?:
            guard arguments.count == 1, let period = parsePeriod(arguments[0]) else { throw .usage(Synopsis.period) }
            return .period(period)
        case .help?:
            return .help
        case .quit?:
            try noMore(than: 0, "quit")
            return .quit
        case nil:
            throw .unknownCommand(String(first), suggestion: ClosestWord.to(verb, among: verbs.filter { $0.count > 2 }))
        }
    }

    /// A quarter (`2026-Q2`, any case) or an inclusive range `2026-04-01..2026-06-30`.
    package static func parsePeriod(_ text: String) -> Period? {
        if let quarter = Period(quarter: text.uppercased()) { return quarter }
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, let from = Day(parsing: parts[0]), let to = Day(parsing: parts[1]), from <= to else { return nil }
        return Period(from: from, to: to)
    }

    private static func id(_ word: String) -> String { word.uppercased() }

    /// Ids separated by spaces, commas or both; empty pieces (a trailing comma) are dropped.
    private static func ids(_ words: [String]) -> [String] {
        words.flatMap { $0.split(separator: ",") }.map { id(String($0)) }
    }

    /// One registration is one action; several are one all-or-nothing batch.
    private static func one(_ actions: [ProgrammeAction]) -> ProgrammeAction {
        actions.count == 1 ? actions[0] : .batch(actions)
    }

    /// The line after `word`, as typed: a path keeps its inner spaces.
    private static func rawRest(of line: String, after word: Substring) -> String {
        line[word.endIndex...].trimmingCharacters(in: .whitespaces)
    }
}
