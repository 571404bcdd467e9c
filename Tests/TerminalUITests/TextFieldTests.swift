import Testing
@testable import TerminalUI

@Suite struct TextFieldTests {
    /// Sends `keys` and returns whether each was consumed.
    func press(_ keys: Key..., into field: inout TextField) -> [Bool] {
        keys.map { field.handle($0) }
    }

    @Test func editingKeys() {
        var field = TextField()
        #expect(press(.char("a"), .char("c"), .char("m"), .char("e"), into: &field) == [true, true, true, true])
        #expect(field.value == "acme" && field.cursor == 4)
        #expect(press(.left, .left, .backspace, into: &field) == [true, true, true])
        #expect(field.value == "ame" && field.cursor == 1)
        #expect(press(.delete, into: &field) == [true])
        #expect(field.value == "ae")
        #expect(press(.char("株"), into: &field) == [true])
        #expect(field.value == "a株e" && field.cursor == 2)
        #expect(press(.home, .backspace, into: &field) == [true, true]) // nothing before the cursor: no change
        #expect(field.value == "a株e" && field.cursor == 0)
        #expect(press(.end, .right, into: &field) == [true, true])
        #expect(field.cursor == 3)
        #expect(press(.left, .ctrl("u"), into: &field) == [true, true])
        #expect(field.value == "e" && field.cursor == 0)
        #expect(press(.enter, .up, .escape, .tab, into: &field) == [false, false, false, false])
    }

    @Test func killKeys() {
        var field = TextField(value: "acme ltd uk")
        #expect(press(.ctrl("w"), into: &field) == [true])
        #expect(field.value == "acme ltd " && field.cursor == 9)
        field.cursor = 4
        #expect(press(.ctrl("k"), into: &field) == [true])
        #expect(field.value == "acme" && field.cursor == 4)
    }

    @Test func rendersTheCursorAsAReverseCell() {
        var screen = Screen(width: 8, height: 1)
        var field = TextField(value: "ab")
        field.render(into: &screen, area: screen.area)
        #expect(screen.styledLines() == ["ab{reverse} {/}"])
        field.cursor = 0
        screen = Screen(width: 8, height: 1)
        field.render(into: &screen, area: screen.area)
        #expect(screen.styledLines() == ["{reverse}a{/}b"])
    }

    @Test func scrollsToKeepTheCursorVisible() {
        var screen = Screen(width: 5, height: 1)
        TextField(value: "abcdefgh").render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["efgh"])
        #expect(screen[4, 0].style == .reverse)
    }

    @Test func placeholderWhenEmpty() {
        var screen = Screen(width: 10, height: 1)
        TextField(placeholder: "search").render(into: &screen, area: screen.area)
        #expect(screen.styledLines() == ["{reverse} {/}{dim}search{/}"])
    }
}

/// Backspace at the end of the text removes one character and leaves the cursor after the rest.
@Suite struct TextFieldBackspaceTests {
    @Test func backspaceAtTheEnd() {
        var field = TextField()
        for key in [Key.char("a"), .char("b"), .char("c"), .backspace, .char("x")] { _ = field.handle(key) }
        #expect(field.value == "abx")
        #expect(field.cursor == 3)
        var single = TextField()
        for key in [Key.char("a"), .backspace, .char("b")] { _ = single.handle(key) }
        #expect(single.value == "b")
    }
}
