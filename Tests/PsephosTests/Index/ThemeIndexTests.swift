import Testing

@testable import Psephos

@Suite struct ThemeIndexTests {
  private static let scorer = ThemeScorer()

  private static let inline: [Document] = [
    themeTestDocument(
      "health-1",
      "The NHS is short of nurses; hospitals report record waiting lists and GPs are leaving."),
    themeTestDocument(
      "health-2", "Junior doctors went on strike again as NHS waiting lists hit a new record."),
    themeTestDocument(
      "housing-1",
      "Renters face no-fault evictions while the council waiting list for social housing grows."),
    themeTestDocument(
      "brexit-1",
      "Brexit has not delivered: the single market and the customs union still divide Leave voters."
    ),
    themeTestDocument(
      "twin-b",
      "The NHS is short of nurses; hospitals report record waiting lists and GPs are leaving."),
  ]

  private static func index(_ documents: [Document]) -> ThemeIndex {
    var index = ThemeIndex()
    for document in documents {
      let tokens = Tokenizer().tokenize(document.text)
      index.add(document: document.id, themes: scorer.themes(in: document.text, tokens: tokens))
    }
    return index
  }

  /// The rows as CSV text: what a report writer would print.
  private static func serialised(_ index: ThemeIndex) -> String {
    index.rows().map { "\($0.theme),\($0.rank),\($0.document),\($0.score),\($0.matches)\n" }
      .joined()
  }

  @Test func ranksDocumentsByScoreThenByDocumentID() {
    let index = Self.index(Self.inline)
    let health = index.documents(about: "health")
    #expect(Set(health.map(\.document)) == ["health-1", "health-2", "twin-b"])
    #expect(health.map(\.score) == health.map(\.score).sorted(by: >))
    // health-1 and twin-b have the same text, so the same score: the id decides.
    let twins = health.filter { $0.document == "health-1" || $0.document == "twin-b" }
    #expect(twins.map(\.document) == ["health-1", "twin-b"])
    #expect(index.documents(about: "housing").map(\.document) == ["housing-1"])
    #expect(index.documents(about: "no-such-theme").isEmpty)
  }

  @Test func serialisesRowsSortedByThemeThenRankAndReadsThemBack() {
    let index = Self.index(Self.inline)
    let rows = index.rows()
    #expect(
      rows.map(\.theme) == rows.map(\.theme).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(rows.filter { $0.theme == "health" }.map(\.rank) == [1, 2, 3])
    #expect(ThemeIndex(rows: rows) == index)
    #expect(ThemeIndex(rows: rows.reversed()) == index)
  }

  @Test func mergeIsCommutativeAndAssociativeWithTheEmptyIndexAsIdentity() {
    let a = Self.index(Array(Self.inline[0..<2]))
    let b = Self.index(Array(Self.inline[2..<4]))
    let c = Self.index([Self.inline[4]])
    #expect(ThemeIndex.merge(a, b) == ThemeIndex.merge(b, a))
    #expect(
      ThemeIndex.merge(ThemeIndex.merge(a, b), c) == ThemeIndex.merge(a, ThemeIndex.merge(b, c)))
    #expect(ThemeIndex.merge(a, ThemeIndex()) == a)
    #expect(ThemeIndex.merge(ThemeIndex(), a) == a)
  }

  @Test(arguments: [[1, 7], [3], [2, 4, 6], [0, 5, 8]])
  func indexingShardsAndMergingGivesTheIndexOfTheWholeByteForByte(cuts: [Int]) throws {
    let documents =
      try themeTestCorpusArticles() + Self.inline + [
        themeTestDocument("empty", "")
      ]
    let whole = Self.index(documents)
    var shards: [[Document]] = []
    var start = 0
    for cut in cuts + [documents.count] {
      shards.append(Array(documents[start..<cut]))
      start = cut
    }
    // Merge the shards' indexes in reverse order: the result must not depend on it.
    let merged = shards.reversed().map(Self.index).reduce(ThemeIndex(), ThemeIndex.merge)
    #expect(merged == whole)
    #expect(Self.serialised(merged) == Self.serialised(whole))
    #expect(!whole.rows().isEmpty)
  }
}
