/// A filter over result records, as `psephos results query` takes it. Every condition given
/// must hold; nil conditions match everything.
public struct ResultsQuery: Hashable, Sendable {
  /// The election id, exactly (case-insensitive): `london-mayor-2016`.
  public var election: String?
  /// Part of the candidate's name, case- and accent-insensitive: `Goldsmith`, `zac gold`.
  public var candidate: String?
  /// The party's short code, its full name, or whole words of it: `Con`, `Labour` (matches
  /// "Labour Party" and "Scottish Labour Party" but `Lab` matches only the code).
  public var party: String?
  /// The area's GSS code, its name, or whole words of it: `London` (matches "Greater London").
  public var area: String?
  /// The round, exactly (case-insensitive): `first`, `second`, `list`.
  public var round: String?
  /// The referendum option, exactly (case-insensitive): `Remain`.
  public var option: String?
  /// The kind of election.
  public var kind: ResultRecord.Election.Kind?
  /// The election year.
  public var year: Int?

  /// Creates a query; omitted conditions match everything.
  public init(
    election: String? = nil, candidate: String? = nil, party: String? = nil,
    area: String? = nil, round: String? = nil, option: String? = nil,
    kind: ResultRecord.Election.Kind? = nil, year: Int? = nil
  ) {
    self.election = election
    self.candidate = candidate
    self.party = party
    self.area = area
    self.round = round
    self.option = option
    self.kind = kind
    self.year = year
  }
}
