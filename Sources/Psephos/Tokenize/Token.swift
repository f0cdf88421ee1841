/// One token of a document: a byte range, what kind of thing it is, and what we noticed about it.
///
/// Tokens hold offsets, not strings (24 bytes each); ask the `SourceText` for the text.
public struct Token: Hashable, Sendable {
  /// What kind of text a token covers.
  public enum Kind: UInt8, Hashable, Sendable, CaseIterable {
    /// Letters, possibly with inner apostrophes, hyphens, dots of initials ("Carr-West", "U.K.").
    case word
    /// Digits with separators, decimals, a sign and a known suffix ("994,614", "–5", "£"-less "2.36m", "3rd", "1980s").
    case number
    /// Sentence and clause punctuation, dashes, brackets, ellipses.
    case punctuation
    /// A quotation mark, opening or closing (see `Flags.opening`, `Flags.closing`).
    case quote
    /// Currency and other signs, emoji.
    case symbol
    /// A web address ("https://...", "www.bbc.co.uk").
    case url
    /// An e-mail address.
    case email
    /// A social-media handle ("@LGiU").
    case handle
    /// A hashtag ("#GE2017").
    case hashtag
  }

  /// What the tokenizer noticed about a token.
  public struct Flags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Starts with an upper-case letter.
    public static let capitalized = Flags(rawValue: 1 << 0)
    /// Has at least two letters, all upper case ("UKIP", "LGIU" but not "LGiU").
    public static let allCaps = Flags(rawValue: 1 << 1)
    /// The first word or number of a sentence (after any opening quotes or brackets).
    public static let sentenceInitial = Flags(rawValue: 1 << 2)
    /// Lies between a matched pair of quotation marks.
    public static let insideQuotes = Flags(rawValue: 1 << 3)
    /// A word with inner hyphens ("London-centric"); see `Token.hyphenParts(in:)`.
    public static let hyphenated = Flags(rawValue: 1 << 4)
    /// A word that absorbed a full stop: an abbreviation or initial ("Mr.", "e.g.", "J.", "U.K.").
    public static let abbreviation = Flags(rawValue: 1 << 5)
    /// A quotation mark that opens a quotation.
    public static let opening = Flags(rawValue: 1 << 6)
    /// A quotation mark that closes a quotation.
    public static let closing = Flags(rawValue: 1 << 7)
    /// A possessive clitic split from its word: "’s" after "Labour", or a bare "’" after "Tories".
    public static let possessive = Flags(rawValue: 1 << 8)
    /// Preceded by whitespace (including no-break spaces), not glued to the previous token.
    public static let spaceBefore = Flags(rawValue: 1 << 9)
    /// Preceded by at least one line break.
    public static let lineBreakBefore = Flags(rawValue: 1 << 10)
    /// Preceded by a paragraph break.
    public static let paragraphBreakBefore = Flags(rawValue: 1 << 11)
    /// A word with an inner apostrophe ("don’t", "O’Brien").
    public static let apostrophe = Flags(rawValue: 1 << 12)
    /// A number with a sign ("–5", "+3").
    public static let signed = Flags(rawValue: 1 << 13)
  }

  /// The bytes the token covers.
  public var range: ByteRange
  /// What kind of text it is.
  public var kind: Kind
  /// What was noticed about it.
  public var flags: Flags

  /// Creates a token.
  public init(_ range: ByteRange, _ kind: Kind, _ flags: Flags = []) {
    self.range = range
    self.kind = kind
    self.flags = flags
  }
}

extension Token {
  /// The parts of a hyphenated word, split at ASCII hyphens ("Not-Jeremy-Corbyn-candidate" gives
  /// four parts), so entity lookup can reach "London" in "London-centric". A word without
  /// hyphens gives its own range.
  ///
  /// Complexity: O(length of the token).
  public func hyphenParts(in text: SourceText) -> [ByteRange] {
    guard flags.contains(.hyphenated) else { return [range] }
    var parts: [ByteRange] = []
    var start = range.start
    for index in range.start..<range.end where text.bytes[index] == UInt8(ascii: "-") {
      if index > start { parts.append(ByteRange(start, index)) }
      start = index + 1
    }
    if range.end > start { parts.append(ByteRange(start, range.end)) }
    return parts
  }
}

/// A sentence or paragraph: its bytes and the tokens inside it.
public struct Segment: Hashable, Sendable {
  /// From the first token's start to the last token's end.
  public var range: ByteRange
  /// Indices into `TokenizedText.tokens`.
  public var tokens: Range<Int>

  /// Creates a segment.
  public init(range: ByteRange, tokens: Range<Int>) {
    self.range = range
    self.tokens = tokens
  }
}

/// The tokenizer's output for one text.
public struct TokenizedText: Sendable {
  /// Every token, in order. Whitespace is not a token; see `Token.Flags.spaceBefore`.
  public var tokens: [Token]
  /// Sentences in order; every token belongs to exactly one.
  public var sentences: [Segment]
  /// Paragraphs in order; every token belongs to exactly one.
  public var paragraphs: [Segment]

  /// Creates tokenized text.
  public init(tokens: [Token], sentences: [Segment], paragraphs: [Segment]) {
    self.tokens = tokens
    self.sentences = sentences
    self.paragraphs = paragraphs
  }
}
