/// For each theme, the documents about it, ranked: the corpus side of theme scoring.
///
/// An index is a multiset of postings (theme, document, score, matches). `merge` is the union,
/// so it is associative and commutative with the empty index as identity, and indexing shards
/// then merging gives exactly the index of the whole, whatever the order of documents or shards.
/// Within a theme, documents rank by score (highest first), then by document id (UTF-8 byte
/// order), then by matches.
///
/// Adding and merging only append; ranking happens when the index is read (`postings`,
/// `documents(about:)`, `rows()`), so building an index of n documents one by one, or merging
/// many small indexes, costs O(n) plus one sort.
public struct ThemeIndex: Hashable, Sendable {
  /// One document's entry under a theme.
  public struct Posting: Hashable, Sendable {
    /// The document's id.
    public var document: String
    /// The document's score for the theme (weighted matches per 1,000 words).
    public var score: Double
    /// The number of matches.
    public var matches: Int

    /// Creates a posting.
    public init(document: String, score: Double, matches: Int) {
      self.document = document
      self.score = score
      self.matches = matches
    }

    /// The ranking order within a theme.
    static func ranksBefore(_ left: Posting, _ right: Posting) -> Bool {
      if left.score != right.score { return left.score > right.score }
      if left.document != right.document {
        return left.document.utf8.lexicographicallyPrecedes(right.document.utf8)
      }
      return left.matches < right.matches
    }
  }

  /// One line of the serialised index.
  public struct Row: Hashable, Sendable {
    /// The theme's id.
    public var theme: String
    /// The document's 1-based rank within the theme.
    public var rank: Int
    /// The document's id.
    public var document: String
    /// The document's score for the theme.
    public var score: Double
    /// The number of matches.
    public var matches: Int

    /// Creates a row.
    public init(theme: String, rank: Int, document: String, score: Double, matches: Int) {
      self.theme = theme
      self.rank = rank
      self.document = document
      self.score = score
      self.matches = matches
    }
  }

  /// Postings per theme id in the order they were added; themes without documents are absent.
  private var entries: [String: [Posting]]

  /// Ranked postings per theme id; themes without documents are absent.
  ///
  /// Complexity: O(p log p) in the number of postings.
  public var postings: [String: [Posting]] {
    entries.mapValues { $0.sorted(by: Posting.ranksBefore) }
  }

  /// Creates an empty index (the identity of `merge`).
  public init() {
    entries = [:]
  }

  /// Creates the index of one document from its theme scores.
  public init(document: String, themes: [ThemeScore]) {
    self.init()
    add(document: document, themes: themes)
  }

  /// Rebuilds an index from its rows (as `rows()` gives them); ranks are recomputed.
  ///
  /// Complexity: O(r) in the number of rows.
  public init(rows: [Row]) {
    self.init()
    for row in rows {
      entries[row.theme, default: []].append(
        Posting(document: row.document, score: row.score, matches: row.matches))
    }
  }

  /// Adds one document's theme scores.
  ///
  /// Complexity: O(t) amortised in the number of themes scored.
  public mutating func add(document: String, themes: [ThemeScore]) {
    for score in themes {
      entries[score.theme, default: []].append(
        Posting(document: document, score: score.score, matches: score.matches))
    }
  }

  /// The documents about a theme, best first (empty for an unknown theme).
  ///
  /// Complexity: O(p log p) in the theme's postings.
  public func documents(about theme: String) -> [Posting] {
    (entries[theme] ?? []).sorted(by: Posting.ranksBefore)
  }

  /// Adds every posting of another index to this one.
  ///
  /// Complexity: O(p) amortised in the postings of `other`.
  public mutating func merge(_ other: ThemeIndex) {
    for (theme, incoming) in other.entries {
      entries[theme, default: []].append(contentsOf: incoming)
    }
  }

  /// The union of two indexes.
  public static func merge(_ left: ThemeIndex, _ right: ThemeIndex) -> ThemeIndex {
    var result = left
    result.merge(right)
    return result
  }

  /// Every posting as a row, sorted by theme id (UTF-8 byte order) and then rank: the
  /// deterministic serialised form for JSON and CSV writers.
  ///
  /// Complexity: O(p log p) in the number of postings.
  public func rows() -> [Row] {
    let themes = entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var rows: [Row] = []
    for theme in themes {
      for (offset, posting) in documents(about: theme).enumerated() {
        rows.append(
          Row(
            theme: theme, rank: offset + 1, document: posting.document, score: posting.score,
            matches: posting.matches))
      }
    }
    return rows
  }

  /// Indexes are equal when they hold the same postings, whatever the order they were added in.
  public static func == (left: ThemeIndex, right: ThemeIndex) -> Bool {
    left.entries.count == right.entries.count && left.postings == right.postings
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(postings)
  }
}
