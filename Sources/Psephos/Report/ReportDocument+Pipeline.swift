extension ReportDocument {
  /// The report view of an analysis: the one place that reads the pipeline's entity mentions,
  /// claims and themes for the reports.
  ///
  /// - Entities: empty until the pipeline's `Mention`s reach `DocumentAnalysis`.
  /// - Claims: empty until claims with verdicts and evidence reach `DocumentAnalysis`.
  /// - Themes: empty until theme scores reach `DocumentAnalysis`.
  ///
  /// Complexity: O(mentions + claims + themes).
  public init(_ analysis: DocumentAnalysis) {
    self.init(analysis: analysis, entities: [], claims: [], themes: [])
  }

  /// Which of the later stages this build's pipeline runs, so a report can tell "none found"
  /// from "not looked for". Set each to true when `init(_:)` maps that stage's output.
  public static let pipelineCoverage = CorpusReport.Coverage(
    entities: false, claims: false, themes: false)
}
