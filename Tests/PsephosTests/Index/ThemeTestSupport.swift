import Foundation
import Testing

@testable import Psephos

/// A document with `text` as its normalised text.
func themeTestDocument(_ id: String, _ text: String) -> Document {
  Document(id: id, path: id, sha256: "", text: SourceText(text))
}

/// The themes `scorer` reports for `string`.
func themes(_ string: String, scorer: ThemeScorer = ThemeScorer()) -> [ThemeScore] {
  let text = SourceText(string)
  return scorer.themes(in: text, tokens: Tokenizer().tokenize(text))
}

/// A taxonomy from inline CSV lines (the header is added).
func taxonomy(_ lines: String...) throws(ThemeTaxonomy.LoadError) -> ThemeTaxonomy {
  try taxonomy(lines)
}

/// A taxonomy from inline CSV lines (the header is added).
func taxonomy(_ lines: [String]) throws(ThemeTaxonomy.LoadError) -> ThemeTaxonomy {
  let csv = (["theme_id,theme_label,cap_code,term,weight"] + lines).joined(separator: "\n")
  return try ThemeTaxonomy(csv: Array(csv.utf8), file: "test.csv")
}

/// The texts of the evidence spans of `score`'s term `term` in `string`.
func evidenceTexts(_ score: ThemeScore, _ term: String, in string: String) -> [String] {
  let text = SourceText(string)
  return score.evidence.first { $0.term == term }?.spans.map(text.string) ?? []
}

/// The bundled articles (`Corpus/articles/*.txt`) as documents, by file name.
func themeTestCorpusArticles() throws -> [Document] {
  let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Index
    .deletingLastPathComponent()  // PsephosTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()
    .appendingPathComponent("Corpus/articles")
  let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    .filter { $0.hasSuffix(".txt") }.sorted()
  return try names.map { name in
    themeTestDocument(
      name, try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
  }
}
