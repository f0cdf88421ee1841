extension ReportDocument {
  /// The report view of an analysis: the one place that reads the pipeline's checked claims
  /// for the reports. Entities and themes come straight from the analysis.
  ///
  /// A claim without a figure ("Labour lost control in Dudley") is left out of these views:
  /// they mark claims on their figures. `report.json`, `documents.jsonl` and `psephos check`
  /// carry every claim.
  ///
  /// Complexity: O(claims).
  public init(_ analysis: DocumentAnalysis) {
    let claims = analysis.claims.compactMap { checked -> Claim? in
      let claim = checked.claim
      let verdict = checked.verdict
      guard let figure = claim.figure,
        let rating = ReportDocument.Verdict(rawValue: verdict.rating.rawValue)
      else { return nil }
      return Claim(
        range: claim.range, figure: figure, subject: claim.subject?.canonical,
        measure: claim.measure.rawValue, election: verdict.election,
        attributedTo: claim.attribution?.speaker, verdict: rating, expected: verdict.expected,
        evidence: verdict.evidence.map { item in
          var value: ExactDecimal?
          if case .number(let number) = item.value { value = number }
          return Evidence(source: item.source, value: value, arithmetic: item.arithmetic)
        },
        explanation: verdict.explanation)
    }
    self.init(analysis: analysis, claims: claims)
  }

  /// Which stages this build's pipeline runs, so a report can tell "none found" from "not
  /// looked for".
  public static let pipelineCoverage = CorpusReport.Coverage(
    entities: true, claims: true, themes: true)
}
