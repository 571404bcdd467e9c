import Foundation

/// Reads the `tables` of a programme file straight out of the file's bytes: every column part becomes a
/// `Data` that points into those bytes (the mapped file, when `ProgrammeLoader` opens one) instead of a
/// copy of them.
///
/// Why not Foundation's `PropertyListDecoder` here: it copies every data object out of the property
/// list, which for a programme file is nearly the whole file, into freshly allocated memory. `perf` of an
/// open of a 1M-registration programme (233 MB) put a third of the time in the kernel clearing the pages
/// of that copy. The rest of the file (format, version, policy…) is small and still goes through
/// Foundation (`SnapshotCodec.Root`).
///
/// Only the shapes `SnapshotCodec` writes under `tables` are read (DESIGN: a table is a dict of `rows`
/// and `columns`, a column a dict of `kind`, `crc32`, optional `values`/`offsets`/`bytes`/`nulls` data and
/// optional `labels`). It is never more lenient than Foundation: an object Foundation might coerce (a
/// real for an integer, a 16-byte integer, a null, a duplicate key) is refused. The differential fuzz
/// target `plist` and `PlistTableReaderTests` check that what this reader accepts, Foundation decodes to
/// the same tables.
package struct PlistTableReader {
    private let bytes: UnsafeRawBufferPointer
    /// Keeps the bytes alive for as long as any column part points into them.
    private let owner: Data
    private let offsetSize: Int
    private let referenceSize: Int
    private let objectCount: Int
    private let offsetTable: Int

    /// The `tables` dict of the property list in `data`, every column part sharing `data`'s bytes.
    package static func tables(in data: Data) throws(SnapshotError) -> [String: ColumnTable] {
        // A Data this small could be stored inline, where its bytes have no lasting address; it is no
        // programme file anyway (the envelope check refuses it first).
        guard data.count >= 40 else { throw SnapshotError(.damaged(detail: "the file is only \(data.count) bytes long")) }
        do {
            return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws(SnapshotError) in
                let reader = try PlistTableReader(raw, owner: data)
                return try reader.readTables()
            }
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw SnapshotError(.damaged(detail: "\(error)"))
        }
    }

    private init(_ bytes: UnsafeRawBufferPointer, owner: Data) throws(SnapshotError) {
        self.bytes = bytes
        self.owner = owner
        let trailer = bytes.count - 32
        offsetSize = Int(bytes[trailer + 6])
        referenceSize = Int(bytes[trailer + 7])
        let objects = Self.bigEndian(bytes, at: trailer + 8, size: 8)
        let table = Self.bigEndian(bytes, at: trailer + 24, size: 8)
        guard (1...8).contains(offsetSize), (1...8).contains(referenceSize), table >= 8, table < UInt64(trailer),
              objects > 0, objects <= (UInt64(trailer) - table) / UInt64(offsetSize)
        else { throw Self.damaged("its trailer does not describe an object table") }
        objectCount = Int(objects)
        offsetTable = Int(table)
    }

    private static func bigEndian(_ bytes: UnsafeRawBufferPointer, at offset: Int, size: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in offset..<(offset + size) { value = value << 8 | UInt64(bytes[index]) }
        return value
    }

    private static func damaged(_ detail: String) -> SnapshotError { SnapshotError(.damaged(detail: detail)) }

    // MARK: The snapshot's shapes

    private func readTables() throws(SnapshotError) -> [String: ColumnTable] {
        let top = Int(Self.bigEndian(bytes, at: bytes.count - 32 + 16, size: 8) & UInt64(Int.max))
        guard top < objectCount else { throw Self.damaged("its top object is not in the object table") }
        let root = try dictionary(top, "the root")
        guard let tablesRef = root["tables"] else { throw Self.damaged("it has no tables") }
        var tables: [String: ColumnTable] = [:]
        for (name, ref) in try dictionary(tablesRef, "tables") {
            let path = "tables.\(name)"
            let table = try dictionary(ref, path)
            guard let rowsRef = table["rows"] else { throw Self.damaged("\(path) has no rows") }
            guard let columnsRef = table["columns"] else { throw Self.damaged("\(path) has no columns") }
            var columns: [String: Column] = [:]
            for (columnName, columnRef) in try dictionary(columnsRef, "\(path).columns") {
                columns[columnName] = try column(columnRef, "\(path).columns.\(columnName)")
            }
            var decoded = ColumnTable(rows: try integer(rowsRef, "\(path).rows"))
            decoded.columns = columns
            tables[name] = decoded
        }
        return tables
    }

    private func column(_ ref: Int, _ path: String) throws(SnapshotError) -> Column {
        let fields = try dictionary(ref, path)
        guard let kindRef = fields["kind"] else { throw Self.damaged("\(path) has no kind") }
        guard let crcRef = fields["crc32"] else { throw Self.damaged("\(path) has no crc32") }
        func part(_ key: String) throws(SnapshotError) -> Data? {
            guard let ref = fields[key] else { return nil }
            return try data(ref, "\(path).\(key)")
        }
        var labels: [String]?
        if let labelsRef = fields["labels"] {
            var list: [String] = []
            for (index, label) in try array(labelsRef, "\(path).labels").enumerated() {
                list.append(try string(label, "\(path).labels[\(index)]"))
            }
            labels = list
        }
        return Column(stored: try string(kindRef, "\(path).kind"), values: try part("values"), offsets: try part("offsets"),
                      bytes: try part("bytes"), nulls: try part("nulls"), labels: labels, crc32: try integer(crcRef, "\(path).crc32"))
    }

    // MARK: Objects

    /// Where object `ref` starts, checked to lie among the objects.
    private func start(of ref: Int, _ path: String) throws(SnapshotError) -> Int {
        guard ref >= 0, ref < objectCount else { throw Self.damaged("\(path) refers to object \(ref) of \(objectCount)") }
        let offset = Self.bigEndian(bytes, at: offsetTable + ref * offsetSize, size: offsetSize)
        guard offset >= 8, offset < UInt64(offsetTable) else { throw Self.damaged("\(path) lies outside the objects") }
        return Int(offset)
    }

    /// The marker's type nibble, the count it announces and where the contents start: a count of 15
    /// or more follows the marker as an integer object.
    private func header(_ ref: Int, _ path: String) throws(SnapshotError) -> (type: UInt8, count: Int, contents: Int) {
        let offset = try start(of: ref, path)
        let marker = bytes[offset]
        guard marker & 0x0F == 0x0F else { return (marker >> 4, Int(marker & 0x0F), offset + 1) }
        guard offset + 1 < offsetTable, bytes[offset + 1] >> 4 == 1, bytes[offset + 1] & 0x0F <= 3
        else { throw Self.damaged("\(path) has an unreadable length") }
        let size = 1 << Int(bytes[offset + 1] & 0x0F)
        guard offset + 2 + size <= offsetTable else { throw Self.damaged("\(path) runs past the objects") }
        let count = Self.bigEndian(bytes, at: offset + 2, size: size)
        guard count <= UInt64(offsetTable) else { throw Self.damaged("\(path) claims \(count) entries") }
        return (marker >> 4, Int(count), offset + 2 + size)
    }

    /// Checks that `length` bytes from `start` lie among the objects.
    private func contents(_ start: Int, _ length: Int, _ path: String) throws(SnapshotError) {
        guard length >= 0, length <= offsetTable - start else { throw Self.damaged("\(path) runs past the objects") }
    }

    private func references(_ start: Int, count: Int, _ path: String) throws(SnapshotError) -> [Int] {
        let (length, overflow) = count.multipliedReportingOverflow(by: referenceSize)
        guard !overflow else { throw Self.damaged("\(path) claims \(count) entries") }
        try contents(start, length, path)
        return (0..<count).map { Int(Self.bigEndian(bytes, at: start + $0 * referenceSize, size: referenceSize)) }
    }

    private func dictionary(_ ref: Int, _ path: String) throws(SnapshotError) -> [String: Int] {
        let (type, count, start) = try header(ref, path)
        guard type == 0xD else { throw Self.damaged("\(path) is not a dictionary") }
        let refs = try references(start, count: count * 2, path)
        var entries: [String: Int] = [:]
        for index in 0..<count {
            let key = try string(refs[index], "a key of \(path)")
            guard entries.updateValue(refs[count + index], forKey: key) == nil else { throw Self.damaged("\(path) holds key \(key) twice") }
        }
        return entries
    }

    private func array(_ ref: Int, _ path: String) throws(SnapshotError) -> [Int] {
        let (type, count, start) = try header(ref, path)
        guard type == 0xA else { throw Self.damaged("\(path) is not an array") }
        return try references(start, count: count, path)
    }

    private func integer(_ ref: Int, _ path: String) throws(SnapshotError) -> Int {
        let offset = try start(of: ref, path)
        let marker = bytes[offset]
        // 1, 2 and 4 bytes are unsigned, 8 bytes signed, as the format defines.
        guard marker >> 4 == 1, marker & 0x0F <= 3 else { throw Self.damaged("\(path) is not an integer") }
        let size = 1 << Int(marker & 0x0F)
        try contents(offset + 1, size, path)
        let value = Self.bigEndian(bytes, at: offset + 1, size: size)
        return size == 8 ? Int(Int64(bitPattern: value)) : Int(value)
    }

    private func string(_ ref: Int, _ path: String) throws(SnapshotError) -> String {
        let (type, count, start) = try header(ref, path)
        switch type {
        case 0x5:
            try contents(start, count, path)
            let ascii = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count)])
            guard !ascii.contains(where: { $0 >= 0x80 }) else { throw Self.damaged("\(path) is not ASCII") }
            return String(decoding: ascii, as: UTF8.self)
        case 0x6:
            let (length, overflow) = count.multipliedReportingOverflow(by: 2)
            guard !overflow else { throw Self.damaged("\(path) claims \(count) characters") }
            try contents(start, length, path)
            let units = (0..<count).map { UInt16(bytes[start + 2 * $0]) << 8 | UInt16(bytes[start + 2 * $0 + 1]) }
            let text = String(decoding: units, as: UTF16.self)
            // Unpaired surrogates would be repaired here and perhaps not by Foundation: refuse them.
            guard text.utf16.elementsEqual(units) else { throw Self.damaged("\(path) is not valid UTF-16") }
            return text
        default:
            throw Self.damaged("\(path) is not a string")
        }
    }

    /// A data object's bytes, shared with the file's, not copied.
    private func data(_ ref: Int, _ path: String) throws(SnapshotError) -> Data {
        let (type, count, start) = try header(ref, path)
        guard type == 0x4 else { throw Self.damaged("\(path) is not data") }
        try contents(start, count, path)
        guard count > 0, let base = bytes.baseAddress else { return Data() }
        let owner = self.owner
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base + start), count: count,
                    deallocator: .custom { _, _ in withExtendedLifetime(owner) {} })
    }
}
