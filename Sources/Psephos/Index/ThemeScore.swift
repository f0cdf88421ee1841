/// How strongly one document is about one theme, and the words that say so.
public struct ThemeScore: Hashable, Sendable {
  /// One dictionary term found in the document.
  public struct Evidence: Hashable, Sendable {
    /// The term as written in the taxonomy ("waiting lists", "immigra*").
    public var term: String
    /// How many times it matched.
    public var count: Int
    /// The term's weight.
    public var weight: Double
    /// The first few matches (`ThemeScorer.evidenceSpanLimit`), in document order.
    public var spans: [ByteRange]

    /// Creates evidence.
    public init(term: String, count: Int, weight: Double, spans: [ByteRange]) {
      self.term = term
      self.count = count
      self.weight = weight
      self.spans = spans
    }
  }

  /// The theme's id ("health").
  public var theme: String
  /// The theme's label ("Health and the NHS").
  public var label: String
  /// Weighted matches per 1,000 words of the document.
  public var score: Double
  /// The sum of the weights of every match.
  public var weightedMatches: Double
  /// The number of matches.
  public var matches: Int
  /// The terms that matched, the heaviest contribution first (count × weight, then count,
  /// then term).
  public var evidence: [Evidence]

  /// Creates a theme score.
  public init(
    theme: String, label: String, score: Double, weightedMatches: Double, matches: Int,
    evidence: [Evidence]
  ) {
    self.theme = theme
    self.label = label
    self.score = score
    self.weightedMatches = weightedMatches
    self.matches = matches
    self.evidence = evidence
  }
}
