/// Spreadsheet formula injection (CWE-1236): a cell such as `=HYPERLINK(…)` in an exported partner
/// name would run as a formula when a manager opens the file in a spreadsheet. Exported text that a
/// spreadsheet would read as a formula gets a leading apostrophe, which spreadsheets show as "text".
///
/// The importer takes that apostrophe off again, so our own exports read back unchanged — and so does
/// a file where a person typed `'=…` to mean a literal `=…`, which is what the apostrophe means to a
/// spreadsheet too. Text that already starts with apostrophes before a trigger character gets one
/// more, which keeps the mapping exact in both directions.
enum FormulaGuard {
    private static let triggers: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"),
                                               UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r")]
    static let apostrophe = UInt8(ascii: "'")

    /// True when a spreadsheet would read `text`, once its leading apostrophes are taken off, as a formula.
    private static func needsGuard(_ text: some Sequence<UInt8>) -> Bool {
        guard let first = text.first(where: { $0 != apostrophe }) else { return false }
        return triggers.contains(first)
    }

    /// `=SUM(A1)` → `'=SUM(A1)`; anything a spreadsheet would not evaluate is left alone.
    static func neutralised(_ text: String) -> String {
        needsGuard(text.utf8) ? "'" + text : text
    }

    /// Undoes `neutralised`: `'=SUM(A1)` → `=SUM(A1)`. Cheap for the common case of a plain first byte.
    static func restored(_ text: String) -> String {
        guard text.utf8.first == apostrophe, needsGuard(text.utf8) else { return text }
        return String(text.dropFirst())
    }

    /// `restored` of a field's UTF-8 bytes (valid UTF-8), as a string. The apostrophe it takes off is
    /// always followed by another apostrophe or an ASCII trigger, so it is one character and one byte.
    static func restored(_ field: UnsafeBufferPointer<UInt8>) -> String {
        guard field.first == apostrophe, needsGuard(field) else { return String(decoding: field, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: field.dropFirst()), as: UTF8.self)
    }
}
