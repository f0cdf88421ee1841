import Psephos

/// `psephos results validate PATH...`: check results CSVs and print every diagnostic.
struct ResultsValidateCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "validate",
      abstract: "Check election results CSV files and report every problem with file:line:column.",
      discussion: """
        Reads each CSV file (folders are searched recursively) the way analyse would load it, \
        and prints errors (missing required columns, non-numeric or negative votes, ragged \
        rows, unterminated quotes, conflicting rows), warnings (duplicate rows, shares that do \
        not add up) and notes (unknown columns). Exits 3 if any file has an error.
        """,
      arguments: [
        .positional(
          "path", repeatable: true, optional: true,
          help: "CSV files or folders (default: Corpus/results)."),
        .flag("quiet", short: "q", help: "Print errors only."),
      ])
  }

  var paths: [String]
  var quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    let given = arguments.values("path")
    paths = given.isEmpty ? ["Corpus/results"] : given
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) -> ExitCode {
    let validation = ResultsValidator().validate(paths: paths)
    for diagnostic in validation.diagnostics.sorted()
    where !quiet || diagnostic.severity == .error {
      console.error("\(diagnostic)\n")
    }
    let errors = validation.diagnostics.filter { $0.severity == .error }.count
    let warnings = validation.diagnostics.filter { $0.severity == .warning }.count
    console.output(
      "\(validation.records.count) records read; \(errors) error(s), \(warnings) warning(s)\n")
    return validation.hasErrors ? .unreadableInput : .success
  }
}

/// `psephos results query`: the records matching some conditions, as a table.
struct ResultsQueryCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "query",
      abstract: "Print the results records that match the given conditions.",
      discussion: """
        Conditions combine with AND. --candidate matches part of a name or the surname, \
        --party a short code (Con) or whole words of the name (Labour), --area a code or \
        whole words of the area name. Example: psephos results query --election \
        london-mayor-2016 --candidate Goldsmith
        """,
      arguments: [
        .option("election", value: "id", help: "An election id, e.g. uk-general-2015."),
        .option("candidate", value: "name", help: "A candidate's name or surname."),
        .option("party", value: "name", help: "A party name or short code."),
        .option("area", value: "name", help: "An area name or code."),
        .option("round", value: "round", help: "A round or ballot (first, second, list...)."),
        .option("option", value: "option", help: "A referendum option (Remain, Leave)."),
        .option("year", value: "year", type: .integer(1800...2200), help: "The election year."),
        .repeatableOption(
          "results", value: "path",
          help: "Results CSV files or folders (default: Corpus/results)."),
      ])
  }

  var query: ResultsQuery
  var paths: [String]

  init(_ arguments: ParsedArguments) throws(UsageError) {
    query = ResultsQuery(
      election: arguments.value("election"), candidate: arguments.value("candidate"),
      party: arguments.value("party"), area: arguments.value("area"),
      round: arguments.value("round"), option: arguments.value("option"),
      year: arguments.integer("year"))
    let given = arguments.values("results")
    paths = given.isEmpty ? ["Corpus/results"] : given
  }

  func run(_ console: Console) -> ExitCode {
    let store: ResultsStore
    do throws(ResultsLoadError) {
      store = try ResultsStore(loading: paths)
    } catch {
      console.error("\(error)\n")
      return .unreadableInput
    }
    let records = store.records(matching: query)
    if records.isEmpty {
      console.error("No records match.\n")
    } else {
      console.output(ResultsTableFormatter().format(records))
    }
    return .success
  }
}
