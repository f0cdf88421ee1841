/// How the readable reports (HTML, Markdown, CSV, ClaimReview) name, mark and quote a checked
/// claim, in one place, so a claim with a figure and one without ("Labour lost control in
/// Dudley") go through the same code in every writer.
extension CheckedClaim {
  /// The words a report marks in the text and names the claim by: its figure ("994,614"), or
  /// for a claim without one the words that make it ("losing Worcester to No Overall Control").
  var markedRange: ByteRange { claim.figure?.range ?? claim.keyRange }

  /// Subject, measure and election, those known, in that order: what a report says the claim
  /// is about ("Labour Party", "council-control", "local-2016").
  var about: [String] {
    [claim.subject?.canonical, claim.measure.rawValue, verdict.election].compactMap { $0 }
  }

  /// The speaker the text gives the claim to, without whose report it came through.
  var attributedTo: String? { claim.attribution?.speaker }

  /// What the text claims, as a reader says it: the figure's value with its unit ("41,230
  /// votes"), or for a claim about council control what happened ("Labour Party lost control
  /// of Dudley"); nil when there is neither.
  var claimedDescription: String? {
    if let figure = claim.figure { return ReportNumber.valueWithUnit(of: figure) }
    guard let control = claim.control else { return nil }
    let place = claim.election.place
    let happened =
      switch control {
      case .lost: "lost control" + (place.map { " of " + $0 } ?? "")
      case .gained: "gained control" + (place.map { " of " + $0 } ?? "")
      case .held: place.map { "held " + $0 } ?? "held control"
      case .won: "won" + (place.map { " " + $0 } ?? "")
      }
    return [claim.subject?.canonical, happened].compactMap { $0 }.joined(separator: " ")
  }

  /// The data's answer in words, for a claim without a figure ("NOC gain from Labour"); nil
  /// for a claim with one, whose answer the reports give as a value in its unit.
  var expectedWords: String? { claim.figure == nil ? verdict.expectedText : nil }

  /// What the results give for the claim, as a reader says it: the expected value, in the
  /// figure's unit when `inUnit` ("37.6%", "5,210 votes") and bare otherwise ("37.6"), or
  /// `expectedWords`; nil when the data gives nothing to set beside the claim.
  func expectedDescription(inUnit: Bool) -> String? {
    guard let expected = verdict.expected else { return expectedWords }
    if inUnit, let figure = claim.figure { return ReportNumber.expected(expected, for: figure) }
    return ReportNumber.grouped(expected)
  }
}

extension Verdict.Rating {
  /// Whether the claim was checked against results (every rating but `notElectionResult`).
  public var isChecked: Bool { self != .notElectionResult }
}
