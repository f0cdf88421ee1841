import Foundation
import Testing

@testable import Psephos

@Suite struct ResultsValidatorTests {
  static let header =
    "election_id,area_name,round,candidate,party,votes,share_pct,total_valid_votes\n"

  /// A CSV (header above unless it starts with its own) and every diagnostic it must produce.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var csv: String
    var expected: [String]
    var testDescription: String { name }

    init(_ name: String, rows: String, _ expected: [String]) {
      self.name = name
      self.csv = ResultsValidatorTests.header + rows
      self.expected = expected
    }

    init(_ name: String, csv: String, _ expected: [String]) {
      self.name = name
      self.csv = csv
      self.expected = expected
    }
  }

  static let cases: [Case] = [
    Case(
      "votes that are not a number", rows: "e,T,,Ann,Red,\"12,4x\",,\n",
      [#"t.csv:2:14: error: votes "12,4x" is not a number"#]),
    Case(
      "negative votes", rows: "e,T,,Ann,Red,-5,,\n",
      [#"t.csv:2:14: error: votes "-5" is negative"#]),
    Case(
      "fractional votes", rows: "e,T,,Ann,Red,12.5,,\n",
      [#"t.csv:2:14: error: votes "12.5" is not a whole number"#]),
    Case(
      "implausibly large votes", rows: "e,T,,Ann,Red,5000000000,,\n",
      [#"t.csv:2:14: error: votes "5000000000" is implausibly large"#]),
    Case(
      "share above 100", rows: "e,T,,Ann,Red,5,146.5,\n",
      [#"t.csv:2:16: error: share_pct "146.5" is not a percentage between 0 and 100"#]),
    Case(
      "votes above the row's total valid votes", rows: "e,T,,Ann,Red,50,,40\n",
      ["t.csv:2:14: error: votes 50 exceeds the total_valid_votes 40 on the same row"]),
    Case(
      "empty election id", rows: ",T,,Ann,Red,5,,\n",
      ["t.csv:2:1: error: election_id is empty"]),
    Case(
      "row naming no candidate, party or option", rows: "e,T,,,,5,,\n",
      ["t.csv:2:6: error: row says neither the candidate, the party nor the option it counts"]),
    Case(
      "ragged row with too few fields", rows: "e,T,,Ann,Red,5\n",
      ["t.csv:2:15: error: row has 6 fields but the header has 8 (missing fields)"]),
    Case(
      "ragged row with too many fields", rows: "e,T,,Ann,Red,5,,,9\n",
      ["t.csv:2:18: error: row has 9 fields but the header has 8 (extra fields)"]),
    Case(
      "unterminated quote", rows: "e,T,,\"Ann,Red,5,,\ne,T,,Bob,Blue,6,,\n",
      [
        #"t.csv:2:6: error: quoted field is never closed (no matching '"' before the end of the file)"#
      ]),
    Case(
      "bad figure after a field spanning two lines", rows: "e,T,,\"Ann\nLee\",Red,x,,\n",
      [#"t.csv:3:10: error: votes "x" is not a number"#]),
    Case(
      "missing required column",
      csv: "area_name,party,votes\nT,Red,5\n",
      [
        #"t.csv:1:1: error: missing required column "election_id" (also accepted: "election", "election_key")"#
      ]),
    Case(
      "missing a column naming whose result it is",
      csv: "election_id,area_name,votes\ne,T,5\n",
      [
        #"t.csv:1:1: error: missing a column saying whose result each row is: one of "candidate", "surname", "party", "party_short", "option""#
      ]),
    Case("empty file", csv: "", ["t.csv: error: file is empty"]),
    Case(
      "no header row: the first row is data", csv: "e,T,Red,5\ne,T,Blue,6\n",
      [
        #"t.csv:1:1: note: column "e" is not understood and is ignored"#,
        "t.csv:1:1: error: no column of the first row is understood: the first row must be a"
          + " header naming the columns, such as election_id,area_name,party,votes",
        #"t.csv:1:1: error: missing required column "election_id" (also accepted: "election", "election_key")"#,
        #"t.csv:1:1: error: missing required column "area_name" (also accepted: "area", "constituency", "constituency_name", "ward", "ward_name", "council")"#,
        #"t.csv:1:1: error: missing a column saying whose result each row is: one of "candidate", "surname", "party", "party_short", "option""#,
        #"t.csv:1:1: error: missing a column with a result: one of "votes", "share_pct", "seats", "seats_change", "councils", "councils_change", "control_result""#,
        #"t.csv:1:3: note: column "T" is not understood and is ignored"#,
        #"t.csv:1:5: note: column "Red" is not understood and is ignored"#,
        #"t.csv:1:9: note: column "5" is not understood and is ignored"#,
      ]),
    Case(
      "unknown column", csv: "election_id,area_name,party,votes,colour\ne,T,Red,5,red\n",
      [#"t.csv:1:35: note: column "colour" is not understood and is ignored"#]),
    Case(
      "second column for the same field",
      csv: "election_id,area_name,party,party_name,votes\ne,T,Red,Red Party,5\n",
      [#"t.csv:1:29: note: column "party_name" is ignored: "party" already gives party"#]),
    Case(
      "impossible date", csv: "election_id,date,area_name,party,votes\ne,2016-02-30,T,Red,5\n",
      [#"t.csv:2:3: error: date "2016-02-30" is not a date like 2016-05-05"#]),
    Case(
      "duplicate row", rows: "e,T,,Ann,Red,5,,\ne,T,,Ann,Red,5,,\n",
      ["t.csv:3:1: warning: duplicate of the row at t.csv:2; this copy is ignored"]),
    Case(
      "conflicting votes for the same candidate", rows: "e,T,,Ann,Red,5,,\ne,T,,Ann,Red,6,,\n",
      ["t.csv:3:14: error: conflicting votes for Ann in e, T: 6 here, 5 at t.csv:2"]),
    Case(
      "conflict found through folded names",
      rows: "e,St. Ives,,Ann,Red,5,,\nE,Saint Ives,,ANN,red,6,,\n",
      ["t.csv:3:23: error: conflicting votes for ANN in E, Saint Ives: 6 here, 5 at t.csv:2"]),
    Case(
      "a third conflicting row is reported once",
      rows: "e,T,,Ann,Red,5,,\ne,T,,Ann,Red,6,,\ne,T,,Ann,Red,7,,\n",
      [
        "t.csv:3:14: error: conflicting votes for Ann in e, T: 6 here, 5 at t.csv:2",
        "t.csv:4:14: error: conflicting votes for Ann in e, T: 7 here, 5 at t.csv:2",
      ]),
    Case(
      "single-row complete contest whose share is not 100",
      rows: "e,T,,Ann,Red,50,90.0,50\n",
      [
        "t.csv:2:17: warning: shares in e, T add up to 90.0, not 100 (allowing 0.05 for rounding "
          + "1 share; the votes add up to the total, so no party is missing)"
      ]),
    Case(
      "same candidate in another round is no conflict",
      rows: "e,T,first,Ann,Red,5,,\ne,T,second,Ann,Red,6,,\n", []),
    Case(
      "shares of a complete contest adding up to too little",
      rows: "e,T,,Ann,Red,60,50.0,100\ne,T,,Bob,Blue,40,40.0,100\n",
      [
        "t.csv:2:17: warning: shares in e, T add up to 90.0, not 100 (allowing 0.10 for rounding "
          + "2 shares; the votes add up to the total, so no party is missing)"
      ]),
    Case(
      "shares adding up to too much", rows: "e,T,,Ann,Red,,60.0,\ne,T,,Bob,Blue,,50.0,\n",
      [
        "t.csv:2:15: warning: shares in e, T add up to 110.0, not 100 (allowing 0.10 for rounding 2 shares)"
      ]
    ),
    Case(
      "shares of a partial table without a total are not checked for adding up to 100",
      rows: "e,T,list,,Red,60,50.0,\ne,T,list,,Blue,40,40.0,\n", []),
    Case(
      "shares of a table whose votes fall short of the total are not checked",
      rows: "e,T,,Ann,Red,60,30.0,200\ne,T,,Bob,Blue,40,20.0,200\n", []),
    Case(
      "rounded shares within tolerance",
      rows: "e,T,,Ann,Red,2,66.67,3\ne,T,,Bob,Blue,1,33.34,3\n", []),
    Case(
      "votes adding up to more than the total",
      rows: "e,T,,Ann,Red,60,,100\ne,T,,Bob,Blue,50,,100\n",
      ["t.csv:2:14: warning: votes in e, T add up to 110, more than its total valid votes 100"]),
    Case(
      "different totals in one contest", rows: "e,T,,Ann,Red,60,,100\ne,T,,Bob,Blue,40,,101\n",
      [
        "t.csv:3:19: warning: total valid votes 101 differ from 100 at t.csv:2, in the same "
          + "contest (e, T)"
      ]),
    Case(
      "negative seat changes are allowed",
      csv: "election_id,area_name,party,seats,seats_change\ne,T,Red,3,-2\n", []),
  ]

  @Test(arguments: cases)
  func reportsEachProblemAtItsLineAndColumn(_ testCase: Case) {
    let validation = ResultsTestSupport.validate(testCase.csv)
    #expect(validation.diagnostics.map(\.description) == testCase.expected)
  }

  @Test func leavesOutRowsWithErrorsButKeepsTheOthers() {
    let validation = ResultsTestSupport.validate(
      Self.header + "e,T,,Ann,Red,5,,\ne,T,,Bob,Blue,x,,\ne,T,,Cy,Green,7,,\n")
    #expect(validation.records.map(\.candidate) == ["Ann", "Cy"])
    #expect(validation.records.map(\.provenance.line) == [2, 4])
    #expect(validation.hasErrors)
  }

  @Test func dropsTheCopyOfADuplicateRow() {
    let validation = ResultsTestSupport.validate(
      Self.header + "e,T,,Ann,Red,5,,\ne,T,,Ann,Red,5,,\n")
    #expect(validation.records.count == 1)
    #expect(!validation.hasErrors)
  }

  @Test func keepsRowsThatShareAKeyButGiveOtherFigures() {
    // Like the bundled local-elections file: one row per baseline for the same party.
    let csv =
      "election_id,area_name,party,seats,seats_change,source\n"
      + "e,England,Red,842,-48,BBC\ne,England,Red,,-38,HOC\n"
    let validation = ResultsTestSupport.validate(csv)
    #expect(validation.diagnostics.isEmpty)
    #expect(validation.records.map(\.seatsChange) == [-48, -38])
  }

  @Test func mapsSynonymColumnsToTheModel() throws {
    let csv = """
      election,constituency,ons_id,first_name,surname,party_name,party_abbreviation,valid_votes,\
      vote_share,seat_change,election_date,ballot,registered_electors,turnout
      test-2099,St. Albans,X00000001,Ann,Example,Example Party,EX,"1,234",45.6%,+1,1/5/2099,\
      First,5000,51.2

      """
    let validation = ResultsTestSupport.validate(csv)
    #expect(validation.diagnostics.isEmpty)
    let record = try #require(validation.records.first)
    #expect(record.election.id == "test-2099")
    #expect(record.election.date == "2099-05-01")
    #expect(record.election.year == 2099)
    #expect(record.area.name == "St. Albans")
    #expect(record.area.code == "X00000001")
    #expect(record.candidate == "Ann Example")
    #expect(record.candidateSurname == "Example")
    #expect(record.party == "Example Party")
    #expect(record.partyShort == "EX")
    #expect(record.votes == 1234)
    #expect(record.share == ExactDecimal("45.6"))
    #expect(record.seatsChange == 1)
    #expect(record.round == "first")
    #expect(record.electorate == 5000)
    #expect(record.turnout?.description == "51.2")
    #expect(record.provenance.description == "t.csv:2")
  }

  @Test func splitsSourcesOnSemicolons() throws {
    let csv = "election_id,area_name,party,votes,source\ne,T,Red,5, A ;B;;C\n"
    let record = try #require(ResultsTestSupport.validate(csv).records.first)
    #expect(record.sources == ["A", "B", "C"])
  }

  @Test func readsTheReferendumOptionAndCouncilColumns() throws {
    let csv = """
      election_id,area_name,option,votes,councils,councils_change,control_result
      r-2099,T,Remain,10,,,
      l-2099,T,Leave,,2,-1,Red hold

      """
    let validation = ResultsTestSupport.validate(csv)
    #expect(validation.diagnostics.isEmpty)
    #expect(validation.records.map(\.option) == ["Remain", "Leave"])
    #expect(validation.records[1].councils == 2)
    #expect(validation.records[1].councilsChange == -1)
    #expect(validation.records[1].controlResult == "Red hold")
  }
}
