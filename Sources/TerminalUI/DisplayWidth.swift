/// How text is aligned inside a wider column.
public enum Alignment: Sendable, Hashable {
    case left, right, center
}

/// The number of terminal columns `s` occupies, summed per grapheme cluster (see `displayWidth(of:)`).
public func displayWidth(_ s: String) -> Int {
    // Most UI text is printable ASCII; skip grapheme breaking for it.
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
    return s.reduce(0) { $0 + displayWidth(of: $1) }
}

/// The columns one grapheme cluster occupies, with wcwidth semantics: 2 for East Asian wide/fullwidth
/// characters and emoji (anything in emoji presentation, or carrying VS16), 0 for control characters and
/// for clusters that are nothing but combining marks, joiners or variation selectors, otherwise 1.
public func displayWidth(of character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
    if first.isASCII { return 1 }
    if isZeroWidth(first) { return 0 }
    // A cluster is drawn as one glyph: if any part asks for emoji presentation, the whole is wide.
    for scalar in scalars where scalar.value == 0xFE0F || scalar.properties.isEmojiPresentation {
        return 2
    }
    return isWide(first) ? 2 : 1
}

/// `s` cut to at most `width` columns. When anything is cut the result ends in "…" and is exactly `width`
/// columns: a wide character that would straddle the limit is dropped and a space pads after the "…".
public func truncate(_ s: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    if displayWidth(s) <= width { return s }
    return cut(s, toWidth: width)
}

/// `s` shortened so that it plus a trailing "…" fills exactly `width` columns, whether or not it fitted.
func cut(_ s: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    var result = ""
    var used = 0
    for character in s {
        let w = displayWidth(of: character)
        if used + w > width - 1 { break }
        result.append(character)
        used += w
    }
    result.append("…")
    used += 1
    return result + String(repeating: " ", count: width - used)
}

/// `s` truncated (with "…") or padded with spaces to exactly `width` columns.
public func pad(_ s: String, toWidth width: Int, align: Alignment = .left) -> String {
    guard width > 0 else { return "" }
    let fitted = truncate(s, toWidth: width)
    let gap = width - displayWidth(fitted)
    guard gap > 0 else { return fitted }
    switch align {
    case .left: return fitted + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + fitted
    case .center:
        let left = gap / 2
        return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: gap - left)
    }
}

private func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return true
    default: break
    }
    switch scalar.value {
    case 0x1160...0x11FF, // Hangul medial vowels and final consonants join the preceding syllable.
         0xFE00...0xFE0F, 0xE0100...0xE01EF: // variation selectors
        return true
    default: return false
    }
}

/// East Asian Wide (W) and Fullwidth (F) blocks, as terminals size them. Emoji are handled separately
/// through their Unicode properties, which track the standard better than a hand-kept table.
private func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, // Hangul Jamo initial consonants
         0x2329...0x232A, // angle brackets
         0x2E80...0x303E, // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
         0x3041...0x33FF, // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
         0x3400...0x4DBF, // CJK extension A
         0x4E00...0x9FFF, // CJK unified ideographs
         0xA000...0xA4CF, // Yi
         0xA960...0xA97F, // Hangul Jamo extended A
         0xAC00...0xD7A3, // Hangul syllables
         0xF900...0xFAFF, // CJK compatibility ideographs
         0xFE10...0xFE19, // vertical forms
         0xFE30...0xFE6F, // CJK compatibility forms, small form variants
         0xFF00...0xFF60, // fullwidth forms
         0xFFE0...0xFFE6, // fullwidth signs
         0x16FE0...0x16FE4, 0x17000...0x18CFF, // Tangut and friends
         0x1B000...0x1B2FF, // Kana supplement and extensions
         0x1F200...0x1F2FF, // enclosed ideographic supplement
         0x20000...0x2FFFD, 0x30000...0x3FFFD: // CJK extensions B and beyond
        return true
    default:
        return false
    }
}
