/// Writes checked claims as readable text: one block per claim with its verdict, figure,
/// subject, measure, election, expected value, evidence and explanation.
///
/// ```
/// [accurate-rounded] Goldsmith (994,614) got 238,000 fewer votes than the Conservatives
///   at 2552–2618 · figure 238,000 (difference, votes) · subject Zac Goldsmith
///   measure votes (difference) · compared with Conservative Party
///   election london-mayor-2016 vs uk-general-2015 (inferred) · count final round (...)
///   expected 238,772
///   evidence:
///     Corpus/results/london_mayor_2000_2016.csv:61  994,614  Zac Goldsmith (...): 994,614 votes
///   238,000 is consistent with ...
/// ```
public struct CheckReportWriter: Sendable {
  /// Creates a writer.
  public init() {}

  /// The block of one document: a heading, then each claim.
  public func text(_ document: Document, _ claims: [CheckedClaim]) -> String {
    let counts = Dictionary(grouping: claims, by: \.verdict.rating).mapValues(\.count)
    let summary = Verdict.Rating.allCases.compactMap { rating in
      counts[rating].map { "\($0) \(rating.rawValue)" }
    }.joined(separator: ", ")
    var out = "== \(document.id): \(claims.count) claim\(claims.count == 1 ? "" : "s")"
    out += summary.isEmpty ? "\n" : " (\(summary))\n"
    for checked in claims {
      out += "\n" + block(checked, in: document.text)
    }
    return out
  }

  /// One claim's block.
  public func block(_ checked: CheckedClaim, in text: SourceText) -> String {
    let claim = checked.claim
    let verdict = checked.verdict
    let points = text.codePointRange(claim.keyRange)
    var lines: [String] = []
    lines.append("[\(verdict.rating.rawValue)] \(oneLine(text.string(claim.keyRange)))")
    var facts = ["at \(points.lowerBound)–\(points.upperBound)"]
    if let figure = claim.figure {
      facts.append(
        "figure \(oneLine(text.string(figure.range))) (\(figure.kind.rawValue)\(figure.unit.map { ", \($0)" } ?? "")\(figure.hedge.map { ", \($0.rawValue)" } ?? ""))"
      )
    }
    facts.append("subject \(claim.subject?.canonical ?? "?")")
    lines.append("  " + facts.joined(separator: " · "))
    var measure = [
      "measure \(claim.measure.rawValue)\(claim.role == .value ? "" : " (\(claim.role.rawValue))")"
    ]
    if claim.category != .electionResult { measure.append("category \(claim.category.rawValue)") }
    if let comparison = claim.comparedWith {
      measure.append(
        "compared with \(comparison.entity?.canonical ?? oneLine(text.string(comparison.range)))")
    }
    if let attribution = claim.attribution { measure.append("said by \(attribution.description)") }
    lines.append("  " + measure.joined(separator: " · "))
    if claim.category == .electionResult {
      var election = "election "
      if let id = verdict.election {
        election += id
        if let other = verdict.comparedElection, other != id { election += " vs \(other)" }
        if verdict.isElectionInferred { election += " (inferred)" }
      } else {
        election += claim.election.summary
      }
      if let count = verdict.count { election += " · count \(count)" }
      lines.append("  " + election)
    }
    if let expected = verdict.expected {
      lines.append("  expected \(expected.grouped)")
    } else if let expected = verdict.expectedText {
      lines.append("  expected \(expected)")
    }
    if !verdict.evidence.isEmpty {
      lines.append("  evidence:")
      for step in verdict.evidence {
        let value: String
        switch step.value {
        case .number(let number): value = number.grouped
        case .text(let words): value = words
        }
        lines.append("    \(step.source)  \(value)  \(step.arithmetic)")
      }
    }
    lines.append("  " + verdict.explanation)
    return lines.joined(separator: "\n") + "\n"
  }

  private func oneLine(_ string: String) -> String {
    string.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
