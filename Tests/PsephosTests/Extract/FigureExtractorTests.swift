import Foundation
import Testing

@testable import Psephos

/// What one figure should be: its value as exact decimal text, kind, unit and hedge.
struct ExpectedFigure: Sendable, CustomStringConvertible {
  var value: String
  var kind: Figure.Kind
  var unit: String?
  var hedge: Figure.Hedge?

  init(_ value: String, _ kind: Figure.Kind, _ unit: String?, _ hedge: Figure.Hedge? = nil) {
    self.value = value
    self.kind = kind
    self.unit = unit
    self.hedge = hedge
  }

  var description: String { "\(value) \(kind) \(unit ?? "-") \(hedge?.rawValue ?? "-")" }
}

/// Figures found in `marked` with the `[[` `]]` markers removed, and the marked spans.
func extractMarked(_ marked: String) -> (
  text: SourceText, figures: [Figure], findings: [Finding], spans: [ByteRange]
) {
  var plain: [UInt8] = []
  var spans: [ByteRange] = []
  var open: Int?
  let bytes = Array(marked.utf8)
  var index = 0
  while index < bytes.count {
    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "["), bytes[index + 1] == bytes[index]
    {
      open = plain.count
      index += 2
    } else if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "]"),
      bytes[index + 1] == bytes[index], let start = open
    {
      spans.append(ByteRange(start, plain.count))
      open = nil
      index += 2
    } else {
      plain.append(bytes[index])
      index += 1
    }
  }
  let text = SourceText(normalizedUTF8: plain)
  let (figures, findings) = FigureExtractor().figures(in: text, tokens: Tokenizer().tokenize(text))
  return (text, figures, findings, spans)
}

/// Checks that the figures of `marked` are exactly the marked spans, with the expected values.
func expectFigures(
  _ marked: String, _ expected: [ExpectedFigure], sourceLocation: SourceLocation = #_sourceLocation
) {
  let (text, figures, _, spans) = extractMarked(marked)
  #expect(
    figures.map { text.string($0.range) } == spans.map { text.string($0) },
    "spans in \(marked)", sourceLocation: sourceLocation)
  guard figures.count == expected.count else {
    Issue.record(
      "\(figures.count) figures for \(expected.count) expected in \(marked)",
      sourceLocation: sourceLocation)
    return
  }
  for (figure, want) in zip(figures, expected) {
    let got = ExpectedFigure(
      "\(figure.value)", figure.kind, figure.unit, figure.hedge)
    #expect(
      figure.value == Decimal(string: want.value) && figure.kind == want.kind
        && figure.unit == want.unit && figure.hedge == want.hedge,
      "\(text.string(figure.range)): got \(got), want \(want)", sourceLocation: sourceLocation)
  }
}

@Suite struct FigureExtractorTests {
  // MARK: Digits, separators, decimals, signs

  @Test(arguments: [
    ("Labour polled [[9,347,273 votes]] nationally.", ExpectedFigure("9347273", .count, "votes")),
    ("Khan had [[1,310,143 first preferences]].", ExpectedFigure("1310143", .count, "votes")),
    ("Khan ([[1,310,143]]) won the capital.", ExpectedFigure("1310143", .count, nil)),
    ("The swingometer moved [[2.5]] on the night.", ExpectedFigure("2.5", .count, nil)),
    ("Her net rating was [[minus 12]] in May.", ExpectedFigure("-12", .difference, nil)),
    ("In the tracker Labour were [[–5]] overnight.", ExpectedFigure("-5", .difference, nil)),
    ("In the tracker the Greens were [[+3]] overnight.", ExpectedFigure("3", .difference, nil)),
  ])
  func readsDigitsWithSeparatorsDecimalsAndSigns(marked: String, expected: ExpectedFigure) {
    expectFigures(marked, [expected])
  }

  @Test func keepsVoteCountsExactBeyondDoublePrecision() throws {
    let (_, figures, _, _) = extractMarked("They counted 18,446,744,073,709,551,615 votes.")
    let figure = try #require(figures.first)
    #expect(figure.value == Decimal(string: "18446744073709551615"))
    #expect("\(figure.value)" == "18446744073709551615")
    let (_, shares, _, _) = extractMarked("Turnout was 66.1 per cent.")
    #expect("\(try #require(shares.first).value)" == "66.1")
  }

  @Test func givesSignedNumbersADirection() throws {
    let (_, figures, _, _) = extractMarked("Labour –5, the Greens +3.")
    #expect(figures.map(\.direction) == [.down, .up])
  }

  // MARK: Percentages and points

