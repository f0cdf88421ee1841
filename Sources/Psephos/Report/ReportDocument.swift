import Foundation

/// One document as the reports present it: the analysis (entities, figures, themes) plus its
/// claims with verdicts and evidence, in the shape every writer (CSV, Markdown, HTML,
/// ClaimReview) reads.
///
/// The writers read claims only through this type, so when the pipeline's claims land they
/// reach every report through one mapping, `init(_:)` in `ReportDocument+Pipeline.swift`.
/// Spans are byte ranges into `document.text`, like every other span in the pipeline.
public struct ReportDocument: Sendable {
  /// What a check concluded about a claim (DESIGN.md's verdicts, raw values as in JSON).
  public enum Verdict: String, Hashable, Sendable, CaseIterable {
    /// The figure agrees with the results.
    case accurate
    /// The figure agrees once its stated rounding or hedge is allowed for.
    case accurateRounded = "accurate-rounded"
    /// The figure disagrees with the results.
    case inaccurate
    /// An election claim the data cannot settle.
    case unverifiable
    /// A poll, a Commons division, a party ballot: found and listed, not checked.
    case notElectionResult = "not-election-result"

    /// Whether the claim was checked against results (every verdict but `notElectionResult`).
    public var isChecked: Bool { self != .notElectionResult }
  }

  /// One record and the arithmetic a verdict rests on.
  public struct Evidence: Hashable, Sendable {
    /// The record, as `file:line`.
    public var source: String
    /// The record's value, if it has one.
    public var value: ExactDecimal?
    /// The arithmetic, as text ("1,233,386 − 994,614 = 238,772").
    public var arithmetic: String

    /// Creates evidence.
    public init(source: String, value: ExactDecimal?, arithmetic: String) {
      self.source = source
      self.value = value
      self.arithmetic = arithmetic
    }
  }

  /// A figure read as a claim about an election, with its verdict and evidence.
  public struct Claim: Hashable, Sendable {
    /// The sentence or clause that makes the claim.
    public var range: ByteRange
    /// The figure the claim is about.
    public var figure: Figure
    /// Whose figure it is ("Zac Goldsmith", "Labour"), where known.
    public var subject: String?
    /// What the figure measures (votes, seats, share), where known.
    public var measure: String?
    /// The election's id, where known.
    public var election: String?
    /// Who the text says made the claim, where it says.
    public var attributedTo: String?
    /// The verdict.
    public var verdict: Verdict
    /// The value the results give, if any.
    public var expected: ExactDecimal?
    /// The records and arithmetic behind the verdict.
    public var evidence: [Evidence]
    /// The verdict in a sentence.
    public var explanation: String

    /// Creates a claim.
    public init(
      range: ByteRange, figure: Figure, subject: String? = nil, measure: String? = nil,
      election: String? = nil, attributedTo: String? = nil, verdict: Verdict,
      expected: ExactDecimal? = nil, evidence: [Evidence] = [], explanation: String
    ) {
      self.range = range
      self.figure = figure
      self.subject = subject
      self.measure = measure
      self.election = election
      self.attributedTo = attributedTo
      self.verdict = verdict
      self.expected = expected
      self.evidence = evidence
      self.explanation = explanation
    }
  }

  /// Everything the pipeline found in the document.
  public var analysis: DocumentAnalysis
  /// Claims, in text order.
  public var claims: [Claim]

  /// Creates a report document from an analysis and its checked claims.
  public init(analysis: DocumentAnalysis, claims: [Claim]) {
    self.analysis = analysis
    self.claims = claims
  }

  /// The document as read.
  public var document: Document { analysis.document }
  /// Its figures, in text order.
  public var figures: [Figure] { analysis.figures }
  /// Its entity mentions, in text order.
  public var entities: [Mention] { analysis.mentions }
  /// Its themes, strongest first.
  public var themes: [ThemeScore] { analysis.themes }
  /// The title where known, else the id: what a reader sees as the document's name.
  public var displayTitle: String {
    if let title = document.metadata.title, !title.isEmpty { return title }
    return document.id
  }
}
