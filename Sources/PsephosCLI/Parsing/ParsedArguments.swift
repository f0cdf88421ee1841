/// The values a command line gave one command, checked against its `CommandSpec`.
///
/// Values are asked for by the argument's name; asking for a name the spec does not declare is
/// a programmer's mistake and stops the program.
struct ParsedArguments: Sendable {
  /// The words naming the command, from the tool's name down (`["psephos", "tokens"]`).
  var commandPath: [String]
  /// The declaration the values were checked against.
  var spec: CommandSpec
  /// Every value given, by argument name, in command-line order; a flag has one empty value
  /// per time it was given.
  var given: [String: [String]]

  /// Whether a flag was given.
  func flag(_ name: String) -> Bool {
    precondition(declared(name).kind == .flag, "'\(name)' is not a flag of '\(spec.name)'")
    return given[name] != nil
  }

  /// The value of a single-value option or positional: the one given, else its default.
  func value(_ name: String) -> String? {
    let argument = declared(name)
    precondition(argument.kind != .flag, "'\(name)' is a flag of '\(spec.name)'")
    return given[name]?.last ?? argument.defaultValue
  }

  /// Every value of a repeatable option or positional, in command-line order.
  func values(_ name: String) -> [String] {
    let argument = declared(name)
    precondition(argument.kind != .flag, "'\(name)' is a flag of '\(spec.name)'")
    if let values = given[name] { return values }
    return argument.defaultValue.map { [$0] } ?? []
  }

  /// The value of an integer option (already checked against its range while parsing).
  func integer(_ name: String) -> Int? {
    guard case .integer = declared(name).valueType else {
      preconditionFailure("'\(name)' of '\(spec.name)' is not an integer option")
    }
    return value(name).flatMap { Int($0) }
  }

  /// Whether the argument appeared on the command line (defaults do not count).
  func isGiven(_ name: String) -> Bool {
    _ = declared(name)
    return given[name] != nil
  }

  private func declared(_ name: String) -> ArgumentSpec {
    guard let argument = spec.argument(named: name) else {
      preconditionFailure("'\(spec.name)' declares no argument named '\(name)'")
    }
    return argument
  }
}
