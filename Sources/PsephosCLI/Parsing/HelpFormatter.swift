/// Writes help, usage lines and usage errors from a tree of `CommandSpec`s, in the layout of
/// swift-argument-parser: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS, then any extra
/// sections, wrapped to 80 columns.
struct HelpFormatter: Sendable {
  /// The tool's command.
  let root: CommandSpec
  /// Lines are wrapped to this many columns.
  var width = 80
  /// Help text for an argument starts in this column.
  private let labelWidth = 24

  /// The built-in flags every command accepts, listed in every help.
  static let builtIns: [ArgumentSpec] = [
    .flag("version", help: "Show the version."),
    .flag("help", short: "h", help: "Show help information."),
  ]

  /// The specs from the root down to the command a path names.
  func specs(along commandPath: [String]) -> [CommandSpec] {
    var specs = [root]
    for name in commandPath.dropFirst() {
      guard let next = specs.last!.subcommand(named: name) else { break }
      specs.append(next)
    }
    return specs
  }

  /// The full help for the command at a path.
  func help(for commandPath: [String]) -> String {
    let specs = specs(along: commandPath)
    let spec = specs.last!
    let name = specs.map(\.name).joined(separator: " ")
    var out = ""
    out += wrap("OVERVIEW: " + spec.abstract, indent: 0, hangingIndent: 2) + "\n"
    if !spec.discussion.isEmpty {
      for paragraph in spec.discussion.split(separator: "\n\n") {
        out += "\n" + wrap(String(paragraph), indent: 2, hangingIndent: 2) + "\n"
      }
    }
    out += "\n" + wrap("USAGE: " + synopsis(of: spec, named: name), indent: 0, hangingIndent: 7)
    out += "\n"
    if let defaultName = spec.defaultSubcommand,
      let defaultSpec = spec.subcommand(named: defaultName)
    {
      let line = synopsis(of: defaultSpec, named: name) + " (runs '\(defaultName)')"
      out += wrap(line, indent: 7, hangingIndent: 9) + "\n"
    }

    let positionals = spec.arguments.filter { !$0.isNamed }
    if !positionals.isEmpty {
      out += "\nARGUMENTS:\n"
      for argument in positionals {
        let label = "<\(argument.valueName)>" + (argument.isRepeatable ? " ..." : "")
        out += row(label: label, text: helpText(of: argument))
      }
    }

    out += "\nOPTIONS:\n"
    for argument in spec.arguments.filter(\.isNamed) + Self.builtIns {
      out += row(label: optionLabel(of: argument), text: helpText(of: argument))
    }

    if !spec.subcommands.isEmpty {
      out += "\nSUBCOMMANDS:\n"
      for subcommand in spec.subcommands {
        let label =
          subcommand.name + (subcommand.name == spec.defaultSubcommand ? " (default)" : "")
        out += row(label: label, text: subcommand.abstract)
      }
      out +=
        "\n"
        + wrap(
          "See '\(specs[0].name) help <subcommand>' for detailed help.", indent: 2, hangingIndent: 2
        ) + "\n"
    }

    for section in spec.sections {
      out += "\n\(section.title):\n"
      for line in section.lines {
        out += wrap(line, indent: 2, hangingIndent: 5) + "\n"
      }
    }
    return out
  }

  /// What standard error shows for a usage error: the message, the usage line and where to
  /// find help.
  func errorText(for error: UsageError) -> String {
    let specs = specs(along: error.commandPath)
    let name = specs.map(\.name).joined(separator: " ")
    return wrap("Error: " + error.message, indent: 0, hangingIndent: 2) + "\n"
      + wrap("Usage: " + synopsis(of: specs.last!, named: name), indent: 0, hangingIndent: 7)
      + "\n  See '\(name) --help' for more information.\n"
  }

  /// One line showing how to call a command: every option if that fits in the width, else
  /// `[<options>]`, then the positional arguments, or `<subcommand>` for a group.
  func synopsis(of spec: CommandSpec, named name: String) -> String {
    var positionals: [String] = []
    for argument in spec.arguments where !argument.isNamed {
      guard case .positional(let repeatable, let optional) = argument.kind else { continue }
      var word = "<\(argument.valueName)>" + (repeatable ? " ..." : "")
      if optional { word = "[\(word)]" }
      positionals.append(word)
    }
    if !spec.subcommands.isEmpty {
      return
        ([name, "<subcommand>"]
        + (spec.arguments.contains(where: \.isNamed) ? ["[<options>]"] : []))
        .joined(separator: " ")
    }
    var options: [String] = []
    for argument in spec.arguments where argument.isNamed {
      let spelling = argument.shortName.map { "-\($0)" } ?? argument.longSpelling
      var word = spelling
      if argument.kind != .flag { word += " <\(argument.valueName)>" }
      if argument.isRepeatable { word += " ..." }
      options.append("[\(word)]")
    }
    let full = ([name] + options + positionals).joined(separator: " ")
    if full.count + "Usage: ".count <= width { return full }
    return ([name] + (options.isEmpty ? [] : ["[<options>]"]) + positionals).joined(separator: " ")
  }

  // MARK: - Layout

  private func optionLabel(of argument: ArgumentSpec) -> String {
    var label = argument.shortName.map { "-\($0), " } ?? ""
    label += argument.longSpelling
    if argument.kind != .flag { label += " <\(argument.valueName)>" }
    return label
  }

  private func helpText(of argument: ArgumentSpec) -> String {
    var notes: [String] = []
    if case .choice(let choices) = argument.valueType {
      notes.append("values: " + choices.joined(separator: ", "))
    }
    if let value = argument.defaultValue { notes.append("default: " + value) }
    if argument.isRepeatable && argument.isNamed { notes.append("may be repeated") }
    return argument.help + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
  }

  /// A label in the left column and wrapped text on the right; a long label gets its own line.
  private func row(label: String, text: String) -> String {
    let indent = 2 + labelWidth
    let lead = "  " + label
    if lead.count + 2 > indent {
      return lead + "\n" + wrap(text, indent: indent, hangingIndent: indent) + "\n"
    }
    let body = wrap(text, indent: indent, hangingIndent: indent)
    return lead + String(body.dropFirst(lead.count)) + "\n"
  }

  /// Words wrapped to the width: the first line indented by `indent`, the others by
  /// `hangingIndent`. A word longer than a line stays whole.
  func wrap(_ text: String, indent: Int, hangingIndent: Int) -> String {
    var lines: [String] = []
    var line = String(repeating: " ", count: indent)
    var lineHasWord = false
    // Empty words keep runs of spaces ("0  Success.") and never start a line.
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if word.isEmpty && !lineHasWord { continue }
      if lineHasWord && !word.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = String(repeating: " ", count: hangingIndent)
        lineHasWord = false
      }
      line += (lineHasWord ? " " : "") + word
      lineHasWord = true
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }
}
