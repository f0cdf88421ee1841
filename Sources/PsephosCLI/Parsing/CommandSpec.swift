/// What a command accepts and how it explains itself: the one declaration that parsing,
/// validation, usage lines and help are all generated from.
struct CommandSpec: Sendable {
  /// The word that selects the command (`tokens`), or the tool's name for the root.
  var name: String
  /// One line for the OVERVIEW and for the parent's SUBCOMMANDS list.
  var abstract: String
  /// Paragraphs shown in help after the overview.
  var discussion: String = ""
  /// Options, flags and positional arguments, in the order help lists them.
  var arguments: [ArgumentSpec] = []
  /// Commands below this one (`results validate`); empty for a command that runs.
  var subcommands: [CommandSpec] = []
  /// The subcommand run when none is named: no arguments, an option, or a path comes first.
  var defaultSubcommand: String? = nil
  /// Groups of option names of which at most one may be given.
  var exclusiveGroups: [[String]] = []
  /// Extra help sections after OPTIONS (EXIT CODES, EXAMPLES).
  var sections: [HelpSection] = []

  /// The argument with a name (the long name without dashes, or a positional's name).
  func argument(named name: String) -> ArgumentSpec? {
    arguments.first { $0.name == name }
  }

  /// The subcommand with a name.
  func subcommand(named name: String) -> CommandSpec? {
    subcommands.first { $0.name == name }
  }
}

/// A titled block of help text, such as EXIT CODES.
struct HelpSection: Sendable, Hashable {
  /// The heading, upper case by convention.
  var title: String
  /// Lines shown indented under the heading.
  var lines: [String]
}

/// One flag, option or positional argument of a command.
struct ArgumentSpec: Sendable, Hashable {
  /// How the argument appears on the command line.
  enum Kind: Sendable, Hashable {
    /// `--quiet`: present or not.
    case flag
    /// `--format json` or `--format=json`; a repeatable option collects every value in order.
    case option(repeatable: Bool)
    /// A bare word; a repeatable positional must come last and takes every remaining word.
    case positional(repeatable: Bool, optional: Bool)
  }

  /// What values an option or positional accepts; checked while parsing.
  enum ValueType: Sendable, Hashable {
    /// Any string.
    case text
    /// A whole number in a range.
    case integer(ClosedRange<Int>)
    /// One of a fixed set of words.
    case choice([String])
  }

  /// The long name without dashes (`format`), or a positional's name (`path`); code asks for
  /// values by this name.
  var name: String
  /// The single-letter spelling (`-j`), if any.
  var shortName: Character?
  /// Flag, option or positional.
  var kind: Kind
  /// The placeholder in usage and help (`<path>`), without brackets.
  var valueName: String
  /// What values are accepted.
  var valueType: ValueType
  /// The value used when the option is not given; shown in help.
  var defaultValue: String?
  /// One or two sentences for help.
  var help: String

  /// A flag such as `--quiet`.
  static func flag(_ name: String, short: Character? = nil, help: String) -> ArgumentSpec {
    ArgumentSpec(
      name: name, shortName: short, kind: .flag, valueName: "", valueType: .text,
      defaultValue: nil, help: help)
  }

  /// An option taking one value, such as `--format json`.
  static func option(
    _ name: String, short: Character? = nil, value: String, type: ValueType = .text,
    default defaultValue: String? = nil, help: String
  ) -> ArgumentSpec {
    ArgumentSpec(
      name: name, shortName: short, kind: .option(repeatable: false), valueName: value,
      valueType: type, defaultValue: defaultValue, help: help)
  }

  /// An option that may be given several times, such as `--results PATH`.
  static func repeatableOption(
    _ name: String, short: Character? = nil, value: String, type: ValueType = .text, help: String
  ) -> ArgumentSpec {
    ArgumentSpec(
      name: name, shortName: short, kind: .option(repeatable: true), valueName: value,
      valueType: type, defaultValue: nil, help: help)
  }

  /// A positional argument such as `<path> ...`.
  static func positional(
    _ name: String, repeatable: Bool = false, optional: Bool = false, help: String
  ) -> ArgumentSpec {
    ArgumentSpec(
      name: name, shortName: nil, kind: .positional(repeatable: repeatable, optional: optional),
      valueName: name, valueType: .text, defaultValue: nil, help: help)
  }

  /// Whether this is a flag or an option (spelt with dashes) rather than a positional.
  var isNamed: Bool {
    if case .positional = kind { return false }
    return true
  }

  /// Whether the argument may be given more than once.
  var isRepeatable: Bool {
    switch kind {
    case .flag: false
    case .option(let repeatable), .positional(let repeatable, _): repeatable
    }
  }

  /// `--format`.
  var longSpelling: String { "--" + name }

  /// How errors name the argument: `--format <format>`, `--quiet` or `<path>`.
  var errorLabel: String {
    switch kind {
    case .flag: longSpelling
    case .option: "\(longSpelling) <\(valueName)>"
    case .positional: "<\(valueName)>"
    }
  }
}
