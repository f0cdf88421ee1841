extension EntityIndex {
  /// The index as JSON: one object per entity, most mentioned first, with `type`,
  /// `canonical`, `mentions`, `documents` (count), `aliases` and `per_document` (sorted),
  /// `first_mention` (document, start, snippet) and the ten most frequent `co_mentions`.
  public var json: JSONValue { .array(ranked.map(Self.json)) }

  /// `json`, one entity at a time.
  public var lazyJSON: LazyJSON {
    let ranked = ranked
    return .array(count: ranked.count) { Self.json(ranked[$0]) }
  }

  private static func json(_ ranked: (key: Key, entry: Entry)) -> JSONValue {
    let (key, entry) = ranked
    let coMentions = entry.coMentions.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }
    return .object([
      "type": .string(key.kind.rawValue),
      "canonical": .string(key.canonical),
      "mentions": .integer(entry.mentions),
      "documents": .integer(entry.documents.count),
      "aliases": .array(
        entry.aliases.sorted { $0.key < $1.key }.map {
          .object(["text": .string($0.key), "count": .integer($0.value)])
        }),
      "per_document": .array(
        entry.documents.sorted.map {
          .object(["id": .string($0.document), "mentions": .integer($0.count)])
        }),
      "first_mention": entry.firstMention.map {
        .object([
          "document": .string($0.document), "start": .integer($0.offset),
          "snippet": .string($0.snippet),
        ])
      } ?? .null,
      "co_mentions": .array(
        coMentions.prefix(10).map {
          .object([
            "type": .string($0.key.kind.rawValue), "canonical": .string($0.key.canonical),
            "documents": .integer($0.value),
          ])
        }),
    ])
  }

  /// The index as RFC 4180 CSV: `type,canonical,mentions,documents,aliases` (aliases joined
  /// with "; ").
  public func csv() -> String {
    var csv = CSVWriter(header: ["type", "canonical", "mentions", "documents", "aliases"])
    for (key, entry) in ranked {
      csv.append([
        key.kind.rawValue, key.canonical, String(entry.mentions), String(entry.documents.count),
        entry.aliases.keys.sorted().joined(separator: "; "),
      ])
    }
    return csv.text
  }

  /// The index as an aligned text table.
  public func table() -> String {
    let rows = ranked
    let width = max(9, rows.map { $0.key.canonical.count }.max() ?? 0)
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
    func right(_ number: Int, _ width: Int) -> String {
      let text = String(number)
      return String(repeating: " ", count: max(0, width - text.count)) + text
    }
    var out = pad("type", 10) + pad("canonical", width) + "  mentions  documents\n"
    for (key, entry) in rows {
      out +=
        pad(key.kind.rawValue, 10) + pad(key.canonical, width) + "  "
        + right(entry.mentions, 8) + "  " + right(entry.documents.count, 9) + "\n"
    }
    return out
  }
}
