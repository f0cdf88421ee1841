import Foundation

/// A number an article cites, read exactly: "238,000 fewer votes than the Conservatives" is a
/// difference of 238000 votes, direction fewer, compared with "than the Conservatives".
///
/// `range` follows the gold convention: the number plus a unit or counted noun that follows it
/// directly ("eight years", "60 per cent", "823 councillors", "£2.36m"); the numeral alone when a
/// comparative or a bracket comes between ("238,000 fewer", "(994,614)"); hedges left outside.
public struct Figure: Hashable, Sendable {
  /// What a figure measures.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// A number of things: votes, seats, people, elections.
    case count
    /// A share: "60 per cent", "66.1%", "two-thirds", "4.5 points".
    case percentage
    /// A year or decade: "2016", "the 1980s".
    case year
    /// A length of time: "eight years", "six months".
    case duration
    /// A change or a gap: "238,000 fewer", "lost 405 seats", "a majority of 5,907", "up 3 points".
    case difference
    /// A rank: "3rd", "came second".
    case ordinal
    /// An amount of money, in whole units of its currency: "£2.36m" is 2360000 GBP.
    case money
  }

  /// A word that bounds or softens a figure; the raw value is the words as written, lower case.
  ///
  /// `Hedge.some` ("some 300 councillors") shares its name with `Optional.some`: compare an
  /// optional hedge with `Figure.Hedge.some`, not `.some`.
  public enum Hedge: String, Hashable, Sendable, CaseIterable {
    case almost, nearly, around, about, some, roughly, approximately, circa, only, just, barely
    case exactly, over, under, above, below, between
    case justUnder = "just under"
    case justOver = "just over"
    case wellOver = "well over"
    case wellUnder = "well under"
    case moreThan = "more than"
    case lessThan = "less than"
    case fewerThan = "fewer than"
    case noMoreThan = "no more than"
    case noFewerThan = "no fewer than"
    case atLeast = "at least"
    case atMost = "at most"
    case upTo = "up to"
    case upwardsOf = "upwards of"
    case asManyAs = "as many as"
    case closeTo = "close to"
  }

  /// Which way a difference goes.
  public enum Direction: String, Hashable, Sendable, CaseIterable {
    /// Fewer than the comparison, or behind it: "238,000 fewer", "5 points behind".
    case fewer
    /// More than the comparison, or ahead of it: "20 more seats", "won by 2,000 votes".
    case more
    /// A rise: "up 3 points", "rose by 5%", "+3".
    case up
    /// A fall: "down 2", "fell 15 points", "–5".
    case down
    /// A gain: "gained 823 councillors", "a net gain of 64 seats".
    case gained
    /// A loss: "lost 405 seats", "a loss of 20 seats".
    case lost
  }

  /// The two ends of a range ("3–4", "between 20 and 30 seats", "2015-16").
  public struct Bounds: Hashable, Sendable {
    /// The lower end, as written first.
    public var lower: Decimal
    /// The upper end.
    public var upper: Decimal

    /// Creates bounds.
    public init(lower: Decimal, upper: Decimal) {
      self.lower = lower
      self.upper = upper
    }
  }

  /// The figure's bytes: the number with its currency sign and directly following unit.
  public var range: ByteRange
  /// The exact value (for a range, its lower end), in whole units: 994614, 60 for 60%, 2016.
  public var value: Decimal
  /// The unit: votes, seats, councillors, percent, points, years, year, count, GBP, USD, EUR, ...
  public var unit: String?
  /// What the figure measures.
  public var kind: Kind
  /// The hedge or bound before it ("almost", "more than"), if any.
  public var hedge: Hedge?
  /// Whether the quantity is vague by nature ("hundreds of", "thousands of"): the value is only
  /// its order of magnitude.
  public var isVague: Bool
  /// For a range, both ends.
  public var bounds: Bounds?
  /// For a difference, which way it goes, where the text says.
  public var direction: Direction?
  /// For a comparison, the words naming what it is compared with ("than the Conservatives").
  public var comparison: ByteRange?
  /// What the number is a value of, when a word before or after names it: majority, lead,
  /// margin, gap, swing, turnout, share, deficit.
  public var measure: String?

  /// Creates a figure.
  public init(
    range: ByteRange, value: Decimal, unit: String?, kind: Kind, hedge: Hedge? = nil,
    isVague: Bool = false, bounds: Bounds? = nil, direction: Direction? = nil,
    comparison: ByteRange? = nil, measure: String? = nil
  ) {
    self.range = range
    self.value = value
    self.unit = unit
    self.kind = kind
    self.hedge = hedge
    self.isVague = isVague
    self.bounds = bounds
    self.direction = direction
    self.comparison = comparison
    self.measure = measure
  }
}

extension Decimal {
  /// The exact decimal `significand × 10^exponent`, built without floating point.
  init(significand: UInt64, exponent: Int, isNegative: Bool = false) {
    self.init(
      sign: isNegative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
  }
}
