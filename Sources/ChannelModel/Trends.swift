/// A KPI over consecutive quarters, for sparklines and the change against the previous quarter.
public enum Trends {
    /// The `count` quarters ending with the quarter of `period.from`, oldest first. Each quarter is
    /// measured as of its own last day (or `asOf`, for the quarter in progress): its point-in-time
    /// figures — active partner rate, pending registrations, SLA breaches — are those of that day
    /// (DESIGN.md §3), so every point equals what `metrics --as-of LAST-DAY --period` says for it.
    public static func quarterly(_ programme: Programme, asOf: Day, endingWith period: Period, count: Int = 8,
                                 index: ActivityIndex? = nil) -> [MetricsReport] {
        quarterly(programme, asOf: AsOf(asOf), endingWith: period, count: count, index: index)
    }

    /// The same at an explicit as-of instant (the console's).
    public static func quarterly(_ programme: Programme, asOf: AsOf, endingWith period: Period, count: Int = 8,
                                 index: ActivityIndex? = nil) -> [MetricsReport] {
        let last = Period.quarter(year: period.from.year, quarter: period.from.quarter) ?? period
        let index = index ?? ActivityIndex(programme)
        return (0..<count).reversed().map { back in
            let quarter = last.shiftedQuarters(-back)
            let end = min(quarter.to, asOf.day)
            let measured = quarter.from <= end ? Period(from: quarter.from, to: end) : quarter
            return Metrics.report(programme, asOf: when(end, asOf: asOf), period: measured, index: index)
        }
    }

    /// What a quarter to date is compared with (DESIGN.md §3, like for like): the same number of days
    /// from the start of the previous quarter, as of the last of them. Nil when `period` is not a quarter
    /// to date (a whole quarter compares with the whole previous one).
    public static func likeForLike(_ programme: Programme, asOf: AsOf, period: Period,
                                   index: ActivityIndex? = nil) -> MetricsReport? {
        guard let comparison = comparisonPeriod(for: period) else { return nil }
        return Metrics.report(programme, asOf: when(comparison.to, asOf: asOf), period: comparison, index: index)
    }

    /// The previous quarter's first `n` days, where `period` is the first `n` days of a quarter but not
    /// all of it; nil otherwise.
    public static func comparisonPeriod(for period: Period) -> Period? {
        let start = period.from.startOfQuarter
        guard period.from == start, let whole = Period.quarter(year: start.year, quarter: start.quarter),
              period.to >= period.from, period.to < whole.to else { return nil }
        let previous = whole.shiftedQuarters(-1)
        return Period(from: previous.from, to: min(previous.to, previous.from.adding(days: period.from.distance(to: period.to))))
    }

    /// The as-of of a day inside the trend: the day's own end for a past day, the caller's (now-aware)
    /// as-of for the day itself. One value per day, so the console's queue counts are reused.
    public static func when(_ day: Day, asOf: AsOf) -> AsOf { day < asOf.day ? AsOf(day, now: min(day.endOfDay, asOf.instant)) : asOf }
}
