/// Some rows of a table in an order of their own, each made into its record when read.
///
/// A partner can hold a quarter of a million registrations: making every one a `Registration` before
/// the detail could show the first took half of its 0.5 s; a screen reads forty.
public struct PositionedRows<Table: RandomAccessCollection & Sendable>: RandomAccessCollection, Sendable where Table.Index == Int {
    public let table: Table
    /// Positions in `table`, in this collection's order.
    public let positions: [Int]

    public init(_ table: Table, positions: [Int]) {
        self.table = table
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(index: Int) -> Table.Element { table[positions[index]] }
}
