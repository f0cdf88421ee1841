/// Runs every per-document stage on one document: tokenize, find entities, extract figures,
/// read claims, check them against the results, score themes.
///
/// The analysis is a pure function of the document and the knowledge the analyzer was made
/// with, so documents can be analysed on any thread in any order and merged in input order.
public struct Analyzer: Sendable {
  private let tokenizer = Tokenizer()
  private let entityExtractor: EntityExtractor
  private let figureExtractor = FigureExtractor()
  private let claimExtractor = ClaimExtractor()
  private let checker = CrossChecker()
  private let themeScorer = ThemeScorer()

  /// The election results claims are checked against.
  public let results: ResultsStore
  /// The results' names folded for linking, once for every document.
  private let linker: EntityLinker

  /// Creates an analyzer that recognises entities with `knowledge` (loaded once, shared) and
  /// checks claims against `results`.
  public init(knowledge: Knowledge = .standard, results: ResultsStore = ResultsStore(records: [])) {
    entityExtractor = EntityExtractor(knowledge: knowledge)
    self.results = results
    linker = EntityLinker(store: results)
  }

  /// Loads the results files or folders and the bundled knowledge, with every candidate and
  /// party the results name added to it, so "Goldsmith" alone is known as Zac Goldsmith.
  public static func loading(results paths: [String]) throws -> Analyzer {
    let store = try ResultsStore(loading: paths)
    return Analyzer(knowledge: try Knowledge(addingNamesFrom: store), results: store)
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
    let claims = clock.measure(.claims, into: &times) {
      claimExtractor.claims(
        in: document.text, tokens: tokens, mentions: mentions, figures: figures,
        metadata: document.metadata)
    }
    let checked = clock.measure(.check, into: &times) {
      checker.check(claims, of: document.metadata, linker: linker)
    }
    let themes = clock.measure(.themes, into: &times) {
      themeScorer.themes(in: document.text, tokens: tokens)
    }
    return DocumentAnalysis(
      document: document, tokens: tokens, mentions: mentions, figures: figures, claims: checked,
      themes: themes,
      findings: document.findings + figureFindings)
  }
}
