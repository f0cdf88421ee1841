import Testing

@testable import Psephos

@Suite struct ResultsTableFormatterTests {
  static func record(
    _ candidate: String, _ party: String, votes: Int?, share: String?, line: Int
  ) -> ResultRecord {
    ResultRecord(
      election: ResultRecord.Election(id: "e"), area: ResultRecord.Area(name: "T"),
      candidate: candidate, party: party, votes: votes, share: share.flatMap(ExactDecimal.init),
      provenance: ResultRecord.Provenance(file: "t.csv", line: line))
  }

  @Test func rendersAlignedColumnsLeavingOutEmptyOnes() {
    let table = ResultsTableFormatter().format([
      Self.record("Ann", "Red", votes: 5, share: "50.0", line: 2),
      Self.record("Bob", "Blue", votes: 12345, share: nil, line: 3),
    ])
    let expected = """
      election  area  candidate  party  votes  share %  source
      --------  ----  ---------  -----  -----  -------  -------
      e         T     Ann        Red        5     50.0  t.csv:2
      e         T     Bob        Blue   12345           t.csv:3

      """
    #expect(table == expected)
  }

  @Test func saysSoWhenThereAreNoRecords() {
    #expect(ResultsTableFormatter().format([]) == "(no records)\n")
  }
}
