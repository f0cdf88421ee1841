import Psephos

/// `psephos check [PATH...]`: the claims of each document, checked against the results data.
struct CheckCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "check",
      abstract: "Check the election figures in documents against the results data.",
      discussion: """
        Finds the claims each document makes (figure, subject, measure, election, comparison, \
        who said it) and checks them against the results CSV files: accurate, \
        accurate-rounded (consistent with the stated rounding or hedge), inaccurate (with \
        the value the data gives), unverifiable (an election claim the data cannot settle) \
        or not-election-result (polls, Commons divisions, party ballots, money: listed, not \
        checked). Each verdict gives the expected value, the evidence (file:line, value, \
        arithmetic) and one sentence of explanation.

        JSON gives one object: schema, documents[] (id, path, sha256, metadata, findings[], \
        claims[] with start, end, text, figure, subject, measure, election, compared_with, \
        attributed_to, verdict, expected, evidence[], explanation) and errors[], keys sorted. \
        Offsets are Unicode code points, end exclusive. csv gives one row per claim with a \
        figure (the claims.csv of analyse --out); md the Markdown report's claims.
        """,
      arguments: [
        .positional(
          "path", repeatable: true, optional: true,
          help: "Files or folders to read; '-' reads standard input (default: Corpus/articles)."),
        .option(
          "fail-on", value: "verdict", type: .choice(["inaccurate", "unverifiable"]),
          help:
            "Exit with code 1 if any claim is inaccurate (or, with 'unverifiable', inaccurate or unverifiable)."
        ),
      ] + GlobalOptions.arguments(formats: ["text", "json", "csv", "md"]))
  }

  /// The files and folders to read (empty: the default corpus).
  var paths: [String]
  /// The verdicts that make the exit code 1, if asked.
  var failOn: Set<Verdict.Rating>
  /// Format, results, jobs, output folder.
  var options: GlobalOptions

  init(_ arguments: ParsedArguments) throws(UsageError) {
    paths = arguments.values("path")
    switch arguments.value("fail-on") {
    case "inaccurate": failOn = [.inaccurate]
    case "unverifiable": failOn = [.inaccurate, .unverifiable]
    default: failOn = []
    }
    options = try GlobalOptions(arguments)
  }

  func run(_ console: Console) -> ExitCode {
    guard let paths = DocumentRun.paths(paths, console: console) else { return .unreadableInput }
    guard let analyzer = options.makeAnalyzer(console: console) else { return .unreadableInput }
    if options.format == "csv" || options.format == "md" {
      return runWholeReport(analyzer: analyzer, paths: paths, console: console)
    }
    let json = options.format == "json"
    let output: ReportOutput
    do throws(OutputError) {
      output = try ReportOutput(
        console: console, folder: options.outputFolder, fileName: json ? "check.json" : "check.txt")
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    let run = DocumentRun(jobs: options.jobs, quiet: options.quiet, ingester: options.ingester)
    var failed = false
    let failOn = self.failOn
    let outcome: DocumentRun.Outcome
    if json {
      let stream = JSONStreamWriter(style: .pretty, arrayKey: "documents")
      output.write(bytes: stream.opening())
      var isFirst = true
      outcome = run.forEachDocument(
        in: paths, console: console,
        process: { document in
          let checked = analyzer.analyze(document).claims
          var members = document.jsonMembers
          members["claims"] = .array(checked.map { $0.json(in: document.text) })
          return (
            checked.contains { failOn.contains($0.verdict.rating) },
            stream.element(.object(members))
          )
        },
        emit: { fails, element in
          failed = failed || fails
          if !isFirst { output.write(bytes: stream.separator) }
          output.write(bytes: element)
          isFirst = false
        })
      output.write(
        bytes: stream.closing(
          wroteElements: !isFirst,
          otherMembers: [
            "errors": .array(outcome.failures.map(\.json)),
            "schema": .string(CorpusReport.schema),
          ]))
    } else {
      let writer = CheckReportWriter()
      var isFirst = true
      outcome = run.forEachDocument(
        in: paths, console: console,
        process: { document in
          let checked = analyzer.analyze(document).claims
          return (
            checked.contains { failOn.contains($0.verdict.rating) }, writer.text(document, checked)
          )
        },
        emit: { fails, text in
          failed = failed || fails
          if !isFirst { output.write("\n") }
          output.write(text)
          isFirst = false
        })
    }
    if let failure = output.close() {
      console.error("\(failure)\n")
      return .usage
    }
    var code: ExitCode = failed ? .findingsAboveThreshold : .success
    if !outcome.failures.isEmpty { code = code.combined(with: .unreadableInput) }
    return code
  }

  /// csv and md: the claims table and the Markdown report, streamed a document at a time
  /// through `ReportSetWriter` (the Markdown sections are spooled until the overview is known).
  private func runWholeReport(analyzer: Analyzer, paths: [String], console: Console) -> ExitCode {
    let csv = options.format == "csv"
    let output: ReportOutput
    let writer: ReportSetWriter
    do {
      output = try ReportOutput(
        console: console, folder: options.outputFolder, fileName: csv ? "check.csv" : "check.md")
      writer = try ReportSetWriter(
        report: csv ? .csv(.claims) : .markdown, options: ReportSet.Options(reviewDate: "")
      ) { output.write(bytes: $0) }
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    var failed = false
    var failure: ReportWriteError?
    let failOn = self.failOn
    let outcome = DocumentRun(jobs: options.jobs, quiet: options.quiet, ingester: options.ingester)
      .forEachDocument(
        in: paths, console: console,
        process: { document in
          let analysis = analyzer.analyze(document)
          return (
            analysis.claims.contains { failOn.contains($0.verdict.rating) },
            ReportDocument(analysis)
          )
        },
        emit: { fails, document in
          failed = failed || fails
          guard failure == nil else { return }
          do throws(ReportWriteError) { try writer.add(document) } catch { failure = error }
        })
    do throws(ReportWriteError) {
      if let failure { throw failure }
      _ = try writer.finish(errors: outcome.failures)
    } catch {
      output.discard()
      console.error("\(error)\n")
      return .usage
    }
    if let failure = output.close() {
      console.error("\(failure)\n")
      return .usage
    }
    var code: ExitCode = failed ? .findingsAboveThreshold : .success
    if !outcome.failures.isEmpty { code = code.combined(with: .unreadableInput) }
    return code
  }
}
