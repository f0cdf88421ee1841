import Testing

@testable import PsephosCLI

/// A small tool exercising every kind of argument the parser knows.
let sampleTool = CommandSpec(
  name: "tool",
  abstract: "A tool for tests.",
  subcommands: [
    CommandSpec(
      name: "run",
      abstract: "Run over some paths.",
      arguments: [
        .positional("path", repeatable: true, optional: true, help: "Paths to read."),
        .option(
          "format", short: "f", value: "format", type: .choice(["text", "json"]),
          default: "text", help: "Output format."),
        .repeatableOption("results", value: "path", help: "Results files."),
        .option("jobs", short: "j", value: "n", type: .integer(1...64), help: "Workers."),
        .flag("quiet", short: "q", help: "Say less."),
        .flag("verbose", short: "v", help: "Say more."),
      ],
      exclusiveGroups: [["quiet", "verbose"]]),
    CommandSpec(
      name: "results",
      abstract: "Work with results data.",
      subcommands: [
        CommandSpec(
          name: "validate", abstract: "Check one results file.",
          arguments: [.positional("file", help: "The CSV file.")])
      ]),
  ],
  defaultSubcommand: "run")

/// Parses and expects a command to run.
func parsed(_ arguments: [String]) throws -> ParsedArguments {
  let request = try ArgumentParser(root: sampleTool).parse(arguments)
  guard case .run(let parsed) = request else {
    Issue.record("expected a command to run, got \(request)")
    throw UsageError("not a run", commandPath: [])
  }
  return parsed
}

/// Parses and expects a usage error; returns its message.
func usageError(_ arguments: [String]) -> String? {
  do {
    let request = try ArgumentParser(root: sampleTool).parse(arguments)
    Issue.record("expected a usage error, got \(request)")
    return nil
  } catch {
    return error.message
  }
}

@Suite struct ArgumentParserTests {
  @Test(arguments: [
    ["run", "--format", "json"],
    ["run", "--format=json"],
    ["run", "-f", "json"],
    ["run", "-fjson"],
    ["run", "-f=json"],
  ])
  func acceptsEverySpellingOfAnOptionValue(arguments: [String]) throws {
    #expect(try parsed(arguments).value("format") == "json")
  }

  @Test func usesTheDeclaredDefaultWhenAnOptionIsNotGiven() throws {
    let arguments = try parsed(["run"])
    #expect(arguments.value("format") == "text")
    #expect(!arguments.isGiven("format"))
    #expect(arguments.integer("jobs") == nil)
  }

  @Test func collectsRepeatedOptionValuesInOrder() throws {
    let arguments = try parsed(["run", "--results", "a.csv", "x", "--results=b.csv", "y"])
    #expect(arguments.values("results") == ["a.csv", "b.csv"])
    #expect(arguments.values("path") == ["x", "y"])
  }

  @Test func doubleDashTurnsEverythingAfterItIntoPositionals() throws {
    let arguments = try parsed(["run", "a", "--", "--quiet", "-x", "--"])
    #expect(arguments.values("path") == ["a", "--quiet", "-x", "--"])
    #expect(!arguments.flag("quiet"))
  }

  @Test func bundlesShortFlagsAndTakesTheRestOfTheWordAsAValue() throws {
    let arguments = try parsed(["run", "-qj4"])
    #expect(arguments.flag("quiet"))
    #expect(arguments.integer("jobs") == 4)
  }

  @Test func readsASingleDashAsAPositionalForStandardInput() throws {
    #expect(try parsed(["run", "-"]).values("path") == ["-"])
  }