  @Test(arguments: [
    (
      "Turnout was [[66.1 per cent]] in the capital.",
      ExpectedFigure("66.1", .percentage, "percent")
    ),
    ("Remain won [[60%]] of the vote in London.", ExpectedFigure("60", .percentage, "percent")),
    ("Ukip took [[12.6 percent]] of the vote.", ExpectedFigure("12.6", .percentage, "percent")),
    ("The Lib Dems were on [[7pc]] in the poll.", ExpectedFigure("7", .percentage, "percent")),
    (
      "Some [[sixty per cent]] of members voted.",
      ExpectedFigure("60", .percentage, "percent", .some)
    ),
    (
      "Ukip polled [[4.5 percentage points]] in the north.",
      ExpectedFigure("4.5", .percentage, "points")
    ),
    ("The Greens polled [[3pts]] in the final poll.", ExpectedFigure("3", .percentage, "points")),
  ])
  func readsPercentagesAndPercentagePoints(marked: String, expected: ExpectedFigure) {
    expectFigures(marked, [expected])
  }

  // MARK: Number words

  @Test(arguments: [
    ("Labour lost control of [[twenty-five councils]].", ExpectedFigure("25", .count, "councils")),
    ("That was [[thirty years]] ago.", ExpectedFigure("30", .duration, "years")),
    (
      "It came to [[two hundred and fifty thousand votes]].",
      ExpectedFigure("250000", .count, "votes")
    ),
    ("More than [[a dozen MPs]] rebelled.", ExpectedFigure("12", .count, "MPs", .moreThan)),
    (
      "Nearly [[two-thirds]] of voters agreed.",
      ExpectedFigure("2", .percentage, "fraction", .nearly)
    ),
    ("About [[half]] of Londoners voted.", ExpectedFigure("0.5", .percentage, "fraction", .about)),
    ("[[A third]] of members abstained.", ExpectedFigure("1", .percentage, "fraction")),
    ("[[One in five]] voters were undecided.", ExpectedFigure("0.2", .percentage, "fraction")),
    ("The SNP held only [[one seat]] there.", ExpectedFigure("1", .count, "seats", .only)),
    ("Boris won [[two mayoral victories]] in London.", ExpectedFigure("2", .count, "count")),
  ])
  func readsNumberWords(marked: String, expected: ExpectedFigure) {
    var expected = expected
    if marked.contains("two-thirds") || marked.contains("A third") {
      // Thirds are not finite decimals: compare the first digits.
      let (_, figures, _, _) = extractMarked(marked)
      let value = "\(figures.first?.value ?? 0)"
      #expect(value.hasPrefix(marked.contains("two") ? "0.6666666" : "0.3333333"))
      expected.value = value
    }
    expectFigures(marked, [expected])
  }

  @Test(arguments: [
    "There is one thing to note.", "At one point it was close.", "No-one saw it coming.",
    "It was the first time since the war.", "Labour won the second half of the night.",
    "A third party entered the race.", "They banned zero-hours contracts.",
    "It was a quarter of a century ago.",
  ])
  func leavesNumberWordsThatCountNothingAlone(sentence: String) {
    let (text, figures, _, _) = extractMarked(sentence)
    #expect(figures.isEmpty, "\(figures.map { text.string($0.range) })")
  }

  // MARK: Magnitudes

  @Test(arguments: [
    ("Leave won [[17.4m votes]] in all.", ExpectedFigure("17400000", .count, "votes")),
    ("Leave won [[17.4 million votes]] in all.", ExpectedFigure("17400000", .count, "votes")),
    ("The campaign spent [[£2.36m]] in total.", ExpectedFigure("2360000", .money, "GBP")),
    ("The scheme cost [[3bn]] that year.", ExpectedFigure("3000000000", .count, nil)),
    ("The petition passed [[10k]] on Friday.", ExpectedFigure("10000", .count, nil)),
    ("It was [[half a million]] short.", ExpectedFigure("500000", .count, nil)),
  ])
  func readsMagnitudes(marked: String, expected: ExpectedFigure) {
    expectFigures(marked, [expected])
  }

  // MARK: Money, years, ordinals, durations, ranges

  @Test(arguments: [
    ("They promised [[£350m]] a week for the NHS.", ExpectedFigure("350000000", .money, "GBP")),
    ("The fund was worth [[$5bn]] to the region.", ExpectedFigure("5000000000", .money, "USD")),
    ("The rebate was [[€3 billion]] a year.", ExpectedFigure("3000000000", .money, "EUR")),
    ("The donor gave [[2 million pounds]] to Ukip.", ExpectedFigure("2000000", .money, "GBP")),
    ("The levy was [[50p]] a head.", ExpectedFigure("0.5", .money, "GBP")),
  ])
  func readsMoneyInWholeUnitsOfItsCurrency(marked: String, expected: ExpectedFigure) {
    expectFigures(marked, [expected])
  }

