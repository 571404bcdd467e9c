import ChannelModel

/// Applies a validated import batch as upserts (DESIGN.md §4): new ids are added, known ids updated.
enum ImportApplier {
    static func apply(_ batch: ImportBatch, source: String, to programme: inout Programme) -> ActionOutcome {
        var added = 0, updated = 0
        func count(_ change: Programme.Change) {
            switch change {
            case .added: added += 1
            case .updated: updated += 1
            case .unchanged: break
            }
        }
        switch batch {
        case .partners(let rows): rows.forEach { count(programme.upsert($0)) }
        case .registrations(let rows):
            // The first import into a programme takes the batch's columns as they are.
            if programme.adoptRegistrations(rows) {
                added = rows.count
                break
            }
            programme.reserve(registrations: rows.count, deals: 0)
            for row in rows.indices {
                // Imported approvals lock the rate of the partner's tier at import.
                let lockedTier = programme.tierLockedAtImport(row: row, of: rows)
                guard let position = programme.registrationPosition(rows.ids[row]) else {
                    // A new row is copied across column by column: no `Registration` is made for it.
                    programme.addRegistration(row: row, of: rows, tierAtApproval: lockedTier)
                    added += 1
                    continue
                }
                var registration = rows[row]
                if let lockedTier { registration.tierAtApproval = lockedTier }
                // Re-importing must not lose what the programme added to the row since.
                let existing = programme.registrations[position]
                if registration.tierAtApproval == nil { registration.tierAtApproval = existing.tierAtApproval }
                if registration.note == nil { registration.note = existing.note }
                if registration.extensions == 0 { registration.extensions = existing.extensions }
                if registration.mdfRequestID == nil { registration.mdfRequestID = existing.mdfRequestID }
                count(programme.upsert(registration))
            }
        case .deals(let rows):
            programme.reserve(registrations: 0, deals: rows.count)
            for row in rows.indices {
                guard programme.dealPosition(rows.ids[row]) != nil else {
                    programme.addDeal(row: row, of: rows)
                    added += 1
                    continue
                }
                count(programme.upsert(rows[row]))
            }
        case .investments(let rows): programme.add(rows).forEach(count)
        case .nps(let rows): programme.add(rows).forEach(count)
        case .directAccounts(let rows): rows.forEach { count(programme.upsert($0)) }
        case .enablement(let rows): rows.forEach { count(programme.upsert($0)) }
        case .mdfRequests(let rows):
            for row in rows { count(programme.upsert(programme.mdfRequest(row.id).map(row.keepingRecordedNames) ?? row)) }
        case .mdfAllocations(let rows): rows.forEach { count(programme.upsert($0)) }
        }
        let unchanged = batch.count - added - updated
        let name = source.isEmpty ? batch.kind.rawValue : source
        return ActionOutcome(message: "Imported \(name): \(added) added, \(updated) updated, \(unchanged) unchanged",
                             inverse: nil)
    }
}
