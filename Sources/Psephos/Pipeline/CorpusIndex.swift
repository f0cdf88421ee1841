/// A corpus-level index that is built a document at a time and merged: the entity index, the
/// theme index. The extension point through which `psephos analyse`, `stream` and `merge` build
/// the report's `index` object.
///
/// Each document contributes a *part*, a JSON value computed from its analysis on a worker
/// thread. Parts travel with the document (on a `psephos stream` line, in a cache entry), so the
/// index of any set of documents is the merge of their parts, whether they were analysed in one
/// run or in many shards:
///
/// ```
/// index(whole) == merge(index(shard 1), index(shard 2), ...)   byte for byte
/// ```
///
/// To add an index: conform a type and list it in `CorpusIndex.kinds`.
///
/// Laws (tested for every listed kind): `merge` is associative and commutative with `init()` as
/// its identity, and `init(part: part(of: analysis))` loses nothing `json` writes.
public protocol MergeableIndex: Sendable {
  /// The index's member in the report's `index` object (`entities`, `themes`).
  static var key: String { get }

  /// The empty index: the identity of `merge`.
  init()

  /// One document's contribution, as JSON; a pure function run on worker threads.
  static func part(of analysis: DocumentAnalysis) -> JSONValue

  /// The index of one document from its part; a malformed part is an error naming what is wrong.
  init(part: JSONValue) throws(IndexPartError)

  /// Adds another index's entries; associative and commutative.
  mutating func merge(_ other: Self)

  /// The index as the report writes it; deterministic.
  var json: JSONValue { get }
}

/// A document's index part that could not be read (a part written by another version).
public struct IndexPartError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The index's key.
  public var index: String
  /// What was wrong.
  public var message: String

  /// Creates an error.
  public init(index: String, message: String) {
    self.index = index
    self.message = message
  }

  /// `index "themes": message`.
  public var description: String { "index \"\(index)\": \(message)" }
}

/// Every corpus index of a run, built from the parts of the documents added so far.
///
/// Memory grows with the indexes (distinct entities, themes and their postings), not with the
/// text of the corpus.
public struct CorpusIndex: Sendable {
  /// The indexes every run builds, in no particular order (the report sorts keys). Add a new
  /// index here (see `CorpusIndex+Kinds.swift`).
  public static let kinds: [any MergeableIndex.Type] = [EntityIndex.self, ThemeIndex.self]

  private var indexes: [String: any MergeableIndex]

  /// No documents yet: every index of `kinds` (by default, those listed), empty.
  public init(kinds: [any MergeableIndex.Type] = CorpusIndex.kinds) {
    indexes = [:]
    for kind in kinds { indexes[kind.key] = kind.init() }
  }

  /// The parts of one analysed document, by index key, for every index of `kinds`.
  public static func parts(
    of analysis: DocumentAnalysis, kinds: [any MergeableIndex.Type] = CorpusIndex.kinds
  ) -> [String: JSONValue] {
    var parts: [String: JSONValue] = [:]
    for kind in kinds { parts[kind.key] = kind.part(of: analysis) }
    return parts
  }

  /// The index of one document, read from its parts (on a worker thread, so that the caller
  /// only merges): indexes with no part are empty, parts of indexes not listed are ignored.
  public init(parts: [String: JSONValue], kinds: [any MergeableIndex.Type] = CorpusIndex.kinds)
    throws(IndexPartError)
  {
    indexes = [:]
    for kind in kinds {
      indexes[kind.key] =
        try parts[kind.key].map { part throws(IndexPartError) in
          try kind.init(part: part)
        } ?? kind.init()
    }
  }

  /// Adds one document's parts; a listed index with no part (a part from an older run) adds
  /// nothing, and a part for an index not listed is ignored.
  ///
  /// Complexity: that of reading the part and of each index's `merge` (each index is taken
  /// out of storage while it is merged, so it is never copied).
  public mutating func add(parts: [String: JSONValue]) throws(IndexPartError) {
    for key in indexes.keys.sorted() {
      guard let part = parts[key] else { continue }
      let piece = try Self.read(part, like: indexes[key]!)
      let index = indexes.removeValue(forKey: key)!
      indexes[key] = Self.merging(piece, into: index)
    }
  }

  /// Adds every entry of another corpus index.
  public mutating func merge(_ other: CorpusIndex) {
    for (key, index) in other.indexes {
      guard let existing = indexes.removeValue(forKey: key) else {
        indexes[key] = index
        continue
      }
      indexes[key] = Self.merging(index, into: existing)
    }
  }

  /// The report's `index` object: one member per index.
  public var json: JSONValue {
    .object(indexes.mapValues(\.json))
  }

  /// One document's index of the same kind as `index`, read from its part.
  private static func read<Index: MergeableIndex>(_ part: JSONValue, like index: Index)
    throws(IndexPartError) -> any MergeableIndex
  {
    try Index(part: part)
  }

  private static func merging<Index: MergeableIndex>(
    _ other: any MergeableIndex, into index: consuming Index
  ) -> any MergeableIndex {
    guard let other = other as? Index else {
      preconditionFailure("two indexes under the key '\(Index.key)' have different types")
    }
    var merged = index
    merged.merge(other)
    return merged
  }
}