  @Test(arguments: [
    ("The referendum of [[2016]] changed that.", ExpectedFigure("2016", .year, "year")),
    ("Not since the [[1990s]] had it happened.", ExpectedFigure("1990", .year, "year")),
    ("Not since the [[1980\u{2019}s]] had it happened.", ExpectedFigure("1980", .year, "year")),
    ("Not since the [[\u{2019}80s]] had it happened.", ExpectedFigure("1980", .year, "year")),
    ("The [[2015-16]] budget was late.", ExpectedFigure("2015", .year, "year")),
    ("The [[2016/17]] budget was late.", ExpectedFigure("2016", .year, "year")),
    ("Music of the [[60s]] played on.", ExpectedFigure("1960", .year, "year")),
    ("Turnout among over-[[65s]] rose.", ExpectedFigure("65", .count, "years")),
  ])
  func readsYearsAndDecades(marked: String, expected: ExpectedFigure) {
    expectFigures(marked, [expected])
  }

  @Test func readsAPossessiveYearWithoutItsClitic() {
    expectFigures(
      "Labour\u{2019}s [[2017]] manifesto and [[2017]]\u{2019}s result.",
      [ExpectedFigure("2017", .year, "year"), ExpectedFigure("2017", .year, "year")])
  }

  @Test(arguments: [
    ("Ukip came [[third]] in the seat.", ExpectedFigure("3", .ordinal, nil)),
    ("The Greens finished in [[second]] place.", ExpectedFigure("2", .ordinal, nil)),
    ("He was [[3rd]] on the list.", ExpectedFigure("3", .ordinal, nil)),
    ("Labour came a distant [[third]] there.", ExpectedFigure("3", .ordinal, nil)),
  ])
  func readsOrdinalsThatRank(marked: String, expected: ExpectedFigure) {
    expectFigures(marked, [expected])
  }

  @Test(arguments: [
    ("She has been an MP for [[eight years]] now.", ExpectedFigure("8", .duration, "years")),
    ("The inquiry took [[six months]] to report.", ExpectedFigure("6", .duration, "months")),
    ("It began almost [[20\u{A0}years]] ago.", ExpectedFigure("20", .duration, "years", .almost)),
    ("They published a [[five-year]] plan.", ExpectedFigure("5", .duration, "years")),
  ])
  func readsDurations(marked: String, expected: ExpectedFigure) {
    expectFigures(marked, [expected])
  }

  @Test func readsRangesWithBothBounds() throws {
    expectFigures(
      "They hope to win between [[20 and 30 seats]], perhaps [[3\u{2013}4]] in Wales, in [[2008\u{2013}2012]].",
      [
        ExpectedFigure("20", .count, "seats", .between), ExpectedFigure("3", .count, "seats"),
        ExpectedFigure("2008", .year, "year"),
      ])
    let (_, figures, _, _) = extractMarked("between 20 and 30 seats, or 3\u{2013}4, in 2015-16")
    #expect(figures.map(\.bounds?.lower) == [20, 3, 2015])
    #expect(figures.map(\.bounds?.upper) == [30, 4, 2016])
  }

  @Test func readsAScoreAsAFindingNotARange() {
    let (_, figures, findings, _) = extractMarked("The committee split 3-2 on it.")
    #expect(figures.isEmpty)
    #expect(findings.count == 1)
    #expect(findings.first?.message.contains("3-2") == true)
  }

  // MARK: Units

  @Test(arguments: [
    ("The SNP won [[56]] of Scotland\u{2019}s [[59 seats]].", ["seats", "seats"]),
    ("Labour gained [[32 councils]] and [[12 wards]].", ["councils", "wards"]),
    ("There are [[650 constituencies]] and [[73 MEPs]].", ["constituencies", "MEPs"]),
    ("The Tories had [[317 MPs]] and [[4,921 council seats]].", ["MPs", "seats"]),
    ("Labour had [[three Labour MPs]] in the county.", ["MPs"]),
    (
      "Goldsmith ([[994,614]]) got [[238,000]] fewer votes than the Conservatives ([[1,233,386]]).",
      ["votes", "votes", "votes"]
    ),
  ])
  func attachesUnitsThatFollowOrAreNamedNearby(marked: String, units: [String]) {
    let (text, figures, _, spans) = extractMarked(marked)
    #expect(figures.map { text.string($0.range) } == spans.map { text.string($0) })
    #expect(figures.map(\.unit) == units)
  }

  @Test func readsASinglePointAsPointsOnlyWhenItMeasuresAGap() {
    expectFigures(
      "A [[five-point]] plan, a [[10-point]] lead and a [[4.5 point]] swing.",
      [
        ExpectedFigure("5", .count, nil), ExpectedFigure("10", .difference, "points"),
        ExpectedFigure("4.5", .difference, "points"),
      ])
  }

