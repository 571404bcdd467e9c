extension Screen {
    /// Each row as text with style markup, for golden snapshot files that show colour and attributes and
    /// still diff line by line.
    ///
    /// Runs of cells in the same non-plain style are wrapped as `{fg=red,bold}text{/}`; plain text is
    /// written as is. Attributes appear in the fixed order `fg=…,bg=…,bold,dim,underline,reverse`, colours
    /// by their case names (`brightRed`). A literal `{` in the text is doubled (`{{`), so the markup is
    /// unambiguous. Trailing plain spaces are trimmed; trailing styled spaces (a selection bar) are kept.
    ///
    ///     {bold}Name      Region{/}
    ///     {fg=black,bg=cyan,reverse}Acme      EMEA  {/}
    public func styledLines() -> [String] {
        (0..<height).map { y in
            var runs: [(style: Style, text: String)] = []
            for x in 0..<width {
                let cell = self[x, y]
                guard !cell.isContinuation else { continue }
                if let last = runs.last, last.style == cell.style {
                    runs[runs.count - 1].text += cell.text
                } else {
                    runs.append((cell.style, cell.text))
                }
            }
            if let last = runs.last, last.style == .plain {
                var text = last.text
                while text.last == " " { text.removeLast() }
                runs[runs.count - 1].text = text
            }
            return runs.map { run in
                let text = run.text.replacingAll("{", with: "{{")
                return run.style == .plain ? text : "{\(run.style.markup)}\(text){/}"
            }.joined()
        }
    }
}

extension String {
    /// Plain replacement without Foundation, which this module otherwise does not need.
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        for c in self { if c == target { result += replacement } else { result.append(c) } }
        return result
    }
}
