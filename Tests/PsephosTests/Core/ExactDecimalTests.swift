import Testing

@testable import Psephos

@Suite struct ExactDecimalTests {
  @Test(arguments: [
    ("46.5", 465, 1), ("46.50", 4650, 2), ("-405", -405, 0), ("+823", 823, 0),
    ("1,059,897", 1_059_897, 0), ("1,234.56", 123_456, 2), (".5", 5, 1), ("46.5%", 465, 1),
    (" 7 ", 7, 0), ("\u{2212}13", -13, 0), ("0.05", 5, 2),
  ])
  func parsesMantissaAndScale(text: String, mantissa: Int, scale: Int) throws {
    let value = try #require(ExactDecimal(text))
    #expect(value.mantissa == mantissa)
    #expect(value.scale == scale)
  }

  @Test(arguments: [
    "", "-", "12,4x", "12,34", "1234,567", ",123", "1,", "5.", "1.2.3", "1,234,56", "abc", "4 5",
    "1e5", "99999999999999999999",
  ])
  func rejectsTextThatIsNotAPlainNumber(text: String) {
    #expect(ExactDecimal(text) == nil)
  }

  @Test func equalityAndHashingAreNumericWhateverTheScale() {
    let a = ExactDecimal("46.5")!
    let b = ExactDecimal("46.50")!
    #expect(a == b)
    #expect(Set([a, b]).count == 1)
    #expect(a != ExactDecimal("46.51")!)
  }

  @Test func ordersByValue() {
    #expect(ExactDecimal("9.95")! < ExactDecimal("10")!)
    #expect(ExactDecimal("-0.5")! < .zero)
  }

  @Test func addsAndSubtractsExactlyAtTheLargerScale() {
    let sum = ExactDecimal("0.1")! + ExactDecimal("0.2")!
    #expect(sum == ExactDecimal("0.3")!)
    #expect(sum.description == "0.3")
    let difference = ExactDecimal("100")! - ExactDecimal("99.99")!
    #expect(difference.description == "0.01")
  }

  @Test(arguments: [
    ("46.50", "46.50"), ("-405", "-405"), ("0.05", "0.05"), ("-0.5", "-0.5"), (".5", "0.5"),
  ])
  func describesWithTheWrittenNumberOfDecimals(text: String, expected: String) {
    #expect(ExactDecimal(text)!.description == expected)
  }

  @Test func roundsHalfAwayFromZero() {
    #expect(ExactDecimal("44.235")!.rounded(toScale: 2).description == "44.24")
    #expect(ExactDecimal("-44.235")!.rounded(toScale: 2).description == "-44.24")
    #expect(ExactDecimal("44.234")!.rounded(toScale: 1).description == "44.2")
    #expect(ExactDecimal("44.2")!.rounded(toScale: 2).description == "44.20")
  }

  @Test func givesAnIntegerOnlyWhenThereIsNoFraction() {
    #expect(ExactDecimal("1234.00")!.integerValue == 1234)
    #expect(ExactDecimal("1234.5")!.integerValue == nil)
  }
}

@Suite struct ExactDecimalArithmeticTests {
  @Test(arguments: [
    (UInt64(236), -2, false, "2.36"), (236, 4, false, "2360000"), (5, 0, true, "-5"),
    (50, -2, false, "0.50"), (0, 30, false, "0"), (1_000, -20, false, "0.000000000000000010"),
  ])
  func buildsFromASignificandAndAPowerOfTen(
    significand: UInt64, exponent: Int, negative: Bool, expected: String
  ) throws {
    let value = try #require(
      ExactDecimal(significand: significand, exponent: exponent, isNegative: negative))
    #expect(value.description == expected)
  }

  @Test func refusesValuesThatDoNotFit() {
    #expect(ExactDecimal(significand: UInt64.max, exponent: 0) == nil)
    #expect(ExactDecimal(significand: 1, exponent: 19) == nil)
    #expect(ExactDecimal(significand: 1, exponent: -19) == nil)
  }

  @Test(arguments: [
    ("1", "3", 18, "0.333333333333333333"), ("2", "3", 18, "0.666666666666666667"),
    ("1", "4", 4, "0.2500"), ("-2", "3", 2, "-0.67"), ("100", "8", 0, "13"),
    ("1.5", "0.25", 1, "6.0"), ("1", "0.003", 3, "333.333"),
  ])
  func dividesRoundingHalfAwayFromZeroAtTheScaleAsked(
    numerator: String, denominator: String, scale: Int, expected: String
  ) throws {
    let quotient = try #require(
      ExactDecimal.quotient(ExactDecimal(numerator)!, ExactDecimal(denominator)!, scale: scale))
    #expect(quotient.description == expected)
  }

  @Test func dividesLargeVoteCountsThroughWideIntermediates() throws {
    // 9,347,273 × 10^18 overflows Int; the quotient does not.
    let share = try #require(
      ExactDecimal.quotient(ExactDecimal(9_347_273), ExactDecimal(30_697_525), scale: 18))
    #expect(share.rounded(toScale: 4).description == "0.3045")
    #expect(ExactDecimal.quotient(1, 0, scale: 2) == nil)
  }

  @Test(arguments: [
    ("238772", FloatingPointRoundingRule.towardZero, 3, "238000"),
    ("238772", .toNearestOrAwayFromZero, 3, "239000"),
    ("238772", .up, 3, "239000"), ("-238772", .down, 3, "-239000"),
    ("62.00", .toNearestOrAwayFromZero, 1, "60"), ("44.235", .toNearestOrEven, -2, "44.24"),
    ("44.225", .toNearestOrEven, -2, "44.22"), ("44.2", .towardZero, -2, "44.20"),
    ("1500", .awayFromZero, 3, "2000"),
  ])
  func roundsToAPowerOfTenByRule(
    text: String, rule: FloatingPointRoundingRule, exponent: Int, expected: String
  ) {
    #expect(ExactDecimal(text)!.rounded(rule, toPowerOfTen: exponent).description == expected)
  }

  @Test func shiftsThePointExactly() {
    #expect(ExactDecimal("2.36")!.shifted(byPowerOfTen: 6)?.description == "2360000")
    #expect(ExactDecimal("50")!.shifted(byPowerOfTen: -2)?.description == "0.50")
    #expect(ExactDecimal("0.5")!.shifted(byPowerOfTen: -18) == nil)
    #expect(ExactDecimal("46.50")!.trimmingTrailingZeros().description == "46.5")
    #expect((-ExactDecimal("2.5")!).description == "-2.5")
    #expect(ExactDecimal("-2.5")!.magnitude.description == "2.5")
  }

  @Test(arguments: [
    ("0", "0"), ("405", "405"), ("1000", "1,000"), ("-405", "-405"), ("-2360000", "-2,360,000"),
    ("1234567", "1,234,567"), ("44.23", "44.23"), ("12345.678", "12,345.678"),
    ("-1000.5", "-1,000.5"),
  ])
  func groupsThousandsOfTheWholePartOnly(written: String, grouped: String) {
    #expect(ExactDecimal(written)!.grouped == grouped)
  }
}
