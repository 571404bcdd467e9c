import Foundation
import PostgresNIO

/// One connection to a team database. Every statement that carries a value binds it as a parameter
/// (`PostgresQuery` interpolation turns `\(value)` into `$n`); only constant DDL is sent as text.
package struct SharedConnection: Sendable {
    package let url: DatabaseURL
    let connection: PostgresConnection
    let logger: Logger

    static func open(_ url: DatabaseURL) async throws -> SharedConnection {
        var logger = Logger(label: "channeldesk.shared")
        logger.logLevel = .critical
        do {
            let connection = try await PostgresConnection.connect(configuration: try url.configuration(), id: 1, logger: logger)
            return SharedConnection(url: url, connection: connection, logger: logger)
        } catch {
            if SharedError.sqlState(error) == "3D000" {
                throw SharedError.notShared("there is no database \(url.database) on \(url.host); create it first (createdb \(url.database)) or check the URL")
            }
            if let state = SharedError.sqlState(error), state.hasPrefix("28") {
                throw SharedError.noPrivilege("\(url) refused the login: \(SharedError.describe(error)); ask the database's administrator for a login role")
            }
            throw SharedError.unreachable(url.description, SharedError.describe(error))
        }
    }

    /// Opens a connection, runs `body`, and closes it whatever happens.
    static func with<T: Sendable>(_ url: DatabaseURL, _ body: (SharedConnection) async throws -> T) async throws -> T {
        let connection = try await open(url)
        do {
            let value = try await body(connection)
            try? await connection.connection.close()
            return value
        } catch {
            try? await connection.connection.close()
            throw error
        }
    }

    @discardableResult
    func query(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: logger)
    }

    func transaction<T: Sendable>(_ body: (SharedConnection) async throws -> T) async throws -> T {
        try await query("BEGIN")
        do {
            let value = try await body(self)
            try await query("COMMIT")
            return value
        } catch {
            _ = try? await query("ROLLBACK")
            throw error
        }
    }
}
