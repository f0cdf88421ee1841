import Testing

@testable import Psephos

@Suite struct ResultColumnTests {
  @Test(arguments: [
    ("election_id", ResultColumn.electionID), ("party_name", .party), ("Party", .party),
    ("candidate_name", .candidate), ("valid_votes", .votes), ("Votes", .votes),
    ("vote_share", .share), ("share", .share), ("Vote share (%)", .share),
    ("share_pct", .share), ("constituency", .areaName), ("area_name", .areaName),
    ("ons_id", .areaCode), ("gss_code", .areaCode), ("first_name", .firstName),
    ("surname", .surname), ("option", .option), ("councils_change", .councilsChange),
    ("control_result", .controlResult), ("turnout %", .turnout),
    ("total_valid_votes", .totalValidVotes), ("rejected_ballots", .rejectedBallots),
  ])
  func mapsHeaderNamesAndSynonymsToColumns(header: String, column: ResultColumn) {
    #expect(ResultColumn(header: header) == column)
  }

  @Test(arguments: ["colour", "", "majority", "id"])
  func doesNotMapUnknownHeaders(header: String) {
    #expect(ResultColumn(header: header) == nil)
  }

  @Test func listsTheCanonicalNameFirst() {
    for column in ResultColumn.allCases {
      #expect(column.names.first == column.rawValue)
    }
  }
}
