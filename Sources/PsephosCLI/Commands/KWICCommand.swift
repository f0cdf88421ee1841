import Psephos

/// `psephos kwic TERM PATH...`: every occurrence of a word, phrase or entity in context.
struct KWICCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "kwic",
      abstract: "Show every occurrence of a word, phrase or entity with its context.",
      discussion: """
        Keyword in context: one line per occurrence, keywords aligned. A TERM matches whole \
        tokens, ignoring case ("per cent" is a phrase). With --entity NAME, every mention of \
        that entity is shown whatever it was called ("Boris", "Johnson", "Mr Johnson" for \
        Boris Johnson); NAME is the canonical name or any name the text uses for it.
        """,
      arguments: [
        .positional("term", optional: true, help: "The word or phrase to find."),
        .positional(
          "path", repeatable: true, optional: true,
          help: "Files or folders (default: Corpus/articles)."),
        .option(
          "entity", short: "e", value: "name",
          help: "Find every mention of this entity instead of a term."),
        .option(
          "width", short: "w", value: "n", type: .integer(5...400), default: "40",
          help: "Characters of context on each side."),
        .option(
          "sort", value: "order", type: .choice(Concordance.Order.allCases.map(\.rawValue)),
          default: "document", help: "Order of the lines: document, left or right context."),
        .repeatableOption(
          "results", value: "path",
          help: "Results files whose candidates are known by name (default: Corpus/results)."),
        .option(
          "jobs", short: "j", value: "n", type: .integer(1...1024),
          help: "Documents processed in parallel."),
        .flag("quiet", short: "q", help: "Leave out notes."),
        DocumentRun.maxDocumentSizeArgument,
      ])
  }

  var term: String?
  var entity: String?
  var paths: [String]
  var width: Int
  var order: Concordance.Order
  var results: [String]
  var jobs: Int
  var quiet: Bool
  var ingester: Ingester

  init(_ arguments: ParsedArguments) throws(UsageError) {
    entity = arguments.value("entity")
    var positionals = arguments.values("term") + arguments.values("path")
    if entity == nil {
      guard !positionals.isEmpty else {
        throw UsageError(
          "Give a TERM to find, or --entity NAME.", commandPath: arguments.commandPath)
      }
      term = positionals.removeFirst()
    }
    paths = positionals
    width = arguments.integer("width")!
    order = Concordance.Order(rawValue: arguments.value("sort")!)!
    results = arguments.values("results")
    jobs = arguments.integer("jobs") ?? 1
    quiet = arguments.flag("quiet")
    ingester = DocumentRun.ingester(arguments)
  }

  func run(_ console: Console) -> ExitCode {
    guard let paths = DocumentRun.paths(paths, console: console) else { return .unreadableInput }
    guard
      let analyzer = GlobalOptions.makeAnalyzer(results: results, quiet: quiet, console: console)
    else { return .unreadableInput }
    let concordance = Concordance(width: width)
    let term = term
    let entity = entity?.lowercased()
    var lines: [Concordance.Line] = []
    let outcome = DocumentRun(jobs: jobs, quiet: quiet, ingester: ingester).forEachDocument(
      in: paths, console: console,
      process: { document in
        let analysis = analyzer.analyze(document)
        if let term { return concordance.lines(for: term, in: document, tokens: analysis.tokens) }
        let text = document.text
        // The entity's canonical name, from a mention whose canonical or surface form is NAME.
        let canonical = analysis.mentions.first {
          $0.canonical.lowercased() == entity || text.string($0.range).lowercased() == entity
        }?.canonical
        let ranges = analysis.mentions.filter { $0.canonical == canonical }.map(\.range)
        return concordance.lines(for: ranges, in: document)
      },
      emit: { lines += $0 })
    let sorted = Concordance.sorted(lines, by: order)
    if sorted.isEmpty {
      console.error("No occurrences found.\n")
    } else {
      console.output(concordance.render(sorted, showingDocuments: true))
    }
    return outcome.failures.isEmpty ? .success : .unreadableInput
  }
}
