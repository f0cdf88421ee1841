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
  public var json: JSONValue {
    .array(
      rows().map {
        .object([
          "theme": .string($0.theme), "rank": .integer($0.rank), "document": .string($0.document),
          "score": .hundredths($0.score), "matches": .integer($0.matches),
        ])
      })
  }
}
