/// One mention of a named entity in a document: where it is, what kind of thing it names, and
/// which entity that is.
public struct Mention: Hashable, Sendable {
  /// The kinds of entity the extractor finds (raw values as in the JSON contract).
  public enum Kind: String, Hashable, Sendable, CaseIterable, Comparable {
    /// A person: "Zac Goldsmith", "Goldsmith", "Lord Ashcroft".
    case person = "PERSON"
    /// A political party, its adjective or member noun: "Labour", "Tories", "a senior Conservative".
    case party = "PARTY"
    /// A place: a nation, region, county, town, constituency or informal area.
    case place = "PLACE"
    /// A demonym or place adjective: "Londoners", "Scottish", "English".
    case placeAdjective = "PLACE_ADJ"
    /// Any other named body: media, pollsters, public bodies, companies.
    case organization = "ORG"

    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The bytes of the mention in the document's text (titles, a leading "the" and a possessive
  /// "’s" are outside).
  public var range: ByteRange
  /// What kind of entity is mentioned.
  public var kind: Kind
  /// The entity's canonical name: "Tory" -> "Conservative Party", "Zac" -> "Zac Goldsmith".
  public var canonical: String
  /// Whether a place or building stands for an institution ("Downing Street" for the Government).
  public var isMetonymy: Bool
  /// What a metonymic mention stands for, where known.
  public var refersTo: String?

  /// Creates a mention.
  public init(
    range: ByteRange, kind: Kind, canonical: String, isMetonymy: Bool = false,
    refersTo: String? = nil
  ) {
    self.range = range
    self.kind = kind
    self.canonical = canonical
    self.isMetonymy = isMetonymy
    self.refersTo = refersTo
  }
}
