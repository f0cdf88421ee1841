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

  /// Review: each row was compared with every earlier row of the same election, area, round
  /// and party, so rows sharing one key were quadratic (8,000 rows: 80 s under the fuzzer's
  /// sanitizers). Not a speed test: without the fix this takes many minutes.
  @Test(.timeLimit(.minutes(1))) func checksManyRowsWithOneKeyInLinearTime() {
    var csv = Array("election_id,area_name,party,votes\n".utf8)
    for votes in 0..<20_000 { csv += Array("e,a,Lab,\(votes)\n".utf8) }
    let validation = ResultsValidator().validate(csv, file: "r.csv")
    let conflicts = validation.diagnostics.filter { $0.message.hasPrefix("conflicting votes") }
    #expect(conflicts.count == 19_999)
    #expect(conflicts.allSatisfy { $0.message.hasSuffix("here, 0 at r.csv:2") })
    #expect(validation.records.count == 20_000)
  }

  @Test func reportsAConflictBeforeADuplicateAsTheRowByRowComparisonDid() {
    let csv = Array(
      ("election_id,area_name,party,votes,notes\ne,a,Lab,5,\ne,a,Lab,6,\ne,a,Lab,6,copy\n"
        + "e,a,Lab,5,again\ne,a,Lab,,\ne,a,Lab,,\n").utf8)
    let messages = ResultsValidator().validate(csv, file: "r.csv").diagnostics.map(\.description)
    #expect(
      messages == [
        "r.csv:3:9: error: conflicting votes for Lab in e, a: 6 here, 5 at r.csv:2",
        "r.csv:4:1: warning: duplicate of the row at r.csv:3; this copy is ignored",
        "r.csv:4:9: error: conflicting votes for Lab in e, a: 6 here, 5 at r.csv:2",
        "r.csv:5:1: warning: duplicate of the row at r.csv:2; this copy is ignored",
        "r.csv:7:1: warning: duplicate of the row at r.csv:6; this copy is ignored",
      ])
  }

  /// Review (a scaling probe): a field of combining marks (an election id of 50,000 of them)
  /// took 14 s to validate and index, as hashing a `String` is quadratic in a run of marks.
  /// The CSV reader now breaks runs of more than 30 with U+034F; positions are unchanged.
  @Test(.timeLimit(.minutes(1))) func validatesFieldsOfManyCombiningMarksInLinearTime() throws {
    let marks = String(repeating: "\u{0316}\u{0301}", count: 60_000)
    let csv = Array(
      "election_id,area_name,party,votes\ne\(marks),a,Lab,5\ne\(marks),a,Lab,6\n".utf8)
    let validation = ResultsValidator().validate(csv, file: "r.csv")
    let conflict = try #require(validation.diagnostics.first)
    #expect(conflict.line == 3 && conflict.column == 120_009)
    #expect(validation.records.count == 2)
    let id = try #require(validation.records.first?.election.id)
    #expect(id.unicodeScalars.filter { $0 == "\u{034F}" }.count == 119_999 / 30)
    let store = ResultsStore(records: validation.records)
    #expect(store.records(forElection: id).count == 2)
  }
}
