import Foundation

/// The terms most distinctive of a document against the rest of a corpus, by log-likelihood
/// (Dunning's G²).
///
/// For a term with `a` occurrences in the document (of `c` counted words) and `b` in the rest of
/// the corpus (of `d`), G² is computed over the full 2×2 contingency table (Dunning 1993):
/// observed O = (a, c − a, b, d − b), expected E from the row and column totals,
/// G² = 2 Σ O ln(O / E), with 0 ln 0 = 0. Only terms relatively more frequent in the document
/// than in the rest (a/c > b/d) are key; the rest are left out. 3.84 is the 5% critical value
/// of χ² with one degree of freedom, 10.83 the 0.1% one.
///
/// The corpus counts include the document's own (merge every document's `TermCounts`); the
/// rest of the corpus is the corpus minus the document.
public struct Keyness: Sendable {
  /// One key term of a document.
  public struct KeyTerm: Hashable, Sendable {
    /// The folded term.
    public var term: String
    /// Occurrences in the document.
    public var count: Int
    /// Occurrences in the rest of the corpus.
    public var otherCount: Int
    /// The log-likelihood G².
    public var logLikelihood: Double

    /// Creates a key term.
    public init(term: String, count: Int, otherCount: Int, logLikelihood: Double) {
      self.term = term
      self.count = count
      self.otherCount = otherCount
      self.logLikelihood = logLikelihood
    }
  }

  /// The most terms returned per document.
  public var limit: Int
  /// The least number of occurrences in the document for a term to be key.
  public var minimumCount: Int

  /// Creates a keyness ranker: by default the top 20 terms that occur at least twice.
  public init(limit: Int = 20, minimumCount: Int = 2) {
    precondition(limit >= 0 && minimumCount >= 1, "limit must be >= 0 and minimumCount >= 1")
    self.limit = limit
    self.minimumCount = minimumCount
  }

  /// The document's key terms, highest G² first; ties by term (UTF-8 byte order).
  ///
  /// Complexity: O(t log t) in the document's distinct terms.
  public func keyTerms(of document: TermCounts, in corpus: TermCounts) -> [KeyTerm] {
    let documentTotal = document.total
    let otherTotal = corpus.total - documentTotal
    precondition(otherTotal >= 0, "the corpus counts must include the document's")
    var result: [KeyTerm] = []
    for (term, count) in document.counts where count >= minimumCount {
      let other = corpus.count(of: term) - count
      precondition(other >= 0, "the corpus counts must include the document's (\(term))")
      // Key only if relatively more frequent here than in the rest: a/c > b/d.
      guard count * otherTotal > other * documentTotal else { continue }
      let g2 = Self.logLikelihood(
        count: count, total: documentTotal, otherCount: other, otherTotal: otherTotal)
      result.append(KeyTerm(term: term, count: count, otherCount: other, logLikelihood: g2))
    }
    result.sort { left, right in
      left.logLikelihood != right.logLikelihood
        ? left.logLikelihood > right.logLikelihood
        : left.term.utf8.lexicographicallyPrecedes(right.term.utf8)
    }
    return Array(result.prefix(limit))
  }

  /// Dunning's G² for a term seen `count` times in `total` words and `otherCount` times in
  /// `otherTotal` words.
  ///
  /// Complexity: O(1).
  public static func logLikelihood(count: Int, total: Int, otherCount: Int, otherTotal: Int)
    -> Double
  {
    precondition(count <= total && otherCount <= otherTotal, "a count exceeds its total")
    let n = Double(total + otherTotal)
    guard n > 0 else { return 0 }
    let termTotal = Double(count + otherCount)
    let restTotal = n - termTotal
    func cell(_ observed: Int, _ rowTotal: Int, _ columnTotal: Double) -> Double {
      guard observed > 0 else { return 0 }
      let expected = Double(rowTotal) * columnTotal / n
      return Double(observed) * log(Double(observed) / expected)
    }
    let sum =
      cell(count, total, termTotal) + cell(total - count, total, restTotal)
      + cell(otherCount, otherTotal, termTotal)
      + cell(otherTotal - otherCount, otherTotal, restTotal)
    return max(0, 2 * sum)
  }
}
