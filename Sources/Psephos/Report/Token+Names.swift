extension Token.Kind {
  /// The kind's name in reports: `word`, `number`, `punctuation`, `quote`, `symbol`, `url`,
  /// `email`, `handle`, `hashtag`.
  public var name: String {
    switch self {
    case .word: "word"
    case .number: "number"
    case .punctuation: "punctuation"
    case .quote: "quote"
    case .symbol: "symbol"
    case .url: "url"
    case .email: "email"
    case .handle: "handle"
    case .hashtag: "hashtag"
    }
  }
}

extension Token.Flags {
  /// Every flag with its name in reports, in bit order; names are kebab-case, as verdicts are.
  public static let named: [(flag: Token.Flags, name: String)] = [
    (.capitalized, "capitalized"),
    (.allCaps, "all-caps"),
    (.sentenceInitial, "sentence-initial"),
    (.insideQuotes, "inside-quotes"),
    (.hyphenated, "hyphenated"),
    (.abbreviation, "abbreviation"),
    (.opening, "opening"),
    (.closing, "closing"),
    (.possessive, "possessive"),
    (.spaceBefore, "space-before"),
    (.lineBreakBefore, "line-break-before"),
    (.paragraphBreakBefore, "paragraph-break-before"),
    (.apostrophe, "apostrophe"),
    (.signed, "signed"),
  ]

  /// The names of the flags that are set, in bit order.
  public var names: [String] {
    Self.named.compactMap { contains($0.flag) ? $0.name : nil }
  }
}
