import Foundation
import PostgresNIO

/// A team database named the way libpq names it: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]`
/// (or `postgres://`). `host=/path` in the query names a Unix-socket folder instead of a TCP host.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    var password: String?
    public var host: String
    public var port: Int
    public var database: String
    var socketDirectory: String?
    var sslMode: String

    /// Parses `text`, saying what a valid one looks like when it is not.
    public init(_ text: String) throws {
        let example = "use e.g. postgresql://ben@db.example.com/channel"
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgresql" || scheme == "postgres" else {
            throw SharedError.badURL("\"\(DatabaseURL.redacted(text))\" is not a PostgreSQL URL; \(example)")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let environment = ProcessInfo.processInfo.environment
        user = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? query["user"] ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        password = components.password ?? query["password"] ?? environment["PGPASSWORD"]
        socketDirectory = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? query["host"].flatMap { $0.hasPrefix("/") ? nil : $0 } ?? "localhost"
        port = components.port ?? query["port"].flatMap(Int.init) ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? (query["dbname"] ?? user) : path
        sslMode = query["sslmode"] ?? "prefer"
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslMode) else {
            throw SharedError.badURL("sslmode=\(sslMode) is not one of disable, prefer, require, verify-full")
        }
    }

    /// The URL without its password: what messages and the cache's name show.
    public var description: String {
        "postgresql://\(user)@\(socketDirectory ?? host)\(socketDirectory == nil ? ":\(port)" : "")/\(database)"
    }

    /// A file name for this database's cache: one per server, database and user.
    var cacheName: String {
        let raw = "\(socketDirectory ?? host)_\(port)_\(database)_\(user)"
        return String(raw.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
    }

    func configuration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketDirectory {
            configuration = .init(unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch sslMode {
            case "disable", "allow": tls = .disable
            case "verify-ca", "verify-full": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case "require":
                // libpq's `require` encrypts without checking the certificate.
                var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
                tlsConfiguration.certificateVerification = .none
                tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
            default:
                var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
                tlsConfiguration.certificateVerification = .none
                tls = .prefer(try NIOSSLContext(configuration: tlsConfiguration))
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// `text` with any password replaced, for error messages.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