  @Test func suggestsTheClosestOptionForAnUnknownOne() {
    #expect(
      usageError(["run", "--formt", "json"]) == "Unknown option '--formt'. Did you mean '--format'?"
    )
    #expect(
      usageError(["run", "--res", "a"]) == "Unknown option '--res'. Did you mean '--results'?")
    #expect(usageError(["run", "--colour"]) == "Unknown option '--colour'.")
    #expect(usageError(["run", "-x"]) == "Unknown option '-x'.")
  }

  @Test(arguments: [["run", "--format"], ["run", "--format", "--quiet"], ["run", "-j"]])
  func reportsAMissingValue(arguments: [String]) {
    #expect(usageError(arguments)?.hasPrefix("Missing value for '--") == true)
  }

  @Test func rejectsIntegersOutOfRangeOrNotWhole() {
    #expect(usageError(["run", "--jobs", "0"]) == "'--jobs <n>' must be from 1 to 64, not 0.")
    #expect(usageError(["run", "--jobs", "-1"]) == "'--jobs <n>' must be from 1 to 64, not -1.")
    #expect(usageError(["run", "-j", "two"]) == "'--jobs <n>' expects a whole number, not 'two'.")
  }

  @Test func rejectsAValueOutsideTheChoicesWithASuggestion() {
    #expect(
      usageError(["run", "--format", "jsn"])
        == "'jsn' is not a valid value for '--format <format>'; expected one of: text, json. Did you mean 'json'?"
    )
  }

  @Test func rejectsConflictingValuesButAcceptsARepeatedSameValue() throws {
    #expect(
      usageError(["run", "--format", "json", "-f", "text"])
        == "'--format' was given twice with different values ('json' and 'text')."
    )
    #expect(try parsed(["run", "-f", "json", "--format=json"]).value("format") == "json")
  }

  @Test func rejectsOptionsDeclaredMutuallyExclusive() {
    #expect(
      usageError(["run", "-q", "--verbose"]) == "'--quiet' and '--verbose' cannot be used together."
    )
  }

  @Test func rejectsAValueForAFlag() {
    #expect(usageError(["run", "--quiet=yes"]) == "'--quiet' is a flag and takes no value.")
  }

  @Test func suggestsTheClosestSubcommandForAnUnknownOne() {
    #expect(usageError(["rnu"]) == "Unknown subcommand 'rnu'. Did you mean 'run'?")
    #expect(
      usageError(["results", "validat"]) == "Unknown subcommand 'validat'. Did you mean 'validate'?"
    )
    #expect(
      usageError(["notes"])
        == "Unknown subcommand 'notes'. To read a file with that name, use 'tool run notes'.")
  }

  @Test(arguments: [[], ["--quiet"], ["a/b.txt"], ["article.txt", "-q"], ["-"]])
  func runsTheDefaultSubcommandWhenNoneIsNamed(arguments: [String]) throws {
    #expect(try parsed(arguments).commandPath == ["tool", "run"])
  }

  @Test func descendsIntoNestedSubcommands() throws {
    let arguments = try parsed(["results", "validate", "x.csv"])
    #expect(arguments.commandPath == ["tool", "results", "validate"])
    #expect(arguments.value("file") == "x.csv")
  }

  @Test func reportsMissingAndUnexpectedPositionalsAndMissingSubcommands() {
    #expect(usageError(["results", "validate"]) == "Missing expected argument '<file>'.")
    #expect(usageError(["results", "validate", "a", "b"]) == "Unexpected argument 'b'.")
    #expect(usageError(["results"]) == "Missing subcommand; expected one of: validate.")
  }

  @Test func helpWinsOverOtherErrorsAnywhereBeforeDoubleDash() throws {
    let parser = ArgumentParser(root: sampleTool)
    guard case .help(let path) = try parser.parse(["run", "--jobs", "0", "--bogus", "-h"]) else {
      Issue.record("expected help")
      return
    }
    #expect(path == ["tool", "run"])
    guard case .help(let nested) = try parser.parse(["help", "results", "validate"]) else {
      Issue.record("expected help")
      return
    }
    #expect(nested == ["tool", "results", "validate"])
    guard case .help(let root) = try parser.parse(["--help"]) else {
      Issue.record("expected help")
      return
    }
    #expect(root == ["tool"])
    #expect(try parsed(["run", "--", "--help"]).values("path") == ["--help"])
  }

  @Test func versionIsAcceptedByEveryCommand() throws {
    let parser = ArgumentParser(root: sampleTool)
    guard case .version = try parser.parse(["run", "a", "--version"]) else {
      Issue.record("expected version")
      return
    }
  }
}

@Suite struct SuggestionTests {
  @Test(arguments: [
    ("format", "format", 0), ("formt", "format", 1), ("fromat", "format", 1),
    ("", "jobs", 4), ("kitten", "sitting", 3), ("tokesn", "tokens", 1),
  ])
  func countsEditsIncludingAdjacentSwaps(a: String, b: String, distance: Int) {
    #expect(
      Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) == distance)
  }

  @Test func suggestsOnlyCloseCandidates() {
    let candidates = ["analyse", "tokens", "entities", "kwic"]
    #expect(Suggestion.closest(to: "analyze", among: candidates) == "analyse")
    #expect(Suggestion.closest(to: "tok", among: candidates) == "tokens")
    #expect(Suggestion.closest(to: "kwik", among: candidates) == "kwic")
    #expect(Suggestion.closest(to: "merge", among: candidates) == nil)
    #expect(Suggestion.closest(to: "x", among: candidates) == nil)
  }
}
