import Foundation
import PostgresNIO

/// Why a shared programme could not be read or changed, in words that say what to do next.
public enum SharedError: Error, CustomStringConvertible, Equatable {
    case badURL(String)
    case unreachable(String, String)
    case notEmpty(String)
    case notShared(String)
    case noPrivilege(String)
    case refused(String)
    case server(String)
    case cache(String)

    public var description: String {
        switch self {
        case .badURL(let why): return why
        case .unreachable(let url, let why): return "the team database \(url) cannot be reached (\(why)); check the URL and that the server is running"
        case .notEmpty(let why), .notShared(let why), .noPrivilege(let why), .refused(let why), .server(let why), .cache(let why):
            return why
        }
    }

    /// The server's own message (and hint), or the connection problem, for anything PostgresNIO throws.
    static func describe(_ error: Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.hint].map { " (\($0))" } ?? "")
            }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        if let error = error as? PostgresTransactionError {
            return describe(error.closureError ?? error.commitError ?? error.beginError ?? error)
        }
        return "\(error)"
    }

    static func sqlState(_ error: Error) -> String? {
        if let error = error as? PostgresTransactionError, let inner = error.closureError ?? error.commitError { return sqlState(inner) }
        return (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Whether the error is the connection's, not the statement's: the reply may have been lost, so
    /// the same request (same idempotency key) is sent again on a new connection.
    static func isConnectionLoss(_ error: Error) -> Bool {
        if let error = error as? PostgresTransactionError, let inner = error.closureError ?? error.commitError ?? error.beginError {
            return isConnectionLoss(inner)
        }
        guard let error = error as? PSQLError else { return error is ChannelError || error is IOError }
        if error.serverInfo?[.sqlState].map({ $0.hasPrefix("57P") || $0.hasPrefix("08") }) == true { return true }
        return [.serverClosedConnection, .connectionError, .uncleanShutdown, .clientClosedConnection].contains(error.code)
    }
}
