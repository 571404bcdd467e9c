import ArgumentParser
import ChannelModel
import ChannelShared
import ChannelStore
import Foundation

/// Where a command's changes go: the local programme file (its writer's lock held, the actor from
/// `--actor`, the config or `$USER`), or a team's shared log (`--database`), where the server checks
/// the role and records the PostgreSQL role as the actor. Every writing command goes through one of
/// these, so a command works the same on both and cannot write to a local file the team never sees.
enum ProgrammeWriter {
    case local(ProgrammeStore, actor: String)
    case shared(SharedWriter)

    /// The programme the change is checked against (for a shared one: the local copy, just caught up).
    var programme: Programme {
        switch self {
        case .local(let store, _): return store.programme
        case .shared(let writer): return writer.programme
        }
    }

    var isShared: Bool {
        if case .shared = self { return true }
        return false
    }

    /// Makes the change; answers its sequence number (in the journal, or in the shared log) and outcome.
    func perform(_ action: ProgrammeAction) throws -> (seq: Int64, outcome: ActionOutcome) {
        switch self {
        case .local(let store, let actor):
            let outcome = try store.perform(action, actor: actor)
            return (store.lastSeq, outcome)
        case .shared(let writer):
            return try wrapped { try writer.perform(action) }
        }
    }

    /// Before the work of reading an import: a shared programme refuses a member who may not import.
    func checkMayImport() throws {
        if case .shared(let writer) = self { try wrapped { try writer.checkMayImport() } }
    }

    func close() {
        switch self {
        case .local(let store, _): store.close()
        case .shared(let writer): writer.close()
        }
    }
}

extension FileOptions {
    /// Opens the programme for changes: the shared one when `--database` (or `$CHANNELDESK_DATABASE`)
    /// names it, else the local file (created first when `create`).
    func openWriter(actor: ActorOptions, create: Bool = false) throws -> ProgrammeWriter {
        if let url = try sharedDatabase() {
            try actor.refuseShared(url)
            return .shared(try wrapped { try SharedWriter(url) })
        }
        return .local(try openStore(create: create), actor: actor.name)
    }
}

extension ActorOptions {
    /// On a shared programme the actor is the PostgreSQL role, recorded by the server: a name the
    /// client claims is refused rather than silently ignored.
    func refuseShared(_ url: DatabaseURL) throws {
        if actor != nil {
            throw CLIError("--actor does not apply to a shared programme: the database records your PostgreSQL role (\(url.user)) as the actor")
        }
    }
}
