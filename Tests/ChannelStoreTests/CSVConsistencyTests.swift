import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// Import rules across fields and records: a registration's status against its decision fields, and
/// a deal's registration against the deal's partner. Each broken file gives its exact report and
/// stores nothing (`CSVFixtures.issues` fails the test when a file is accepted).
@Suite("Import consistency")
struct CSVConsistencyTests {
    let programme: Programme
    init() throws { programme = try CSVFixtures.smallProgramme() }

    static let registrationsHeader = CSVValidationTests.registrationsHeader
    static let dealsHeader = CSVValidationTests.dealsHeader

    func issues(_ kind: RecordKind, _ text: String) -> [String] {
        CSVFixtures.issues(kind, text, programme: programme)
    }

    /// A registration row of partner P-00001 with the given status and decision fields.
    static func registration(_ id: String, _ status: String, decided: String = "", until: String = "") -> String {
        "\(id),P-00001,Zeta Ltd,zeta\(id).com,10.00,2026-01-01T10:00:00Z,\(status),\(decided),\(until)\n"
    }

    static let decided = "2026-01-02T09:00:00Z"

    @Test(arguments: [
        (registration("R-1", "approved", until: "2026-04-02"),
         "registrations.csv:2: decided_at: is empty, but an approved registration needs the time it was approved"),
        (registration("R-1", "APPROVED", decided: decided),
         "registrations.csv:2: protected_until: is empty, but an approved registration needs the day its protection ends"),
        (registration("R-1", "expired", until: "2026-04-02"),
         "registrations.csv:2: decided_at: is empty, but an expired registration was approved first and needs the time it was approved"),
        (registration("R-1", "closed_won", decided: decided),
         "registrations.csv:2: protected_until: is empty, but a closed won registration was approved first and needs the day its protection ends"),
        (registration("R-1", "closed_lost", decided: decided),
         "registrations.csv:2: protected_until: is empty, but a closed lost registration was approved first and needs the day its protection ends"),
        (registration("R-1", "rejected", decided: decided, until: "2026-04-02"),
         "registrations.csv:2: protected_until: \"2026-04-02\" is set, but a rejected registration protects nothing; leave it empty"),
        (registration("R-1", "rejected"),
         "registrations.csv:2: decided_at: is empty, but a rejected registration was decided; give the time of the decision"),
        (registration("R-1", "pending", decided: decided),
         "registrations.csv:2: decided_at: \"2026-01-02T09:00:00Z\" is set, but a pending registration has not been decided; leave it empty"),
        (registration("R-1", "info_requested", until: "2026-04-02"),
         "registrations.csv:2: protected_until: \"2026-04-02\" is set, but an info requested registration is not protected yet; leave it empty"),
    ])
    func statusThatContradictsItsDecisionIsRefused(_ row: String, _ expected: String) {
        // After a good row: the good row is not stored either.
        let text = Self.registrationsHeader + Self.registration("R-0", "pending") + row
        #expect(issues(.registrations, text) == [expected.replacingOccurrences(of: "csv:2:", with: "csv:3:")])
    }

    @Test func everyContradictionOfARowIsReported() {
        #expect(issues(.registrations, Self.registrationsHeader + Self.registration("R-1", "closed_won")) == [
            "registrations.csv:2: decided_at: is empty, but a closed won registration was approved first and needs the time it was approved",
            "registrations.csv:2: protected_until: is empty, but a closed won registration was approved first and needs the day its protection ends",
        ])
    }

    @Test func consistentRowsOfEveryStatusAreAccepted() throws {
        let text = Self.registrationsHeader
            + Self.registration("R-1", "pending") + Self.registration("R-2", "info_requested")
            + Self.registration("R-3", "approved", decided: Self.decided, until: "2026-04-02")
            + Self.registration("R-4", "expired", decided: Self.decided, until: "2026-04-02")
            + Self.registration("R-5", "closed_won", decided: Self.decided, until: "2026-04-02")
            + Self.registration("R-6", "closed_lost", decided: Self.decided, until: "2026-04-02")
            + Self.registration("R-7", "rejected", decided: Self.decided)
        #expect(try CSVFixtures.parse(.registrations, text, programme: programme).get().count == 7)
    }

    /// An unreadable decision field is reported once, as unreadable, not also as missing.
    @Test func anUnreadableDecisionFieldIsNotAlsoBlamedForBeingMissing() {
        #expect(issues(.registrations, Self.registrationsHeader + Self.registration("R-1", "approved", decided: "2026-01-02", until: "2026-04-02"))
                == ["registrations.csv:2: decided_at: \"2026-01-02\" is not an instant (YYYY-MM-DDTHH:MM:SSZ)"])
    }

    @Test func aDealMayNotNameAnotherPartnersRegistration() throws {
        // R-0000001 is P-00001's registration.
        let good = "D-1,P-00001,R-0000001,Zeta,zeta.co.uk,1.00,2026-01-10,won,sourced\n"
        let text = Self.dealsHeader + good + "D-2,P-00002,R-0000001,Zeta,zeta.co.uk,2.00,2026-01-11,won,sourced\n"
        #expect(issues(.deals, text) == ["deals.csv:3: registration_id: R-0000001 is a registration of partner P-00001, not of P-00002"])
        #expect(try CSVFixtures.parse(.deals, Self.dealsHeader + good, programme: programme).get().count == 1)
        // An unknown partner is reported as such, not also as the wrong owner.
        #expect(issues(.deals, Self.dealsHeader + "D-2,P-09999,R-0000001,Zeta,zeta.co.uk,2.00,2026-01-11,won,sourced\n")
                == ["deals.csv:2: partner_id: unknown partner P-09999"])
    }

    @Test func theSampleProgrammeStillImports() throws {
        let sample = try CSVFixtures.sampleProgramme()
        #expect(sample.registrations.count == 907)
        #expect(sample.deals.count == 487)
    }

    /// The rule the importer demands is the one decisions keep: after approving, rejecting and asking,
    /// and in a generated demo, every registration's status agrees with its decision fields.
    @Test func decisionsAndTheDemoKeepTheRule() throws {
        var sample = try CSVFixtures.sampleProgramme()
        let actions: [ProgrammeAction] = [.approve(registrationID: "R-0000010"), .reject(registrationID: "R-0000444", reason: "no"),
                                          .requestInfo(registrationID: "R-0000649", question: "who?")]
        for (index, action) in actions.enumerated() {
            let at = Instant(parsing: "2026-10-01T12:00:00Z")!
            try Reducer.apply(JournalEntry(seq: Int64(100 + index), generation: 0, at: at, actor: "test", action: action), to: &sample)
        }
        let demo = DemoGenerator.programme(policy: CSVFixtures.policy, partners: 50, registrations: 3_000, seed: 7,
                                           asOf: Day(parsing: "2026-09-30")!)
        for programme in [sample, demo] {
            let broken = programme.registrations.filter {
                $0.status.hasDecision != ($0.decidedAt != nil) || $0.status.hasProtection != ($0.protectedUntil != nil)
            }
            #expect(broken.isEmpty, "\(broken.prefix(3))")
        }
        #expect(sample.registration("R-0000010")?.status == .approved)
    }
}
