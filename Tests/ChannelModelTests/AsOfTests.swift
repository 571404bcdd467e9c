import ChannelModel
import ChannelStore
import Testing

/// "As of D" (DESIGN.md §3) on small programmes built by hand: what did not exist yet, what was still
/// queued, what an info request or a tier change made after D did not change.
@Suite struct AsOfTests {
    static let policy = try! Policy.bundledDefault()
    static let day = Day(parsing: "2026-09-27")!

    static func instant(_ text: String) -> Instant { Instant(parsing: text)! }

    static func partner(_ id: String, tier: String = "registered") -> Partner {
        Partner(id: id, name: "Partner \(id)", type: .referral, tier: tier, region: "EMEA", status: .active,
                joinedOn: Day(parsing: "2025-01-01")!, owner: "amara", certifiedStaff: 0)
    }

    static func registration(_ id: String, partner: String = "P-1", company: String? = nil, domain: String? = nil,
                             submitted: String, status: RegistrationStatus = .pending, decided: String? = nil,
                             until: String? = nil) -> Registration {
        Registration(id: id, partnerID: partner, prospectCompany: company ?? "Company \(id)", prospectDomain: domain ?? "\(id.lowercased()).com",
                     estimatedACV: Money(cents: 100_00), submittedAt: instant(submitted), status: status,
                     decidedAt: decided.map(instant), protectedUntil: until.flatMap { Day(parsing: $0) })
    }

    static func programme(_ registrations: [Registration], partners: [Partner] = [partner("P-1"), partner("P-2")],
                          deals: [Deal] = []) -> Programme {
        try! Programme.loaded(policy: policy, partners: partners, registrations: registrations, deals: deals, investments: [],
                              npsResponses: [], directAccounts: [], enablement: [], audit: [])
    }

    static func apply(_ action: ProgrammeAction, at: String, to programme: inout Programme) throws {
        try Reducer.apply(JournalEntry(seq: Int64(programme.audit.count + 1), generation: 1, at: instant(at), actor: "t", action: action),
                          to: &programme)
    }

    func queue(_ programme: Programme, _ day: Day = AsOfTests.day) -> [QueueItem] {
        QueueItem.queue(programme, asOf: AsOf(day, now: day.endOfDay))
    }

    @Test func aRegistrationSubmittedAfterTheDayDoesNotExistYet() {
        let programme = Self.programme([
            Self.registration("R-1", submitted: "2026-09-27T23:59:59Z"),
            Self.registration("R-2", submitted: "2026-09-28T00:00:00Z"),
        ])
        #expect(queue(programme).map(\.id) == ["R-1"])
        #expect(Metrics.report(programme, asOf: AsOf(Self.day, now: Self.day.endOfDay)).pendingRegistrations == 1)
        #expect(ConflictDetector.queue(programme, asOf: Self.day.adding(days: 1)).map(\.registrationId) == ["R-1", "R-2"])
    }

    @Test func aRegistrationDecidedAfterTheDayWasStillQueued() {
        let programme = Self.programme([
            Self.registration("R-1", submitted: "2026-09-20T10:00:00Z", status: .approved, decided: "2026-09-28T09:00:00Z", until: "2026-12-27"),
            Self.registration("R-2", submitted: "2026-09-20T10:00:00Z", status: .rejected, decided: "2026-09-27T23:59:59Z"),
            Self.registration("R-3", submitted: "2026-09-26T10:00:00Z", status: .rejected, decided: "2026-10-01T09:00:00Z"),
        ])
        let items = queue(programme)
        #expect(items.map(\.id) == ["R-1", "R-3"])
        #expect(items.allSatisfy { $0.status == .pending })
        // R-1 is days past its 48 hours at D, R-3 (submitted 26 Sep 10:00) is not yet.
        #expect(items.map(\.slaBreached) == [true, false])
        let report = Metrics.report(programme, asOf: AsOf(Self.day, now: Self.day.endOfDay))
        #expect((report.pendingRegistrations, report.slaBreaches) == (2, 1))
    }

    @Test func anInfoRequestAfterTheDayLeavesItPending() throws {
        var programme = Self.programme([
            Self.registration("R-1", submitted: "2026-09-25T10:00:00Z"),
            Self.registration("R-2", submitted: "2026-09-25T11:00:00Z"),
            Self.registration("R-3", submitted: "2026-09-25T12:00:00Z", status: .infoRequested),
        ])
        try Self.apply(.requestInfo(registrationID: "R-1", question: "Budget?"), at: "2026-09-28T08:00:00Z", to: &programme)
        try Self.apply(.requestInfo(registrationID: "R-2", question: "Who?"), at: "2026-09-27T08:00:00Z", to: &programme)
        let byID = Dictionary(uniqueKeysWithValues: queue(programme).map { ($0.id, $0) })
        #expect(byID["R-1"]?.status == .pending)
        #expect(byID["R-1"]?.slaBreached == true)
        #expect(byID["R-2"]?.status == .infoRequested)
        #expect(byID["R-2"]?.slaHoursLeft == nil)
        // Imported as info requested: no request time, so it counts as asked.
        #expect(byID["R-3"]?.status == .infoRequested)
        // Approving the one asked before D keeps it info requested at D.
        try Self.apply(.approve(registrationID: "R-2"), at: "2026-09-29T08:00:00Z", to: &programme)
        #expect(queue(programme).first { $0.id == "R-2" }?.status == .infoRequested)
        let report = Metrics.report(programme, asOf: AsOf(Self.day, now: Self.day.endOfDay))
        #expect((report.pendingRegistrations, report.slaBreaches) == (3, 1))
    }

