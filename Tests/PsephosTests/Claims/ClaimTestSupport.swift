import Testing

@testable import Psephos

/// A text with hand-built mentions, and the claims the extractor finds in it.
struct ClaimFixture {
  let text: SourceText
  let claims: [Claim]

  /// Extracts claims from `string`. Each entry of `mentions` is the mention's text, its kind
  /// and canonical name; every occurrence of the text becomes a mention (whole words only).
  init(
    _ string: String, mentions entries: [(String, Mention.Kind, String)] = [],
    metadata: Metadata = Metadata()
  ) {
    text = SourceText(string)
    let tokens = Tokenizer().tokenize(text)
    var mentions: [Mention] = []
    let bytes = Array(string.utf8)
    for (words, kind, canonical) in entries {
      let needle = Array(words.utf8)
      var start = 0
      while start + needle.count <= bytes.count {
        if Array(bytes[start..<(start + needle.count)]) == needle,
          start == 0 || !Self.isLetter(bytes[start - 1]),
          start + needle.count == bytes.count || !Self.isLetter(bytes[start + needle.count])
        {
          mentions.append(
            Mention(range: ByteRange(start, start + needle.count), kind: kind, canonical: canonical)
          )
          start += needle.count
        } else {
          start += 1
        }
      }
    }
    let figures = FigureExtractor().figures(in: text, tokens: tokens).figures
    claims = ClaimExtractor().claims(
      in: text, tokens: tokens, mentions: mentions, figures: figures, metadata: metadata)
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  /// The claim whose figure is written `figure`, or whose key words are `figure` for a claim
  /// without one.
  func claim(_ figure: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Claim {
    try #require(
      claims.first { claim in
        claim.figure.map { text.string($0.range) == figure }
          ?? (text.string(claim.keyRange) == figure)
      }, "no claim for \(figure) in \(claims.map { text.string($0.keyRange) })",
      sourceLocation: sourceLocation)
  }

  /// The text of a range.
  func string(_ range: ByteRange?) -> String? { range.map(text.string) }
}

/// Mentions the extraction tests use, by name.
enum Names {
  static let goldsmith = ("Goldsmith", Mention.Kind.person, "Zac Goldsmith")
  static let khan = ("Khan", Mention.Kind.person, "Sadiq Khan")
  static let boris = ("Boris", Mention.Kind.person, "Boris Johnson")
  static let conservatives = ("Conservatives", Mention.Kind.party, "Conservative Party")
  static let conservative = ("Conservative", Mention.Kind.party, "Conservative Party")
  static let tory = ("Tory", Mention.Kind.party, "Conservative Party")
  static let labour = ("Labour", Mention.Kind.party, "Labour Party")
  static let london = ("London", Mention.Kind.place, "London")
  static let scotland = ("Scotland", Mention.Kind.place, "Scotland")
  static let dudley = ("Dudley", Mention.Kind.place, "Dudley")
  static let worcester = ("Worcester", Mention.Kind.place, "Worcester")
  static let shipman = ("Tim Shipman", Mention.Kind.person, "Tim Shipman")
}
