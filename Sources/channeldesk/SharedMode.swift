import ArgumentParser
import ChannelModel
import ChannelShared
import ChannelStore
import Foundation

/// `--database` / `$CHANNELDESK_DATABASE`: the commands on a team's shared programme (DESIGN.md §9).
extension FileOptions {
    /// The team database asked for, if any; `--file` with it is a contradiction, not a preference.
    func sharedDatabase(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseURL? {
        let text = database.flatMap { $0.isEmpty ? nil : $0 } ?? environment["CHANNELDESK_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
        guard let text else { return nil }
        if database != nil, let file, !file.isEmpty {
            throw ValidationError("use either --file (a programme of your own) or --database (a team's shared programme), not both")
        }
        return try wrapped { try DatabaseURL(text) }
    }

    func readShared(_ url: DatabaseURL) throws -> Programme {
        let read = try wrapped { try SharedProgramme.read(url) }
        for warning in read.warnings { Console.warn(warning) }
        return read.programme
    }

    /// Commands about the local file itself (compact) have no shared form: saying so beats working
    /// on a local file the team never sees. Every change goes through `openWriter` instead.
    func refuseShared(_ what: String = "this command") throws {
        if let url = try sharedDatabase() {
            throw CLIError("\(what) works on a local programme file, not on a shared programme (\(url)): the team's log lives on the server")
        }
    }
}

/// Turns the shared module's errors into the CLI's one-line refusals.
func wrapped<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SharedError {
        throw CLIError(error.description)
    }
}

/// `channeldesk share URL`: publishes a local programme to an empty team database.
struct ShareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Publish a programme to an empty PostgreSQL database, for a channel team.",
        discussion: """
        Creates the schema channeldesk (the action log and the snapshot it starts from) and the group roles
        channeldesk_viewer, channeldesk_manager and channeldesk_admin. Then grant each team member's login
        role one of them (GRANT channeldesk_manager TO ben;) and open the programme with --database URL.
        """
    )

    @Argument(help: "The team database, e.g. postgresql://postgres@localhost/channel.") var url: String
    @Option(help: "The programme file to publish (default: $CHANNELDESK_FILE, the config's programme, or ~/.local/share/channeldesk/programme.cdesk).")
    var file: String?

    func run() throws {
        let database = try wrapped { try DatabaseURL(url) }
        let location = ProgrammeLocation.resolve(explicit: file, configured: Configuration.current.programme)
        let report = try wrapped { try Sharing.share(location, to: database) }
        Console.print("Shared \(location.name) to \(database): \(report.partners) partners, \(report.registrations) registrations, log starts after #\(report.lastSeq).")
        Console.info("Next: give each team member a role, e.g. psql \(database) -c 'GRANT channeldesk_manager TO ben;', then run commands with --database \(database).")
    }
}
