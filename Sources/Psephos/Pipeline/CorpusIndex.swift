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

  /// `json` made a piece at a time, for an index too large to write as one value (by default,
  /// `json` itself).
  var lazyJSON: LazyJSON { get }
}

extension MergeableIndex {
  /// `json`, held whole.
  public var lazyJSON: LazyJSON { .value(json) }
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
/// text of the corpus. A value type: each index is kept in a box that is copied before it is
/// changed if another `CorpusIndex` shares it, and changed in place otherwise, so adding a
/// document costs the size of its part, not the size of the index.
public struct CorpusIndex: Sendable {
  /// The indexes every run builds, in no particular order (the report sorts keys). Add a new
  /// index here (see `CorpusIndex+Kinds.swift`).
  public static let kinds: [any MergeableIndex.Type] = [EntityIndex.self, ThemeIndex.self]

  /// One box per index, in key order.
  private var boxes: [AnyIndexBox]

  /// No documents yet: every index of `kinds` (by default, those listed), empty.
  public init(kinds: [any MergeableIndex.Type] = CorpusIndex.kinds) {
    boxes = kinds.map { $0.emptyBox() }.sorted { $0.key < $1.key }
  }

  /// The index of one document, read from its parts (on a worker thread, so that the caller
  /// only merges): indexes with no part are empty, parts of indexes not listed are ignored.
  public init(parts: [String: JSONValue], kinds: [any MergeableIndex.Type] = CorpusIndex.kinds)
    throws(IndexPartError)
  {
    self.init(kinds: kinds)
    for position in boxes.indices {
      guard let part = parts[boxes[position].key] else { continue }
      boxes[position] = try boxes[position].read(part)
    }
  }

  /// The parts of one analysed document, by index key, for every index of `kinds`.
  public static func parts(
    of analysis: DocumentAnalysis, kinds: [any MergeableIndex.Type] = CorpusIndex.kinds
  ) -> [String: JSONValue] {
    var parts: [String: JSONValue] = [:]
    for kind in kinds { parts[kind.key] = kind.part(of: analysis) }
    return parts
  }

  /// Adds one document's parts; a listed index with no part (a part from an older run) adds
  /// nothing, and a part for an index not listed is ignored.
  ///
  /// Complexity: that of reading the part and of each index's `merge`.
  public mutating func add(parts: [String: JSONValue]) throws(IndexPartError) {
    for position in boxes.indices {
      guard let part = parts[boxes[position].key] else { continue }
      let piece = try boxes[position].read(part)
      makeUnique(position)
      boxes[position].merge(piece)
    }
  }

  /// Adds every entry of another corpus index.
  ///
  /// Complexity: that of each index's `merge`, in the size of `other`.
  public mutating func merge(_ other: CorpusIndex) {
    for box in other.boxes {
      if let position = boxes.firstIndex(where: { $0.key == box.key }) {
        makeUnique(position)
        boxes[position].merge(box)
      } else {
        boxes.append(box)
        boxes.sort { $0.key < $1.key }
      }
    }
  }

  /// The report's `index` object: one member per index.
  public var json: JSONValue {
    .object(Dictionary(uniqueKeysWithValues: boxes.map { ($0.key, $0.json) }))
  }

  /// `json`, each index made a piece at a time.
  public var lazyJSON: LazyJSON {
    .object(Dictionary(uniqueKeysWithValues: boxes.map { ($0.key, $0.lazyJSON) }))
  }

  private mutating func makeUnique(_ position: Int) {
    if !isKnownUniquelyReferenced(&boxes[position]) { boxes[position] = boxes[position].copy() }
  }
}

extension MergeableIndex {
  /// A box holding an empty index of this type.
  fileprivate static func emptyBox() -> AnyIndexBox { IndexBox(Self()) }
}

/// An index of some `MergeableIndex` type, behind a reference so that it can be changed in
/// place. Only `CorpusIndex` holds boxes, and it copies a shared box before changing it, so
/// boxes are never changed while another thread can see them.
private class AnyIndexBox: @unchecked Sendable {
  var key: String { preconditionFailure("abstract") }
  var json: JSONValue { preconditionFailure("abstract") }
  var lazyJSON: LazyJSON { preconditionFailure("abstract") }
  func copy() -> AnyIndexBox { preconditionFailure("abstract") }
  func read(_ part: JSONValue) throws(IndexPartError) -> AnyIndexBox {
    preconditionFailure("abstract")
  }
  func merge(_ other: AnyIndexBox) { preconditionFailure("abstract") }
}

private final class IndexBox<Index: MergeableIndex>: AnyIndexBox, @unchecked Sendable {
  var index: Index

  init(_ index: Index) {
    self.index = index
  }

  override var key: String { Index.key }
  override var json: JSONValue { index.json }
  override var lazyJSON: LazyJSON { index.lazyJSON }
  override func copy() -> AnyIndexBox { IndexBox(index) }

  override func read(_ part: JSONValue) throws(IndexPartError) -> AnyIndexBox {
    IndexBox(try Index(part: part))
  }

  override func merge(_ other: AnyIndexBox) {
    guard let other = other as? IndexBox<Index> else {
      preconditionFailure("two indexes under the key '\(Index.key)' have different types")
    }
    index.merge(other.index)
  }
}
