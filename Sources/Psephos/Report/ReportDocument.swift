import Foundation

/// One document as the reports present it: the pipeline's analysis (entities, figures,
/// themes, findings) and its checked claims, with the names every writer (CSV, Markdown, HTML,
/// ClaimReview) reads them by.
///
/// The claims are the analysis's own `CheckedClaim`s, so every report shows the same claims as
/// `report.json`, `documents.jsonl` and `psephos check`, those without a figure ("Labour lost
/// control in Dudley") included. How a report names, marks and quotes a claim is in
/// `CheckedClaim+Report.swift`. Spans are byte ranges into `document.text`, like every other
/// span in the pipeline.
public struct ReportDocument: Sendable {
  /// Everything the pipeline found in the document.
  public var analysis: DocumentAnalysis

  /// The report view of an analysis.
  public init(_ analysis: DocumentAnalysis) {
    self.analysis = analysis
  }

  /// The document as read.
  public var document: Document { analysis.document }
  /// Its figures, in text order.
  public var figures: [Figure] { analysis.figures }
  /// Its entity mentions, in text order.
  public var entities: [Mention] { analysis.mentions }
  /// Its claims with their verdicts, in text order.
  public var claims: [CheckedClaim] { analysis.claims }
  /// Its themes, strongest first.
  public var themes: [ThemeScore] { analysis.themes }
  /// The title where known, else the id: what a reader sees as the document's name.
  public var displayTitle: String {
    if let title = document.metadata.title, !title.isEmpty { return title }
    return document.id
  }

  /// Which stages this build's pipeline runs, so a report can tell "none found" from "not
  /// looked for".
  public static let pipelineCoverage = CorpusReport.Coverage(
    entities: true, claims: true, themes: true)
}
