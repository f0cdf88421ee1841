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
