import Testing

@testable import Psephos

/// Inputs the fuzzers (Tests/Fuzz) or a review for input-driven blow-ups found, kept as bytes.
@Suite struct ResultsRegressionTests {
  /// Review: comparing two values aligned them to the larger scale, which overflowed `Int`
  /// and trapped when the one with fewer decimals was large enough (`100` against a value with
  /// 17 decimals): the validator's 0...100 check crashed on `share_pct` 0.00000000000000001.
  @Test func comparesValuesWhoseCommonScaleWouldOverflow() {
    let tiny = ExactDecimal(mantissa: 1, scale: 17)
    let hundred = ExactDecimal(100)
    #expect(tiny < hundred)
    #expect(!(hundred < tiny))
    #expect(tiny != hundred)
    #expect(ExactDecimal(-100) < ExactDecimal(mantissa: -1, scale: 18))
    #expect(ExactDecimal(mantissa: -1, scale: 18) > ExactDecimal(-100))
    #expect(ExactDecimal(Int.max) > ExactDecimal(mantissa: Int.max, scale: 18))
    #expect(ExactDecimal(mantissa: 5_000_000_000_000_000_000, scale: 18) == ExactDecimal(5))
  }

  /// Review: a contest's shares are summed and compared with 100 plus a rounding tolerance one
  /// decimal finer than the shares, exactly; with 17 decimals that overflowed `Int` and
  /// trapped. Percentages may now have at most nine decimals, an error otherwise.
  @Test(arguments: [
    // share_pct 0.00000000000000001
    Array("election_id,area_name,party,share_pct\ne,a,Lab,0.00000000000000001\n".utf8),
    // two shares of 50 with 16 decimals
    Array(
      ("election_id,area_name,party,share_pct\ne,a,Lab,50.0000000000000000\n"
        + "e,a,Con,50.0000000000000000\n").utf8),
    // turnout_pct 1.0000000000
    Array("election_id,area_name,party,votes,turnout_pct\ne,a,Lab,5,1.0000000000\n".utf8),
  ])
  func rejectsPercentagesWithMoreThanNineDecimals(csv: [UInt8]) {
    let validation = ResultsValidator().validate(csv, file: "r.csv")
    #expect(validation.records.isEmpty)
    #expect(validation.hasErrors)
    #expect(
      validation.diagnostics.contains {
        $0.severity == .error && $0.line == 2 && $0.message.hasSuffix("more than 9 decimal places")
      })
  }

  @Test func stillAcceptsPercentagesWithNineDecimals() {
    let csv = Array(
      ("election_id,area_name,party,share_pct\ne,a,Lab,50.000000001\ne,a,Con,49.999999999\n").utf8)
    let validation = ResultsValidator().validate(csv, file: "r.csv")
    #expect(!validation.hasErrors)
    #expect(validation.records.map(\.share?.scale) == [9, 9])
  }
}
