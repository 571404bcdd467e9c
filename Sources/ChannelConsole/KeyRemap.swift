import TerminalUI

/// The keys a config file gives commands, each replacing the command's default keys wherever the
/// command is bound (`sort = "o"` sorts with `o` on the Partners pane and in a partner's detail).
package typealias KeyMap = [Command: [Key]]

/// A key a remap would give two meanings in one view: the binding looked up first would silently hide
/// the other (`approve = "A"` would take the Queue's approve-marked key away).
package struct KeyConflict: Error, Equatable, CustomStringConvertible {
    package var key: Key
    /// The remapped command that was given `key`.
    package var command: Command
    /// The command that has `key` too, and where.
    package var other: Command
    package var scope: Scope

    package var description: String {
        "\(key.configName.quotedForConfig) for \(command.configName) is already \(other.configName)'s key (\(scope.title)); "
            + "remap \(other.configName) too, or choose another key"
    }
}

extension KeyBindings: Equatable {
    /// Two tables are equal when they remap the same: the rest of the table is `all`'s.
    public static func == (lhs: KeyBindings, rhs: KeyBindings) -> Bool { lhs.remap == rhs.remap }
}

extension KeyBindings {
    /// The default table with `map`'s commands on their new keys. A key may keep the two meanings it has
    /// by default in one view (Tab: a registration's next conflict, elsewhere the next pane — conditions
    /// tell them apart); a remap may not add one.
    package init(remapping map: KeyMap) throws(KeyConflict) {
        let bindings = Self.all.map { binding in
            var binding = binding
            binding.keys = map[binding.command] ?? binding.keys
            return binding
        }
        for view in Self.views {
            let active = bindings.indices.filter { view.contains(bindings[$0].scope) }
            for i in active where map[bindings[i].command] != nil {
                for j in active where bindings[j].command != bindings[i].command {
                    let shared = bindings[i].keys.filter {
                        bindings[j].keys.contains($0) && !(Self.all[i].keys.contains($0) && Self.all[j].keys.contains($0))
                    }
                    if let key = shared.first {
                        throw KeyConflict(key: key, command: bindings[i].command, other: bindings[j].command, scope: bindings[j].scope)
                    }
                }
            }
        }
        self.init(bindings: bindings, remap: map)
    }

    /// The keys `command` has in this table, in table order.
    package func keys(for command: Command) -> [Key] {
        var keys: [Key] = []
        for binding in bindings where binding.command == command {
            keys += binding.keys.filter { !keys.contains($0) }
        }
        return keys
    }

    /// The scopes of every view the console has, each most specific first: what a key must mean at most
    /// once. Which registration or partner a detail shows does not change its scopes.
    static let views: [[Scope]] = [Detail.registration(""), .partner(""), .concentration, .mdfRequest("")]
        .map { scopes(showing: $0, on: .queue) } + Pane.allCases.map { scopes(showing: nil, on: $0) }
}
