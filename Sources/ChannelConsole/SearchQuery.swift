import Foundation

/// A field a `/` term can name, as in `tier:gold` or `conflict:partner`.
public enum SearchField: String, CaseIterable, Sendable, Hashable {
    case tier, type, region, status, owner, conflict, sla, proposal, partner, domain, activity, outcome
}

/// What the text typed after `/` asks of a list: words every row must contain somewhere, and field
/// terms (`tier:gold`, `region:emea,apac` — any of the values) every row must meet. Both ignore case
/// and accents, so "sao" finds "São Paulo".
public struct SearchQuery: Hashable, Sendable {
    /// A field term: the row's `field` contains one of `values`.
    public struct Term: Hashable, Sendable {
        public var field: SearchField
        public var values: [String]
    }

    public var words: [String]
    public var terms: [Term]

    /// - Parameter fields: the fields this list has; `name:value` with another name is an ordinary word
    ///   (a domain with a port, a time).
    public init(_ text: String, fields: Set<SearchField>) {
        words = []
        terms = []
        for token in text.split(whereSeparator: \.isWhitespace) {
            if let colon = token.firstIndex(of: ":"), let field = SearchField(rawValue: Self.fold(String(token[..<colon]))),
               fields.contains(field) {
                let values = token[token.index(after: colon)...].split(separator: ",").map { Self.fold(String($0)) }
                // "tier:" alone, still being typed, asks nothing yet.
                if !values.isEmpty { terms.append(Term(field: field, values: values)) }
            } else {
                words.append(Self.fold(String(token)))
            }
        }
    }

    public var isEmpty: Bool { words.isEmpty && terms.isEmpty }

    /// Lower case without accents: "São" → "sao". ASCII, nearly every row, skips Foundation's folding.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// Whether a row with the folded search text `search` and the folded field values `field` matches.
    public func matches(search: String, field: (SearchField) -> String?) -> Bool {
        for word in words where !Self.contains(search, word) { return false }
        for term in terms {
            guard let value = field(term.field), term.values.contains(where: { Self.contains(value, $0) }) else { return false }
        }
        return true
    }

    /// True when every row `refined` matches, this matches too: the rows already found for this query
    /// are enough to search for `refined` (typing one more character almost always narrows).
    public func isNarrowed(by refined: SearchQuery) -> Bool {
        words.allSatisfy { word in refined.words.contains { $0.contains(word) } }
            && terms.allSatisfy { term in
                refined.terms.contains { other in
                    other.field == term.field && other.values.allSatisfy { value in term.values.contains { value.contains($0) } }
                }
            }
    }

    /// Substring search on UTF-8 bytes: the texts are folded once, so a byte match is a match, and it is
    /// several times faster than `String.contains` over 15k rows per keystroke.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard pattern.count <= text.count else { return false }
                var index = 0
                let last = text.count - pattern.count
                while index <= last {
                    if text[index] == first {
                        var matched = 1
                        while matched < pattern.count && text[index + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
