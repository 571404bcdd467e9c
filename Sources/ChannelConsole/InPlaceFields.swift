import ChannelModel

/// Reading one stored field of many large rows without copying the rows. Subscripting an array of
/// structs and reading a field — `queue[index].domain`, even through a buffer pointer, or iterating —
/// copied each whole row (a queue row holds a registration, a dozen strings and lists): at 150k queued
/// rows (10M registrations) a decision spent 70 ms and a filter keystroke 20 ms doing only that.
extension Array {
    /// The indexes among `rows` (all of them when nil) whose stored `field` passes `test`, in order.
    func indices<Field>(_ rows: [Int]? = nil, whose field: KeyPath<Element, Field>, pass test: (Field) -> Bool) -> [Int] {
        // A computed field has no offset: read through the key path, copies and all.
        guard let offset = MemoryLayout<Element>.offset(of: field) else {
            return (rows ?? [Int](self.indices)).filter { test(self[$0][keyPath: field]) }
        }
        return withUnsafeBufferPointer { elements in
            guard let base = elements.baseAddress.map(UnsafeRawPointer.init) else { return [] }
            func value(_ index: Int) -> Field {
                precondition(elements.indices.contains(index))
                return (base + index * MemoryLayout<Element>.stride + offset).assumingMemoryBound(to: Field.self).pointee
            }
            return rows.map { $0.filter { test(value($0)) } } ?? elements.indices.filter { test(value($0)) }
        }
    }

    /// Every element's stored `field`, in order.
    func values<Field>(of field: KeyPath<Element, Field>) -> [Field] {
        guard let offset = MemoryLayout<Element>.offset(of: field) else { return map { $0[keyPath: field] } }
        return withUnsafeBufferPointer { elements in
            guard let base = elements.baseAddress.map(UnsafeRawPointer.init) else { return [] }
            return elements.indices.map { (base + $0 * MemoryLayout<Element>.stride + offset).assumingMemoryBound(to: Field.self).pointee }
        }
    }

    /// The same on every core, for a test that costs more than the reading (a search over 150k rows).
    func indicesInParallel<Field: Sendable>(_ rows: [Int]? = nil, whose field: KeyPath<Element, Field>,
                                            pass test: @escaping @Sendable (Field) -> Bool) -> [Int] where Element: Sendable {
        let rows = rows ?? [Int](self.indices)
        guard rows.count >= 20_000 else { return indices(rows, whose: field, pass: test) }
        let field = SharedKeyPath(field)
        return Parallel.parts(of: rows.count, serialBelow: 0) { part in
            self.indices([Int](rows[part]), whose: field.value, pass: test)
        }.flatMap { $0 }
    }
}

/// A key path handed to the other cores: read only, never mutated.
private struct SharedKeyPath<Root, Value>: @unchecked Sendable {
    let value: KeyPath<Root, Value>
    init(_ value: KeyPath<Root, Value>) { self.value = value }
}
