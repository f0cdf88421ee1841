/// Runs every per-document stage on one document: tokenize, extract figures.
///
/// The analysis is a pure function of the document and the knowledge the analyzer was made
/// with, so documents can be analysed on any thread in any order and merged in input order.
public struct Analyzer: Sendable {
  private let tokenizer = Tokenizer()
  private let figureExtractor = FigureExtractor()

  /// Creates an analyzer.
  public init() {}

  /// Analyses one document.
  public func analyze(_ document: Document) -> DocumentAnalysis {
    var times: StageTimes? = nil
    return analyze(document, times: &times)
  }

  /// Analyses one document, adding each stage's time to `times` when it is not nil.
  public func analyze(_ document: Document, times: inout StageTimes?) -> DocumentAnalysis {
    var clock = StageClock()
    let tokens = clock.measure(.tokenize, into: &times) { tokenizer.tokenize(document.text) }
    let (figures, figureFindings) = clock.measure(.figures, into: &times) {
      figureExtractor.figures(in: document.text, tokens: tokens)
    }
    return DocumentAnalysis(
      document: document, tokens: tokens, figures: figures,
      findings: document.findings + figureFindings)
  }
}
