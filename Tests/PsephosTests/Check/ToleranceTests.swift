import Testing

@testable import Psephos

/// The rules of `Tolerance`, one row per form of a stated figure.
@Suite struct ToleranceTests {
  private func figure(
    _ value: String, hedge: Figure.Hedge? = nil, unit: String? = "votes", vague: Bool = false,
    bounds: (String, String)? = nil
  ) -> Figure {
    Figure(
      range: ByteRange(0, 0), value: ExactDecimal(value)!, unit: unit, kind: .count, hedge: hedge,
      isVague: vague,
      bounds: bounds.map { Figure.Bounds(lower: ExactDecimal($0.0)!, upper: ExactDecimal($0.1)!) })
  }

  private func rating(_ figure: Figure, _ value: String) -> Verdict.Rating {
    Tolerance.compare(stated: figure.value, figure: figure, with: ExactDecimal(value)!).rating
  }

  @Test(arguments: [
    // Exact at the stated step.
    ("994,614", nil as Figure.Hedge?, "994614", Verdict.Rating.accurate),
    ("1,545,080", nil, "1545048", .inaccurate),  // four or more significant digits: exact
    ("44.2", nil, "44.23", .accurate),  // equal at one decimal
    ("44.2", nil, "44.29", .accurateRounded),  // truncated, not rounded
    ("44.2", nil, "44.31", .inaccurate),
    // Round numbers: rounded or truncated at the round step.
    ("238,000", nil, "238772", .accurateRounded),  // truncated to the thousand
    ("239,000", nil, "238772", .accurateRounded),  // rounded to the thousand
    ("237,000", nil, "238772", .inaccurate),
    ("60", nil, "62.00", .accurateRounded),  // rounded to the nearest ten
    ("60", nil, "66.00", .inaccurate),
    ("60,000", nil, "60000", .accurate),
    // Hedges.
    ("1,000", .exactly, "1001", .inaccurate),
    ("60,000", .only, "60197", .accurateRounded),
    ("240,000", .around, "238772", .accurateRounded),
    ("250,000", .about, "238772", .accurateRounded),  // within 5%
    ("300,000", .about, "238772", .inaccurate),
    ("240,000", .almost, "238772", .accurateRounded),
    ("238,000", .almost, "238772", .inaccurate),  // above the figure
    ("238,000", .justOver, "238772", .accurateRounded),
    ("200,000", .moreThan, "238772", .accurateRounded),
    ("300,000", .moreThan, "238772", .inaccurate),
    ("238,772", .atLeast, "238772", .accurateRounded),
    ("300,000", .lessThan, "238772", .accurateRounded),
    ("238,772", .upTo, "238772", .accurateRounded),
    ("200,000", .under, "238772", .inaccurate),
  ])
  func appliesTheRuleOfEachForm(
    stated: String, hedge: Figure.Hedge?, value: String, expected: Verdict.Rating
  ) {
    #expect(rating(figure(stated, hedge: hedge), value) == expected)
  }

  @Test func acceptsARangeWithItsEnds() {
    let range = figure("20", unit: "seats", bounds: ("20", "30"))
    #expect(rating(range, "30") == .accurateRounded)
    #expect(rating(range, "31") == .inaccurate)
  }

  @Test func readsAVagueQuantityAsAnOrderOfMagnitude() {
    let hundreds = figure("100", vague: true)
    #expect(rating(hundreds, "850") == .accurateRounded)
    #expect(rating(hundreds, "1200") == .inaccurate)
  }

  @Test func comparesAFractionWithinFivePoints() {
    let twoThirds = figure("0.666666666666666667", unit: "fraction")
    let stated = ExactDecimal("66.67")!
    #expect(
      Tolerance.compare(stated: stated, figure: twoThirds, with: ExactDecimal("62")!).rating
        == .accurateRounded)
    #expect(
      Tolerance.compare(stated: stated, figure: twoThirds, with: ExactDecimal("60")!).rating
        == .inaccurate)
  }

  @Test func saysWhichRoundingMatched() {
    let truncated = Tolerance.compare(
      stated: ExactDecimal("238,000")!, figure: figure("238,000"), with: ExactDecimal(238_772))
    #expect(
      truncated.note == "238,772 truncated to the thousand, not rounded (rounding gives 239,000)")
    let rounded = Tolerance.compare(
      stated: ExactDecimal("60,000")!, figure: figure("60,000"), with: ExactDecimal(60_197))
    #expect(rounded.note == "60,197 rounded to the nearest 10,000 (and truncates to it)")
  }

  @Test(arguments: [
    ("238,000", 3), ("60,000", 4), ("60", 1), ("1,545,080", 0), ("823", 0), ("44.2", -1),
  ])
  func readsTheRoundStepFromSignificantDigits(stated: String, exponent: Int) {
    let value = ExactDecimal(stated)!
    #expect(Tolerance.roundStep(of: figure(stated), stated: value).exponent == exponent)
  }
}
