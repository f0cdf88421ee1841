/// Which election a claim is about, as far as the text says: a year, a kind, a place, a count,
/// a relative reference ("last night's results", "the last time these councils elected"), or
/// nothing at all, in which case the cross-check searches the results for it.
public struct ElectionContext: Hashable, Sendable {
  /// An election id, when the text names one the results data uses.
  public var id: String?
  /// The year the text gives ("in 2012", "the 2015 general election").
  public var year: Int?
  /// The kind the text names ("mayoral", "general election", "the European elections").
  public var kind: ResultRecord.Election.Kind?
  /// The place the text names ("Across London", "in Scotland"), canonical.
  public var place: String?
  /// Whether `place` was carried over from an earlier sentence of the paragraph ("Across
  /// London, ..." scopes the sentences after it).
  public var isPlaceInherited: Bool
  /// The count the text names ("first preferences", "the list vote").
  public var round: Round?
  /// An election named relative to the article.
  public var relative: Relative?
  /// The year a relative reference counts from, when the text gives one ("up from 30.4%" in a
  /// sentence about 2017); else the article's date.
  public var relativeTo: Int?
  /// The words that gave the context, in text order.
  public var cues: [ByteRange]

  /// Creates a context; an empty one is open.
  public init(
    id: String? = nil, year: Int? = nil, kind: ResultRecord.Election.Kind? = nil,
    place: String? = nil, isPlaceInherited: Bool = false, round: Round? = nil,
    relative: Relative? = nil, relativeTo: Int? = nil, cues: [ByteRange] = []
  ) {
    self.id = id
    self.year = year
    self.kind = kind
    self.place = place
    self.isPlaceInherited = isPlaceInherited
    self.round = round
    self.relative = relative
    self.relativeTo = relativeTo
    self.cues = cues
  }

  /// Whether the text says nothing about which election is meant (a place alone does not
  /// name an election).
  public var isOpen: Bool { id == nil && year == nil && kind == nil && relative == nil }

  /// A count within an election.
  public enum Round: String, Hashable, Sendable, CaseIterable {
    /// First preferences (supplementary vote).
    case first
    /// The final count, after second preferences.
    case final
    /// The constituency ballot (additional member system).
    case constituency
    /// The regional or London-wide list ballot.
    case list
  }

  /// An election named relative to the article's own time.
  public enum Relative: String, Hashable, Sendable, CaseIterable {
    /// The election the article reports: "this week's election", "last night's results".
    case current
    /// The previous election of the same seats: "the last time these councils elected".
    case previous
    /// An election still to come: "up for election next year".
    case next
  }

  /// "2012 mayoral, London, final round", or "open".
  public var summary: String {
    var parts: [String] = []
    if let id { parts.append(id) }
    if let year { parts.append(String(year)) }
    if let kind { parts.append(kind.rawValue) }
    if let relative { parts.append("\(relative.rawValue) election") }
    if let place { parts.append(isPlaceInherited ? "\(place) (from an earlier sentence)" : place) }
    if let round { parts.append("\(round.rawValue) count") }
    return parts.isEmpty ? "open" : parts.joined(separator: ", ")
  }
}
