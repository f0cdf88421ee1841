/// Parses a command line against a tree of `CommandSpec`s, in the manner of
/// swift-argument-parser: subcommands, `--option value` and `--option=value`, short options
/// (`-j 4`, `-j4`, `-qj4`), flags, repeatable options, positional arguments, `--` to end
/// options, `-h`/`--help` and `--version` for every command.
///
/// A first word that is neither a subcommand nor an option runs the default subcommand if it
/// looks like a path (contains `/` or `.`, or is `-`), and is otherwise an unknown subcommand,
/// with a suggestion when one is close.
struct ArgumentParser: Sendable {
  /// What the command line asks for.
  enum Request: Sendable {
    /// Print help for the command at this path (`["psephos", "tokens"]`).
    case help(commandPath: [String])
    /// Print the version.
    case version
    /// Run a command with these values.
    case run(ParsedArguments)
  }

  /// The tool's command: its name is the tool's name, its subcommands the tool's commands.
  let root: CommandSpec

  /// Parses the arguments after the program name.
  ///
  /// Complexity: O(arguments × declared arguments).
  func parse(_ arguments: [String]) throws(UsageError) -> Request {
    var path = [root]
    var rest = arguments[...]
    while let command = path.last, !command.subcommands.isEmpty {
      let names = path.map(\.name)
      guard let first = rest.first else {
        if let name = command.defaultSubcommand, let next = command.subcommand(named: name) {
          path.append(next)
          break
        }
        throw UsageError(
          "Missing subcommand; expected one of: \(command.subcommands.map(\.name).joined(separator: ", ")).",
          commandPath: names)
      }
      if first == "-h" || first == "--help" { return .help(commandPath: names) }
      if first == "--version" { return .version }
      if first == "help" {
        return .help(commandPath: try helpPath(for: Array(rest.dropFirst()), from: path))
      }
      if let next = command.subcommand(named: first) {
        path.append(next)
        rest = rest.dropFirst()
        continue
      }
      if let name = command.defaultSubcommand, let next = command.subcommand(named: name),
        first.hasPrefix("-") || Self.looksLikePath(first)
      {
        path.append(next)
        break
      }
      throw unknownSubcommand(first, of: command, commandPath: names)
    }
    return try parse(Array(rest), for: path.last!, commandPath: path.map(\.name))
  }

  /// Whether a word reads as a file path rather than a command name.
  static func looksLikePath(_ word: String) -> Bool {
    word == "-" || word.contains("/") || word.contains(".")
  }

  // MARK: - One command

  private func parse(
    _ arguments: [String], for spec: CommandSpec, commandPath: [String]
  ) throws(UsageError) -> Request {
    // Help and version win over every other problem on the line, as in swift-argument-parser.
    for argument in arguments.prefix(while: { $0 != "--" }) {
      if argument == "-h" || argument == "--help" { return .help(commandPath: commandPath) }
      if argument == "--version" { return .version }
    }

    var state = State(spec: spec, commandPath: commandPath)
    var index = 0
    var optionsEnded = false
    func nextValue(for argument: ArgumentSpec) throws(UsageError) -> String {
      guard index < arguments.count, Self.canBeValue(arguments[index]) else {
        throw UsageError("Missing value for '\(argument.errorLabel)'.", commandPath: commandPath)
      }
      index += 1
      return arguments[index - 1]
    }

    while index < arguments.count {
      let word = arguments[index]
      index += 1
      if optionsEnded || word == "-" || !word.hasPrefix("-") {
        state.positionals.append(word)
      } else if word == "--" {
        optionsEnded = true
      } else if word.hasPrefix("--") {
        let body = word.dropFirst(2)
        let equals = body.firstIndex(of: "=")
        let name = String(body[..<(equals ?? body.endIndex)])
        let inline = equals.map { String(body[body.index(after: $0)...]) }
        guard let argument = spec.arguments.first(where: { $0.isNamed && $0.name == name }) else {
          throw unknownOption("--" + name, of: spec, commandPath: commandPath)
        }
        if argument.kind == .flag {
          if inline != nil {
            throw UsageError(
              "'\(argument.longSpelling)' is a flag and takes no value.", commandPath: commandPath)
          }
          state.given[argument.name, default: []].append("")
        } else {
          if let inline {
            try state.record(inline, for: argument)
          } else {
            try state.record(nextValue(for: argument), for: argument)
          }
        }
      } else {
        // One or more short options: flags may be bundled (-qv); an option takes the rest of
        // the word (-j4) or the next word (-j 4).
        var letters = word.dropFirst()
        while let letter = letters.first {
          letters = letters.dropFirst()
          guard let argument = spec.arguments.first(where: { $0.shortName == letter }) else {
            throw unknownOption("-" + String(letter), of: spec, commandPath: commandPath)
          }
          if argument.kind == .flag {
            state.given[argument.name, default: []].append("")
            continue
          }
          if letters.first == "=" { letters = letters.dropFirst() }
          if letters.isEmpty {
            try state.record(nextValue(for: argument), for: argument)
          } else {
            try state.record(String(letters), for: argument)
          }
          break
        }
      }
    }
    try state.assignPositionals()
    try state.checkExclusiveGroups()
    return .run(ParsedArguments(commandPath: commandPath, spec: spec, given: state.given))
  }

