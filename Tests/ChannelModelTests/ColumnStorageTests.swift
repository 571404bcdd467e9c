import ChannelModel
import ChannelStore
import Foundation
import Testing

/// The columnar storage behind `Programme` agrees with the plain arrays it replaced: whatever is
/// appended, replaced or nulled, in whatever order, reads back as the array model says.
@Suite("Column storage")
struct ColumnStorageTests {
    static let samples: [String?] = [nil, "", "a", "Acme GmbH", "株式会社サクラ", "🚀👩🏽‍💻", "a-much-longer-string-than-fifteen-bytes", "R-0000001"]

    @Test(arguments: 1...20)
    func stringColumnMatchesAnArrayUnderRandomChanges(seed: Int) {
        var random = DemoRandom(seed: UInt64(seed))
        var column = StringColumn()
        var model: [String?] = []
        for _ in 0..<300 {
            let value = Self.samples.randomElement(using: &random)!
            if model.isEmpty || Bool.random(using: &random) {
                column.append(value)
                model.append(value)
            } else {
                let row = Int.random(in: 0..<model.count, using: &random)
                column.set(row, value)
                model[row] = value
            }
        }
        #expect(column.count == model.count)
        #expect((0..<model.count).map(column.value) == model)
        #expect((0..<model.count).map(column.isNull) == model.map { $0 == nil })
        #expect((0..<model.count).map { column.withUTF8($0) { String(decoding: $0, as: UTF8.self) } } == model.map { $0 ?? "" })
        // The stored form (replacements folded in), read back without copying, is the same column.
        let stored = column.storedBuffers()
        let reread = StringColumn(uncheckedBytes: stored.bytes, offsets: stored.offsets, nulls: stored.nulls, count: model.count)
        #expect((0..<model.count).map(reread.value) == model)
        #expect(reread == column)
        #expect(StringColumn(model) == column)
        #expect(stored.nulls.map { $0.count == (model.count + 7) / 8 } ?? !model.contains(nil))

        // Rows appended to a column read from a file (base + tail, nothing replaced) are stored by
        // joining the two buffers.
        var grown = reread, grownModel = model
        for _ in 0..<Int.random(in: 1...40, using: &random) {
            let value = Self.samples.randomElement(using: &random)!
            grown.append(value)
            grownModel.append(value)
        }
        let joined = grown.storedBuffers()
        let rejoined = StringColumn(uncheckedBytes: joined.bytes, offsets: joined.offsets, nulls: joined.nulls, count: grownModel.count)
        #expect((0..<grownModel.count).map(rejoined.value) == grownModel)
        #expect(joined.nulls.map { $0.count == (grownModel.count + 7) / 8 } ?? !grownModel.contains(nil))
        #expect(joined.bytes == StringColumn(grownModel).storedBuffers().bytes)
        #expect(joined.offsets == StringColumn(grownModel).storedBuffers().offsets)
    }

    @Test func aColumnOfNullsStandsInForAMissingOne() {
        let nulls = StringColumn(nulls: 10)
        #expect((0..<10).allSatisfy { nulls.value($0) == nil })
        #expect(nulls == StringColumn([String?](repeating: nil, count: 10)))
        #expect(nulls != StringColumn([String?](repeating: "", count: 10)))
    }

    @Test(arguments: [1, 2, 3])
    func rowIndexFindsEveryKeyAndRefusesDuplicates(seed: Int) {
        var random = DemoRandom(seed: UInt64(seed))
        let keys = (0..<5_000).map { _ in "R-\(Int.random(in: 0..<1_000_000, using: &random))" }
        var unique: [String] = []
        var seen = Set<String>()
        for key in keys where seen.insert(key).inserted { unique.append(key) }
        let column = StringColumn(unique)
        guard case .success(let built) = RowIndex.build(column) else { Issue.record("unique keys refused"); return }
        // Grown one insertion at a time (the import path) it answers the same as built in one go.
        var grown = RowIndex()
        var growing = StringColumn()
        for key in unique {
            growing.append(key)
            #expect(grown.insert(row: growing.count - 1, of: growing) == nil)
        }
        for (row, key) in unique.enumerated() {
            #expect(built.row(of: key, in: column) == row)
            #expect(grown.row(of: key, in: growing) == row)
        }
        #expect(built.row(of: "R-absent", in: column) == nil)
        #expect(built.count == unique.count && grown.count == unique.count)
        var duplicated = column
        duplicated.append(unique[7])
        guard case .failure(let duplicate) = RowIndex.build(duplicated) else { Issue.record("a duplicate was accepted"); return }
        #expect(duplicate.row == unique.count && duplicate.earlierRow == 7)
    }

    @Test func registrationTableReadsBackWhatWasStored() throws {
        let programme = SampleProgramme.programme
        let registrations = Array(programme.registrations)
        let deals = Array(programme.deals)
        #expect(Array(RegistrationTable(registrations)) == registrations)
        #expect(Array(DealTable(deals)) == deals)
        #expect(registrations.contains { $0.tierAtApproval != nil } && registrations.contains { $0.decidedAt == nil })
        // Field by field, the column readers agree with the materialised rows.
        let table = programme.registrations
        for (position, registration) in registrations.enumerated() {
            #expect(table.isOpen(position, asOf: SampleProgramme.asOf) == registration.isOpen(asOf: SampleProgramme.asOf))
            #expect(table.registrableDomain(position) == registration.registrableDomain)
            #expect(table.partners[position] == Int32(programme.partnerPosition(registration.partnerID) ?? -1))
        }
    }

    @Test func updatesGoThroughTheColumnsAndTheIndexes() throws {
        var programme = SampleProgramme.programme
        let id = programme.registrations[3].id
        #expect(programme.updateRegistration(id) { $0.note = "asked for the budget"; $0.status = .infoRequested })
        #expect(programme.registration(id)?.note == "asked for the budget")
        #expect(programme.registration(id)?.status == .infoRequested)
        var added = programme.registrations[0]
        added.id = "R-NEW"
        added.partnerID = programme.partners[1].id
        #expect(programme.upsert(added) == .added)
        #expect(programme.upsert(added) == .unchanged)
        #expect(programme.registrationPosition("R-NEW") == programme.registrations.count - 1)
        #expect(programme.registrations.partners.last == 1)
        #expect(programme.registrationPositions(ofPartner: programme.partners[1].id).last == programme.registrations.count - 1)
    }

    @Test func rowsNamingAnUnknownPartnerResolveWhenThePartnerArrives() throws {
        var programme = Programme(policy: SampleProgramme.programme.policy)
        var registration = SampleProgramme.programme.registrations[0]
        registration.partnerID = "P-LATE"
        programme.upsert(registration)
        #expect(programme.registrations.partners == [-1])
        #expect(programme.registrationPositions(ofPartner: "P-LATE") == [0])
        var partner = SampleProgramme.programme.partners[0]
        partner.id = "P-LATE"
        programme.upsert(partner)
        #expect(programme.registrations.partners == [0])
    }
}
