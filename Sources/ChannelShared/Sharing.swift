import ChannelModel
import ChannelStore
import Foundation
import PostgresNIO

/// `channeldesk share`: publishes a local programme to an empty team database.
public enum Sharing {
    /// What was shared, for the confirmation.
    public struct Report: Sendable {
        public var partners: Int
        public var registrations: Int
        public var lastSeq: Int64
        public var bytes: Int
    }

    /// Folds the file's journal into its snapshot (under the writer's lock, so nothing changes while
    /// it is read), then copies the snapshot's bytes into `url` with the schema, functions and roles.
    public static func share(_ location: ProgrammeLocation, to url: DatabaseURL) throws -> Report {
        let store = try ProgrammeStore(opening: location)
        defer { store.close() }
        try store.checkpoint()
        let data = try Data(contentsOf: location.url)
        let report = Report(partners: store.programme.partners.count, registrations: store.programme.registrations.count,
                            lastSeq: store.lastSeq, bytes: data.count)
        let lastSeq = store.lastSeq
        try runBlocking {
            try await SharedConnection.with(url) { connection in
                try await checkEmpty(connection)
                try await checkPrivileges(connection)
                try await connection.transaction { connection in
                    for statement in SharedSchema.roles + SharedSchema.tables + SharedSchema.functions + SharedSchema.grants {
                        try await connection.query(PostgresQuery(unsafeSQL: statement))
                    }
                    try await connection.query("INSERT INTO channeldesk.programme (format_version) VALUES (\(SnapshotCodec.version))")
                    try await connection.query("INSERT INTO channeldesk.snapshot (last_seq, data) VALUES (\(lastSeq), \(data))")
                    try await connection.query("INSERT INTO channeldesk.head (seq) VALUES (\(lastSeq))")
                }
            }
        }
        return report
    }

    /// Only an empty database: sharing into one that holds anything else would mix a team's
    /// programme with data nobody expects to find beside it.
    static func checkEmpty(_ connection: SharedConnection) async throws {
        let url = connection.url
        let schema = try await connection.query("SELECT count(*)::bigint FROM pg_namespace WHERE nspname = \(SharedSchema.channel)")
        for try await count in schema.decode(Int64.self) where count > 0 {
            throw SharedError.notEmpty("\(url) already holds a shared programme; open it with --database \(url) (or set CHANNELDESK_DATABASE). To replace it, an administrator drops it first: DROP SCHEMA channeldesk CASCADE;")
        }
        let tables = try await connection.query("""
            SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND n.nspname <> 'information_schema'
              AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY 1 LIMIT 3
            """)
        var found: [String] = []
        for try await name in tables.decode(String.self) { found.append(name) }
        if !found.isEmpty {
            throw SharedError.notEmpty("\(url) is not empty (it holds \(found.joined(separator: ", "))\(found.count == 3 ? ", …" : "")); share into a database of its own, e.g. `createdb channeldesk`, then `channeldesk share postgresql://\(url.user)@\(url.host)/channeldesk`")
        }
    }

    /// Creating the schema needs CREATE on the database; the group roles need CREATEROLE (or a superuser).
    static func checkPrivileges(_ connection: SharedConnection) async throws {
        let rows = try await connection.query("""
            SELECT has_database_privilege(current_database(), 'CREATE'), r.rolsuper OR r.rolcreaterole
            FROM pg_roles r WHERE r.rolname = current_user
            """)
        let url = connection.url
        for try await (create, createRole) in rows.decode((Bool, Bool).self) {
            var missing: [String] = []
            if !create { missing.append("GRANT CREATE ON DATABASE \(quoteIdentifier(url.database)) TO \(quoteIdentifier(url.user));") }
            if !createRole { missing.append("ALTER ROLE \(quoteIdentifier(url.user)) CREATEROLE;") }
            if !missing.isEmpty {
                throw SharedError.noPrivilege("\(url.user) may not create the schema and roles a shared programme needs; share as the database's owner, or ask an administrator to run: " + missing.joined(separator: " "))
            }
        }
    }

    /// An identifier quoted for a message the user pastes into psql.
    static func quoteIdentifier(_ name: String) -> String {
        let plain = name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } && !(name.first?.isNumber ?? true)
        return plain ? name : "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
