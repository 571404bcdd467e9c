/// The one approval-SLA rule: every view of the queue (the `queue` command, the Queue pane, the
/// registration detail, `metrics` and the activity index) asks this type, so they cannot disagree.
///
/// Time left is `submitted_at + SLA` minus the as-of instant; it is breached when negative (so a
/// registration exactly at the deadline is not yet breached), and shown in whole hours rounded toward zero.
/// `info_requested` pauses the clock; only `pending` registrations can breach.
public struct ApprovalSLA: Sendable, Equatable {
    /// The window in seconds (the policy's approval SLA).
    public let seconds: Int64

    public init(hours: Int) { seconds = Int64(hours) * 3600 }

    public init(_ policy: Policy) { self.init(hours: policy.approvalSLAHours) }

    /// Seconds until the deadline at `instant`: negative once the deadline has passed.
    public func secondsLeft(submittedAt: Instant, at instant: Instant) -> Int64 {
        submittedAt.seconds + seconds - instant.seconds
    }

    /// Whether a registration submitted at `submittedAt` is past the SLA at `instant` (status aside).
    public func isBreached(submittedAt: Instant, at instant: Instant) -> Bool {
        secondsLeft(submittedAt: submittedAt, at: instant) < 0
    }

    /// Whole hours left, rounded toward zero (negative when breached by an hour or more).
    public func hoursLeft(submittedAt: Instant, at instant: Instant) -> Int64 {
        secondsLeft(submittedAt: submittedAt, at: instant) / 3600
    }

    /// The latest submission instant still inside the SLA at `instant`: submitted before it means breached.
    /// Lets sorted submission times be counted by binary search.
    public func breachCutoff(at instant: Instant) -> Int64 { instant.seconds - seconds }
}
