import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

@Suite("CSV export")
struct CSVExportTests {
    func csv(_ table: Table) -> String { String(decoding: CSVWriter.write(table), as: UTF8.self) }

    @Test func formulaTextIsNeutralisedButNumbersStayNumbers() {
        let table = Table(columns: ["name", "amount"], rows: [
            [.text("=SUM(A1)"), .number("-12.50")],
            [.text("+1 555"), .money(Money(cents: -1250))],
            [.text("-minus"), .number("3")],
            [.text("@user"), .empty],
            [.text("\tTabbed"), .empty],
            [.text("'=already"), .empty],
            [.text("plain -12"), .empty],
            [.text("O'Brien"), .empty],
        ])
        #expect(csv(table) == """
            name,amount
            '=SUM(A1),-12.50
            '+1 555,-12.50
            '-minus,3
            '@user,
            '\tTabbed,
            ''=already,
            plain -12,
            O'Brien,

            """)
    }

    @Test func quotingFollowsRFC4180() {
        let table = Table(columns: ["a", "b"], rows: [
            [.text("O'Brien, Walsh and Co"), .text("Ωmega \"Quoted\" Labs")],
            [.text("Multi\nLine"), .text("\rcarriage")],
            [.text("株式会社サクラ"), .text("")],
        ])
        #expect(csv(table) == "a,b\n\"O'Brien, Walsh and Co\",\"Ωmega \"\"Quoted\"\" Labs\"\n\"Multi\nLine\",\"'\rcarriage\"\n株式会社サクラ,\n")
    }

    @Test func headersAreTheImportColumns() throws {
        let programme = try CSVFixtures.smallProgramme()
        func header(_ kind: ExportKind) -> String {
            String(decoding: Exporter.export(kind, from: programme, format: .csv), as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? ""
        }
        for kind in RecordKind.allCases where kind != .registrations && kind != .mdfRequests {
            #expect(header(ExportKind(rawValue: kind.rawValue)!) == kind.columns.joined(separator: ","))
        }
        #expect(header(.registrations) == "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until,tier_at_approval,extensions,note,mdf_request_id")
        // The ledger: the expected-commissions columns, plus each line's date, status and note (clawback reason).
        #expect(header(.commissions) == "deal_id,partner_id,registration_id,date,acv,rate,amount,kind,status,note")
        #expect(header(.audit) == "seq,at,actor,action,subject,detail")
        // Finance's MDF export: the import columns, then who decided, recorded and settled, year and partner.
        #expect(header(.mdfRequests) == RecordKind.mdfRequests.columns.joined(separator: ",")
                + ",note,decided_by,claim_recorded_by,settled_by,year,partner_name")
    }

    @Test func valuesAreWrittenInImportFormat() throws {
        let programme = try CSVFixtures.smallProgramme()
        let text = String(decoding: Exporter.export(.registrations, from: programme, format: .csv), as: UTF8.self)
        // The reducer fixed the tier at import: the approved registration carries gold.
        #expect(text.split(separator: "\n").last == "R-0000001,P-00001,Zeta Ltd,www.zeta.co.uk,1000.00,2026-01-01T10:00:00Z,approved,2026-01-02T10:00:00Z,2026-04-02,gold,0,,")
        let audit = String(decoding: Exporter.export(.audit, from: programme, format: .csv), as: UTF8.self)
        #expect(audit == """
            seq,at,actor,action,subject,detail
            1,2026-09-30T12:00:00Z,test,import,partners.csv,"Imported partners.csv: 2 added, 0 updated, 0 unchanged"
            2,2026-09-30T12:00:00Z,test,import,registrations.csv,"Imported registrations.csv: 1 added, 0 updated, 0 unchanged"

            """)
    }

    @Test func exportKindsNameTheCommandLineKinds() {
        #expect(ExportKind.allCases.map(\.rawValue) == ["partners", "registrations", "deals", "investments", "nps",
                                                        "direct-accounts", "enablement", "commissions", "audit",
                                                        "mdf-requests", "mdf-allocations"])
        #expect(ExportKind.directAccounts.recordKind == .directAccounts)
        #expect(ExportKind.commissions.recordKind == nil)
    }
}
