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
        parties in --results (default Corpus/results) are known by name. Claims are not \
        checked against election results yet.

        JSON gives one object: schema, documents[] (id, path, sha256, metadata, findings[], \
        entities[], figures[], counts) and errors[] (path, reason), keys sorted.
        """,
      arguments: [
        .positional(
          "path", repeatable: true, optional: true,
          help: "Files or folders to read; '-' reads standard input (default: Corpus/articles)."),
        .option(
          "fail-on", value: "severity", type: .choice(Finding.Severity.allCases.map(\.rawValue)),
          help: "Exit with code 1 if any finding is at least this severe."),
      ] + GlobalOptions.arguments(formats: ["text", "json"]))
  }

  /// The `schema` value of the JSON report.
  static let schema = "psephos/1"

  /// The files and folders to read (empty: the default corpus).
  var paths: [String]
  /// The least severe finding that makes the exit code 1, if asked.
  var failOn: Finding.Severity?
  /// Format, jobs, output folder.
  var options: GlobalOptions

  init(_ arguments: ParsedArguments) throws(UsageError) {
    paths = arguments.values("path")
    failOn = arguments.value("fail-on").flatMap(Finding.Severity.init(rawValue:))
    options = try GlobalOptions(arguments)
  }

  func run(_ console: Console) -> ExitCode {
    guard let paths = DocumentRun.paths(paths, console: console) else { return .unreadableInput }
    let json = options.format == "json"
    let output: ReportOutput
    do throws(OutputError) {
      output = try ReportOutput(
        console: console, folder: options.outputFolder,
        fileName: json ? "analysis.json" : "analysis.txt")
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    guard let analyzer = options.makeAnalyzer(console: console) else { return .unreadableInput }
    let run = DocumentRun(jobs: options.jobs, quiet: options.quiet)
    var summaries: [DocumentSummary] = []
    let outcome: DocumentRun.Outcome
    if json {
      let stream = JSONStreamWriter(style: .pretty, arrayKey: "documents")
      output.write(bytes: stream.opening())
      var isFirst = true
      outcome = run.forEachDocument(
        in: paths, console: console,
        process: { document in
          let analysis = analyzer.analyze(document)
          return (DocumentSummary(analysis), stream.element(analysis.json))
        },
        emit: { summary, element in
          summaries.append(summary)
          if !isFirst { output.write(bytes: stream.separator) }
          output.write(bytes: element)
          isFirst = false
        })
      output.write(
        bytes: stream.closing(
          wroteElements: !isFirst,
          otherMembers: [
            "errors": .array(outcome.failures.map(\.json)),
            "schema": .string(Self.schema),
          ]))
    } else {
      outcome = run.forEachDocument(
        in: paths, console: console,
        process: { document in DocumentSummary(analyzer.analyze(document)) },
        emit: { summaries.append($0) })
      output.write(text(summaries, outcome: outcome, paths: paths))
    }
    if let failure = output.close() {
      console.error("\(failure)\n")
      return .usage
    }

    var code = ExitCode.success
    if let failOn,
      summaries.contains(where: { $0.findings.contains { $0.finding.severity >= failOn } })
    {
      code = .findingsAboveThreshold
    }
    if !outcome.failures.isEmpty { code = code.combined(with: .unreadableInput) }
    return code
  }

  /// The readable summary: what was read, the counts table, findings, and a pointer to any
  /// failures (listed on standard error as they happened).
  private func text(
    _ summaries: [DocumentSummary], outcome: DocumentRun.Outcome, paths: [String]
  ) -> String {
    let writer = SummaryReportWriter()
    let documents = summaries.count == 1 ? "1 document" : "\(summaries.count) documents"
    var out = ""
    if !options.quiet {
      out +=
        "psephos \(Release.version): read \(documents) from \(paths.joined(separator: ", ")).\n"
      out += """
        Entities and figures extracted; claims are not yet checked
        against election results.


        """
    }
    out += writer.table(summaries)
    let findings = writer.findings(summaries)
    if !options.quiet && !findings.isEmpty {
      out += "\nFindings:\n" + findings
    }
    if !outcome.failures.isEmpty {
      let inputs = outcome.failures.count == 1 ? "1 input" : "\(outcome.failures.count) inputs"
      out += "\n\(inputs) could not be read (listed on standard error).\n"
    }
    return out
  }
}