    @Test func approvalsStillProtectedAtTheDayConflict() {
        let deal = Deal(id: "D-1", partnerID: "P-2", registrationID: "R-WON", account: "Won", domain: "won.com",
                        acv: Money(cents: 1_000_00), closedOn: Day(parsing: "2026-10-05")!, outcome: .won, attribution: .sourced)
        let programme = Self.programme([
            Self.registration("R-1", domain: "expired.com", submitted: "2026-09-26T10:00:00Z"),
            Self.registration("R-OLD", partner: "P-2", domain: "expired.com", submitted: "2026-06-01T10:00:00Z", status: .expired,
                              decided: "2026-06-02T10:00:00Z", until: "2026-09-27"),
            Self.registration("R-2", domain: "won.com", submitted: "2026-09-26T10:00:00Z"),
            Self.registration("R-WON", partner: "P-2", domain: "won.com", submitted: "2026-07-01T10:00:00Z", status: .closedWon,
                              decided: "2026-07-02T10:00:00Z", until: "2026-09-30"),
        ], deals: [deal])
        let conflicts = Dictionary(uniqueKeysWithValues: queue(programme).map { ($0.id, $0.conflicts) })
        #expect(conflicts["R-1"] == [Conflict(kind: .partner, registrationId: "R-OLD")])
        #expect(conflicts["R-2"] == [Conflict(kind: .partner, registrationId: "R-WON")])
        // A day later the expired one's protection has ended.
        let later = Dictionary(uniqueKeysWithValues: queue(programme, Self.day.adding(days: 1)).map { ($0.id, $0.conflicts) })
        #expect(later["R-1"] == [])
    }

    @Test func aTierChangeAfterTheDayHasNotHappened() throws {
        var programme = Self.programme([Self.registration("R-1", submitted: "2026-09-26T10:00:00Z"),
                                        Self.registration("R-2", partner: "P-2", submitted: "2026-09-25T10:00:00Z")])
        try Self.apply(.changeTier(partnerID: "P-1", to: "gold"), at: "2026-09-29T10:00:00Z", to: &programme)
        let then = queue(programme)
        #expect(then.first { $0.id == "R-1" }.map { ($0.tier, $0.priority) } ?? ("", true) == ("registered", false))
        #expect(then.map(\.id) == ["R-2", "R-1"])
        let now = queue(programme, Day(parsing: "2026-09-29")!)
        #expect(now.first { $0.id == "R-1" }.map { ($0.tier, $0.priority) } ?? ("", false) == ("gold", true))
        #expect(now.map(\.id) == ["R-1", "R-2"])
        // The tier standings too: on the 27th P-1 still stood on the tier it had.
        #expect(TierEngine.standings(programme, asOf: Self.day).first { $0.partnerId == "P-1" }?.currentTier == "registered")
        #expect(TierEngine.standings(programme, asOf: Day(parsing: "2026-09-29")!).first { $0.partnerId == "P-1" }?.currentTier == "gold")
    }

    /// As of today the SLA is read now, not at the end of the day: 5 hours left at 10:00 is not breached.
    @Test func asOfTodayReadsTheClockNow() {
        let programme = Self.programme([Self.registration("R-1", submitted: "2026-09-25T15:00:00Z")])
        let morning = AsOf(Self.day, now: Self.instant("2026-09-27T10:00:00Z"))
        let item = QueueItem.queue(programme, asOf: morning)[0]
        #expect(item.slaHoursLeft == 5 && !item.slaBreached)
        #expect(Metrics.report(programme, asOf: morning).slaBreaches == 0)
        #expect(Metrics.report(programme, asOf: AsOf(Self.day, now: Self.day.endOfDay)).slaBreaches == 1)
    }

    @Test func aQuarterToDateIsComparedLikeForLike() {
        let qtd = Period.quarterToDate(Self.day)
        #expect(Trends.comparisonPeriod(for: qtd) == Period(from: Day(parsing: "2026-04-01")!, to: Day(parsing: "2026-06-28")!))
        #expect(Trends.comparisonPeriod(for: Period(quarter: "2026-Q2")!) == nil)
        // 31 days into Q1 compares with 31 days of Q4; 91 days into Q3 with all 91 days of Q2.
        #expect(Trends.comparisonPeriod(for: Period(from: Day(parsing: "2026-01-01")!, to: Day(parsing: "2026-01-31")!))
                == Period(from: Day(parsing: "2025-10-01")!, to: Day(parsing: "2025-10-31")!))
        #expect(Trends.comparisonPeriod(for: Period(from: Day(parsing: "2026-07-01")!, to: Day(parsing: "2026-09-29")!))
                == Period(quarter: "2026-Q2")!)
    }

    @Test func aPastQuarterIsMeasuredAsOfItsLastDay() {
        let programme = Self.programme([
            Self.registration("R-1", submitted: "2026-06-27T10:00:00Z", status: .approved, decided: "2026-07-03T10:00:00Z", until: "2026-10-01"),
            Self.registration("R-2", submitted: "2026-09-30T10:00:00Z"),
        ])
        let now = AsOf(Day(parsing: "2026-09-30")!, now: Self.instant("2026-09-30T12:00:00Z"))
        let quarters = Trends.quarterly(programme, asOf: now, endingWith: .quarterToDate(now.day), count: 2)
        #expect(quarters.map(\.asOf) == [Day(parsing: "2026-06-30")!, now.day])
        // On 30 June R-1 was queued and past its SLA; on 30 September only R-2 is queued, and fresh.
        #expect(quarters.map(\.pendingRegistrations) == [1, 1])
        #expect(quarters.map(\.slaBreaches) == [1, 0])
        let june = Trends.quarterly(programme, asOf: now, endingWith: Period(quarter: "2026-Q2")!, count: 1)[0]
        #expect(june.pendingRegistrations == 1)
    }
}
