import Testing

@testable import PsephosCLI

/// A stand-in for a two-word command such as `results validate`.
private struct ValidateCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "validate", abstract: "Check results files.",
      arguments: [.positional("file", repeatable: true, help: "CSV files.")])
  }

  var files: [String]

  init(_ arguments: ParsedArguments) throws(UsageError) {
    files = arguments.values("file")
    if files.contains("") {
      throw UsageError("A file name cannot be empty.", commandPath: arguments.commandPath)
    }
  }

  func run(_ console: Console) -> ExitCode {
    console.output("validated \(files.joined(separator: ", "))\n")
    return .success
  }
}

@Suite struct CommandEntryTests {
  private let results = CommandEntry.group(
    CommandSpec(name: "results", abstract: "Work with election results data."),
    [.command(ValidateCommand.self)])
  private let exitCodes = HelpSection(title: "EXIT CODES", lines: ["0  Success."])

  @Test func groupSpecsGainTheirMembersAndTheSharedSections() {
    let spec = results.spec(appending: [exitCodes])
    #expect(spec.subcommands.map(\.name) == ["validate"])
    #expect(spec.sections == [exitCodes])
    #expect(spec.subcommands[0].sections == [exitCodes])
  }

  @Test func findsTheCommandTypeAtATwoWordPath() throws {
    let type = try #require(results.command(at: ["results", "validate"]))
    #expect(type.spec.name == "validate")
    #expect(results.command(at: ["results"]) == nil)
    #expect(results.command(at: ["validate"]) == nil)
  }

  @Test func parsesDispatchesAndRunsANestedCommand() throws {
    let root = CommandSpec(
      name: "psephos", abstract: "Test tool.", subcommands: [results.spec(appending: [])])
    guard
      case .run(let parsed) = try ArgumentParser(root: root).parse(["results", "validate", "a.csv"])
    else {
      Issue.record("expected a command to run")
      return
    }
    let type = try #require(results.command(at: parsed.commandPath.dropFirst()))
    let console = Console.capturing()
    #expect(try type.init(parsed).run(console) == .success)
    #expect(console.capturedOutput == "validated a.csv\n")
  }
}