  @Test func attachesMeasuresNamedBeforeOrAfter() {
    let (_, figures, _, _) = extractMarked(
      "Labour\u{2019}s majority of 5,907 fell; turnout was 66 per cent, a 10-point lead.")
    #expect(figures.map(\.measure) == ["majority", "turnout", "lead"])
    #expect(figures.map(\.unit) == ["votes", "percent", "points"])
    #expect(figures.map(\.kind) == [.difference, .percentage, .difference])
  }

  // MARK: Hedges and vague quantities

  @Test(arguments: [
    ("almost", Figure.Hedge.almost), ("nearly", .nearly), ("around", .around), ("about", .about),
    ("some", .some), ("just under", .justUnder), ("more than", .moreThan), ("over", .over),
    ("at least", .atLeast), ("only", .only), ("up to", .upTo), ("fewer than", .fewerThan),
    ("less than", .lessThan), ("roughly", .roughly),
  ])
  func readsHedgesOutsideTheSpan(words: String, hedge: Figure.Hedge) {
    expectFigures(
      "Labour won \(words) [[400 seats]] in May.", [ExpectedFigure("400", .count, "seats", hedge)])
  }

  @Test(arguments: [
    ("[[Hundreds]] of activists joined.", "100"), ("[[Dozens]] of MPs rebelled.", "12"),
    ("[[Thousands]] of voters turned out.", "1000"),
    ("[[Tens of thousands]] of members left.", "10000"),
  ])
  func flagsVagueQuantities(marked: String, value: String) throws {
    expectFigures(
      marked,
      [
        ExpectedFigure(
          value, .count,
          marked.contains("voters")
            ? "voters"
            : marked.contains("MPs") ? "MPs" : marked.contains("members") ? "members" : nil)
      ])
    let (_, figures, _, _) = extractMarked(marked)
    #expect(try #require(figures.first).isVague)
  }

  @Test func flagsVaguePluralsWrittenInDigitsAndVagueMoney() throws {
    let (_, figures, _, _) = extractMarked("1,000s of people and millions of pounds.")
    #expect(figures.map(\.isVague) == [true, true])
    #expect(figures.map(\.kind) == [.count, .money])
    #expect(figures.map(\.unit) == ["count", "GBP"])
  }

  // MARK: Differences and comparisons

  @Test func readsAComparisonWithItsTarget() throws {
    let marked = "Goldsmith got [[238,000]] fewer votes than the Conservatives ([[1,233,386]])."
    expectFigures(
      marked,
      [ExpectedFigure("238000", .difference, "votes"), ExpectedFigure("1233386", .count, "votes")])
    let (text, figures, _, _) = extractMarked(marked)
    let difference = try #require(figures.first)
    #expect(difference.direction == .fewer)
    #expect(difference.comparison.map(text.string) == "than the Conservatives")
  }

  @Test func readsAHedgedComparisonWithAYearInItsTarget() throws {
    let marked = "He got only [[60,000]] fewer than Boris in [[2012]]."
    expectFigures(
      marked,
      [ExpectedFigure("60000", .difference, nil, .only), ExpectedFigure("2012", .year, "year")])
    let (text, figures, _, _) = extractMarked(marked)
    #expect(figures.first?.comparison.map(text.string) == "than Boris in 2012")
  }

  @Test(arguments: [
    ("Labour\u{2019}s majority of [[5,907]] held.", "5907", "votes", nil as Figure.Direction?),
    ("Labour was up [[3 points]] on the night.", "3", "points", .up),
    ("It needed a swing of [[4%]] to fall.", "4", "percent", nil),
    ("The Tories lost [[405 seats]] that night.", "405", "seats", .lost),
    ("Labour gained [[823 councillors]] last time.", "823", "councillors", .gained),
    ("The Lib Dem vote fell by [[15 points]] overnight.", "15", "points", .down),
    ("The SNP have [[20]] more seats than expected.", "20", "seats", .more),
    ("Labour is [[5 points]] behind the Conservatives.", "5", "points", .fewer),
    ("The Tories were [[7 points]] clear by May.", "7", "points", .more),
    ("The Tories are ahead by [[10 points]] now.", "10", "points", .more),
    ("They need a net gain of [[64 seats]] to govern.", "64", "seats", .gained),
  ])
  func readsDifferences(
    marked: String, value: String, unit: String, direction: Figure.Direction?
  ) throws {
    let (text, figures, _, spans) = extractMarked(marked)
    #expect(figures.map { text.string($0.range) } == spans.map { text.string($0) })
    let figure = try #require(figures.first)
    #expect(figure.kind == .difference)
    #expect(figure.value == Decimal(string: value))
    #expect(figure.unit == unit)
    #expect(figure.direction == direction)
  }

  @Test func keepsAComparativeOutsideTheSpan() {
    expectFigures(
      "The SNP have [[20]] more seats than Labour.",
      [ExpectedFigure("20", .difference, "seats")])
  }
}
