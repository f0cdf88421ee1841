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

  private struct EntityKey: Hashable {
    var type: String
    var canonical: String
  }

  private struct EntityTally {
    var mentions = 0
    var documents = 0
    var variants: Set<String> = []
  }

  private var entityTallies: [EntityKey: EntityTally] = [:]
  private var themeTallies: [String: (label: String, postings: [ThemePosting])] = [:]
  /// How many documents were added.
  public private(set) var documentCount = 0
  /// How many figures they cite.
  public private(set) var figureCount = 0
  /// How many entity mentions they have.
  public private(set) var mentionCount = 0
  /// How many claims were found.
  public private(set) var claimCount = 0
  /// Claims per verdict.
  public private(set) var verdictCounts: [ReportDocument.Verdict: Int] = [:]
  /// Figures per kind.
  public private(set) var figureKindCounts: [Figure.Kind: Int] = [:]

  /// An empty index (the identity of `merge`).
  public init() {}

  /// The index of some documents.
  ///
  /// Complexity: O(total mentions + claims + themes + figures).
  public init(_ documents: [ReportDocument]) {
    for document in documents { add(document) }
  }

  /// Adds one document.
  ///
  /// Complexity: O(mentions + claims + themes + figures) of the document, plus, per theme, the
  /// postings already under it.
  public mutating func add(_ document: ReportDocument) {
    let text = document.document.text
    documentCount += 1
    figureCount += document.figures.count
    mentionCount += document.entities.count
    claimCount += document.claims.count
    for figure in document.figures { figureKindCounts[figure.kind, default: 0] += 1 }
    for claim in document.claims { verdictCounts[claim.verdict, default: 0] += 1 }
    var seen: Set<EntityKey> = []
    for entity in document.entities {
      let key = EntityKey(type: entity.type, canonical: entity.canonical)
      var tally = entityTallies[key, default: EntityTally()]
      tally.mentions += 1
      tally.variants.insert(text.string(entity.range))
      if seen.insert(key).inserted { tally.documents += 1 }
      entityTallies[key] = tally
    }
    for theme in document.themes {
      let posting = ThemePosting(
        document: document.document.id, score: theme.score, matches: theme.matches)
      themeTallies[theme.id, default: (theme.label, [])].postings.append(posting)
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
    entityTallies.merge(other.entityTallies) { mine, theirs in
      EntityTally(
        mentions: mine.mentions + theirs.mentions, documents: mine.documents + theirs.documents,
        variants: mine.variants.union(theirs.variants))
    }
    themeTallies.merge(other.themeTallies) { mine, theirs in
      (mine.label, mine.postings + theirs.postings)
    }
  }

  /// Every entity: most mentioned first, then in most documents, then by name and type.
  ///
  /// Complexity: O(e log e) in the number of entities.
  public var entities: [EntityEntry] {
    entityTallies.map { key, tally in
      EntityEntry(
        canonical: key.canonical, type: key.type, mentions: tally.mentions,
        documents: tally.documents, variants: tally.variants.sorted(by: Self.codePointOrder))
    }
    .sorted { left, right in
      if left.mentions != right.mentions { return left.mentions > right.mentions }
      if left.documents != right.documents { return left.documents > right.documents }
      if left.canonical != right.canonical {
        return Self.codePointOrder(left.canonical, right.canonical)
      }
      return Self.codePointOrder(left.type, right.type)
    }
  }

  /// Every theme: in most documents first, then most matches, then by id; each theme's
  /// documents highest score first, then by id.
  ///
  /// Complexity: O(p log p) in the number of postings.
  public var themes: [ThemeEntry] {
    themeTallies.map { id, tally in
      let postings = tally.postings.sorted { left, right in
        if left.score != right.score { return left.score > right.score }
        return Self.codePointOrder(left.document, right.document)
      }
      return ThemeEntry(id: id, label: tally.label, documents: postings)
    }
    .sorted { left, right in
      if left.documents.count != right.documents.count {
        return left.documents.count > right.documents.count
      }
      if left.matches != right.matches { return left.matches > right.matches }
      return Self.codePointOrder(left.id, right.id)
    }
  }

  /// The number of claims with a verdict (zero if none).
  public func count(of verdict: ReportDocument.Verdict) -> Int { verdictCounts[verdict] ?? 0 }

  /// Whether `left` sorts before `right` by UTF-8 bytes (code-point order), whatever the locale.
  static func codePointOrder(_ left: String, _ right: String) -> Bool {
    left.utf8.lexicographicallyPrecedes(right.utf8)
  }
}

extension ReportIndex {
  /// The DESIGN.md `index` object: `entities[]` (`canonical`, `type`, `mentions`, `documents`,
  /// `variants`) and `themes[]` (`theme`, `label`, `documents[]` with `document`, `rank`,
  /// `score`, `matches`).
  public var json: JSONValue {
    let entities: [JSONValue] = entities.map { entry in
      [
        "canonical": .string(entry.canonical),
        "type": .string(entry.type),
        "mentions": .integer(entry.mentions),
        "documents": .integer(entry.documents),
        "variants": .array(entry.variants.map(JSONValue.string)),
      ]
    }
    let themes: [JSONValue] = themes.map { entry in
      let documents: [JSONValue] = entry.documents.enumerated().map { rank, posting in
        [
          "document": .string(posting.document),
          "rank": .integer(rank + 1),
          "score": .decimal(ReportNumber.decimal(posting.score, places: 3)),
          "matches": .integer(posting.matches),
        ]
      }
      return [
        "theme": .string(entry.id), "label": .string(entry.label), "documents": .array(documents),
      ]
    }
    return ["entities": .array(entities), "themes": .array(themes)]
  }
}
