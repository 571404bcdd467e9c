import Foundation
import Testing

/// Compares decoded JSON the way the sample's README asks: money to the cent, ratios to 1e-9, lists in
/// order unless a key makes them sets. Returns the differences as readable paths.
/// With `allowingExtraKeys`, objects may carry keys the expectation does not name (the ledger's status).
func jsonDifferences(_ actual: Any, _ expected: Any, path: String = "$", unorderedBy key: String? = nil,
                     allowingExtraKeys: Bool = false) -> [String] {
    switch (actual, expected) {
    case let (actual as [String: Any], expected as [String: Any]):
        var differences: [String] = []
        for name in Set(actual.keys).union(expected.keys).sorted() {
            guard let a = actual[name] else { differences.append("\(path).\(name): missing"); continue }
            guard let e = expected[name] else {
                if !allowingExtraKeys { differences.append("\(path).\(name): unexpected") }
                continue
            }
            differences += jsonDifferences(a, e, path: "\(path).\(name)", allowingExtraKeys: allowingExtraKeys)
        }
        return differences
    case let (actual as [Any], expected as [Any]):
        guard actual.count == expected.count else { return ["\(path): \(actual.count) items, expected \(expected.count)"] }
        if let key {
            func index(_ items: [Any]) -> [String: Any] {
                Dictionary(items.map { (($0 as? [String: Any])?[key] as? String ?? "?", $0) }, uniquingKeysWith: { first, _ in first })
            }
            let a = index(actual), e = index(expected)
            return e.keys.sorted().flatMap { id in
                a[id].map { jsonDifferences($0, e[id]!, path: "\(path)[\(id)]", allowingExtraKeys: allowingExtraKeys) } ?? ["\(path)[\(id)]: missing"]
            }
        }
        return zip(actual, expected).enumerated().flatMap {
            jsonDifferences($1.0, $1.1, path: "\(path)[\($0)]", allowingExtraKeys: allowingExtraKeys)
        }
    case let (actual as NSNumber, expected as NSNumber):
        let a = actual.doubleValue, e = expected.doubleValue
        return abs(a - e) <= 1e-9 * max(1, abs(e)) ? [] : ["\(path): \(a), expected \(e)"]
    case (is NSNull, is NSNull):
        return []
    case let (actual as String, expected as String):
        return actual == expected ? [] : ["\(path): \"\(actual)\", expected \"\(expected)\""]
    default:
        return ["\(path): \(actual), expected \(expected)"]
    }
}
