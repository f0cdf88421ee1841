import Foundation

/// The corpus-wide view the reports summarise: every entity with its counts, the documents
/// under each theme, and how many claims got each verdict.
///
/// Built one document at a time; `merge` adds another index, so partial indexes of shards
/// combine into the index of the whole whatever the order.
public struct ReportIndex: Sendable {
  /// One canonical entity across the corpus.
  public struct EntityEntry: Hashable, Sendable {
    /// The canonical name.
    public var canonical: String
    /// The entity type (`PERSON`, `PARTY`, ...).
    public var type: String
    /// How many times it is mentioned.
    public var mentions: Int
    /// How many documents mention it.
    public var documents: Int
    /// The distinct ways it is written, in code-point order.
    public var variants: [String]
  }

  /// One document under a theme.
  public struct ThemePosting: Hashable, Sendable {
    /// The document's id.
    public var document: String
    /// Its score for the theme (weighted matches per 1,000 words).
    public var score: Double
    /// Its number of matches.
    public var matches: Int
  }

  /// One theme across the corpus.
  public struct ThemeEntry: Hashable, Sendable {
    /// The theme's id.
    public var id: String
    /// Its label.
    public var label: String
    /// The documents about it, highest score first (then by id).
    public var documents: [ThemePosting]
    /// Matches summed over its documents.
    public var matches: Int { documents.reduce(0) { $0 + $1.matches } }
  }

  /// The entity index (`psephos entities`), from the documents' mentions.
  public private(set) var entityIndex = EntityIndex()
  /// The theme index (`psephos themes`), from the documents' theme scores.
  public private(set) var themeIndex = ThemeIndex()
  private var themeLabels: [String: String] = [:]
  /// How many documents were added.
  public private(set) var documentCount = 0
  /// How many figures they cite.
  public private(set) var figureCount = 0
  /// How many entity mentions they have.
  public private(set) var mentionCount = 0
  /// How many claims were found.
  public private(set) var claimCount = 0
  /// Claims per verdict.
  public private(set) var verdictCounts: [Verdict.Rating: Int] = [:]
  /// Figures per kind.
  public private(set) var figureKindCounts: [Figure.Kind: Int] = [:]

  /// An empty index (the identity of `merge`).
  public init() {}

  /// The index of some documents.
  ///
  /// Complexity: O(total mentions + claims + themes + figures), plus the entity index's
  /// co-mention pairs.
  public init(_ documents: [ReportDocument]) {
    for document in documents { add(document) }
  }

  /// Adds one document.
  ///
  /// Complexity: O(mentions + claims + themes + figures) of the document, plus the entity
  /// index's co-mention pairs.
  public mutating func add(_ document: ReportDocument) {
    documentCount += 1
    figureCount += document.figures.count
    mentionCount += document.entities.count
    claimCount += document.claims.count
    for figure in document.figures { figureKindCounts[figure.kind, default: 0] += 1 }
    for claim in document.claims { verdictCounts[claim.verdict.rating, default: 0] += 1 }
    entityIndex.add(document.analysis)
    themeIndex.add(document: document.document.id, themes: document.themes)
    for theme in document.themes where themeLabels[theme.theme] == nil {
      themeLabels[theme.theme] = theme.label
    }
  }

  /// Adds every count of another index.
  ///
  /// Complexity: O(entries of `other`).
  public mutating func merge(_ other: ReportIndex) {
    documentCount += other.documentCount
    figureCount += other.figureCount
    mentionCount += other.mentionCount
    claimCount += other.claimCount
    verdictCounts.merge(other.verdictCounts, uniquingKeysWith: +)
    figureKindCounts.merge(other.figureKindCounts, uniquingKeysWith: +)
    entityIndex.merge(other.entityIndex)
    themeIndex.merge(other.themeIndex)
    themeLabels.merge(other.themeLabels) { mine, _ in mine }
  }

  /// Every entity, most mentioned first (as `EntityIndex.ranked`).
  ///
  /// Complexity: O(e log e) in the number of entities.
  public var entities: [EntityEntry] {
    entityIndex.ranked.map { key, entry in
      EntityEntry(
        canonical: key.canonical, type: key.kind.rawValue, mentions: entry.mentions,
        documents: entry.documents.count,
        variants: entry.aliases.keys.sorted(by: Self.codePointOrder))
    }
  }

  /// Every theme: in most documents first, then most matches, then by id; each theme's
  /// documents ranked as `ThemeIndex` ranks them.
  ///
  /// Complexity: O(p log p) in the number of postings.
  public var themes: [ThemeEntry] {
    themeIndex.rows().reduce(into: [ThemeEntry]()) { entries, row in
      let posting = ThemePosting(document: row.document, score: row.score, matches: row.matches)
      if entries.last?.id == row.theme {
        entries[entries.count - 1].documents.append(posting)
      } else {
        entries.append(
          ThemeEntry(
            id: row.theme, label: themeLabels[row.theme] ?? row.theme, documents: [posting]))
      }
    }
    .sorted { left, right in
      if left.documents.count != right.documents.count {
        return left.documents.count > right.documents.count
      }
      if left.matches != right.matches { return left.matches > right.matches }
      return Self.codePointOrder(left.id, right.id)
    }
  }

  /// The number of claims with a rating (zero if none).
  public func count(of rating: Verdict.Rating) -> Int { verdictCounts[rating] ?? 0 }

  /// Whether `left` sorts before `right` by UTF-8 bytes (code-point order), whatever the locale.
  static func codePointOrder(_ left: String, _ right: String) -> Bool {
    left.utf8.lexicographicallyPrecedes(right.utf8)
  }
}

extension ReportIndex {
  /// The DESIGN.md `index` object: `entities` (as `EntityIndex.json`) and `themes` (as
  /// `ThemeIndex.json`), the same shapes `psephos entities` and `psephos themes` print.
  public var json: JSONValue {
    ["entities": entityIndex.json, "themes": themeIndex.json]
  }

  /// `json`, an entity or theme row at a time.
  public var lazyJSON: LazyJSON {
    .object(["entities": entityIndex.lazyJSON, "themes": themeIndex.lazyJSON])
  }
}
