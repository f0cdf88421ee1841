/// The corpus indexes every run builds, as `MergeableIndex`es: each document's part is its
/// own one-document index, serialised losslessly, so the index of the parts merged is exactly
/// the index the typed values would give.

extension EntityIndex: MergeableIndex {
  /// `entities`.
  public static var key: String { "entities" }

  /// `{"document": id, "entities": [{"type", "canonical", "aliases": [[text, count]],
  /// "mentions", "start", "snippet"}]}`, entities sorted by type and canonical name; the
  /// co-mentions of one document are every pair of its entities.
  public static func part(of analysis: DocumentAnalysis) -> JSONValue {
    let text = analysis.document.text
    // What `add(_:)` records for one document, without its co-mention pairs (rebuilt on
    // reading): aliases, mentions and the first mention of each entity.
    var found: [Key: (aliases: [String: Int], mentions: Int, first: ByteRange)] = [:]
    for mention in analysis.mentions {
      let key = Key(kind: mention.kind, canonical: mention.canonical)
      var entry = found[key] ?? ([:], 0, mention.range)
      entry.aliases[text.string(mention.range), default: 0] += 1
      entry.mentions += 1
      found[key] = entry
    }
    let entities = found.sorted { $0.key < $1.key }.map { key, entry -> JSONValue in
      .object([
        "type": .string(key.kind.rawValue),
        "canonical": .string(key.canonical),
        "aliases": .array(
          entry.aliases.sorted { $0.key < $1.key }.map {
            .array([.string($0.key), .integer($0.value)])
          }),
        "mentions": .integer(entry.mentions),
        "start": .integer(text.codePointOffset(ofByte: entry.first.start)),
        "snippet": .string(snippet(around: entry.first, in: text)),
      ])
    }
    return .object(["document": .string(analysis.document.id), "entities": .array(entities)])
  }

  /// Reads a part written by `part(of:)`.
  public init(part: JSONValue) throws(IndexPartError) {
    func malformed(_ what: String) -> IndexPartError {
      IndexPartError(index: Self.key, message: what)
    }
    guard let id = part["document"]?.stringValue, let list = part["entities"]?.arrayValue else {
      throw malformed("expected \"document\" and \"entities\"")
    }
    var entries: [Key: Entry] = [:]
    for item in list {
      guard let type = item["type"]?.stringValue, let kind = Mention.Kind(rawValue: type),
        let canonical = item["canonical"]?.stringValue, let aliases = item["aliases"]?.arrayValue,
        let mentions = item["mentions"]?.integerValue, let start = item["start"]?.integerValue,
        let snippet = item["snippet"]?.stringValue
      else { throw malformed("an entity needs type, canonical, aliases, mentions, start, snippet") }
      var entry = Entry()
      for alias in aliases {
        guard let pair = alias.arrayValue, pair.count == 2, let text = pair[0].stringValue,
          let count = pair[1].integerValue
        else { throw malformed("an alias is not [text, count]") }
        entry.aliases[text] = count
      }
      entry.documents.add(mentions, in: id)
      entry.firstMention = FirstMention(document: id, offset: start, snippet: snippet)
      entries[Key(kind: kind, canonical: canonical)] = entry
    }
    Self.linkCoMentions(&entries)
    self.init(entries: entries)
  }
}

extension ThemeIndex: MergeableIndex {
  /// `themes`.
  public static var key: String { "themes" }

  /// `{"document": id, "themes": [{"theme", "score", "matches"}]}`; the score is written with
  /// every digit of the `Double`, so it reads back as the same number.
  public static func part(of analysis: DocumentAnalysis) -> JSONValue {
    .object([
      "document": .string(analysis.document.id),
      "themes": .array(
        analysis.themes.map { score in
          .object([
            "theme": .string(score.theme),
            "score": Self.json(score.score),
            "matches": .integer(score.matches),
          ])
        }),
    ])
  }

  /// Reads a part written by `part(of:)`.
  public init(part: JSONValue) throws(IndexPartError) {
    guard let id = part["document"]?.stringValue, let themes = part["themes"]?.arrayValue else {
      throw IndexPartError(index: Self.key, message: "expected \"document\" and \"themes\"")
    }
    var rows: [Row] = []
    for item in themes {
      guard let theme = item["theme"]?.stringValue, let matches = item["matches"]?.integerValue,
        let scoreValue = item["score"], let score = Self.double(scoreValue)
      else { throw IndexPartError(index: Self.key, message: "a theme needs theme, score, matches") }
      rows.append(Row(theme: theme, rank: 0, document: id, score: score, matches: matches))
    }
    self.init(rows: rows)
  }

  /// A `Double` with every digit of its shortest form: a number, or a string when that form
  /// has an exponent.
  private static func json(_ value: Double) -> JSONValue {
    let text = String(value)
    return ExactDecimal(text).map(JSONValue.decimal) ?? .string(text)
  }

  /// The `Double` written by `json(_:)`.
  private static func double(_ value: JSONValue) -> Double? {
    switch value {
    case .integer(let integer): Double(integer)
    case .decimal(let decimal): Double(decimal.description)
    case .string(let text): Double(text)
    default: nil
    }
  }
}
