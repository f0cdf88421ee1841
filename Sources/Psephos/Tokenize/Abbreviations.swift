/// Words that keep a following full stop as part of themselves, so that "Mr. Blair" or
/// "St. Albans" is not the end of a sentence. British usage mostly drops these stops ("Mr
/// Blair"); both spellings tokenise the same way apart from the stop.
enum Abbreviations {
  private static let words = ShortWordSet([
    "mr", "mrs", "ms", "mx", "dr", "st", "prof", "rev", "revd", "hon", "rt", "gen", "col", "capt",
    "lt", "sgt", "cllr", "jr", "jnr", "snr", "sr", "vs", "approx", "esp", "dept", "no", "nos",
    "fig", "cf", "al",
  ])
  /// Abbreviations that are ordinary words unless a number follows ("No. 10").
  private static let beforeNumbers = ShortWordSet(["no", "nos", "fig"])

  /// Whether the word is an abbreviation that takes a full stop.
  static func contains<Bytes: Collection<UInt8>>(_ word: Bytes) -> Bool { words.contains(word) }

  /// Whether the word is an abbreviation only before a number.
  static func needsFollowingNumber<Bytes: Collection<UInt8>>(_ word: Bytes) -> Bool {
    beforeNumbers.contains(word)
  }
}

/// Letters that may follow digits inside one number token: magnitudes ("2.36m", "3bn", "10k"),
/// ordinals ("3rd"), decades ("1980s"), percentages ("60pc") and times ("5pm").
enum NumberSuffixes {
  private static let suffixes = ShortWordSet([
    "s", "st", "nd", "rd", "th", "m", "mn", "bn", "b", "k", "tn", "trn", "pc", "pp", "ppt", "pts",
    "am", "pm", "p", "x",
  ])

  /// Whether the letters are a number suffix.
  static func contains<Bytes: Collection<UInt8>>(_ letters: Bytes) -> Bool {
    suffixes.contains(letters)
  }
}

/// Top-level domains that make "bbc.co.uk" an address rather than two words and a stop.
enum TopLevelDomains {
  private static let domains = ShortWordSet([
    "com", "org", "net", "uk", "gov", "edu", "io", "info", "eu", "int", "biz", "me", "tv", "fm",
    "us", "de", "fr", "ie", "scot", "wales", "cymru", "london", "news", "blog",
  ])

  /// Whether the label is a known top-level domain (lower case only: "U.K" is not an address).
  static func contains<Bytes: Collection<UInt8>>(_ label: Bytes) -> Bool {
    label.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
      && domains.contains(label)
  }
}
