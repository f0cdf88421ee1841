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

  /// Analyses every document, keeps them, then prints the report `--format` names and, with
  /// `--out`, writes every report into that folder.
  func writeReports(
    _ paths: [String], analyzer: Analyzer, run: DocumentRun, console: Console
  ) -> ExitCode {
    var documents: [ReportDocument] = []
    var summaries: [DocumentSummary] = []
    let outcome = run.forEachDocument(
      in: paths, console: console,
      process: { document in
        let analysis = analyzer.analyze(document)
        return (DocumentSummary(analysis), ReportDocument(analysis))
      },
      emit: { summary, document in
        summaries.append(summary)
        documents.append(document)
      })
    let reports = ReportSet(
      CorpusReport(documents: documents, errors: outcome.failures),
      options: ReportSet.Options(
        claimReviewAuthor: reportOptions.claimReviewAuthor, reviewDate: reportOptions.reviewDate))
    var written: [String] = []
    if let folder = options.outputFolder {
      do throws(ReportWriteError) {
        written = try reports.write(into: folder)
      } catch {
        console.error("\(error)\n")
        return .usage
      }
    }
    switch options.format {
    case "text":
      var summary = text(summaries, outcome: outcome, paths: paths)
      if !written.isEmpty && !options.quiet {
        summary += "\nReports written to \(options.outputFolder!):\n"
        for path in written { summary += "  \((path as NSString).lastPathComponent)\n" }
      }
      console.output(summary)
    default:
      console.output(
        bytes: reports.bytes(of: Self.report(for: options.format, table: reportOptions.table)))
    }
    return exitCode(summaries, outcome: outcome)
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
