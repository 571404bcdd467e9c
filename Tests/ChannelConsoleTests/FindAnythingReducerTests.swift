import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// Issue #11 "Find anything": the `/` query ignores case and accents, takes field terms in every list,
/// every table sorts, and the counts follow the filter.
@Suite struct FindAnythingReducerTests {
    func visible(_ pane: Pane, _ store: ConsoleStore) -> [Int] { PaneRows.visible(pane, in: store.state, store.data) }

    func partnerNames(_ store: ConsoleStore) -> [String] {
        visible(.partners, store).map { store.data.programme.partners[store.data.partners[$0].position].name }
    }

    // MARK: The query

    @Test func foldingDropsCaseAndAccents() {
        #expect(SearchQuery.fold("Müller & Söhne") == "muller & sohne")
        #expect(SearchQuery.fold("Café Ünïcode") == "cafe unicode")
        #expect(SearchQuery.fold("ACME") == "acme")
        #expect(SearchQuery.fold("株式会社サクラ") == "株式会社サクラ")
    }

    @Test func termsNameOnlyTheListsFields() {
        let query = SearchQuery("Gold tier:Gold,SILVER acme.com:8080 nofield:x tier:", fields: [.tier, .region])
        #expect(query.words == ["gold", "acme.com:8080", "nofield:x"])
        #expect(query.terms == [SearchQuery.Term(field: .tier, values: ["gold", "silver"])])
        #expect(SearchQuery("", fields: []).isEmpty)
    }

    @Test func narrowingIsOnlyClaimedWhenEveryMatchOfTheNewQueryMatchesTheOld() {
        let fields: Set<SearchField> = [.tier]
        func narrows(_ old: String, _ new: String) -> Bool { SearchQuery(old, fields: fields).isNarrowed(by: SearchQuery(new, fields: fields)) }
        #expect(narrows("no", "nov"))
        #expect(narrows("tier:g", "tier:go"))
        #expect(narrows("acme", "acme tier:gold"))
        #expect(narrows("tier:gold", "tier:gold"))
        // A comma adds an alternative and a colon turns a word into a term: both can widen.
        #expect(!narrows("tier:gold", "tier:gold,s"))
        #expect(!narrows("tier", "tier:"))
        #expect(!narrows("acme", "acm"))
    }

    // MARK: Lists

    @Test func filterIgnoresAccentsAndCase() {
        var store = ConsoleStore { $0.focus = .partners }
        store.reach(.char("/"))
        store.type("MULLER")
        #expect(partnerNames(store) == ["Müller & Söhne GmbH"])
        store.reach(.escape)
        store.reach(.char("/"))
        store.type("unicode")
        #expect(partnerNames(store) == ["Café Ünïcode SARL"])
    }

    @Test func fieldTermsFilterThePartners() {
        let store = ConsoleStore { $0.focus = .partners; $0.lists[.partners]!.filter = "region:dach tier:registered" }
        let partners = visible(.partners, store).map { store.data.programme.partners[store.data.partners[$0].position] }
        #expect(!partners.isEmpty)
        #expect(partners.allSatisfy { $0.region == "DACH" && $0.tier == "registered" })
        let all = store.data.programme.partners.filter { $0.region == "DACH" && $0.tier == "registered" }
        #expect(partners.count == all.count)
        let owners = ConsoleStore { $0.focus = .partners; $0.lists[.partners]!.filter = "owner:amara" }
        #expect(visible(.partners, owners).allSatisfy { owners.data.programme.partners[owners.data.partners[$0].position].owner == "amara.okafor" })
        #expect(!visible(.partners, owners).isEmpty)
    }

    @Test func fieldTermsFilterTheQueue() {
        let data = ConsoleFixture.data
        for (text, rule) in [("conflict:partner", { (row: QueueRow) in row.conflicts.contains { $0.kind == .partner } }),
                             ("conflict:none", { (row: QueueRow) in row.conflicts.isEmpty }),
                             ("status:pending", { (row: QueueRow) in row.status == .pending }),
                             ("tier:gold,platinum", { (row: QueueRow) in ["gold", "platinum"].contains(row.item.tier) })] {
            let store = ConsoleStore { $0.lists[.queue]!.filter = text }
            let shown = visible(.queue, store).map { data.queue[$0].id }
            #expect(!shown.isEmpty, "\(text)")
            #expect(shown == data.queue.filter(rule).map(\.id), "\(text)")
        }
    }

    @Test func tiersAndFundsTakeFieldTermsToo() {
        let tiers = ConsoleStore { $0.focus = .tiers; $0.lists[.tiers]!.filter = "proposal:upgrade" }
        #expect(!visible(.tiers, tiers).isEmpty)
        #expect(visible(.tiers, tiers).allSatisfy { tiers.data.standings[tiers.data.ladder[$0].standing].proposal == .upgrade })
        let funds = ConsoleStore { $0.focus = .funds; $0.lists[.funds]!.filter = "status:submitted" }
        #expect(visible(.funds, funds).allSatisfy { funds.data.funds.rows[$0].status == .submitted })
    }

    @Test func metricsFilterByTheFiguresName() {
        var store = ConsoleStore { $0.focus = .metrics }
        store.press(.char("/")) { $0.mode = .filter(ConsoleReducer.filterField("", fields: [])) }
        store.type("nps")
        #expect(visible(.metrics, store).map(MetricsPane.rowName) == ["Partner NPS"])
    }

    // MARK: Sorting

