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

  /// One report's bytes.
  ///
  /// Complexity: that of the report's writer, about linear in the output.
  public func bytes(of kind: Report) -> [UInt8] {
    switch kind {
    case .json: report.json()
    case .jsonLines: report.jsonLines()
    case .csv(let table): Array(CSVReportWriter().write(table, of: report).utf8)
    case .markdown: Array(MarkdownReportWriter().write(report).utf8)
    case .html: Array(HTMLReportWriter().write(report).utf8)
    case .claimReview:
      ClaimReviewWriter(author: options.claimReviewAuthor, datePublished: options.reviewDate)
        .write(report)
    }
  }

  /// Writes every report into `folder` (created if needed) and returns their paths.
  ///
  /// Each file is first written under a hidden temporary name in the same folder (created
  /// exclusively, so an existing file or link there is never followed) and renamed over its
  /// final name only once every file has been written, so a failure leaves each report either
  /// as it was or whole. A link at a final name is replaced, not followed.
  public func write(into folder: String) throws(ReportWriteError) -> [String] {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ReportWriteError(path: folder, reason: "cannot create folder: \(Self.reason(error))")
    }
    let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    var pending: [(temporary: String, final: String)] = []
    defer { for file in pending { unlink(file.temporary) } }
    for kind in Report.all {
      let name = kind.fileName
      precondition(
        !name.contains("/") && !name.hasPrefix("."), "report file names are plain: \(name)")
      let final = (folder as NSString).appendingPathComponent(name)
      let temporary = (folder as NSString).appendingPathComponent(".\(name).\(token).tmp")
      do {
        try Data(bytes(of: kind)).write(
          to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)
      } catch {
        throw ReportWriteError(path: final, reason: "cannot write: \(Self.reason(error))")
      }
      pending.append((temporary, final))
    }
    var written: [String] = []
    while let file = pending.first {
      guard rename(file.temporary, file.final) == 0 else {
        let reason = String(cString: strerror(errno))
        throw ReportWriteError(path: file.final, reason: "cannot replace: \(reason)")
      }
      pending.removeFirst()
      written.append(file.final)
    }
    return written
  }

  private static func reason(_ error: any Error) -> String {
    (error as NSError).localizedFailureReason ?? error.localizedDescription
  }
}

/// A report file that could not be written.
public struct ReportWriteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file or folder.
  public var path: String
  /// What went wrong.
  public var reason: String

  /// `path: error: reason`.
  public var description: String { "\(path): error: \(reason)" }
}
