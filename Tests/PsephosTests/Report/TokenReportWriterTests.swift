import Testing

@testable import Psephos

@Suite struct TokenReportWriterTests {
  private func document(_ text: String) -> (Document, TokenizedText) {
    let source = SourceText(text)
    let document = Document(id: "a.txt", path: "in/a.txt", sha256: "00", text: source)
    return (document, Tokenizer().tokenize(source))
  }

  @Test func makesLineBreaksTabsBackslashesAndControlsVisible() {
    #expect(
      TokenReportWriter.visible("a\nb\tc\\d\r\u{1B}\u{85}\u{2028}\u{A3}")
        == #"a\nb\tc\\d\r\u{1B}\u{85}\u{2028}£"#)
  }

  @Test func tableAlignsColumnsAndGivesCodePointOffsets() {
    let (document, tokens) = document("\u{A3}5m for Labour\u{2019}s")
    let table = TokenReportWriter().table(document, tokens)
    #expect(
      table == """
        document  index  kind    start  end  text    flags
        a.txt         0  symbol      0    1  £
        a.txt         1  number      1    3  5m      sentence-initial
        a.txt         2  word        4    7  for     space-before
        a.txt         3  word        8   14  Labour  capitalized,space-before
        a.txt         4  word       14   16  ’s      possessive

        """)
  }

  @Test func jsonNamesKindsAndFlagsAndGivesSegmentOffsets() {
    let (document, tokens) = document("Hi.\n\nTory \u{2019}80s.")
    let json = TokenReportWriter().json(document, tokens)
    guard case .object(let members) = json, case .array(let tokenValues) = members["tokens"] else {
      Issue.record("expected an object with tokens")
      return
    }
    #expect(
      Set(members.keys) == [
        "id", "path", "sha256", "metadata", "findings", "tokens", "sentences", "paragraphs",
      ])
    #expect(
      tokenValues[2]
        == [
          "start": 5, "end": 9, "text": "Tory", "kind": "word",
          "flags": [
            "capitalized", "sentence-initial", "space-before", "line-break-before",
            "paragraph-break-before",
          ],
        ])
    #expect(members["paragraphs"] == [["start": 0, "end": 3], ["start": 5, "end": 15]])
  }

  @Test func everyFlagHasAKebabCaseName() {
    let all = Token.Flags.named.reduce(Token.Flags()) { $0.union($1.flag) }
    #expect(all.rawValue == (1 << Token.Flags.named.count) - 1)
    #expect(Set(Token.Flags.named.map(\.name)).count == Token.Flags.named.count)
    #expect(
      Token.Flags.named.allSatisfy { $0.name == $0.name.lowercased() && !$0.name.contains("_") })
  }
}
