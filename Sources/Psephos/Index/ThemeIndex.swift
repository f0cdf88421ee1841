/// For each theme, the documents about it, ranked: the corpus side of theme scoring.
///
/// An index is a multiset of postings (theme, document, score, matches). `merge` is the union,
/// so it is associative and commutative with the empty index as identity, and indexing shards
/// then merging gives exactly the index of the whole, whatever the order of documents or shards.
/// Within a theme, documents rank by score (highest first), then by document id (UTF-8 byte
/// order), then by matches.
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

  /// Ranked postings per theme id; themes without documents are absent.
  public private(set) var postings: [String: [Posting]]

  /// Creates an empty index (the identity of `merge`).
  public init() {
    postings = [:]
  }

  /// Creates the index of one document from its theme scores.
  public init(document: String, themes: [ThemeScore]) {
    self.init()
    add(document: document, themes: themes)
  }

  /// Rebuilds an index from its rows (as `rows()` gives them); ranks are recomputed.
  ///
  /// Complexity: O(r log r) in the number of rows.
  public init(rows: [Row]) {
    var postings: [String: [Posting]] = [:]
    for row in rows {
      postings[row.theme, default: []].append(
        Posting(document: row.document, score: row.score, matches: row.matches))
    }
    self.postings = postings.mapValues { $0.sorted(by: Posting.ranksBefore) }
  }

  /// Adds one document's theme scores.
  ///
  /// Complexity: O(p) per theme in the postings already under it.
  public mutating func add(document: String, themes: [ThemeScore]) {
    for score in themes {
      let posting = Posting(document: document, score: score.score, matches: score.matches)
      var list = postings[score.theme, default: []]
      let position = list.firstIndex { Posting.ranksBefore(posting, $0) } ?? list.endIndex
      list.insert(posting, at: position)
      postings[score.theme] = list
    }
  }

  /// The documents about a theme, best first (empty for an unknown theme).
  public func documents(about theme: String) -> [Posting] { postings[theme] ?? [] }

  /// Adds every posting of another index to this one.
  ///
  /// Complexity: O(p) in the postings of both.
  public mutating func merge(_ other: ThemeIndex) {
    for (theme, incoming) in other.postings {
      guard let existing = postings[theme] else {
        postings[theme] = incoming
        continue
      }
      var merged: [Posting] = []
      merged.reserveCapacity(existing.count + incoming.count)
      var left = 0
      var right = 0
      while left < existing.count || right < incoming.count {
        if right == incoming.count
          || (left < existing.count && !Posting.ranksBefore(incoming[right], existing[left]))
        {
          merged.append(existing[left])
          left += 1
        } else {
          merged.append(incoming[right])
          right += 1
        }
      }
      postings[theme] = merged
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
  /// Complexity: O(p + t log t) in postings and themes.
  public func rows() -> [Row] {
    let themes = postings.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var rows: [Row] = []
    for theme in themes {
      for (offset, posting) in postings[theme]!.enumerated() {
        rows.append(
          Row(
            theme: theme, rank: offset + 1, document: posting.document, score: posting.score,
            matches: posting.matches))
      }
    }
    return rows
  }
}
