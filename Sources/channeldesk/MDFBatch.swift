import ChannelModel
import ChannelStore

/// The `mdf …` lines of `channeldesk batch`: the same decisions as `channeldesk mdf`, so a script can
/// decide, claim, pay and undo through one open programme.
enum MDFBatch {
    static let usage = """
          mdf approve REQ AMOUNT      pre-approve an MDF request (partially: any amount up to the balance)
          mdf reject REQ REASON…      reject an MDF request
          mdf request-info REQ [Q…]   ask the partner for more information
          mdf claim REQ AMOUNT [CLAIMED-AT] PROOF…   record the partner's claim with proof
          mdf pay REQ                 pay a claim (the lesser of claimed and approved)
          mdf reject-claim REQ REASON… reject a claim
        """

    static func decision(_ args: [String]) throws -> MDFDecision {
        func fail() -> CLIError { CLIError("usage: mdf approve|reject|request-info|claim|pay|reject-claim REQ …") }
        guard args.count >= 2 else { throw fail() }
        let id = args[1]
        func rest(from index: Int) -> String { args.dropFirst(index).joined(separator: " ") }
        func amount(_ index: Int) throws -> Money {
            guard index < args.count, let money = Money(parsing: args[index]) else {
                throw CLIError("\(index < args.count ? "\"\(args[index])\"" : "nothing") is not an amount; use e.g. 1250.00")
            }
            return money
        }
        switch args[0].lowercased() {
        case "approve": return .approve(requestID: id, amount: try amount(2))
        case "reject": return .reject(requestID: id, reason: rest(from: 2))
        case "request-info", "info": return .requestInfo(requestID: id, question: rest(from: 2))
        case "claim":
            let claimedAt = args.count > 3 ? Instant(parsing: args[3]) : nil
            return .recordClaim(requestID: id, amount: try amount(2), proof: rest(from: claimedAt == nil ? 3 : 4), claimedAt: claimedAt)
        case "pay": return .pay(requestID: id)
        case "reject-claim": return .rejectClaim(requestID: id, reason: rest(from: 2))
        default: throw fail()
        }
    }
}
