import Testing

@testable import Psephos

@Suite struct CSVReaderTests {
  /// One input and every record it should give (header first), as text and as positions.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var input: [UInt8]
    var records: [[String]]
    /// `(line, column)` of every field, record by record.
    var positions: [[Position]]?
    var testDescription: String { name }

    init(_ name: String, _ input: String, _ records: [[String]], positions: [[Position]]? = nil) {
      self.name = name
      self.input = Array(input.utf8)
      self.records = records
      self.positions = positions
    }

    init(_ name: String, bytes: [UInt8], _ records: [[String]]) {
      self.name = name
      self.input = bytes
      self.records = records
      self.positions = nil
    }
  }

  struct Position: Equatable, Sendable, CustomStringConvertible {
    var line: Int
    var column: Int
    init(_ line: Int, _ column: Int) {
      self.line = line
      self.column = column
    }
    var description: String { "\(line):\(column)" }
  }

  static let cases: [Case] = [
    Case(
      "LF line ends", "a,b\n1,2\n", [["a", "b"], ["1", "2"]],
      positions: [[Position(1, 1), Position(1, 3)], [Position(2, 1), Position(2, 3)]]),
    Case(
      "CRLF line ends", "a,b\r\n1,2\r\n3,4\r\n", [["a", "b"], ["1", "2"], ["3", "4"]],
      positions: [
        [Position(1, 1), Position(1, 3)], [Position(2, 1), Position(2, 3)],
        [Position(3, 1), Position(3, 3)],
      ]),
    Case("lone CR line ends", "a,b\r1,2\r", [["a", "b"], ["1", "2"]]),
    Case("final line without a line end", "a,b\n1,2", [["a", "b"], ["1", "2"]]),
    Case(
      "UTF-8 byte-order mark is skipped and not counted as a column",
      "\u{FEFF}a,b\n1,2\n", [["a", "b"], ["1", "2"]],
      positions: [[Position(1, 1), Position(1, 3)], [Position(2, 1), Position(2, 3)]]),
    Case(
      "quoted field holding a comma", "a,b\n\"x, y\",2\n", [["a", "b"], ["x, y", "2"]],
      positions: [[Position(1, 1), Position(1, 3)], [Position(2, 1), Position(2, 8)]]),
    Case(
      "doubled quotes inside a quoted field", "a\n\"say \"\"hi\"\"\"\n", [["a"], ["say \"hi\""]]
    ),
    Case("empty quoted field", "a,b\n\"\",2\n", [["a", "b"], ["", "2"]]),
    Case(
      "LF inside a quoted field advances the line of later fields",
      "a,b\n\"one\ntwo\",2\n3,4\n", [["a", "b"], ["one\ntwo", "2"], ["3", "4"]],
      positions: [
        [Position(1, 1), Position(1, 3)], [Position(2, 1), Position(3, 6)],
        [Position(4, 1), Position(4, 3)],
      ]),
    Case(
      "CRLF inside a quoted field becomes LF", "a,b\r\n\"one\r\ntwo\",2\r\n",
      [["a", "b"], ["one\ntwo", "2"]],
      positions: [[Position(1, 1), Position(1, 3)], [Position(2, 1), Position(3, 6)]]),
    Case(
      "empty fields in the middle and at the end", "a,b,c\n,,\n1,,3\n",
      [["a", "b", "c"], ["", "", ""], ["1", "", "3"]],
      positions: [
        [Position(1, 1), Position(1, 3), Position(1, 5)],
        [Position(2, 1), Position(2, 2), Position(2, 3)],
        [Position(3, 1), Position(3, 3), Position(3, 4)],
      ]),
    Case("trailing comma at the end of the input", "a,b\n1,", [["a", "b"], ["1", ""]]),
    Case("blank lines between records are skipped", "a\n\n1\r\n\r\n2\n", [["a"], ["1"], ["2"]]),
    Case(
      "columns count code points, not bytes", "name,x\n\u{00C9}l\u{00E9}a,2\n",
      [["name", "x"], ["\u{00C9}l\u{00E9}a", "2"]],
      positions: [[Position(1, 1), Position(1, 6)], [Position(2, 1), Position(2, 6)]]),
    Case("spaces are kept", "a, b\n 1 ,2\n", [["a", " b"], [" 1 ", "2"]]),
    Case("empty input gives no header and no rows", "", []),
    Case("bytes after the mark only", bytes: [0xEF, 0xBB, 0xBF], []),
  ]

  @Test(arguments: cases)
  func readsRecordsAndPositions(_ testCase: Case) throws {
    let table = try CSVReader(file: "t.csv").read(testCase.input)
    let records = ([table.header] + table.rows.map(\.fields)).filter { !$0.isEmpty }
    #expect(records.map { $0.map(\.text) } == testCase.records)
    #expect(table.issues.isEmpty)
    if let positions = testCase.positions {
      #expect(records.map { $0.map { Position($0.line, $0.column) } } == positions)
    }
  }

  @Test func rowLineIsTheLineTheRecordStartsOn() throws {
    let table = try CSVReader().read(Array("a,b\n\"x\ny\",1\n\n2,3\n".utf8))
    #expect(table.rows.map(\.line) == [2, 5])
  }

  @Test func unterminatedQuoteThrowsAtTheOpeningQuote() {
    let input = Array("a,b\n1,2\n3,\"never\nclosed,4\n5,6\n".utf8)
    #expect {
      _ = try CSVReader(file: "bad.csv").read(input)
    } throws: { error in
      guard let error = error as? CSVReader.Error else { return false }
      return error.kind == .unterminatedQuote && error.line == 3 && error.column == 3
        && error.description.hasPrefix("bad.csv:3:3: error: quoted field is never closed")
    }
  }

  @Test func rowWithTooFewFieldsIsReportedAtTheEndOfTheRecord() throws {
    let table = try CSVReader(file: "r.csv").read(Array("a,b,c\n1,2,3\n4,5\n6,7,8\n".utf8))
    #expect(table.rows.count == 3)
    let issue = try #require(table.issues.first)
    #expect(table.issues.count == 1)
    #expect(issue.kind == .raggedRow(expected: 3, found: 2))
    #expect(issue.line == 3 && issue.column == 4)
    #expect(
      issue.description
        == "r.csv:3:4: error: row has 2 fields but the header has 3 (missing fields)")
  }

  @Test func rowWithTooManyFieldsIsReportedAtTheFirstExtraField() throws {
    let table = try CSVReader(file: "r.csv").read(Array("a,b\r\n1,2\r\n3,4,five\r\n".utf8))
    let issue = try #require(table.issues.first)
    #expect(issue.kind == .raggedRow(expected: 2, found: 3))
    #expect(issue.line == 3 && issue.column == 5)
    #expect(table.rows[1].fields.map(\.text) == ["3", "4", "five"])
  }

  @Test func everyRaggedRowIsReportedInOnePass() throws {
    let table = try CSVReader().read(Array("a,b\n1\n2,3\n4,5,6\n7\n".utf8))
    #expect(table.issues.map(\.line) == [2, 4, 5])
  }

  @Test func quoteInsideAnUnquotedFieldIsKeptAndReported() throws {
    let table = try CSVReader().read(Array("a,b\n1,ab\"c\n".utf8))
    #expect(table.rows[0].fields[1].text == "ab\"c")
    #expect(table.issues.map(\.kind) == [.quoteInUnquotedField])
    #expect(table.issues.map(\.column) == [5])
  }

  @Test func textAfterAClosingQuoteIsKeptAndReported() throws {
    let table = try CSVReader().read(Array("a,b\n\"xy\"z,2\n".utf8))
    #expect(table.rows[0].fields[0].text == "xyz")
    #expect(table.issues.map(\.kind) == [.textAfterClosingQuote])
    #expect(table.issues.map { "\($0.line):\($0.column)" } == ["2:5"])
  }

  @Test func invalidUTF8IsReplacedAndReportedAtTheField() throws {
    let table = try CSVReader().read(Array("a,b\n1,".utf8) + [0xFF, 0x41] + Array("\n".utf8))
    #expect(table.rows[0].fields[1].text == "\u{FFFD}A")
    #expect(table.issues.map(\.kind) == [.invalidUTF8])
    #expect(table.issues.map { "\($0.line):\($0.column)" } == ["2:3"])
  }

  @Test func findsColumnsByNameIgnoringCaseAndSpaces() throws {
    let table = try CSVReader().read(Array("Election_ID, Votes ,votes\n".utf8))
    #expect(table.columnIndex(named: "election_id") == 0)
    #expect(table.columnIndex(named: "votes") == 1)
    #expect(table.columnIndex(named: "share") == nil)
  }

  @Test func rowSubscriptReturnsNilPastTheEnd() throws {
    let table = try CSVReader().read(Array("a,b\n1,2\n".utf8))
    #expect(table.rows[0][1]?.text == "2")
    #expect(table.rows[0][2] == nil)
    #expect(table.rows[0][-1] == nil)
  }

  @Test func unreadableFileThrowsNamingThePath() {
    let path = "/nonexistent-psephos-dir/missing.csv"
    #expect {
      _ = try CSVReader.read(contentsOfFile: path)
    } throws: { error in
      (error as? CSVReader.Error)?.kind == .unreadable
        && "\(error)" == "\(path): error: cannot read the file"
    }
  }
}
