@testable import ChannelConsole
import ChannelModel
import ChannelStore
import TerminalUI
import Testing

/// The `:` line reads the batch's commands too, through the shared grammar, and words its refusals
/// the console's way (usages written with the colon).
@Suite struct CommandGrammarReducerTests {
    func commandLine(_ text: String) -> ConsoleStore { ConsoleStore.onCommandLine(text) }

    @Test func batchCommandsWorkOnTheColonLine() {
        var store = commandLine("tier p-00003 Gold")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["tier p-00003 Gold"])
        }, effects: [.perform(.changeTier(partnerID: "P-00003", to: "Gold"))])
        store = commandLine("assign p-00003 ben")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["assign p-00003 ben"])
        }, effects: [.perform(.assignOwner(partnerID: "P-00003", owner: "ben"))])
        store = commandLine("advance d-0000001,D-0000002")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["advance d-0000001,D-0000002"])
        }, effects: [.perform(.advanceCommissions(dealIDs: ["D-0000001", "D-0000002"]))])
        store = commandLine("request-info r-0000901 Who signs?")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["request-info r-0000901 Who signs?"])
        },
                    effects: [.perform(.requestInfo(registrationID: "R-0000901", question: "Who signs?"))])
        store = commandLine("extend R-0000001 30")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["extend R-0000001 30"])
        }, effects: [.perform(.extend(registrationID: "R-0000001"))])
    }

    @Test func refusalsNameTheWordAndTheCommandMeant() {
        var store = commandLine("aprove R-0000905")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["aprove R-0000905"])
            $0.mode = .normal
            $0.status = StatusMessage("unknown command \"aprove\" — did you mean \"approve\"?", .error)
        }
        store = commandLine("extend R-0000001 45")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["extend R-0000001 45"])
            $0.mode = .normal
            $0.status = StatusMessage("\"45\" days cannot be chosen: an extension is the policy's 30 days — usage: :extend R-0000012", .error)
        }
        store = commandLine("checkpoint")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["checkpoint"])
            $0.mode = .normal
            $0.status = StatusMessage("checkpoint runs in `channeldesk batch`, not in the console", .error)
        }
    }
}
