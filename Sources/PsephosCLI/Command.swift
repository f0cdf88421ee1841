/// A command the tool can run.
///
/// Declare what it accepts once, in `spec`; parsing, validation, usage lines and help are
/// generated from it. `init` turns checked values into typed properties (and may reject
/// combinations the spec cannot express); `run` does the work through the library and returns
/// the exit code. Register the type in `PsephosTool.commands`, or inside a `.group` there for a
/// two-word command such as `results validate`.
///
/// ```swift
/// struct KWICCommand: Command {
///   static var spec: CommandSpec {
///     CommandSpec(
///       name: "kwic", abstract: "Show every occurrence of a word in context.",
///       arguments: [
///         .positional("word", help: "The word to find."),
///         .positional("path", repeatable: true, optional: true, help: "Files or folders."),
///         .option("width", short: "w", value: "n", type: .integer(10...400), default: "40",
///           help: "Characters of context on each side."),
///       ] + GlobalOptions.arguments(formats: ["text", "json"]))
///   }
///   var word: String, paths: [String], width: Int, options: GlobalOptions
///   init(_ arguments: ParsedArguments) throws(UsageError) {
///     word = arguments.value("word")!
///     paths = arguments.values("path")
///     width = arguments.integer("width")!
///     options = try GlobalOptions(arguments)
///   }
///   func run(_ console: Console) -> ExitCode { ... }  // DocumentRun reads the inputs
/// }
/// ```
protocol Command {
  /// The command's name, help text and arguments.
  static var spec: CommandSpec { get }

  /// Reads the parsed values; throws for combinations the spec cannot check.
  init(_ arguments: ParsedArguments) throws(UsageError)

  /// Does the work, writing to the console, and returns the exit code.
  func run(_ console: Console) -> ExitCode
}

/// A node in the tool's command tree: a command that runs, or a named group of subcommands
/// (`results validate`, `results query`).
enum CommandEntry {
  /// A command that runs.
  case command(any Command.Type)
  /// A group: its spec's name and abstract, and its members.
  case group(CommandSpec, [CommandEntry])

  /// The spec with its subcommands filled in, each with `extraSections` appended.
  func spec(appending extraSections: [HelpSection]) -> CommandSpec {
    var spec: CommandSpec
    switch self {
    case .command(let type):
      spec = type.spec
    case .group(let groupSpec, let members):
      spec = groupSpec
      spec.subcommands = members.map { $0.spec(appending: extraSections) }
    }
    spec.sections += extraSections
    return spec
  }

  /// The command type at a path of names below this entry's parent.
  func command(at path: ArraySlice<String>) -> (any Command.Type)? {
    switch self {
    case .command(let type):
      return path.count == 1 && path.first == type.spec.name ? type : nil
    case .group(let spec, let members):
      guard path.first == spec.name else { return nil }
      return members.lazy.compactMap { $0.command(at: path.dropFirst()) }.first
    }
  }
}