  /// Whether a word can be an option's value: anything but another option, though `-` and
  /// negative numbers are values (so `--jobs -1` is out of range, not a missing value).
  private static func canBeValue(_ word: String) -> Bool {
    !word.hasPrefix("-") || word == "-" || Int(word) != nil
  }

  /// The values gathered for one command while parsing.
  private struct State {
    let spec: CommandSpec
    let commandPath: [String]
    var given: [String: [String]] = [:]
    var positionals: [String] = []

    mutating func record(_ value: String, for argument: ArgumentSpec) throws(UsageError) {
      try check(value, for: argument)
      if !argument.isRepeatable, let previous = given[argument.name]?.first, previous != value {
        throw UsageError(
          "'\(argument.longSpelling)' was given twice with different values ('\(previous)' and '\(value)').",
          commandPath: commandPath)
      }
      given[argument.name, default: []].append(value)
    }

    func check(_ value: String, for argument: ArgumentSpec) throws(UsageError) {
      switch argument.valueType {
      case .text:
        return
      case .integer(let range):
        guard let number = Int(value) else {
          throw UsageError(
            "'\(argument.errorLabel)' expects a whole number, not '\(value)'.",
            commandPath: commandPath)
        }
        guard range.contains(number) else {
          let bounds =
            range.upperBound == .max
            ? "at least \(range.lowerBound)"
            : "from \(range.lowerBound) to \(range.upperBound)"
          throw UsageError(
            "'\(argument.errorLabel)' must be \(bounds), not \(number).", commandPath: commandPath)
        }
      case .choice(let choices):
        guard choices.contains(value) else {
          var message =
            "'\(value)' is not a valid value for '\(argument.errorLabel)'; expected one of: "
            + choices.joined(separator: ", ") + "."
          if let suggestion = Suggestion.closest(to: value, among: choices) {
            message += " Did you mean '\(suggestion)'?"
          }
          throw UsageError(message, commandPath: commandPath)
        }
      }
    }

    mutating func assignPositionals() throws(UsageError) {
      var remaining = positionals[...]
      for argument in spec.arguments {
        guard case .positional(let repeatable, let optional) = argument.kind else { continue }
        if remaining.isEmpty {
          if optional { continue }
          throw UsageError(
            "Missing expected argument '\(argument.errorLabel)\(repeatable ? " ..." : "")'.",
            commandPath: commandPath)
        }
        let taken = repeatable ? remaining : remaining.prefix(1)
        for value in taken { try check(value, for: argument) }
        given[argument.name] = Array(taken)
        remaining = remaining.dropFirst(taken.count)
      }
      if let extra = remaining.first {
        throw UsageError("Unexpected argument '\(extra)'.", commandPath: commandPath)
      }
    }

    func checkExclusiveGroups() throws(UsageError) {
      for group in spec.exclusiveGroups {
        let present = group.filter { given[$0] != nil }
        if present.count > 1 {
          let spellings = present.map { "'--\($0)'" }
          throw UsageError(
            "\(spellings.dropLast().joined(separator: ", ")) and \(spellings.last!) cannot be used together.",
            commandPath: commandPath)
        }
      }
    }
  }

  // MARK: - Errors with suggestions

  private func unknownOption(
    _ spelling: String, of spec: CommandSpec, commandPath: [String]
  ) -> UsageError {
    var message = "Unknown option '\(spelling)'."
    var candidates = spec.arguments.filter(\.isNamed).map(\.longSpelling)
    candidates += ["--help", "--version"]
    if spelling.hasPrefix("--"),
      let suggestion = Suggestion.closest(to: spelling, among: candidates)
    {
      message += " Did you mean '\(suggestion)'?"
    }
    return UsageError(message, commandPath: commandPath)
  }

  private func unknownSubcommand(
    _ word: String, of spec: CommandSpec, commandPath: [String]
  ) -> UsageError {
    var message = "Unknown subcommand '\(word)'."
    if let suggestion = Suggestion.closest(to: word, among: spec.subcommands.map(\.name)) {
      message += " Did you mean '\(suggestion)'?"
    } else if let name = spec.defaultSubcommand {
      message +=
        " To read a file with that name, use '\(commandPath.joined(separator: " ")) \(name) \(word)'."
    }
    return UsageError(message, commandPath: commandPath)
  }

  /// The command path `help a b` asks about.
  private func helpPath(for words: [String], from start: [CommandSpec]) throws(UsageError)
    -> [String]
  {
    var path = start
    for word in words {
      guard let next = path.last!.subcommand(named: word) else {
        throw unknownSubcommand(word, of: path.last!, commandPath: path.map(\.name))
      }
      path.append(next)
    }
    return path.map(\.name)
  }
}
