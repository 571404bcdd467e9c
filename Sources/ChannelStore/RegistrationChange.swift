import ChannelModel
import Foundation

/// Who last changed a registration, and how, read from the audit trail: the one wording of "ben
/// rejected R-0000012 at 10:02" — what a refused shared append tells the manager who lost the race,
/// and what a console shows on the row under its cursor when another member's decision lands on it.
public struct RegistrationChange: Sendable, Equatable {
    public var registrationID: String
    public var actor: String
    /// What they did, as a sentence's verb: "approved", "rejected", "asked for more information on"…
    public var verb: String
    public var at: Instant

    public init(registrationID: String, actor: String, verb: String, at: Instant) {
        self.registrationID = registrationID; self.actor = actor; self.verb = verb; self.at = at
    }

    /// The newest audit line about registration `id` after sequence number `seq`, read from the end of
    /// the trail and stopping at `seq` — a catch-up looks at the few lines it brought, not the whole
    /// history of a million-registration programme. Nil when nothing after `seq` touched it.
    public static func latest(_ id: String, in programme: Programme, after seq: Int64 = 0) -> RegistrationChange? {
        for entry in programme.audit.reversed() {
            guard entry.seq > seq else { return nil }
            // A batch's subject lists its registrations separated by spaces.
            guard entry.subject == id || entry.subject.split(separator: " ").contains(Substring(id)) else { continue }
            return RegistrationChange(registrationID: id, actor: entry.actor,
                                      verb: verb(entry.action, status: programme.registration(id)?.status), at: entry.at)
        }
        return nil
    }

    /// The verb of what `action` left the registration as.
    static func verb(_ action: String, status: RegistrationStatus?) -> String {
        switch status {
        case .approved?: return action == "extend" ? "extended" : "approved"
        case .rejected?: return "rejected"
        case .infoRequested?: return "asked for more information on"
        default: return action == "undo" ? "restored" : "changed"
        }
    }

    /// "ben rejected R-0000012 at 10:02" — on another day "… on 2026-12-01 at 10:02".
    public func sentence(now: Date = Date()) -> String {
        "\(actor) \(verb) \(registrationID) \(ClockText.describe(Date(timeIntervalSince1970: TimeInterval(at.seconds)), now: now))"
    }
}

/// Times in messages: "at 10:02" today, "on 2026-12-01 at 10:02" otherwise, in the user's time zone.
public enum ClockText {
    public static func describe(_ date: Date, now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = calendar.isDate(date, inSameDayAs: now) ? "'at' HH:mm" : "'on' yyyy-MM-dd 'at' HH:mm"
        return formatter.string(from: date)
    }
}
