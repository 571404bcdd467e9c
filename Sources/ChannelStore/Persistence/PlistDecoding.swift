import Foundation

/// The one way the store decodes a binary property list (the snapshot, journal records): Foundation's
/// `PropertyListDecoder`, after a check of the one thing its scanner does not survive.
///
/// Foundation's binary-plist scanner (swift-foundation, Swift 6.3) converts an array's or a
/// dictionary's byte size to `Int` before comparing it with the bytes that are left, so an object that
/// claims more than `Int.max` bytes of references traps instead of throwing. Fuzzing found it with a
/// journal record whose dictionary count had been mutated. Such an object is corrupt whatever its size
/// (it cannot fit in the file), so every container's claimed size is checked against the bytes before
/// the object table first; everything else is left to Foundation, which reports it as an error.
enum PlistDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try checkContainerSizes(data)
        return try PropertyListDecoder().decode(type, from: data)
    }

    static func checkContainerSizes(_ data: Data) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard bytes.count >= 40, bytes.starts(with: "bplist0".utf8) else { return }
            let trailer = bytes.count - 32
            func bigEndian(at offset: Int, size: Int) -> UInt64? {
                guard size >= 1, offset >= 0, offset + size <= bytes.count else { return nil }
                // Only the last eight bytes count, as in Foundation's reader.
                return bytes[max(offset, offset + size - 8)..<(offset + size)].reduce(0) { $0 << 8 | UInt64($1) }
            }
            let offsetSize = Int(bytes[trailer + 6]), referenceSize = UInt64(bytes[trailer + 7])
            guard let objects = bigEndian(at: trailer + 8, size: 8), let tableStart = bigEndian(at: trailer + 24, size: 8),
                  tableStart < UInt64(trailer), referenceSize > 0, offsetSize > 0,
                  objects <= UInt64(trailer) / UInt64(offsetSize) else { return }
            for object in 0..<Int(objects) {
                guard let offset = bigEndian(at: Int(tableStart) + object * offsetSize, size: offsetSize),
                      offset < tableStart else { return }
                let marker = bytes[Int(offset)]
                let perEntry: UInt64
                switch marker >> 4 {
                case 0xA, 0xC: perEntry = referenceSize          // array, set
                case 0xD: perEntry = 2 * referenceSize           // dictionary: keys, then values
                default: continue
                }
                var count = UInt64(marker & 0x0F), start = Int(offset) + 1
                if count == 0x0F {
                    // The count follows as an integer object: marker 0x1n, then 2^n big-endian bytes.
                    guard start < Int(tableStart), bytes[start] >> 4 == 1 else { return }
                    let size = 1 << Int(bytes[start] & 0x0F)
                    guard let extended = bigEndian(at: start + 1, size: size) else { return }
                    count = extended
                    start += 1 + size
                }
                let room = UInt64(max(0, Int(tableStart) - start))
                let (needed, overflow) = count.multipliedReportingOverflow(by: perEntry)
                if overflow || needed > room {
                    throw DecodingError.dataCorrupted(.init(
                        codingPath: [],
                        debugDescription: "object \(object) claims \(count) entries, more than the \(room) bytes left can hold"))
                }
            }
        }
    }
}
