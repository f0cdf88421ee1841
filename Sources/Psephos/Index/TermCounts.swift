/// How often each content word occurs in a document or a corpus: the input to keyness.
///
/// A content word is a word token (not a split-off possessive "’s"), folded to lower case (see
/// `TermFolding`; an abbreviation loses its final stop, "U.K." counts as "u.k"), at least two
/// bytes long (and at most 255: longer "words" are not words) and not a stop word
/// (`TermCounts.stopWords`). Numbers, punctuation, addresses, handles and hashtags are not
/// counted.
///
/// Counts are mergeable: `merge` adds counts, totals and document counts, so it is associative
/// and commutative, and counting shards then merging gives exactly the counts of the whole.
public struct TermCounts: Hashable, Sendable {
  /// One term and its count, for serialising.
  public struct Row: Hashable, Sendable {
    /// The folded term.
    public var term: String
    /// How many times it occurs.
    public var count: Int

    /// Creates a row.
    public init(term: String, count: Int) {
      self.term = term
      self.count = count
    }
  }

  /// Occurrences per folded term.
  public private(set) var counts: [String: Int]
  /// The number of content words counted (the sum of `counts`).
  public private(set) var total: Int
  /// The number of documents counted.
  public private(set) var documents: Int

  /// Creates empty counts (the identity of `merge`).
  public init() {
    counts = [:]
    total = 0
    documents = 0
  }

  /// Creates counts from rows (as `rows()` gives them) and a document count.
  ///
  /// Complexity: O(rows).
  public init(rows: [Row], documents: Int) {
    var counts: [String: Int] = [:]
    var total = 0
    for row in rows {
      precondition(row.count > 0, "term count for \(row.term) must be positive")
      counts[row.term, default: 0] += row.count
      total += row.count
    }
    self.counts = counts
    self.total = total
    self.documents = documents
  }

  /// Counts the content words of one document.
  ///
  /// Complexity: O(n) in the text's bytes; one `String` per distinct term, none per token.
  public init(text: SourceText, tokens: TokenizedText) {
    var table = FoldedTermTable(capacity: 256)
    var perTerm: [Int] = []
    var total = 0
    let stopWords = Self.stopWordTable
    let longest = ThemeMatcher.longestToken
    text.bytes.withUnsafeBufferPointer { bytes in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest) { scratch in
        let buffer = scratch.baseAddress!
        for token in tokens.tokens
        where token.kind == .word && !token.flags.contains(.possessive)
          && token.range.count <= longest
        {
          var (count, hash) = TermFolding.fold(
            bytes, from: token.range.start, to: token.range.end, into: buffer)
          if token.flags.contains(.abbreviation), count > 0,
            buffer[count - 1] == UInt8(ascii: ".")
          {
            count -= 1
            hash = TermFolding.hash(folded: UnsafeBufferPointer(start: buffer, count: count))
          }
          guard count >= 2 else { continue }
          let folded = UnsafeBufferPointer(start: buffer, count: count)
          guard stopWords.index(of: folded, hash: hash) == nil else { continue }
          let (index, inserted) = table.insert(folded, hash: hash)
          if inserted { perTerm.append(0) }
          perTerm[index] += 1
          total += 1
        }
      }
    }
    var counts: [String: Int] = [:]
    counts.reserveCapacity(table.count)
    for index in 0..<table.count { counts[table.string(at: index)] = perTerm[index] }
    self.counts = counts
    self.total = total
    self.documents = 1
  }

  /// The count of a folded term (0 if absent).
  public func count(of term: String) -> Int { counts[term] ?? 0 }

  /// Adds another set of counts to this one.
  ///
  /// Complexity: O(terms in `other`).
  public mutating func merge(_ other: TermCounts) {
    counts.merge(other.counts, uniquingKeysWith: +)
    total += other.total
    documents += other.documents
  }

  /// The sum of two sets of counts.
  public func merging(_ other: TermCounts) -> TermCounts {
    var result = self
    result.merge(other)
    return result
  }

  /// Every term and its count, sorted by the term's UTF-8 bytes: a deterministic serialised
  /// form.
  ///
  /// Complexity: O(terms × log(terms)).
  public func rows() -> [Row] {
    counts.map { Row(term: $0.key, count: $0.value) }.sorted {
      $0.term.utf8.lexicographicallyPrecedes($1.term.utf8)
    }
  }

  /// Whether a word (folded the same way as text) is a stop word.
  public static func isStopWord(_ word: String) -> Bool {
    stopWordTable.index(of: word) != nil
  }

  private static let stopWordTable: FoldedTermTable = {
    var table = FoldedTermTable(capacity: stopWords.count)
    for word in stopWords { table.insert(word) }
    return table
  }()
}
