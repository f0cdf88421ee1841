import Foundation
import Testing

@testable import Psephos

/// The term counts of one text.
private func termCounts(_ string: String) -> TermCounts {
  let text = SourceText(string)
  return TermCounts(text: text, tokens: Tokenizer().tokenize(text))
}

@Suite struct KeynessTests {
  /// Content words: housing ×3, council ×1 (4 in all).
  private let first = termCounts("Housing, housing, HOUSING and the council.")
  /// Content words: council ×3, met, housing, discussed, mayor (7 in all).
  private let second = termCounts(
    "The council met the council. Housing was not discussed by the council or the mayor.")

  // MARK: Term counts

  @Test func countsFoldedContentWordsWithoutStopWordsPossessivesOrNumbers() {
    let counts = termCounts(
      "The Council’s council tax rose 5% in 2016, and Mr Khan didn’t welcome it. U.K.")
    #expect(
      counts.counts == ["council": 2, "tax": 1, "rose": 1, "khan": 1, "welcome": 1, "u.k": 1])
    #expect(counts.total == 7)
    #expect(counts.documents == 1)
  }

  @Test func mergesCountsByAddingThem() {
    let merged = first.merging(second)
    #expect(merged.count(of: "council") == 4)
    #expect(merged.count(of: "housing") == 4)
    #expect(merged.total == 11)
    #expect(merged.documents == 2)
    #expect(merged == second.merging(first))
    #expect(merged.merging(TermCounts()) == merged)
  }

  @Test func countingTheWholeEqualsMergingCountsOfShards() throws {
    let articles = try themeTestCorpusArticles()
    let whole = termCounts(articles.map(\.text.string).joined(separator: "\n\n"))
    var merged = TermCounts()
    for article in articles {
      merged.merge(TermCounts(text: article.text, tokens: Tokenizer().tokenize(article.text)))
    }
    #expect(merged.rows() == whole.rows())
    #expect(merged.total == whole.total)
  }

  @Test func serialisesRowsSortedByTermAndReadsThemBack() {
    let rows = second.rows()
    #expect(rows.map(\.term) == ["council", "discussed", "housing", "mayor", "met"])
    #expect(TermCounts(rows: rows, documents: 1) == second)
  }

  // MARK: Log-likelihood

  @Test func computesDunningsLogLikelihoodByHand() {
    // housing: 3 of 4 words here, 1 of 7 elsewhere; N = 11. Expected counts: 16/11, 28/11,
    // 28/11, 49/11 for observed 3, 1, 1, 6.
    let expected = 2 * (3 * log(33.0 / 16) + 2 * log(11.0 / 28) + 6 * log(66.0 / 49))
    let g2 = Keyness.logLikelihood(count: 3, total: 4, otherCount: 1, otherTotal: 7)
    #expect(abs(g2 - expected) < 1e-12)
    #expect(abs(g2 - 4.180289412842447) < 1e-12)
  }

  @Test func givesZeroForATermEquallyFrequentEverywhere() {
    #expect(Keyness.logLikelihood(count: 2, total: 10, otherCount: 4, otherTotal: 20) == 0)
    #expect(Keyness.logLikelihood(count: 0, total: 0, otherCount: 0, otherTotal: 0) == 0)
  }

  @Test func ranksKeyTermsOfADocumentAgainstTheRestOfTheCorpus() {
    let corpus = first.merging(second)
    let keyness = Keyness(limit: 10, minimumCount: 1)
    let firstKeys = keyness.keyTerms(of: first, in: corpus)
    // council is rarer here (1/4) than elsewhere (3/7), so it is not key.
    #expect(firstKeys.map(\.term) == ["housing"])
    #expect(firstKeys[0].count == 3 && firstKeys[0].otherCount == 1)
    #expect(abs(firstKeys[0].logLikelihood - 4.180289412842447) < 1e-12)

    let secondKeys = keyness.keyTerms(of: second, in: corpus)
    // met, discussed and mayor tie (1 of 7 here, 0 of 4 elsewhere): ordered by term.
    #expect(secondKeys.map(\.term) == ["discussed", "mayor", "met", "council"])
    let tie = 2 * (log(11.0 / 7) + 6 * log(33.0 / 35) + 4 * log(11.0 / 10))
    #expect(abs(secondKeys[0].logLikelihood - tie) < 1e-12)
    let council = 2 * (6 * log(33.0 / 28) + 4 * log(44.0 / 49) + log(11.0 / 16))
    #expect(abs(secondKeys[3].logLikelihood - council) < 1e-12)
  }

  @Test func appliesTheMinimumCountAndTheLimit() {
    let corpus = first.merging(second)
    #expect(Keyness(minimumCount: 2).keyTerms(of: second, in: corpus).map(\.term) == ["council"])
    #expect(Keyness(limit: 2, minimumCount: 1).keyTerms(of: second, in: corpus).count == 2)
  }

  @Test func findsNoKeyTermsInACorpusOfOneDocument() {
    #expect(Keyness(minimumCount: 1).keyTerms(of: first, in: first).isEmpty)
  }
}
