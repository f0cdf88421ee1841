import Foundation
import Psephos

/// The options of `analyse` that shape its reports.
struct ReportOptions {
  /// The table `--format csv` prints.
  var table: CSVReportWriter.Table
  /// The organisation named as the ClaimReviews' author.
  var claimReviewAuthor: String
  /// The ClaimReviews' date, ISO 8601; today (UTC) unless given.
  var reviewDate: String

  /// The declarations.
  static let arguments: [ArgumentSpec] = [
    .option(
      "table", value: "name", type: .choice(CSVReportWriter.Table.allCases.map(\.rawValue)),
      default: CSVReportWriter.Table.claims.rawValue,
      help: "The table --format csv prints."),
    .option(
      "claimreview-author", value: "name", default: "Psephos",
      help: "The organisation named as author of the ClaimReview reports."),
    .option(
      "claimreview-date", value: "yyyy-mm-dd",
      help: "The ClaimReviews' datePublished (default: today, UTC)."),
  ]

  /// Reads the values; a date that is not `yyyy-mm-dd` is a usage error.
  init(_ arguments: ParsedArguments) throws(UsageError) {
    table = arguments.value("table").flatMap(CSVReportWriter.Table.init(rawValue:)) ?? .claims
    claimReviewAuthor = arguments.value("claimreview-author") ?? "Psephos"
    if let date = arguments.value("claimreview-date") {
      guard Self.isISODate(date) else {
        throw UsageError(
          "'--claimreview-date <yyyy-mm-dd>' must be a date such as 2016-05-09, not '\(date)'.",
          commandPath: arguments.commandPath)
      }
      reviewDate = date
    } else {
      reviewDate = Self.today()
    }
  }

  /// Whether `text` is `yyyy-mm-dd` with a month 01–12 and a day 01–31.
  static func isISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let month = Int(parts[1]), let day = Int(parts[2])
    else { return false }
    return (1...12).contains(month) && (1...31).contains(day)
  }

  /// Today's date in UTC, `yyyy-mm-dd`.
  static func today() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
  }
}

extension AnalyseCommand {
  /// The arguments of `ReportOptions`.
  static var reportArguments: [ArgumentSpec] { ReportOptions.arguments }

  /// Analyses every document and streams it into the reports: with `--out`, every report into
  /// that folder, and the report `--format` names on standard output. Only the corpus index
  /// is held, never the documents (the text summary is spooled).
  func writeReports(
    _ paths: [String], analyzer: Analyzer, run: DocumentRun, console: Console
  ) -> ExitCode {
    let setOptions = ReportSet.Options(
      claimReviewAuthor: reportOptions.claimReviewAuthor, reviewDate: reportOptions.reviewDate)
    let printed =
      options.format == "text"
      ? nil : Self.report(for: options.format, table: reportOptions.table)
    let folderWriter: ReportSetWriter?
    let printer: ReportSetWriter?
    let summaries: SummaryStreamWriter?
    do throws(ReportWriteError) {
      summaries = options.format == "text" ? try SummaryStreamWriter() : nil
      if let folder = options.outputFolder {
        folderWriter = try ReportSetWriter(folder: folder, options: setOptions)
        printer = nil
      } else {
        folderWriter = nil
        printer = try printed.map { kind throws(ReportWriteError) in
          try ReportSetWriter(report: kind, options: setOptions) { console.output(bytes: $0) }
        }
      }
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    var failed = false
    var failure: ReportWriteError?
    let outcome = run.forEachDocument(
      in: paths, console: console,
      process: { document in
        let analysis = analyzer.analyze(document)
        return (DocumentSummary(analysis), ReportDocument(analysis))
      },
      emit: { summary, document in
        failed = failed || reachesFailOn(summary)
        guard failure == nil else { return }
        do throws(ReportWriteError) {
          try summaries?.add(summary)
          try folderWriter?.add(document)
          try printer?.add(document)
        } catch {
          failure = error
        }
      })
    do throws(ReportWriteError) {
      if let failure { throw failure }
      let written = try folderWriter?.finish(errors: outcome.failures) ?? []
      _ = try printer?.finish(errors: outcome.failures)
      if let printed, folderWriter != nil {
        try Self.copy(
          (options.outputFolder! as NSString).appendingPathComponent(printed.fileName),
          to: console)
      }
      if let summaries {
        try printText(summaries, outcome: outcome, paths: paths, console: console)
        if !written.isEmpty && !options.quiet {
          var list = "\nReports written to \(options.outputFolder!):\n"
          for path in written { list += "  \((path as NSString).lastPathComponent)\n" }
          console.output(list)
        }
      }
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    return exitCode(failed: failed, outcome: outcome)
  }

  /// Prints a report just written, read back in blocks.
  private static func copy(_ path: String, to console: Console) throws(ReportWriteError) {
    do {
      let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      defer { try? file.close() }
      while let block = try file.read(upToCount: 1 << 20), !block.isEmpty {
        console.output(bytes: [UInt8](block))
      }
    } catch {
      throw ReportWriteError(
        path: path,
        reason:
          "cannot read back: \((error as NSError).localizedFailureReason ?? error.localizedDescription)"
      )
    }
  }

  /// The report a `--format` value names.
  static func report(for format: String, table: CSVReportWriter.Table) -> ReportSet.Report {
    switch format {
    case "json": .json
    case "jsonl": .jsonLines
    case "csv": .csv(table)
    case "markdown": .markdown
    case "html": .html
    case "claimreview": .claimReview
    default: preconditionFailure("no report for format \(format)")
    }
  }
}
