extension ReportDocument {
  /// The report view of an analysis: the one place that reads the pipeline's claims for the
  /// reports. Entities and themes come straight from the analysis.
  ///
  /// Claims: empty until claims with verdicts and evidence reach `DocumentAnalysis`.
  ///
  /// Complexity: O(claims).
  public init(_ analysis: DocumentAnalysis) {
    self.init(analysis: analysis, claims: [])
  }

  /// Which stages this build's pipeline runs, so a report can tell "none found" from "not
  /// looked for". Set `claims` to true when `init(_:)` maps the pipeline's claims.
  public static let pipelineCoverage = CorpusReport.Coverage(
    entities: true, claims: false, themes: true)
}
