import Psephos

/// `psephos analyse [PATH...]`, also what `psephos` alone runs.
///
/// For now it reads and tokenizes the documents and reports their size and what ingest
/// noticed; entities, figures, claims and result checks arrive with later stages.
struct AnalyseCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "analyse",
      abstract: "Read documents and summarise them (default: Corpus/articles).",
      discussion: """
        Reads the documents, tokenizes them, finds the people, parties, places and \
        organisations they mention and every figure they cite, and reports for each one its \
        tokens, words, sentences, paragraphs, entities and figures, with totals, and what \
        ingest noticed (re-decoded text, front matter, stripped markup). The candidates and \
        parties in --results (default Corpus/results) are known by name, and every claim \
        about an election result is checked against them, with a verdict and its evidence.

        --format picks what goes to standard output: text (a summary), json (one object: \
        schema, documents[] with id, path, sha256, metadata, findings[], entities[], figures[], themes[], counts; \
        index with entities[] and themes[]; errors[] with path and reason; keys sorted), \
        jsonl (one document object per line), csv (the table --table names), markdown, html \
        (one self-contained page) or claimreview (schema.org ClaimReview JSON-LD).

        --out DIR also writes every report into DIR, each file whole or not at all: \
        report.json, documents.jsonl, entities.csv, mentions.csv, figures.csv, claims.csv, \
        themes.csv, report.md, report.html and claimreview.jsonld.

        Documents are read and analysed on --jobs threads and reported in input order; the \
        output is the same whatever --jobs is. A progress line is drawn on standard error \
        when it is a terminal, and a summary (documents done and failed, claims by verdict, \
        time, throughput) ends the run: at the end of the text summary, or on standard \
        error. --quiet leaves out both. With --cache DIR, documents unchanged since a run \
        with the same psephos and the same knowledge and results files are read from DIR \
        instead of analysed again (text, json and jsonl).
        """,
      arguments: [
        .positional(
          "path", repeatable: true, optional: true,
          help: "Files or folders to read; '-' reads standard input (default: Corpus/articles)."),
        .option(
          "fail-on", value: "severity", type: .choice(Finding.Severity.allCases.map(\.rawValue)),
          help: "Exit with code 1 if any finding is at least this severe."),
      ] + Self.reportArguments
        + GlobalOptions.arguments(
          formats: ["text", "json", "jsonl", "csv", "markdown", "html", "claimreview"],
          outHelp:
            "Also write every report (JSON, JSON Lines, CSV, Markdown, HTML, ClaimReview) into this folder, created if needed."
        ) + [DocumentRun.cacheArgument],
      exclusiveGroups: [["cache", "out"]])
  }

  /// The files and folders to read (empty: the default corpus).
  var paths: [String]
  /// The least severe finding that makes the exit code 1, if asked.
  var failOn: Finding.Severity?
  /// Format, jobs, output folder.
  var options: GlobalOptions
  /// The CSV table, ClaimReview author and review date.
  var reportOptions: ReportOptions
  /// The `--cache` folder, if given.
  var cachePath: String?

  init(_ arguments: ParsedArguments) throws(UsageError) {
    paths = arguments.values("path")
    failOn = arguments.value("fail-on").flatMap(Finding.Severity.init(rawValue:))
    options = try GlobalOptions(arguments)
    reportOptions = try ReportOptions(arguments)
    cachePath = arguments.value("cache")
    try Self.checkCombinations(arguments, format: options.format)
  }

  /// Options that would be ignored with the others given are usage errors, not silently
  /// dropped: the cache holds what text, json and jsonl print (the other reports need every
  /// document's full analysis), `--table` picks the CSV table printed, and the ClaimReview
  /// options shape only ClaimReview output.
  private static func checkCombinations(
    _ arguments: ParsedArguments, format: String
  ) throws(UsageError) {
    if arguments.isGiven("cache"), !["text", "json", "jsonl"].contains(format) {
      throw UsageError(
        "'--cache' works with --format text, json or jsonl, not \(format).",
        commandPath: arguments.commandPath)
    }
    if arguments.isGiven("table"), format != "csv" {
      throw UsageError(
        "'--table' picks the table '--format csv' prints; it does nothing with --format \(format).",
        commandPath: arguments.commandPath)
    }
    for name in ["claimreview-author", "claimreview-date"]
    where arguments.isGiven(name) && format != "claimreview" && !arguments.isGiven("out") {
      throw UsageError(
        "'--\(name)' shapes ClaimReview output only: add '--format claimreview' or '--out <dir>'.",
        commandPath: arguments.commandPath)
    }
  }

  func run(_ console: Console) -> ExitCode {
    guard let paths = DocumentRun.paths(paths, console: console) else { return .unreadableInput }
    guard let analyzer = options.makeAnalyzer(console: console) else { return .unreadableInput }
    let run: DocumentRun
    do throws(CacheError) {
      run = DocumentRun(
        jobs: options.jobs, quiet: options.quiet, ingester: options.ingester,
        cache: try DocumentRun.cache(at: cachePath, results: options.results))
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    if options.outputFolder == nil, ["text", "json", "jsonl"].contains(options.format) {
      return stream(paths, analyzer: analyzer, run: run, console: console)
    }
    return writeReports(paths, analyzer: analyzer, run: run, console: console)
  }

  /// Prints the text summary, the JSON report or JSON Lines as documents are analysed (or read
  /// from the cache), holding only the corpus index (the text summary is spooled).
  private func stream(
    _ paths: [String], analyzer: Analyzer, run: DocumentRun, console: Console
  ) -> ExitCode {
    var failed = false
    let outcome: DocumentRun.Outcome
    switch options.format {
    case "json", "jsonl":
      let lines = options.format == "jsonl"
      let stream =
        lines ? JSONStreamWriter(style: .compact, arrayKey: "documents") : AnalysisReport.writer
      if !lines { console.output(bytes: stream.opening()) }
      var isFirst = true
      outcome = run.forEachRecord(
        in: paths, console: console, analyze: { analyzer.analyze($0) },
        transform: { record in (record.summary, stream.element(record.document)) },
        emit: { summary, element in
          failed = failed || reachesFailOn(summary)
          if lines {
            console.output(bytes: element + [UInt8(ascii: "\n")])
          } else {
            if !isFirst { console.output(bytes: stream.separator) }
            console.output(bytes: element)
          }
          isFirst = false
        })
      if !lines {
        stream.writeClosing(
          wroteElements: !isFirst,
          otherMembers: AnalysisReport.closingMembers(
            errors: outcome.failures.map(\.json), index: outcome.index),
          write: console.output(bytes:))
      }
      run.printSummary(outcome.summary, console: console, inOutput: false)
    default:
      let summaries: SummaryStreamWriter
      do throws(ReportWriteError) {
        summaries = try SummaryStreamWriter()
      } catch {
        console.error("\(error)\n")
        return .usage
      }
      var failure: ReportWriteError?
      outcome = run.forEachRecord(
        in: paths, console: console, analyze: { analyzer.analyze($0) },
        transform: { $0.summary },
        emit: { summary in
          guard failure == nil else { return }
          do throws(ReportWriteError) { try summaries.add(summary) } catch { failure = error }
        })
      do throws(ReportWriteError) {
        if let failure { throw failure }
        try printText(summaries, outcome: outcome, paths: paths, console: console)
      } catch {
        console.error("\(error)\n")
        return .usage
      }
      failed = reachesFailOn(summaries.mostSevereFinding)
      run.printSummary(outcome.summary, console: console, inOutput: true)
    }
    return exitCode(failed: failed, outcome: outcome)
  }

  /// Whether a document's findings reach `--fail-on`.
  func reachesFailOn(_ summary: DocumentSummary) -> Bool {
    summary.findings.contains { reachesFailOn($0.finding.severity) }
  }

  /// Whether a finding this severe reaches `--fail-on` (never without it, or without one).
  func reachesFailOn(_ severity: Finding.Severity?) -> Bool {
    guard let failOn, let severity else { return false }
    return severity >= failOn
  }

  /// 1 if a finding reached `--fail-on`, 3 if an input could not be read, else 0.
  func exitCode(failed: Bool, outcome: DocumentRun.Outcome) -> ExitCode {
    var code: ExitCode = failed ? .findingsAboveThreshold : .success
    if !outcome.failures.isEmpty { code = code.combined(with: .unreadableInput) }
    return code
  }

  /// Prints the readable summary: what was read, the counts table, the fact-check, findings,
  /// and a pointer to any failures (listed on standard error as they happened), each part
  /// copied from its spool in blocks.
  ///
  /// Throws, naming the spool, if a spool cannot be read back.
  func printText(
    _ summaries: SummaryStreamWriter, outcome: DocumentRun.Outcome, paths: [String],
    console: Console
  ) throws(ReportWriteError) {
    let output = { (bytes: [UInt8]) in console.output(bytes: bytes) }
    let documents =
      summaries.documents == 1 ? "1 document" : "\(summaries.documents) documents"
    if !options.quiet {
      console.output(
        "psephos \(Release.version): read \(documents) from \(paths.joined(separator: ", ")).\n"
          + "Entities, figures, claims and themes; claims checked against the results data.\n\n")
    }
    try summaries.writeTable(to: output)
    if summaries.hasFactCheck {
      console.output("\nFact-check (psephos check gives the evidence):\n")
      try summaries.writeFactCheck(to: output)
    }
    if !options.quiet && summaries.hasFindings {
      console.output("\nFindings:\n")
      try summaries.writeFindings(to: output)
    }
    if !outcome.failures.isEmpty {
      let inputs = outcome.failures.count == 1 ? "1 input" : "\(outcome.failures.count) inputs"
      console.output("\n\(inputs) could not be read (listed on standard error).\n")
    }
  }
}
