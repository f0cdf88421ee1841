import Foundation
import Testing

@testable import Psephos

/// Numbers that are not figures become findings, and nothing numeric is dropped.
@Suite struct FigureFindingTests {
  @Test(arguments: [
    ("The count ended on 5 May 2016.", "5", "day of the month"),
    ("Polls closed on May 5th that year.", "5th", "day of the month"),
    ("Polls closed at 10pm on the night.", "10pm", "time of day"),
    ("The result came at 10:30 that night.", "10:30", "time"),
    ("Triggering Article 50 was the easy part.", "50", "part of a name"),
    ("No 10 said nothing at all.", "10", "part of a name"),
    ("The 1922 Committee met on Tuesday.", "1922", "part of a name"),
    ("She moved into 10 Downing Street that July.", "10", "part of a name"),
    ("Repealing section 28 took years.", "28", "part of a name"),
    ("Covid-19 postponed the elections.", "19", "part of a name"),
    ("The 7/7 inquiry reported late.", "7/7", "slash"),
    ("As the report says [1] it was close.", "1", "footnote"),
    ("The committee split 3-2 on it.", "3-2", "score"),
    ("It rolled out 4G across the county.", "4G", "not read as a number"),
  ])
  func reportsNumbersThatAreNotFiguresAsNotes(sentence: String, text: String, reason: String)
    throws
  {
    let source = SourceText(sentence)
    let (figures, findings) = FigureExtractor().figures(
      in: source, tokens: Tokenizer().tokenize(source))
    let finding = try #require(findings.first { $0.range.map(source.string) == text })
    #expect(finding.severity == .note)
    #expect(finding.message.contains(reason))
    #expect(!figures.contains { $0.range.overlaps(try! #require(finding.range)) })
  }

  @Test func keepsTheYearOfADateAsAFigure() {
    let source = SourceText("The count ended on 5 May 2016.")
    let (figures, _) = FigureExtractor().figures(in: source, tokens: Tokenizer().tokenize(source))
    #expect(figures.map { source.string($0.range) } == ["2016"])
    #expect(figures.first?.kind == .year)
  }

  @Test func warnsAboutDigitsTooLongToReadExactly() throws {
    let source = SourceText("They counted 123456789012345678901234 votes.")
    let (figures, findings) = FigureExtractor().figures(
      in: source, tokens: Tokenizer().tokenize(source))
    #expect(figures.isEmpty)
    let finding = try #require(findings.first)
    #expect(finding.severity == .warning)
    #expect(finding.range.map(source.string) == "123456789012345678901234")
  }

  /// Every number token lies inside a figure or a finding; figures are in order and disjoint.
  static func checkNothingIsDropped(
    _ string: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let source = SourceText(string)
    let tokenized = Tokenizer().tokenize(source)
    let (figures, findings) = FigureExtractor().figures(in: source, tokens: tokenized)
    let covered = figures.map(\.range) + findings.compactMap(\.range)
    for token in tokenized.tokens where token.kind == .number {
      #expect(
        covered.contains { $0.start <= token.range.start && token.range.end <= $0.end },
        "number \"\(source.string(token.range))\" is in no figure or finding",
        sourceLocation: sourceLocation)
    }
    for (previous, next) in zip(figures, figures.dropFirst()) {
      #expect(previous.range.end <= next.range.start, sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [
    "Labour –5, Tories +3, 52-48, 3-2, 7/7, 2016/17, 2015-16, 10:30, 10pm, 5 May, May 5th.",
    "The 1922 Committee [1] met in No. 10 and Article 50; Covid-19; 4G; 3x; 50p; 1.2trn; '97.",
    "Between 20 and 30 seats, 3\u{2013}4%, \u{00A3}10-15m, the 1980\u{2019}s and the \u{2019}80s.",
    "12345678901234567890123 votes, 0.5, 1,000,000, 2.36m, 3bn, 10k, 60pc, 4.5pts, 3rd.",
  ])
  func reportsEveryNumberTokenAsAFigureOrAFinding(sentence: String) {
    Self.checkNothingIsDropped(sentence)
  }

  @Test func reportsEveryNumberTokenOfTheSeedArticles() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Corpus/articles")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".txt") }
    try #require(!names.isEmpty)
    for name in names {
      Self.checkNothingIsDropped(
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
  }
}
