import Foundation

/// The demo's own random number generator: xoshiro256** seeded through SplitMix64. Tests use it too,
/// wherever a failing random sequence must be replayable from its seed.
///
/// The demo must be reproducible from its seed on every platform and Swift version, so it cannot use
/// `SystemRandomNumberGenerator` nor the standard library's distributions (whose algorithms are not
/// promised to stay the same). Every draw here is plain integer arithmetic we own.
public struct DemoRandom: RandomNumberGenerator {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        // SplitMix64 spreads even a seed of 0 or 1 over all 256 bits of state, which xoshiro needs.
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// An independent stream for one part of the programme, so that changing how many numbers one
    /// part draws does not reshuffle every other part.
    func fork(_ stream: UInt64) -> DemoRandom {
        DemoRandom(seed: s0 ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ s3.rotatedLeft(17))
    }

    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(45)
        return result
    }

    /// Uniform in `0..<bound` (Lemire's multiply-shift; the tiny bias is irrelevant for demo data and
    /// keeps the draw branch-free and fast for a million rows).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// Uniform in `[0, 1)` with 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// Standard normal (Box–Muller; one of the pair is dropped to keep the generator stateless).
    mutating func normal() -> Double {
        let u = 1 - unit()
        let v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    mutating func element<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Fisher–Yates, drawing from this generator only.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }
}

/// Draws indices in proportion to fixed weights: binary search over the running totals, so a draw
/// costs O(log n) however skewed the weights are.
struct WeightedPicker {
    private let totals: [Double]

    init(_ weights: [Double]) {
        var running = 0.0
        totals = weights.map { running += max(0, $0); return running }
    }

    var isEmpty: Bool { (totals.last ?? 0) <= 0 }

    func pick(_ random: inout DemoRandom) -> Int {
        let target = random.unit() * totals[totals.count - 1]
        var low = 0, high = totals.count - 1
        while low < high {
            let middle = (low + high) / 2
            if totals[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
