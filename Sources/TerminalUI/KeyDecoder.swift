/// Turns what curses' `get_wch` returns into a `Key`. Kept apart from `CursesTerminal` (and free of the
/// C module) so the whole mapping is testable without a terminal; `CursesTerminal` checks at start-up
/// that these codes match the linked ncurses.
public enum KeyDecoder {
    /// ncurses key codes (curses.h, ncurses 5 and 6; the values have been stable for decades).
    public enum Code {
        public static let codeYes: Int32 = 0o400
        public static let down: Int32 = 0o402
        public static let up: Int32 = 0o403
        public static let left: Int32 = 0o404
        public static let right: Int32 = 0o405
        public static let home: Int32 = 0o406
        public static let backspace: Int32 = 0o407
        public static let f0: Int32 = 0o410
        public static let delete: Int32 = 0o512
        public static let insert: Int32 = 0o513
        public static let pageDown: Int32 = 0o522
        public static let pageUp: Int32 = 0o523
        public static let enter: Int32 = 0o527
        public static let backTab: Int32 = 0o541
        public static let end: Int32 = 0o550
        public static let mouse: Int32 = 0o631
        public static let resize: Int32 = 0o632
    }

    /// The key for a curses key code (`get_wch` returned `KEY_CODE_YES`), or nil for codes with no `Key`
    /// (including `KEY_RESIZE` and `KEY_MOUSE`, which the terminal turns into their own events).
    public static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case Code.up: .up
        case Code.down: .down
        case Code.left: .left
        case Code.right: .right
        case Code.home: .home
        case Code.end: .end
        case Code.pageUp: .pageUp
        case Code.pageDown: .pageDown
        case Code.backspace: .backspace
        case Code.delete: .delete
        case Code.insert: .insert
        case Code.enter: .enter
        case Code.backTab: .backTab
        case Code.f0 + 1...Code.f0 + 63: .function(Int(code - Code.f0))
        default: nil
        }
    }

    /// The key for a character `get_wch` returned (status `OK`), control characters included.
    public static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 0x60)!))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// Decodes one `get_wch` result: `isKeyCode` is true when it returned `KEY_CODE_YES`.
    public static func key(value: UInt32, isKeyCode: Bool) -> Key? {
        isKeyCode ? key(forKeyCode: Int32(bitPattern: value)) : key(forCharacter: value)
    }
}
