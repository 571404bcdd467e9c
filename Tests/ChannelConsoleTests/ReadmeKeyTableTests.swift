import ChannelConsole
import Foundation
import Testing

/// The README's key table is the binding table: one source for handlers, footer, help and docs.
@Suite struct ReadmeKeyTableTests {
    @Test func readmeListsEveryBindingAsTheTableDoes() throws {
        let readme = try String(contentsOf: ConsoleFixture.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(KeyBindings.markdownTable()),
                "README.md's key table is out of date; paste KeyBindings.markdownTable() into it")
    }
}

/// The README's config section lists the commands `[keys]` can remap, as the table names them.
@Suite struct ReadmeConfigNamesTests {
    @Test func readmeListsEveryCommandsConfigName() throws {
        let readme = try String(contentsOf: ConsoleFixture.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(KeyBindings.markdownCommandNames()),
                "README.md's config command table is out of date; paste KeyBindings.markdownCommandNames() into it")
    }
}
