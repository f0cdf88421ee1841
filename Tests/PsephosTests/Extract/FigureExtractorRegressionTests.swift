import Foundation
import Testing

@testable import Psephos

/// Inputs the fuzzers (Tests/Fuzz) or a review for input-driven blow-ups found, kept as bytes.
@Suite struct FigureExtractorRegressionTests {
  private func extract(_ bytes: [UInt8]) -> (SourceText, [Figure], [Finding]) {
    let text = SourceText(normalizedUTF8: bytes)
    let (figures, findings) = FigureExtractor().figures(
      in: text, tokens: Tokenizer().tokenize(text))
    return (text, figures, findings)
  }

  /// Fuzz target `figures`: a four-digit number with a plain "s" that is not a decade
  /// ("9995s", "1985s") was cut as if it ended in "’s", leaving a figure of one digit and the
  /// rest of the number in no figure or finding.
  @Test(
    arguments: [
      [0x39, 0x39, 0x39, 0x35, 0x73],  // "9995s"
      [0x69, 0x6E, 0x20, 0x31, 0x39, 0x38, 0x35, 0x73],  // "in 1985s"
    ] as [[UInt8]])
  func keepsAFourDigitNumberWithAPlainSWhole(bytes: [UInt8]) throws {
    let (text, figures, _) = extract(bytes)
    let figure = try #require(figures.first)
    #expect(figures.count == 1)
    #expect(figure.range.end == bytes.count)
    #expect(text.string(figure.range).hasSuffix("5s"))
  }

  @Test(arguments: ["2016\u{2019}s result", "2016's result"])
  func stillLeavesThePossessiveOfAYearOutside(sentence: String) throws {
    let (text, figures, _) = extract(Array(sentence.utf8))
    let figure = try #require(figures.first)
    #expect(text.string(figure.range) == "2016")
    #expect(figure.kind == .year)
  }

  @Test func stillInfersTheNearestUnitInTheSentenceTheEarlierOnATie() {
    let (text, figures, _) = extract(Array("5 seats 7 votes and 9. Then 3 more.".utf8))
    let units = figures.map { "\(text.string($0.range))=\($0.unit ?? "-")" }
    #expect(units == ["5 seats=seats", "7 votes=votes", "9=votes", "3=votes"])
    let (_, tie, _) = extract(Array("the seats, then 4, then votes".utf8))
    #expect(tie.map(\.unit) == ["seats"])
  }

  /// Review: a bare number's unit was looked for by scanning its whole sentence, then its
  /// paragraph back to the start, once per figure, so a long sentence or paragraph of bare
  /// numbers was quadratic (20 KB of "1 ": 4.6 s under the fuzzer's sanitizers). Not a speed
  /// test: without the fix these take many minutes, with it a second or two.
  @Test(.timeLimit(.minutes(1))) func infersUnitsInALongSentenceOfBareNumbersInLinearTime() {
    let more = Array(repeating: Array(" and 7".utf8), count: 50_000).joined()
    let sentence = Array("Labour won 5 seats".utf8) + more
    let (_, found, _) = extract(sentence)
    #expect(found.count == 50_001)
    #expect(found.allSatisfy { $0.unit == "seats" })
  }

  @Test(.timeLimit(.minutes(1))) func infersUnitsInALongParagraphOfBareNumbersInLinearTime() {
    let more = Array(repeating: Array(" And 7.".utf8), count: 50_000).joined()
    let paragraph = Array("Labour won 5 seats.".utf8) + more
    let (_, found, _) = extract(paragraph)
    #expect(found.count == 50_001)
    #expect(found.allSatisfy { $0.unit == "seats" })
  }

  /// Review (a scaling probe): the denominator of "one in five" was read with everything a
  /// numeral may be, including "one in five" itself, so "one in one in one in ..." recursed
  /// once per "in" until the stack overflowed (100,000 of them crashed a release build).
  @Test func readsAChainOfOneInWithoutRecursingPerLink() {
    let chain = Array(Array(repeating: Array("one in ".utf8), count: 100_000).joined())
    let (_, found, _) = extract(chain + Array("five voters".utf8))
    #expect(found.count == 1)
    #expect(found.first?.kind == .percentage)
    #expect(found.first?.unit == "fraction")
  }

  @Test(arguments: ["one in five voters", "nine out of ten", "two in three"])
  func stillReadsOneInFiveAsAFraction(sentence: String) throws {
    let (text, found, _) = extract(Array(sentence.utf8))
    let figure = try #require(found.first)
    #expect(figure.kind == .percentage && figure.unit == "fraction")
    #expect(text.string(figure.range).hasPrefix(sentence.split(separator: " ")[0]))
  }
}
