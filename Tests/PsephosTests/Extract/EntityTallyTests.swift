import Testing

@testable import Psephos

@Suite struct EntityTallyTests {
  private func mentions(_ string: String) -> [Mention] {
    let text = SourceText(string)
    return EntityExtractor().mentions(in: text, tokens: Tokenizer().tokenize(text))
  }

  @Test func countsCanonicalEntitiesAndTheDocumentsThatMentionThem() {
    var tally = EntityTally()
    tally.add(mentions("Jeremy Corbyn led Labour. Corbyn lost."))
    tally.add(mentions("Labour, the Tories and Mr Corbyn"))
    #expect(
      tally.rows.map { "\($0.canonical):\($0.mentions)/\($0.documents)" } == [
        "Jeremy Corbyn:3/2", "Labour Party:2/2", "Conservative Party:1/1",
      ])
    #expect(tally.csv().hasPrefix("type,canonical,mentions,documents\nPERSON,Jeremy Corbyn,3,2\n"))
  }

  @Test func mergingShardsGivesTheWholeTally() {
    var whole = EntityTally()
    var first = EntityTally()
    var second = EntityTally()
    let documents = ["Sadiq Khan won London.", "Khan thanked Londoners.", "The SNP won Scotland."]
    for (index, document) in documents.enumerated() {
      whole.add(mentions(document))
      if index < 2 { first.add(mentions(document)) } else { second.add(mentions(document)) }
    }
    first.merge(second)
    #expect(first.rows == whole.rows)
    #expect(first.table() == whole.table())
  }
}
