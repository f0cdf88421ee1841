import Testing

@testable import Psephos

@Suite struct ConcordanceTests {
  private static let text =
    "The Chancellor’s £2bn plan for council tax was attacked. Council tax bills will rise by "
    + "£100.\nCOUNCIL\nTAX is the story, said the councillor."
  private static let document = themeTestDocument("budget", text)
  private static let tokens = Tokenizer().tokenize(document.text)

  private func lines(_ term: String, width: Int = 20) -> [Concordance.Line] {
    Concordance(width: width).lines(for: term, in: Self.document, tokens: Self.tokens)
  }

  @Test func measuresContextWidthInCodePointsNotBytes() throws {
    let line = try #require(lines("plan", width: 8).first)
    #expect(line.left == "’s £2bn ")
    #expect(line.left.unicodeScalars.count == 8)
    #expect(line.left.utf8.count == 11)
    #expect(line.right == " for cou")
    #expect(line.keyword == "plan")
  }

  @Test func reportsCodePointOffsetsOfTheKeyword() throws {
    let line = try #require(lines("plan").first)
    let start = Self.text.distance(
      from: Self.text.startIndex, to: Self.text.range(of: "plan")!.lowerBound)
    #expect(line.codePoints == start..<(start + 4))
    #expect(line.document == "budget")
  }

  @Test func findsAPhraseOnWholeTokensIgnoringCaseAndLineBreaks() {
    let found = lines("Council Tax")
    #expect(found.map(\.keyword) == ["council tax", "Council tax", "COUNCIL TAX"])
    #expect(found[2].left == " will rise by £100. ")
    #expect(found[1].right == " bills will rise by ")
    #expect(lines("councillor").count == 1)
    #expect(lines("council").count == 3)
  }

  @Test func showsLineBreaksAsSpacesAndCollapsesWhitespaceRuns() throws {
    let document = themeTestDocument("d", "First line\n\n\n  second\tline NHS and\u{A0}\u{A0}more")
    let tokens = Tokenizer().tokenize(document.text)
    let line = try #require(
      Concordance(width: 30).lines(for: "nhs", in: document, tokens: tokens).first)
    #expect(line.left == "First line second line ")
    #expect(line.right == " and more")
  }

  @Test func stopsContextsAtTheEdgesOfTheDocument() throws {
    let line = try #require(lines("The", width: 5).first)
    #expect(line.left == "")
    #expect(lines("councillor", width: 5).first?.right == ".")
  }

  @Test func findsNothingForAnAbsentOrEmptyTerm() {
    #expect(lines("income tax").isEmpty)
    #expect(lines("").isEmpty)
    #expect(lines("tax bills will fall").isEmpty)
  }

  @Test func sortsByRightContextLeftContextOrDocumentOrder() {
    let found = lines("council tax")
    // Right: "bills" < "is" < "was".
    #expect(
      Concordance.sorted(found, by: .right).map(\.keyword) == [
        "Council tax", "COUNCIL TAX", "council tax",
      ])
    // Left, nearest word first: "100" (from "£100.") < "attacked" < "for".
    #expect(
      Concordance.sorted(found, by: .left).map(\.keyword) == [
        "COUNCIL TAX", "Council tax", "council tax",
      ])
    #expect(Concordance.sorted(found.reversed(), by: .document) == found)
  }

  @Test func keepsDocumentsInTheirFirstOrderWhenSortingByDocument() {
    let other = themeTestDocument("another", "Council tax again.")
    let otherLines = Concordance(width: 10).lines(
      for: "council tax", in: other, tokens: Tokenizer().tokenize(other.text))
    let mixed = lines("council tax", width: 10).reversed() + otherLines
    #expect(
      Concordance.sorted(mixed, by: .document).map(\.document) == [
        "budget", "budget", "budget", "another",
      ])
  }

  @Test func givesALineForEachEntitySpanInDocumentOrderWithoutDuplicates() {
    let string = "Boris Johnson won. Johnson’s rivals sulked; Boris smiled."
    let document = themeTestDocument("mayor", string)
    let bytes = Array(string.utf8)
    func range(_ needle: String, from start: Int = 0) -> ByteRange {
      let needleBytes = Array(needle.utf8)
      let offset = (start...(bytes.count - needleBytes.count)).first {
        Array(bytes[$0..<($0 + needleBytes.count)]) == needleBytes
      }!
      return ByteRange(offset, offset + needleBytes.count)
    }
    let full = range("Boris Johnson")
    let surname = range("Johnson", from: full.end)
    let given = range("Boris", from: full.end)
    let found = Concordance(width: 12).lines(for: [given, full, surname, given], in: document)
    #expect(found.map(\.keyword) == ["Boris Johnson", "Johnson", "Boris"])
    #expect(found.map(\.codePoints) == [0..<13, 19..<26, 44..<49])
    #expect(found[1].right == "’s rivals su")
    #expect(found[2].left == "als sulked; ")
  }

  @Test func rendersLinesAlignedOnTheKeyword() {
    let found = lines("council tax", width: 15)
    let rendered = Concordance(width: 15).render(found)
    let renderedLines = rendered.split(separator: "\n").map(String.init)
    #expect(renderedLines.count == 3)
    for (line, rendered) in zip(found, renderedLines) {
      let keywordStart = rendered.unicodeScalars.index(
        rendered.unicodeScalars.startIndex, offsetBy: 15)
      #expect(String(rendered.unicodeScalars[keywordStart...]).hasPrefix(line.keyword))
    }
    #expect(renderedLines[0] == " £2bn plan for council tax was attacked. ")
  }

  @Test func rendersDocumentIDsPaddedToTheLongest() {
    let other = themeTestDocument("b", "Council tax again.")
    let found =
      lines("council tax", width: 4).prefix(1)
      + Concordance(width: 4).lines(
        for: "council tax", in: other, tokens: Tokenizer().tokenize(other.text))
    let rendered = Concordance(width: 4).render(Array(found), showingDocuments: true)
    #expect(rendered == "budget  for council tax was\nb           Council tax aga\n")
  }
}
