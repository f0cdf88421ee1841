import Psephos
import Testing

@testable import PsephosCLI

@Suite struct HelpFormatterTests {
  let formatter = HelpFormatter(root: sampleTool)

  @Test func listsEveryDeclaredArgumentOnceWithValuesAndDefaults() {
    let help = formatter.help(for: ["tool", "run"])
    #expect(help.hasPrefix("OVERVIEW: Run over some paths.\n"))
    for expected in [
      "USAGE: tool run [<options>] [<path> ...]\n", "  <path> ...              Paths to read.",
      "  -f, --format <format>   Output format. (values: text, json; default: text)",
      "  --results <path>        Results files. (may be repeated)", "  -q, --quiet",
      "  --version               Show the version.",
      "  -h, --help              Show help information.",
    ] {
      #expect(help.components(separatedBy: expected).count == 2, "expected once: \(expected)")
    }
  }

  @Test func usageListsEveryOptionWhenTheLineFitsElseSaysOptions() {
    let spec = CommandSpec(
      name: "kwic", abstract: "Concordance.",
      arguments: [
        .positional("word", help: "The word."),
        .option("width", short: "w", value: "n", type: .integer(1...200), help: "Context."),
        .flag("quiet", help: "Say less."),
      ])
    #expect(
      formatter.synopsis(of: spec, named: "tool kwic") == "tool kwic [-w <n>] [--quiet] <word>")
    #expect(
      formatter.synopsis(of: sampleTool.subcommands[0], named: "tool run")
        == "tool run [<options>] [<path> ...]")
  }

  @Test func listsSubcommandsAndMarksTheDefault() {
    let help = formatter.help(for: ["tool"])
    #expect(help.contains("USAGE: tool <subcommand>\n"))
    #expect(help.contains("  run (default)           Run over some paths.\n"))
    #expect(help.contains("  results                 Work with results data.\n"))
    #expect(help.contains("See 'tool help <subcommand>' for detailed help."))
  }

  @Test func usageErrorsGiveTheMessageTheUsageLineAndWhereHelpIs() {
    let text = formatter.errorText(
      for: UsageError("Unknown option '--x'.", commandPath: ["tool", "run"]))
    #expect(
      text == """
        Error: Unknown option '--x'.
        Usage: tool run [<options>] [<path> ...]
          See 'tool run --help' for more information.

        """)
  }

  @Test func wrapsAtEightyColumnsWithAHangingIndent() {
    let wrapped = formatter.wrap(
      String(repeating: "word ", count: 40), indent: 2, hangingIndent: 6)
    let lines = wrapped.split(separator: "\n")
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("      word") })
  }

  @Test func everyPsephosCommandHasHelpWithinEightyColumnsAndExitCodes() throws {
    let root = PsephosTool.rootSpec
    let formatter = HelpFormatter(root: root)
    for path in [["psephos"]] + root.subcommands.map({ ["psephos", $0.name] }) {
      let help = formatter.help(for: path)
      #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(path)")
      #expect(help.contains("EXIT CODES:\n  0  Success."), "\(path)")
    }
  }
}

@Suite struct PsephosToolTests {
  @Test func versionComesFromTheLibraryConstant() {
    let console = Console.capturing()
    #expect(PsephosTool.run(["--version"], console: console) == .success)
    #expect(console.capturedOutput == "psephos \(Release.version)\n")
  }

  @Test func usageErrorsGoToStandardErrorWithExitCodeTwo() {
    let console = Console.capturing()
    #expect(PsephosTool.run(["tokens", "--jbos", "2", "a.txt"], console: console) == .usage)
    #expect(console.capturedOutput.isEmpty)
    #expect(
      console.capturedError.hasPrefix("Error: Unknown option '--jbos'. Did you mean '--jobs'?\n"))
  }

  @Test func helpSubcommandShowsACommandsHelp() {
    let console = Console.capturing()
    #expect(PsephosTool.run(["help", "tokens"], console: console) == .success)
    #expect(console.capturedOutput.hasPrefix("OVERVIEW: Print every token"))
  }

  @Test func unreadableInputOutranksFindingsInTheExitCode() {
    #expect(ExitCode.success.combined(with: .findingsAboveThreshold) == .findingsAboveThreshold)
    #expect(ExitCode.findingsAboveThreshold.combined(with: .unreadableInput) == .unreadableInput)
    #expect(ExitCode.unreadableInput.combined(with: .findingsAboveThreshold) == .unreadableInput)
  }
}
