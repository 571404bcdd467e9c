import ArgumentParser
import ChannelModel
import ChannelStore
import Foundation

/// `channeldesk policy show|export|import`: the programme's own tier ladder and windows.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Show, export or import the programme's policy (JSON).",
        subcommands: [Show.self, Export.self, Import.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the tier ladder and windows.")
        @OptionGroup var file: FileOptions

        func run() throws {
            let policy = try file.read().policy
            var table = TextTable([.init("Tier"), .init("Min ARR", .right), .init("Min staff", .right),
                                   .init("Commission", .right), .init("Discount", .right), .init("MDF/yr", .right),
                                   .init("Priority")])
            for tier in policy.tiers {
                table.add([tier.name, tier.minTrailingSourcedARR.grouped, "\(tier.minCertifiedStaff)",
                           percent(tier.referralCommission), percent(tier.resellerDiscount), tier.mdfPerYear.grouped,
                           tier.priorityRegistration ? "yes" : "no"])
            }
            Console.print(table.render() + """


            Approval SLA \(policy.approvalSLAHours)h · protection \(policy.protectionDays) days · \
            \(policy.maxExtensions) extension(s) of \(policy.extensionDays) days · activity window \
            \(policy.activityWindowDays) days · tier grace \(policy.tierGraceDays) days
            MDF: claims within \(policy.mdfClaimDays) days of an activity's end · decisions within \(policy.mdfApprovalDays) days
            """)
        }

        func percent(_ rate: Double) -> String { String(format: "%g%%", rate * 100) }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the policy as JSON (stdout, or FILE).")
        @OptionGroup var file: FileOptions
        @Argument(help: "Output file (default stdout).") var output: String?
        @Flag(help: "Overwrite the output file if it exists.") var force = false

        func run() throws {
            let data = try file.read().policy.encodedJSON() + Data("\n".utf8)
            guard let output else { return Console.write(data) }
            if FileManager.default.fileExists(atPath: output) && !force {
                throw CLIError("\(output) already exists; add --force to overwrite it")
            }
            try data.write(to: URL(fileURLWithPath: output))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace the policy with a validated JSON file.")
        @OptionGroup var file: FileOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "The policy JSON file.") var policyFile: String

        func run() throws {
            let policy = try Policy.decodeJSON(try CSVInput.read(policyFile))
            let problems = policy.problems()
            guard problems.isEmpty else {
                for problem in problems { FileHandle.standardError.write(Data("\(policyFile): \(problem)\n".utf8)) }
                throw CLIError("\(policyFile) is not a valid policy; the programme was not changed")
            }
            let writer = try file.openWriter(actor: actor, create: true)
            defer { writer.close() }
            Console.print(try writer.perform(.setPolicy(policy)).outcome.message)
        }
    }
}
