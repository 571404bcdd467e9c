import ArgumentParser
import ChannelStore
import Foundation

/// The `channeldesk` command: the console by default, and the scriptable commands of DESIGN.md §6.
@main
struct ChannelDesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channeldesk",
        abstract: "A keyboard-first console for running a B2B partner programme.",
        discussion: """
        The programme lives in one local file: --file PATH, else $CHANNELDESK_FILE, else
        $XDG_DATA_HOME/channeldesk/programme.cdesk (~/.local/share/channeldesk/programme.cdesk).
        """,
        subcommands: [
            OpenCommand.self, DemoCommand.self, ImportCommand.self, ExportCommand.self,
            MetricsCommand.self, TiersCommand.self, QueueCommand.self, ConcentrationCommand.self, PartnerCommand.self,
            ApproveCommand.self, RejectCommand.self, RequestInfoCommand.self, ExtendCommand.self,
            CommissionCommand.self, KeysCommand.self, PolicyCommand.self, CheckCommand.self, CompactCommand.self, BatchCommand.self,
            ShareCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
