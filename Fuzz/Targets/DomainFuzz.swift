import ChannelModel
import Foundation

/// Fuzz target: `Domain.registrable`, which every registration and deal goes through at import and at
/// load (conflict detection keys on it). Beyond "never crash": the byte and text forms agree, and for
/// ASCII input the answer is its own registrable domain (applying it twice changes nothing).

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    FuzzSupport.writeSeedsIfAsked {
        ["www.Acme.com", "eu.shop.acme.co.uk", "co.uk", "acme.co.uk.", "..", ".com", "xn--bcher-kva.de", "bücher.DE",
         "a.b.c.d.e.com.au", "", "İstanbul.com.tr", "localhost"].enumerated().map { ("domain-\($0.offset)", Data($0.element.utf8)) }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDomain(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeBufferPointer(start: bytes, count: size)
    let fromBytes = Domain.registrable(utf8: buffer)
    let text = String(decoding: buffer, as: UTF8.self)
    let fromText = Domain.registrable(text)
    // Invalid UTF-8 is repaired differently by the two paths' decoders only when it is not ASCII.
    if buffer.allSatisfy({ $0 < 0x80 }) {
        guard fromBytes == fromText else { FuzzSupport.violated("\(text.debugDescription): bytes give \(fromBytes), text gives \(fromText)") }
        let again = Domain.registrable(fromBytes)
        guard again == fromBytes else { FuzzSupport.violated("\(text.debugDescription) → \(fromBytes) → \(again)") }
    }
    return 0
}
