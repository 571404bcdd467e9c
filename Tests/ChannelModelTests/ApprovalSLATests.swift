import ChannelModel
import Testing

/// The one SLA rule at and around its boundary.
@Suite struct ApprovalSLATests {
    let rule = ApprovalSLA(hours: 48)
    let end = Day(parsing: "2026-09-30")!.endOfDay

    @Test func theDeadlineSecondItselfIsNotBreached() {
        let onTime = Instant(parsing: "2026-09-28T23:59:59Z")!
        #expect(rule.secondsLeft(submittedAt: onTime, at: end) == 0)
        #expect(!rule.isBreached(submittedAt: onTime, at: end))
        #expect(rule.isBreached(submittedAt: Instant(seconds: onTime.seconds - 1), at: end))
    }

    @Test func hoursLeftRoundTowardZero() {
        let submitted = Instant(parsing: "2026-09-29T00:30:00Z")!   // 48h ends 2026-10-01T00:30:00Z
        #expect(rule.hoursLeft(submittedAt: submitted, at: end) == 0)  // 30 min 1 s left
        let late = Instant(parsing: "2026-09-28T23:29:59Z")!          // 30 min past
        #expect(rule.hoursLeft(submittedAt: late, at: end) == 0)
        #expect(rule.isBreached(submittedAt: late, at: end))
        #expect(rule.breachCutoff(at: end) == end.seconds - 48 * 3600)
    }
}
