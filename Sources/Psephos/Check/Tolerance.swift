/// How closely a stated figure must agree with the data, given how it is written and hedged.
///
/// Two precisions are read from the figure as written:
/// - the *stated step* is one unit of its last written decimal: 1 for "994,614", 0.1 for
///   "44.2%", 0.01 for "62.00";
/// - the *round step* applies to a whole number with at most three significant digits and
///   trailing zeros, or one written with a scale word: 1,000 for "238,000", 10,000 for "60,000",
///   10 for "60 per cent", 100,000 for "1.3 million". A number with four or more significant
///   digits ("1,545,080") is read as exact.
///
/// | Stated as | `accurate` when | `accurate-rounded` when |
/// |---|---|---|
/// | a number, no hedge ("994,614", "44.2%") | the value rounded half away from zero to the stated step equals it | the value truncated to the stated step equals it |
/// | a round number ("238,000", "60 per cent", "1.3 million") | the value equals it exactly | the value rounds (half away from zero) to it at the round step, or, with two or three significant digits ("238,000", not "60"), truncates to it; which one is said |
/// | "exactly" | the value equals it exactly | never |
/// | "only", "just" | as with no hedge | as with no hedge |
/// | "around", "about", "some", "roughly", "approximately", "circa", "close to" | never | the value rounds to it at the round step, or is within 5% of it |
/// | "almost", "nearly", "just under" | never | the value is at most the figure and at least the figure less one round step (or 10%, whichever is larger) |
/// | "just over" | never | the value is above the figure by at most one round step (or 10%) |
/// | "more than", "over", "above", "upwards of", "well over" | never | the value is greater than the figure |
/// | "at least", "no fewer than" | never | the value is at least the figure |
/// | "less than", "under", "below", "fewer than", "well under" | never | the value is less than the figure |
/// | "at most", "no more than", "up to", "as many as" | never | the value is at most the figure |
/// | a range ("between 20 and 30", "3–4") | never | the value lies within the range, ends included |
/// | vague ("hundreds of", "thousands of") | never | the value is at least the figure and less than ten times it |
/// | a fraction ("two-thirds") | never | the share is within 5 percentage points of it |
///
/// Anything else is `inaccurate`, with the value, the difference and the relative error.
struct Tolerance {
  /// The outcome of comparing a stated figure with a value.
  struct Outcome: Hashable {
    /// accurate, accurate-rounded or inaccurate.
    var rating: Verdict.Rating
    /// How the figure agrees ("truncated to the thousand; rounding gives 239,000"), or nil.
    var note: String?
    /// Lower is a closer agreement: 0 exact, then the relative distance.
    var closeness: Double
  }

  /// Compares the stated `figure` (its value converted to the data's unit as `stated`) with
  /// the data's `value`.
  static func compare(stated: ExactDecimal, figure: Figure, with value: ExactDecimal) -> Outcome {
    let distance = relativeDistance(stated, value)
    let step = statedStep(stated)
    let round = roundStep(of: figure, stated: stated)
    if let bounds = figure.bounds, figure.unit != "fraction" {
      let ok = bounds.lower <= value && value <= bounds.upper
      return Outcome(
        rating: ok ? .accurateRounded : .inaccurate,
        note: ok ? "within the stated range \(bounds.lower.grouped)–\(bounds.upper.grouped)" : nil,
        closeness: distance)
    }
    if figure.isVague {
      let ok = stated <= value && value < stated.scaled(by: 10)
      return Outcome(
        rating: ok ? .accurateRounded : .inaccurate,
        note: ok ? "of the order the vague quantity implies" : nil, closeness: distance)
    }
    if figure.unit == "fraction" {
      let ok = (value - stated).magnitude <= 5
      return Outcome(
        rating: ok ? .accurateRounded : .inaccurate,
        note: ok ? "within 5 points of the fraction stated" : nil, closeness: distance)
    }
    if let hedge = figure.hedge,
      let outcome = hedged(
        hedge, stated: stated, value: value, round: round, distance: distance)
    {
      return outcome
    }
    // No bounding hedge: exact at the stated step, else rounding or truncation.
    if value.rounded(.toNearestOrAwayFromZero, toPowerOfTen: step.exponent) == stated {
      let note = value.scale > stated.scale && value != stated ? "rounds to it" : nil
      return Outcome(rating: .accurate, note: note, closeness: distance)
    }
    if round.step > step.step {
      let nearest = value.rounded(.toNearestOrAwayFromZero, toPowerOfTen: round.exponent)
      let truncated = value.rounded(.towardZero, toPowerOfTen: round.exponent)
      if nearest == stated {
        let also = truncated == stated ? " (and truncates to it)" : ""
        return Outcome(
          rating: .accurateRounded,
          note: "\(value.grouped) rounded to the nearest \(round.name)\(also)",
          closeness: distance)
      }
      if truncated == stated, round.significantDigits >= 2 {
        return Outcome(
          rating: .accurateRounded,
          note:
            "\(value.grouped) truncated to the \(round.name), not rounded (rounding gives \(nearest.grouped))",
          closeness: distance)
      }
    }
    if value.rounded(.towardZero, toPowerOfTen: step.exponent) == stated {
      return Outcome(
        rating: .accurateRounded,
        note: "\(value.grouped) truncated, not rounded, to the stated decimals",
        closeness: distance)
    }
    return Outcome(rating: .inaccurate, note: nil, closeness: distance)
  }

