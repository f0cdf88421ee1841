/// The corpus-wide index of entities: for each canonical person, party, place and organisation,
/// the names it was written as, the documents that mention it (with counts), its first mention
/// with a snippet, and the entities it appears alongside.
///
/// Mergeable: indexing shards separately and merging gives exactly the index of the whole,
/// whatever the order (`merge` is associative and commutative). "First" means first in document
/// id order, then text order, so it does not depend on how the corpus was split.
public struct EntityIndex: Sendable, Equatable {
  /// Identifies an entity: its type and canonical name.
  ///
  /// The key hashes its name once, when it is made: co-mentions make the index look keys up
  /// k² times for a document of k entities.
  public struct Key: Hashable, Sendable, Comparable {
    /// The entity's type.
    public let kind: Mention.Kind
    /// The canonical name.
    public let canonical: String
    /// `canonical`'s hash in this process.
    private let nameHash: Int

    /// Creates a key.
    public init(kind: Mention.Kind, canonical: String) {
      self.kind = kind
      self.canonical = canonical
      nameHash = canonical.hashValue
    }

    public static func == (lhs: Key, rhs: Key) -> Bool {
      lhs.nameHash == rhs.nameHash && lhs.kind == rhs.kind && lhs.canonical == rhs.canonical
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(nameHash)
      hasher.combine(kind)
    }

    public static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.kind.rawValue, lhs.canonical) < (rhs.kind.rawValue, rhs.canonical)
    }
  }

  /// Where an entity is first mentioned.
  public struct FirstMention: Hashable, Sendable {
    /// The document's id.
    public var document: String
    /// The mention's start in the document, in code points.
    public var offset: Int
    /// The sentence around the mention, shortened to about 200 characters.
    public var snippet: String

    fileprivate func precedes(_ other: FirstMention) -> Bool {
      (document, offset) < (other.document, other.offset)
    }
  }

  /// Everything known about one entity.
  public struct Entry: Sendable, Equatable {
    /// Surface forms and how often each was written ("Boris": 3, "Boris Johnson": 1).
    public var aliases: [String: Int] = [:]
    /// Mentions per document id.
    public var documents = DocumentCounts()
    /// The first mention in document-id order.
    public var firstMention: FirstMention?
    /// For each other entity, the number of documents mentioning both.
    public var coMentions: [Key: Int] = [:]

    /// Mentions across all documents.
    public var mentions: Int { documents.total }

    fileprivate mutating func merge(_ other: Entry) {
      aliases.merge(other.aliases, uniquingKeysWith: +)
      documents.merge(other.documents)
      coMentions.merge(other.coMentions, uniquingKeysWith: +)
      if let theirs = other.firstMention, firstMention.map({ theirs.precedes($0) }) ?? true {
        firstMention = theirs
      }
    }
  }

  /// The entries by entity.
  public private(set) var entries: [Key: Entry] = [:]

  /// An empty index.
  public init() {}

  /// An index holding these entries (as read back from a serialised part, see
  /// `MergeableIndex`).
  public init(entries: [Key: Entry]) {
    self.entries = entries
  }

  /// Adds one document's mentions.
  ///
  /// Complexity: O(m + k²) for m mentions of k distinct entities.
  public mutating func add(_ mentions: [Mention], document id: String, text: SourceText) {
    var shard = EntityIndex()
    for mention in mentions {
      let key = Key(kind: mention.kind, canonical: mention.canonical)
      var entry = shard.entries[key] ?? Entry()
      entry.aliases[text.string(mention.range), default: 0] += 1
      entry.documents.add(1, in: id)
      if entry.firstMention == nil {
        entry.firstMention = FirstMention(
          document: id, offset: text.codePointOffset(ofByte: mention.range.start),
          snippet: Self.snippet(around: mention.range, in: text))
      }
      shard.entries[key] = entry
    }
    Self.linkCoMentions(&shard.entries)
    merge(shard)
  }

  /// Records, in the entries of one document, that each entity is mentioned with every other.
  ///
  /// Complexity: O(k²) for k entities.
  static func linkCoMentions(_ entries: inout [Key: Entry]) {
    let keys = Array(entries.keys)
    for key in keys {
      var others: [Key: Int] = [:]
      others.reserveCapacity(keys.count - 1)
      for other in keys where other != key { others[other] = 1 }
      entries[key]!.coMentions = others
    }
  }

  /// Adds an analysed document.
  public mutating func add(_ analysis: DocumentAnalysis) {
    add(analysis.mentions, document: analysis.document.id, text: analysis.document.text)
  }

  /// Merges another index (of other documents) into this one.
  ///
  /// Complexity: O(size of `other`).
  public mutating func merge(_ other: EntityIndex) {
    for (key, entry) in other.entries { entries[key, default: Entry()].merge(entry) }
  }

  /// The entities, most mentioned first; ties by type, then canonical name.
  ///
  /// Complexity: O(k log k).
  public var ranked: [(key: Key, entry: Entry)] {
    entries.map { ($0.key, $0.value) }.sorted {
      let (left, right) = ($0.entry.mentions, $1.entry.mentions)
      return left != right ? left > right : $0.key < $1.key
    }
  }

  /// The sentence (or up to 100 characters either side) around a range, on one line.
  static func snippet(around range: ByteRange, in text: SourceText) -> String {
    let bytes = text.bytes
    var start = range.start
    var end = range.end
    var budget = 300  // bytes either side at most
    while start > 0, budget > 0, bytes[start - 1] != UInt8(ascii: "\n") {
      if bytes[start - 1] == UInt8(ascii: "."), start < range.start - 1 { break }
      start -= 1
      budget -= 1
    }
    budget = 300
    while end < bytes.count, budget > 0, bytes[end] != UInt8(ascii: "\n") {
      end += 1
      budget -= 1
      if bytes[end - 1] == UInt8(ascii: ".") { break }
    }
    // Never cut inside a UTF-8 sequence.
    while start < range.start, bytes[start] & 0xC0 == 0x80 { start += 1 }
    while end > range.end, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
    return text.string(ByteRange(start, end)).trimmingWhitespace()
  }
}

extension String {
  /// The string without leading and trailing spaces and line breaks.
  fileprivate func trimmingWhitespace() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
