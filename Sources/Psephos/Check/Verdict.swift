/// What the results data says about one claim: a rating, the value the data gives, the
/// records and arithmetic behind it, and one readable sentence.
public struct Verdict: Hashable, Sendable {
  /// The rating, in the vocabulary of the JSON contract.
  public enum Rating: String, Hashable, Sendable, CaseIterable {
    /// Equal to the data at the precision stated.
    case accurate
    /// Consistent with the data once the stated rounding, truncation or hedge is allowed for
    /// ("238,000 fewer" against 238,772; "almost", "more than", "around").
    case accurateRounded = "accurate-rounded"
    /// Not consistent with the data: the expected value, difference and relative error say
    /// by how much.
    case inaccurate
    /// An election claim the data cannot settle: the explanation says what data would.
    case unverifiable
    /// A poll, a Commons division, a party ballot, money or a figure that is not about an
    /// election: found and listed, not checked.
    case notElectionResult = "not-election-result"
  }

  /// The rating.
  public var rating: Rating
  /// The value the data gives for the claim's figure, if it gives one.
  public var expected: ExactDecimal?
  /// The data's answer when it is not a number ("NOC gain from Labour").
  public var expectedText: String?
  /// The records used and the arithmetic done on them, in order.
  public var evidence: [Evidence]
  /// One readable sentence.
  public var explanation: String
  /// The election the check settled on (`london-mayor-2016`), if one; for a difference, the
  /// subject's side.
  public var election: String?
  /// For a difference, the election of the side compared with (`uk-general-2015`).
  public var comparedElection: String?
  /// Whether the election was found in the data rather than named by the text.
  public var isElectionInferred: Bool
  /// Which count matched, for an election with more than one ("final round (after second
  /// preferences)", "list ballot").
  public var count: String?

  /// Creates a verdict.
  public init(
    rating: Rating, expected: ExactDecimal? = nil, expectedText: String? = nil,
    evidence: [Evidence] = [], explanation: String, election: String? = nil,
    comparedElection: String? = nil, isElectionInferred: Bool = false, count: String? = nil
  ) {
    self.rating = rating
    self.expected = expected
    self.expectedText = expectedText
    self.evidence = evidence
    self.explanation = explanation
    self.election = election
    self.comparedElection = comparedElection
    self.isElectionInferred = isElectionInferred
    self.count = count
  }
}

/// One step of the evidence for a verdict: a record of the results data (its `file:line`),
/// the value read or computed, and the arithmetic as text.
public struct Evidence: Hashable, Sendable {
  /// A value read from a record or computed.
  public enum Value: Hashable, Sendable {
    /// A number.
    case number(ExactDecimal)
    /// Text, such as a council's control result.
    case text(String)
  }

  /// Where the value comes from: a record's `file:line`, or the records a computed value
  /// combines (`a.csv:60; b.csv:93`).
  public var source: String
  /// The value.
  public var value: Value
  /// What the value is and how it was computed ("1,233,386 − 994,614 = 238,772").
  public var arithmetic: String

  /// Creates an evidence step.
  public init(source: String, value: Value, arithmetic: String) {
    self.source = source
    self.value = value
    self.arithmetic = arithmetic
  }
}
