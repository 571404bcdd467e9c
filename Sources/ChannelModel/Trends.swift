/// A KPI over consecutive quarters, for sparklines and the change against the previous quarter.
public enum Trends {
    /// The `count` quarters ending with the quarter of `period.from`, oldest first. Each quarter is
    /// measured as of its own last day (or `asOf`, for the quarter in progress), so every point equals
    /// what `metrics --period` says for that quarter.
    public static func quarterly(_ programme: Programme, asOf: Day, endingWith period: Period, count: Int = 8,
                                 index: ActivityIndex? = nil) -> [MetricsReport] {
        let last = Period.quarter(year: period.from.year, quarter: period.from.quarter) ?? period
        let index = index ?? ActivityIndex(programme)
        return (0..<count).reversed().map { back in
            let quarter = last.shiftedQuarters(-back)
            let end = min(quarter.to, asOf)
            let measured = quarter.from <= end ? Period(from: quarter.from, to: end) : quarter
            return Metrics.report(programme, asOf: min(quarter.to, asOf), period: measured, index: index)
        }
    }
}
