import Testing

@testable import Psephos

@Suite struct EntityIndexTests {
  private func add(_ string: String, id: String, to index: inout EntityIndex) {
    let text = SourceText(string)
    let mentions = EntityExtractor().mentions(in: text, tokens: Tokenizer().tokenize(text))
    index.add(mentions, document: id, text: text)
  }

  private let documents = [
    ("a", "Jeremy Corbyn led Labour. Corbyn lost in Scotland."),
    ("b", "Labour, the Tories and Mr Corbyn argued."),
    ("c", "Sadiq Khan won London. Khan thanked Labour voters."),
  ]

  @Test func countsMentionsDocumentsAndAliasesPerCanonicalEntity() throws {
    var index = EntityIndex()
    for (id, text) in documents { add(text, id: id, to: &index) }
    let corbyn = try #require(index.entries[.init(kind: .person, canonical: "Jeremy Corbyn")])
    #expect(corbyn.mentions == 3)
    #expect(corbyn.documents == ["a": 2, "b": 1])
    #expect(corbyn.aliases == ["Jeremy Corbyn": 1, "Corbyn": 2])
    #expect(index.ranked.first?.key.canonical == "Labour Party")
    #expect(
      index.csv().hasPrefix(
        "type,canonical,mentions,documents,aliases\r\nPARTY,Labour Party,3,3,Labour\r\n"))
  }

  @Test func keepsTheFirstMentionInDocumentOrderWithItsSentence() throws {
    var index = EntityIndex()
    for (id, text) in documents.reversed() { add(text, id: id, to: &index) }
    let labour = try #require(index.entries[.init(kind: .party, canonical: "Labour Party")])
    #expect(labour.firstMention?.document == "a")
    #expect(labour.firstMention?.offset == 18)
    #expect(labour.firstMention?.snippet == "Jeremy Corbyn led Labour.")
  }

  @Test func countsDocumentsInWhichTwoEntitiesAppearTogether() throws {
    var index = EntityIndex()
    for (id, text) in documents { add(text, id: id, to: &index) }
    let labour = try #require(index.entries[.init(kind: .party, canonical: "Labour Party")])
    #expect(labour.coMentions[.init(kind: .person, canonical: "Jeremy Corbyn")] == 2)
    #expect(labour.coMentions[.init(kind: .person, canonical: "Sadiq Khan")] == 1)
    #expect(labour.coMentions[.init(kind: .party, canonical: "Labour Party")] == nil)
  }

  @Test func shardsMergedInAnyOrderEqualTheWholeByteForByte() {
    var whole = EntityIndex()
    var parts = [EntityIndex](repeating: EntityIndex(), count: 3)
    for (number, (id, text)) in documents.enumerated() {
      add(text, id: id, to: &whole)
      add(text, id: id, to: &parts[number])
    }
    var forward = parts[0]
    forward.merge(parts[1])
    forward.merge(parts[2])
    var backward = parts[2]
    var middle = parts[1]
    middle.merge(parts[0])
    backward.merge(middle)
    #expect(forward == whole)
    #expect(backward == whole)
    #expect(forward.json.serialized() == whole.json.serialized())
  }
}