  /// The outcome for a bounding or approximating hedge; nil for "only", "just" and no hedge.
  private static func hedged(
    _ hedge: Figure.Hedge, stated: ExactDecimal, value: ExactDecimal, round: Step,
    distance: Double
  ) -> Outcome? {
    func bound(_ holds: Bool) -> Outcome {
      Outcome(
        rating: holds ? .accurateRounded : .inaccurate,
        note: holds ? "consistent with \"\(hedge.rawValue)\"" : nil, closeness: distance)
    }
    switch hedge {
    case .exactly:
      return Outcome(
        rating: stated == value ? .accurate : .inaccurate, note: nil, closeness: distance)
    case .around, .about, .some, .roughly, .approximately, .circa, .closeTo:
      if stated == value { return Outcome(rating: .accurateRounded, note: nil, closeness: 0) }
      if value.rounded(.toNearestOrAwayFromZero, toPowerOfTen: round.exponent) == stated {
        return Outcome(
          rating: .accurateRounded, note: "rounds to it at the nearest \(round.name)",
          closeness: distance)
      }
      let ok = (stated - value).magnitude <= value.magnitude.percent(5)
      return Outcome(
        rating: ok ? .accurateRounded : .inaccurate,
        note: ok ? "within 5% of it (\"\(hedge.rawValue)\")" : nil, closeness: distance)
    case .almost, .nearly, .justUnder:
      let margin = max(round.step, stated.magnitude.percent(10))
      let ok = value <= stated && stated - value <= margin
      return Outcome(
        rating: ok ? .accurateRounded : .inaccurate,
        note: ok ? "just below it, as \"\(hedge.rawValue)\" says" : nil, closeness: distance)
    case .justOver:
      let margin = max(round.step, stated.magnitude.percent(10))
      let ok = value > stated && value - stated <= margin
      return Outcome(
        rating: ok ? .accurateRounded : .inaccurate,
        note: ok ? "just above it, as \"just over\" says" : nil, closeness: distance)
    case .moreThan, .over, .above, .upwardsOf, .wellOver:
      return bound(value > stated)
    case .atLeast, .noFewerThan:
      return bound(value >= stated)
    case .lessThan, .under, .below, .fewerThan, .wellUnder:
      return bound(value < stated)
    case .atMost, .noMoreThan, .upTo, .asManyAs:
      return bound(value <= stated)
    case .between, .only, .just, .barely:
      return nil
    }
  }

  /// A power of ten, with its name for messages.
  struct Step {
    var exponent: Int
    var step: ExactDecimal
    /// "thousand", "10,000", "0.1".
    var name: String
    /// Significant digits of the figure at this step (238 for "238,000" is 3).
    var significantDigits = 0
  }

  /// One unit of the figure's last written decimal.
  static func statedStep(_ stated: ExactDecimal) -> Step {
    let exponent = -stated.scale
    return Step(exponent: exponent, step: power(exponent), name: name(exponent))
  }

  /// The step a round number was rounded to: the place of its last non-zero digit, for a whole
  /// number of at most three significant digits (any number written with a scale word or in
  /// words counts as round); else the stated step.
  static func roundStep(of figure: Figure, stated: ExactDecimal) -> Step {
    guard stated.isInteger, stated != 0, let integer = stated.integerValue else {
      return statedStep(stated)
    }
    var trailing = 0
    var rest = integer.magnitude
    while rest % 10 == 0 {
      rest /= 10
      trailing += 1
    }
    var significant = 0
    while rest > 0 {
      rest /= 10
      significant += 1
    }
    guard trailing > 0, significant <= 3 else { return statedStep(stated) }
    return Step(
      exponent: trailing, step: power(trailing), name: name(trailing),
      significantDigits: significant)
  }

  static func power(_ exponent: Int) -> ExactDecimal {
    ExactDecimal(significand: 1, exponent: exponent) ?? 1
  }

  static func name(_ exponent: Int) -> String {
    switch exponent {
    case 0: return "unit"
    case 1: return "ten"
    case 2: return "hundred"
    case 3: return "thousand"
    case 6: return "million"
    default: return power(exponent).grouped
    }
  }

  /// |a − b| / |b| as a `Double` (for ranking and messages only).
  static func relativeDistance(_ stated: ExactDecimal, _ value: ExactDecimal) -> Double {
    guard value != 0 else { return stated == 0 ? 0 : .infinity }
    return abs((stated - value).doubleValue) / abs(value.doubleValue)
  }
}

extension ExactDecimal {
  /// The value times a whole number, exactly (traps on overflow, like `Int`).
  func scaled(by factor: Int) -> ExactDecimal {
    ExactDecimal(mantissa: mantissa * factor, scale: scale)
  }

  /// `percent`% of the value, exactly where it can be (two more decimals).
  func percent(_ percent: Int) -> ExactDecimal {
    ExactDecimal.quotient(
      scaled(by: percent), 100, scale: Swift.min(scale + 2, ExactDecimal.maximumScale)) ?? self
  }
}

extension Int {
  /// The number with thousands separators: "1,233,386".
  var grouped: String { ExactDecimal(self).grouped }
}
