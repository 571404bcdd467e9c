import ChannelModel
import Foundation

// What undoes each actor's recent changes: kept in the snapshot so that a checkpoint, which folds the
// journal into the file, does not take away `u` after a restart.
extension TableCodec {
    /// One row a change: actor, journal sequence number, and the inverse action as JSON (null for an
    /// undo, which is remembered only as one).
    public static func encode(_ compensations: Compensations) throws(SnapshotError) -> ColumnTable {
        let rows = compensations.changes
        var actor = StringColumn(), inverse = StringColumn()
        var seq = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: rows.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (who, change) in rows {
            actor.append(who)
            seq.append(change.seq)
            do {
                inverse.append(try change.inverse.map { String(decoding: try encoder.encode($0), as: UTF8.self) })
            } catch {
                throw SnapshotError(.damaged(detail: "the undo of change #\(change.seq) cannot be stored: \(error)"))
            }
        }
        var out = ColumnTable(rows: rows.count)
        try out.add("actor", actor, table: "compensations")
        out.add("seq", seq)
        try out.add("inverse", inverse, table: "compensations")
        return out
    }

    public static func decodeCompensations(from table: ColumnTable, name: String = "compensations") throws(SnapshotError) -> Compensations {
        let t = try TableReader(table, name: name)
        let actor = try t.strings("actor"), seq = try t.int64s("seq"), inverse = try t.optionalStrings("inverse")
        let decoder = JSONDecoder()
        var compensations = Compensations()
        for row in 0..<t.rows {
            do {
                let action = try inverse[row].map { try decoder.decode(ProgrammeAction.self, from: Data($0.utf8)) }
                compensations.remember(Compensations.Change(seq: seq[row], inverse: action), by: actor[row])
            } catch {
                throw SnapshotError(.damaged(detail: "\(name) row \(row + 1) holds an undo that cannot be read: \(error)"))
            }
        }
        return compensations
    }
}
