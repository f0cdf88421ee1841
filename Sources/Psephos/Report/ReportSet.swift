import Foundation

/// Every report of one run, as `psephos analyse --out DIR` writes them: `report.json`,
/// `documents.jsonl`, `entities.csv`, `mentions.csv`, `figures.csv`, `claims.csv`,
/// `themes.csv`, `report.md`, `report.html` and `claimreview.jsonld`.
///
/// File names are fixed, never made from document ids or paths, so nothing a document says can
/// send output outside the folder. `write(into:)` makes each file whole or not at all.
public struct ReportSet: Sendable {
  /// One report file.
  public enum Report: Hashable, Sendable {
    /// `report.json`: the DESIGN.md JSON object.
    case json
    /// `documents.jsonl`: one document object per line.
    case jsonLines
    /// One CSV table.
    case csv(CSVReportWriter.Table)
    /// `report.md`.
    case markdown
    /// `report.html`.
    case html
    /// `claimreview.jsonld`.
    case claimReview

    /// Every report, in the order they are written.
    public static let all: [Report] =
      [.json, .jsonLines] + CSVReportWriter.Table.allCases.map(Report.csv)
      + [.markdown, .html, .claimReview]

    /// The file's name in the output folder.
    public var fileName: String {
      switch self {
      case .json: "report.json"
      case .jsonLines: "documents.jsonl"
      case .csv(let table): table.fileName
      case .markdown: "report.md"
      case .html: "report.html"
      case .claimReview: "claimreview.jsonld"
      }
    }
  }

  /// What the writers need besides the report.
  public struct Options: Hashable, Sendable {
    /// The organisation named as the ClaimReviews' author.
    public var claimReviewAuthor: String
    /// The ClaimReviews' `datePublished`, ISO 8601.
    public var reviewDate: String

    /// Creates options.
    public init(claimReviewAuthor: String = "Psephos", reviewDate: String) {
      self.claimReviewAuthor = claimReviewAuthor
      self.reviewDate = reviewDate
    }
  }

  /// The report the files show.
  public var report: CorpusReport
  /// The writers' options.
  public var options: Options

  /// Creates the set for a report.
  public init(_ report: CorpusReport, options: Options) {
    self.report = report
    self.options = options
  }

  /// One report's bytes, written by `ReportSetWriter` into memory.
  ///
  /// Complexity: that of the report's writer, about linear in the output.
  public func bytes(of kind: Report) -> [UInt8] {
    ReportSetWriter.bytes(of: kind, report: report, options: options)
  }

  /// Writes every report into `folder` (created if needed) and returns their paths, with a
  /// `ReportSetWriter`.
  ///
  /// Each file is first written under a hidden temporary name in the same folder (created
  /// exclusively, so an existing file or link there is never followed) and renamed over its
  /// final name only once every file has been written, so a failure leaves each report either
  /// as it was or whole. A link at a final name is replaced, not followed.
  public func write(into folder: String) throws(ReportWriteError) -> [String] {
    let writer = try ReportSetWriter(folder: folder, options: options, coverage: report.coverage)
    for document in report.documents { try writer.add(document) }
    return try writer.finish(errors: report.errors)
  }
}

/// A report file that could not be written.
public struct ReportWriteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file or folder.
  public var path: String
  /// What went wrong.
  public var reason: String

  /// Creates an error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `path: error: reason`.
  public var description: String { "\(path): error: \(reason)" }
}
