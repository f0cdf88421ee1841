/// What the parts of a report before and after its documents show: counts over the whole
/// corpus, gathered while the documents are written one at a time.
struct ReportTotals: Sendable {
  /// How many documents were written.
  var documents = 0
  /// Their words, summed.
  var words = 0
  /// The corpus index.
  var index = ReportIndex()
  /// The inputs that could not be read.
  var errors: [IngestFailure] = []
  /// Which stages ran.
  var coverage: CorpusReport.Coverage

  /// Totals of no documents yet.
  init(coverage: CorpusReport.Coverage) {
    self.coverage = coverage
  }

  /// The number of words of a document (tokens of kind `word`), as its report sections count
  /// them.
  ///
  /// Complexity: O(tokens).
  static func words(of document: ReportDocument) -> Int {
    document.analysis.tokens.tokens.reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }
  }
}
