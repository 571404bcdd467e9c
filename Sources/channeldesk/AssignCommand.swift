import ArgumentParser
import ChannelModel
import ChannelStore

/// `channeldesk assign PARTNER ROLE`: makes a team member a partner's owner, as `:assign` does in the
/// console. On a shared programme only an administrator may (the database checks it); the owner is the
/// member's PostgreSQL role, which is who the console's "mine" view compares with.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Make a team member (their login; a PostgreSQL role on a shared programme) a partner's owner.")

    @OptionGroup var file: FileOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The partner id, e.g. P-00012.") var partner: String
    @Argument(help: "The owner's login, e.g. ben (on a shared programme: their PostgreSQL role).") var role: String

    func run() throws {
        // Ids in any case, as the : line and `batch` take them; the login as typed (one grammar for all).
        let writer = try file.openWriter(actor: actor)
        defer { writer.close() }
        Console.print(try writer.perform(.assignOwner(partnerID: partner.uppercased(), owner: role)).outcome.message)
    }
}
