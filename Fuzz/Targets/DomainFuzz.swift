import ChannelModel
import Foundation

/// Fuzz target: `Domain`, which every registration and direct account goes through at import, and
/// whose answers conflicts are grouped by. Beyond "never crash": normalising is idempotent, a
/// registrable domain is its own registrable domain and is ASCII, and the key agrees with it.

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    FuzzSupport.writeSeedsIfAsked {
        ["www.Acme.com", "eu.shop.acme.co.uk", "co.uk", "acme.co.uk.", "..", ".com", "xn--bcher-kva.de", "bücher.DE",
         "a.b.c.d.e.com.au", "", "İstanbul.com.tr", "localhost", "https://user@www.acme.com.sg:8443/x?y#z",
         "sales@beta.co.kr", "[::1]", "10.0.0.1", "食狮.公司.cn", "a.b.c.kobe.jp"]
            .enumerated().map { ("domain-\($0.offset)", Data($0.element.utf8)) }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDomain(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: size), as: UTF8.self)
    let normalised = Domain.normalised(text)
    let key = Domain.key(text)
    guard let registrable = Domain.registrable(text) else {
        // Refused at import: only the error message and an old row's fallback key see this spelling.
        guard key == normalised else { FuzzSupport.violated("\(text.debugDescription): no registrable part, yet key \(key)") }
        return 0
    }
    // What is stored must be stable: normalising a prospect's spelling twice changes nothing.
    let twice = Domain.normalised(normalised)
    guard twice == normalised else { FuzzSupport.violated("\(text.debugDescription): normalised \(normalised.debugDescription), again \(twice.debugDescription)") }
    guard key == registrable else { FuzzSupport.violated("\(text.debugDescription): key \(key) vs registrable \(registrable)") }
    guard registrable.utf8.allSatisfy({ $0 < 0x80 }) else { FuzzSupport.violated("\(text.debugDescription) → non-ASCII \(registrable)") }
    let again = Domain.registrable(registrable)
    guard again == registrable else { FuzzSupport.violated("\(text.debugDescription) → \(registrable) → \(String(describing: again))") }
    return 0
}
