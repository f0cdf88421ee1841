/// Counts canonical entities over many documents, for `psephos entities`' per-corpus table.
///
/// Add each document's mentions in input order; rows come out sorted by count (descending),
/// then kind and canonical name, so the output is deterministic whatever the batch order.
public struct EntityTally: Sendable {
  /// One canonical entity and how often it was mentioned.
  public struct Row: Hashable, Sendable {
    /// The entity's kind.
    public var kind: Mention.Kind
    /// The entity's canonical name.
    public var canonical: String
    /// Mentions across all documents.
    public var mentions: Int
    /// Documents that mention it at least once.
    public var documents: Int
  }

  private var counts: [Key: (mentions: Int, documents: Int)] = [:]

  private struct Key: Hashable, Sendable {
    var kind: Mention.Kind
    var canonical: String
  }

  /// Creates an empty tally.
  public init() {}

  /// Adds one document's mentions.
  ///
  /// Complexity: O(mentions).
  public mutating func add(_ mentions: [Mention]) {
    var seen: Set<Key> = []
    for mention in mentions {
      let key = Key(kind: mention.kind, canonical: mention.canonical)
      let isFirst = seen.insert(key).inserted
      counts[key, default: (0, 0)].mentions += 1
      if isFirst { counts[key, default: (0, 0)].documents += 1 }
    }
  }

  /// Adds another tally (a shard of the same corpus).
  public mutating func merge(_ other: EntityTally) {
    for (key, value) in other.counts {
      counts[key, default: (0, 0)].mentions += value.mentions
      counts[key, default: (0, 0)].documents += value.documents
    }
  }

  /// The rows, most mentioned first; ties by kind, then canonical name.
  ///
  /// Complexity: O(k log k) in the number of distinct entities.
  public var rows: [Row] {
    counts.map {
      Row(
        kind: $0.key.kind, canonical: $0.key.canonical, mentions: $0.value.mentions,
        documents: $0.value.documents)
    }
    .sorted {
      ($1.mentions, $0.kind.rawValue, $0.canonical) < ($0.mentions, $1.kind.rawValue, $1.canonical)
    }
  }

  /// The rows as RFC 4180 CSV with a header: `type,canonical,mentions,documents`.
  public func csv() -> String {
    var out = "type,canonical,mentions,documents\n"
    for row in rows {
      out +=
        "\(row.kind.rawValue),\(Self.csvField(row.canonical)),\(row.mentions),\(row.documents)\n"
    }
    return out
  }

  /// The rows as an aligned text table.
  public func table() -> String {
    let rows = rows
    let width = max(9, rows.map { $0.canonical.count }.max() ?? 0)
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
    var out = pad("type", 10) + pad("canonical", width) + "  mentions  documents\n"
    for row in rows {
      let mentions = String(row.mentions)
      let documents = String(row.documents)
      out +=
        pad(row.kind.rawValue, 10) + pad(row.canonical, width) + "  "
        + String(repeating: " ", count: max(0, 8 - mentions.count)) + mentions + "  "
        + String(repeating: " ", count: max(0, 9 - documents.count)) + documents + "\n"
    }
    return out
  }

  private static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