    @Test func sSortsTheQueueAndComesBackToTriageOrder() {
        var store = ConsoleStore()
        let triage = visible(.queue, store)
        let columns = PaneRows.sortColumns(.queue)
        for (column, sort) in columns.enumerated() {
            store.press(.char("s")) {
                $0.lists[.queue]!.sortColumn = column
                $0.lists[.queue]!.sortDescending = sort.descendingFirst
                $0.status = StatusMessage("Sorted by \(sort.name)\(sort.descendingFirst ? ", largest first" : "")")
            }
        }
        let byACV = ConsoleStore { $0.lists[.queue]!.sortColumn = 5; $0.lists[.queue]!.sortDescending = true }
        let acvs = visible(.queue, byACV).map { byACV.data.queue[$0].item.registration.estimatedACV }
        #expect(acvs == acvs.sorted(by: >))
        store.press(.char("s")) {
            $0.lists[.queue]!.sortColumn = nil
            $0.lists[.queue]!.sortDescending = false
            $0.status = StatusMessage("Back to the triage order")
        }
        #expect(visible(.queue, store) == triage)
    }

    @Test func sSortsTheTiersByARR() {
        var store = ConsoleStore { $0.focus = .tiers }
        store.reach(.char("s"))
        store.press(.char("s")) {
            $0.lists[.tiers]!.sortColumn = 1
            $0.lists[.tiers]!.sortDescending = true
            $0.status = StatusMessage("Sorted by ARR 365d, largest first")
        }
        let arr = visible(.tiers, store).map { store.data.standings[store.data.ladder[$0].standing].trailingSourcedARR }
        #expect(arr == arr.sorted(by: >))
    }

    // MARK: Partner detail

    @Test func slashFiltersThePartnerDetailsSection() {
        var store = ConsoleStore { $0.details = [.partner("P-00038")]; $0.partnerView.section = .registrations }
        let all = PartnerDetailRows.of("P-00038", store.data, store.state.partnerView)!.registrations
        store.press(.char("/")) { $0.mode = .filter(ConsoleReducer.filterField("", fields: [.status, .domain])) }
        store.type("status:approved")
        #expect(store.state.partnerView.filter[.registrations] == "status:approved")
        let shown = PartnerDetailRows.of("P-00038", store.data, store.state.partnerView)!.registrations
        #expect(!shown.isEmpty && shown.count < all.count)
        #expect(shown.allSatisfy { $0.status == .approved })
        store.press(.escape) {
            $0.partnerView.filter[.registrations] = ""
            $0.mode = .normal
        }
    }
}

/// The Queue's SLA "time left" column reads the model's `QueueItem.slaSecondsLeft`.
@Suite struct TimeLeftTests {
    @Test func timeLeftIsHoursDaysOrMinutesAndSignedPastTheDeadline() {
        #expect(Format.timeLeft(31 * 3600 + 59) == "31h")
        #expect(Format.timeLeft(3 * 86_400) == "3d")
        #expect(Format.timeLeft(-25 * 60) == "-25m")
        #expect(Format.timeLeft(-49 * 3600) == "-2d")
        #expect(Format.timeLeft(0) == "0m")
        #expect(Format.timeLeft(nil) == "paused")
    }

    @Test func theQueueShowsEachRowsTimeLeftInItsSLAColour() {
        let screen = Snapshot.screen(Snapshot.wide)
        let lines = screen.textLines()
        for row in ConsoleFixture.data.queue.prefix(5) {
            let line = try? #require(lines.first { $0.contains(row.id) })
            #expect(line?.contains(Format.timeLeft(row.item.slaSecondsLeft)) == true, "\(row.id)")
        }
    }
}

/// Bulk extend (issue #11, triage flow): approved registrations marked in a partner's Registrations
/// section are extended together, in one batch that one `u` undoes.
@Suite struct BulkExtendReducerTests {
    @Test func spaceMarksApprovedRegistrationsAndEExtendsThemTogether() {
        // The partner's approved registrations, found with the section's filter.
        var store = ConsoleStore {
            $0.details = [.partner("P-00038")]
            $0.partnerView.section = .registrations
            $0.partnerView.filter[.registrations] = "status:approved"
        }
        let ids = PartnerDetailRows.of("P-00038", store.data, store.state.partnerView)!.registrations.map(\.id)
        #expect(ids == ["R-0000780", "R-0000770"])
        store.press(.char(" ")) {
            $0.partnerView.marked = ["R-0000780"]
            $0.partnerView.selected[.registrations] = 1
        }
        store.press(.char(" ")) { $0.partnerView.marked = ["R-0000780", "R-0000770"] }
        store.press(.char("e"), { $0.partnerView.marked = [] },
                    effects: [.perform(.batch([.extend(registrationID: "R-0000780"), .extend(registrationID: "R-0000770")]))])
        // One marked: a plain extension.
        store.press(.char(" ")) { $0.partnerView.marked = ["R-0000770"] }
        store.press(.char("e"), { $0.partnerView.marked = [] }, effects: [.perform(.extend(registrationID: "R-0000770"))])
    }

    @Test func aRegistrationThatCannotBeExtendedIsNotMarked() throws {
        let data = ConsoleFixture.data
        let pending = try #require(data.queue.first)
        let partner = pending.partnerID
        var view = PartnerViewState()
        view.section = .registrations
        let rows = try #require(PartnerDetailRows.of(partner, data, view))
        let index = try #require(rows.registrations.firstIndex { $0.id == pending.id })
        var store = ConsoleStore {
            $0.details = [.partner(partner)]
            $0.partnerView.section = .registrations
            $0.partnerView.selected[.registrations] = index
        }
        store.press(.char(" ")) { $0.status = StatusMessage("Only an approved registration's protection can be extended", .error) }
    }
}
