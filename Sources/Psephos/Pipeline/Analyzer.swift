/// Runs every per-document stage on one document: tokenize, find entities, extract figures,
/// score themes.
///
/// The analysis is a pure function of the document and the knowledge the analyzer was made
/// with, so documents can be analysed on any thread in any order and merged in input order.
public struct Analyzer: Sendable {
  private let tokenizer = Tokenizer()
  private let entityExtractor: EntityExtractor
  private let figureExtractor = FigureExtractor()
  private let themeScorer = ThemeScorer()

  /// The election results claims are checked against.
  public let results: ResultsStore

  /// Creates an analyzer that recognises entities with `knowledge` (loaded once, shared) and
  /// checks claims against `results`.
  public init(knowledge: Knowledge = .standard, results: ResultsStore = ResultsStore(records: [])) {
    entityExtractor = EntityExtractor(knowledge: knowledge)
    self.results = results
  }

  /// Loads the results files or folders and the bundled knowledge, with every candidate and
  /// party the results name added to it, so "Goldsmith" alone is known as Zac Goldsmith.
  public static func loading(results paths: [String]) throws -> Analyzer {
    let store = try ResultsStore(loading: paths)
    let people = Set(store.records.compactMap(\.candidate).filter { !$0.isEmpty })
    let parties = Set(store.records.compactMap(\.party).filter { !$0.isEmpty })
    let knowledge = try Knowledge(people: people.sorted(), parties: parties.sorted())
    return Analyzer(knowledge: knowledge, results: store)
  }

  /// Analyses one document.
  public func analyze(_ document: Document) -> DocumentAnalysis {
    var times: StageTimes? = nil
    return analyze(document, times: &times)
  }

  /// Analyses one document, adding each stage's time to `times` when it is not nil.
  public func analyze(_ document: Document, times: inout StageTimes?) -> DocumentAnalysis {
    var clock = StageClock()
    let tokens = clock.measure(.tokenize, into: &times) { tokenizer.tokenize(document.text) }
    let mentions = clock.measure(.entities, into: &times) {
      entityExtractor.mentions(in: document.text, tokens: tokens)
    }
    let (figures, figureFindings) = clock.measure(.figures, into: &times) {
      figureExtractor.figures(in: document.text, tokens: tokens)
    }
    let themes = clock.measure(.themes, into: &times) {
      themeScorer.themes(in: document.text, tokens: tokens)
    }
    return DocumentAnalysis(
      document: document, tokens: tokens, mentions: mentions, figures: figures, themes: themes,
      findings: document.findings + figureFindings)
  }
}
