import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// MDF files as they really arrive — a finance spreadsheet with grouped or currency amounts, local
/// dates, a semicolon export, a partner portal's half-filled row — each with the exact report it gives.
/// A refused file yields only its report, so nothing of it is stored.
@Suite("MDF bad-input corpus")
struct MDFBadInputCorpusTests {
    static let requests = "request_id,partner_id,activity,description,submitted_at,starts_on,ends_on,requested_amount,status,decided_at,approved_amount,claimed_at,claimed_amount,proof,paid_on,paid_amount\n"

    static let corpus: [(name: String, kind: RecordKind, text: String, issues: [String])] = [
        ("grouped amount from a spreadsheet", .mdfRequests,
         requests + "M-1,P-00001,event,x,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,\"1,200.00\",submitted,,,,,,,\n",
         ["mdf_requests.csv:2: requested_amount: \"1,200.00\" is not an amount"]),
        ("local date, currency sign and a padded status", .mdfRequests,
         requests + "M-2,P-00001,event,x,2026-03-01T09:00:00Z,01/04/2026,2026-04-02,€1200,Approved ,,,,,,,\n",
         ["mdf_requests.csv:2: starts_on: \"01/04/2026\" is not a date (YYYY-MM-DD)",
          "mdf_requests.csv:2: requested_amount: \"€1200\" is not an amount",
          "mdf_requests.csv:2: status: unknown status \"Approved \"; expected one of submitted, info_requested, approved, rejected, claimed, paid, claim_rejected, expired"]),
        ("paid claim without proof of performance", .mdfRequests,
         requests + "M-3,P-00001,event,x,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,1200,paid,2026-03-02T09:00:00Z,1200,2026-04-20T09:00:00Z,1100,,2026-05-01,1100\n",
         ["mdf_requests.csv:2: proof: is empty; a request that is paid needs it"]),
        ("claim recorded before its approval", .mdfRequests,
         requests + "M-4,P-00001,event,x,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,1200,claimed,2026-03-05T09:00:00Z,1200,2026-03-04T09:00:00Z,1100,p,,\n",
         ["mdf_requests.csv:2: claimed_at: 2026-03-04T09:00:00Z is before decided_at 2026-03-05T09:00:00Z"]),
        ("truncated row from a portal export", .mdfRequests,
         requests + "M-5,P-00001,event,x,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,1200\n",
         ["mdf_requests.csv:2: -: the row has 8 fields; the header has 16"]),
        ("a good row does not rescue a bad one", .mdfRequests,
         requests + "M-6,P-00001,event,x,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,1200,submitted,,,,,,,\n"
            + "M-7,P-00002,party,x,2026-03-01T09:00:00Z,2026-04-01,2026-04-02,1200,submitted,,,,,,,\n",
         ["mdf_requests.csv:3: activity: unknown activity \"party\"; expected one of event, webinar, campaign, content, training, other"]),
        ("semicolon-separated allocations", .mdfAllocations, "partner_id;year;amount\nP-00001;2026;100\n",
         ["mdf_allocations.csv:1: -: the file is separated by semicolons, not commas; save it as comma-separated CSV (expected a header row: partner_id,year,amount)"]),
        ("allocations without a year", .mdfAllocations, "partner_id,amount\nP-00001,100\n",
         ["mdf_allocations.csv:1: year: missing column"]),
    ]

    @Test(arguments: corpus.indices)
    func eachShapeGivesItsExactReport(index: Int) throws {
        let item = Self.corpus[index]
        let programme = try CSVFixtures.smallProgramme()
        #expect(CSVFixtures.issues(item.kind, item.text, programme: programme) == item.issues, "\(item.name)")
    }
}
