/// A closed vocabulary of the import format: stored by its snake_case label, parsed case-insensitively.
public protocol Labelled: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue == String {}

extension Labelled {
    /// Case-insensitive parse of an import value (`Reseller`, `RESELLER` and `reseller` are one type).
    public init?(label: some StringProtocol) {
        let lowered = label.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue == lowered }) else { return nil }
        self = match
    }

    /// The labels, for error messages that tell the user what would have been accepted.
    public static var labels: [String] { allCases.map(\.rawValue) }

    /// Position in `allCases`: the compact code stored in `uint8` columns.
    public var code: UInt8 { UInt8(Self.allCases.firstIndex(of: self).map { Self.allCases.distance(from: Self.allCases.startIndex, to: $0) } ?? 0) }
}

/// What kind of business a partner is; resellers are paid by discount, every other type by commission.
public enum PartnerType: String, Labelled {
    case reseller, referral
    case systemIntegrator = "system_integrator"
    case agency, technology, distribution
}

/// Where a partner is in its life with the programme; only some statuses count as enrolled.
public enum PartnerStatus: String, Labelled {
    case prospect, onboarding, active, suspended, churned

    /// Enrolled statuses count towards the active partner rate and take part in tier evaluation.
    public var isEnrolled: Bool { self != .prospect && self != .churned }
}

/// The life of a deal registration, from a partner's claim to the outcome of the deal.
public enum RegistrationStatus: String, Labelled {
    case pending
    case infoRequested = "info_requested"
    case approved, rejected, expired
    case closedWon = "closed_won"
    case closedLost = "closed_lost"

    /// Waiting for the channel manager: the queue.
    public var isQueued: Bool { self == .pending || self == .infoRequested }
}

/// Whether a deal was won or lost.
public enum DealOutcome: String, Labelled { case won, lost }

/// Whether the partner brought the deal (`sourced`) or helped the direct team close it (`influenced`).
public enum Attribution: String, Labelled { case sourced, influenced }

/// The five enablement items of a partner (DESIGN.md §4).
public enum EnablementItem: String, Labelled {
    case certification, playbook, assets
    case dealSupport = "deal_support"
    case portal
}
