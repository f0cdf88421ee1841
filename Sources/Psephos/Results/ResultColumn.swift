/// A column the results loader understands, with the header names it accepts for it.
///
/// Header names are compared after lower-casing and turning every run of other characters
/// into `_` (so `Vote share (%)` reads as `vote_share`). The first name listed is the canonical
/// one, used in the bundled files.
public enum ResultColumn: String, CaseIterable, Hashable, Sendable {
  case electionID = "election_id"
  case date
  case electionType = "election_type"
  case areaType = "area_type"
  case areaName = "area_name"
  case areaCode = "area_code"
  case round
  case candidate
  case firstName = "first_name"
  case surname
  case party
  case partyShort = "party_short"
  case option
  case votes
  case share = "share_pct"
  case seats
  case seatsChange = "seats_change"
  case councils
  case councilsChange = "councils_change"
  case controlResult = "control_result"
  case electorate
  case turnout = "turnout_pct"
  case totalValidVotes = "total_valid_votes"
  case rejectedBallots = "rejected_ballots"
  case source
  case notes

  /// Every header name accepted for this column, canonical first.
  public var names: [String] {
    switch self {
    case .electionID: ["election_id", "election", "election_key"]
    case .date: ["date", "election_date", "poll_date", "polling_day"]
    case .electionType: ["election_type", "election_kind"]
    case .areaType: ["area_type"]
    case .areaName:
      ["area_name", "area", "constituency", "constituency_name", "ward", "ward_name", "council"]
    case .areaCode:
      ["area_code", "gss_code", "ons_id", "ons_code", "constituency_code", "council_code"]
    case .round: ["round", "ballot", "stage"]
    case .candidate: ["candidate", "candidate_name"]
    case .firstName: ["first_name", "firstname", "forename", "given_name"]
    case .surname: ["surname", "last_name", "lastname", "family_name"]
    case .party: ["party", "party_name"]
    case .partyShort: ["party_short", "party_abbreviation", "party_abbr", "party_code"]
    case .option: ["option", "answer", "referendum_option"]
    case .votes: ["votes", "valid_votes", "vote", "votes_cast", "candidate_votes"]
    case .share:
      ["share_pct", "share", "vote_share", "vote_share_pct", "share_percent", "percent"]
    case .seats: ["seats", "seats_won"]
    case .seatsChange: ["seats_change", "seat_change", "seats_net_change"]
    case .councils: ["councils", "councils_controlled"]
    case .councilsChange: ["councils_change", "council_change"]
    case .controlResult: ["control_result", "control"]
    case .electorate: ["electorate", "registered_electors", "registered_voters"]
    case .turnout: ["turnout_pct", "turnout", "turnout_percent"]
    case .totalValidVotes:
      ["total_valid_votes", "valid_votes_total", "total_votes", "total_valid"]
    case .rejectedBallots: ["rejected_ballots", "rejected", "rejected_votes"]
    case .source: ["source", "sources"]
    case .notes: ["notes", "note", "comments"]
    }
  }

  /// Whether the column holds a count (an `Int`).
  var isCount: Bool {
    switch self {
    case .votes, .seats, .seatsChange, .councils, .councilsChange, .electorate, .totalValidVotes,
      .rejectedBallots:
      true
    default: false
    }
  }

  /// Whether a count in this column may be negative (a change).
  var allowsNegative: Bool { self == .seatsChange || self == .councilsChange }

  /// Whether the column holds a percentage (an `ExactDecimal` in 0...100).
  var isPercentage: Bool { self == .share || self == .turnout }

  /// The column a header name maps to, or nil if no column accepts it.
  ///
  /// Complexity: O(1) (a dictionary lookup after normalising the name).
  public init?(header: String) {
    guard let column = Self.byName[Self.normalizedHeader(header)] else { return nil }
    self = column
  }

  /// A header name lower-cased with every run of other characters turned into one `_`.
  static func normalizedHeader(_ header: String) -> String {
    var result = ""
    var pendingSeparator = false
    for scalar in header.lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingSeparator, !result.isEmpty { result.append("_") }
        pendingSeparator = false
        result.unicodeScalars.append(scalar)
      } else {
        pendingSeparator = true
      }
    }
    return result
  }

  private static let byName: [String: ResultColumn] = {
    var table: [String: ResultColumn] = [:]
    for column in allCases {
      for name in column.names {
        precondition(table[name] == nil, "header name \(name) maps to two columns")
        table[name] = column
      }
    }
    return table
  }()
}
