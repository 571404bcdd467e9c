import Testing
@testable import TerminalUI

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (1, .ctrl("a")), (3, .ctrl("c")), (21, .ctrl("u")), (26, .ctrl("z")), (0, .ctrl(" ")), (31, .ctrl("_")),
        (97, .char("a")), (65, .char("A")), (32, .char(" ")), (0x682A, .char("株")), (0x1F44D, .char("👍")),
    ])
    func plainCharacters(value: UInt32, key: Key) {
        #expect(KeyDecoder.key(value: value, isKeyCode: false) == key)
    }

    @Test(arguments: [
        (Int32(0o402), Key.down), (0o403, .up), (0o404, .left), (0o405, .right), (0o406, .home), (0o550, .end),
        (0o523, .pageUp), (0o522, .pageDown), (0o407, .backspace), (0o512, .delete), (0o513, .insert),
        (0o527, .enter), (0o541, .backTab), (0o411, .function(1)), (0o415, .function(5)), (0o424, .function(12)),
    ])
    func keyCodes(code: Int32, key: Key) {
        #expect(KeyDecoder.key(forKeyCode: code) == key)
        #expect(KeyDecoder.key(value: UInt32(code), isKeyCode: true) == key)
    }

    @Test func codesWithoutAKeyAreNil() {
        #expect(KeyDecoder.key(forKeyCode: KeyDecoder.Code.resize) == nil)
        #expect(KeyDecoder.key(forKeyCode: KeyDecoder.Code.mouse) == nil)
        #expect(KeyDecoder.key(forKeyCode: 0o410) == nil) // F0
        #expect(KeyDecoder.key(forCharacter: 0x85) == nil) // C1 control
        #expect(KeyDecoder.key(forCharacter: 0xD800) == nil) // lone surrogate: not a scalar
    }

    @Test func descriptionsForHelpScreens() {
        let keys: [Key] = [.char("a"), .char("A"), .char(" "), .ctrl("u"), .up, .down, .left, .right, .pageUp,
                           .pageDown, .home, .end, .enter, .escape, .tab, .backTab, .backspace, .delete,
                           .insert, .function(5)]
        #expect(keys.map(\.description) == ["a", "A", "Space", "ctrl-u", "↑", "↓", "←", "→", "PgUp", "PgDn",
                                            "Home", "End", "Enter", "Esc", "Tab", "S-Tab", "Backspace", "Del",
                                            "Ins", "F5"])
    }
}
