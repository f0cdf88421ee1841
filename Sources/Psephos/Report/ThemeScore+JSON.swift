import Foundation

extension ThemeScore {
  /// `theme`, `label`, `score` (weighted matches per 1,000 words, two decimals), `matches`
  /// and `evidence[]` (term, count, and the first spans with code-point offsets).
  public func json(in text: SourceText) -> JSONValue {
    .object([
      "theme": .string(theme),
      "label": .string(label),
      "score": .hundredths(score),
      "matches": .integer(matches),
      "evidence": .array(
        evidence.map { item in
          .object([
            "term": .string(item.term),
            "count": .integer(item.count),
            "spans": .array(item.spans.map { .object($0.json(in: text)) }),
          ])
        }),
    ])
  }
}

extension JSONValue {
  /// A measurement (not a count) rounded to two decimals and written exactly, so output does
  /// not depend on how a platform prints floating point.
  public static func hundredths(_ value: Double) -> JSONValue {
    .decimal(ExactDecimal(mantissa: Int((value * 100).rounded()), scale: 2).trimmingTrailingZeros())
  }
}

extension ThemeIndex {
  /// The index rows as JSON: `theme`, `rank`, `document`, `score`, `matches`, sorted by theme
  /// then rank.
  public var json: JSONValue { .array(rows().map(Self.json)) }

  /// `json`, one row at a time.
  public var lazyJSON: LazyJSON {
    let rows = rows()
    return .array(count: rows.count) { Self.json(rows[$0]) }
  }

  private static func json(_ row: Row) -> JSONValue {
    .object([
      "theme": .string(row.theme), "rank": .integer(row.rank), "document": .string(row.document),
      "score": .hundredths(row.score), "matches": .integer(row.matches),
    ])
  }
}
