import Foundation
import Testing

@testable import Psephos

@Suite struct CSVReportWriterTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("", ""),
    ("a,b", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""),
    ("cr\rhere", "\"cr\rhere\""),
    (" padded ", "\" padded \""),
    ("£3m – “quoted”", "£3m – “quoted”"),
  ])
  func quotesOnlyTheFieldsRFC4180Requires(field: String, written: String) {
    var text = ""
    CSVWriter.appendField(field, to: &text)
    #expect(text == written)
  }

  @Test func recordsEndWithCRLFAndReadBackExactly() throws {
    let rows = [
      ["id", "text", "value"],
      ["a.txt", "He said \"no\", twice", "994614"],
      ["b,c.txt", "line one\nline two", ""],
      ["", " lead and trail ", "\"\""],
    ]
    var csv = CSVWriter(header: rows[0])
    for row in rows.dropFirst() { csv.append(row) }
    #expect(csv.text.hasSuffix("\r\n"))
    #expect(csv.text.components(separatedBy: "\r\n").first == "id,text,value")
    let table = try CSVReader().read(Array(csv.text.utf8))
    #expect(table.issues.isEmpty)
    #expect(table.header.map(\.text) == rows[0])
    #expect(table.rows.map { $0.fields.map(\.text) } == Array(rows.dropFirst()))
  }

  @Test(arguments: [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+44 20", "'+44 20"),
    ("-1+2", "'-1+2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("-", "-"),
    ("Labour", "Labour"),
  ])
  func documentTextThatASpreadsheetWouldRunIsMadeText(field: String, safe: String) {
    #expect(CSVWriter.spreadsheetText(field) == safe)
  }

  @Test func claimsTableHasOneRowPerClaimWithVerdictAndEvidence() throws {
    let csv = CSVReportWriter().write(.claims, of: ReportFixtures.gallery())
    let table = try CSVReader().read(Array(csv.utf8))
    #expect(table.issues.isEmpty)
    #expect(table.rows.count == 8)
    let header = table.header.map(\.text)
    let verdict = try #require(header.firstIndex(of: "verdict"))
    let evidence = try #require(header.firstIndex(of: "evidence"))
    let figure = try #require(header.firstIndex(of: "figure"))
    let inaccurate = try #require(table.rows.first { $0.fields[figure].text == "5,120" })
    #expect(inaccurate.fields[verdict].text == "inaccurate")
    #expect(inaccurate.fields[evidence].text.contains("borsetshire_results.csv:3: 41,230 − 36,020"))
  }

  @Test func claimWithoutAFigureIsARowWithAnEmptyFigure() throws {
    let (report, checked) = try ReportFixtures.councilControl()
    let table = try CSVReader().read(Array(CSVReportWriter().write(.claims, of: report).utf8))
    #expect(table.issues.isEmpty)
    let row = try #require(table.rows.first, "no row for the claim")
    #expect(table.rows.count == 1)
    var fields: [String: String] = [:]
    for (name, field) in zip(table.header.map(\.text), row.fields.map(\.text)) {
      fields[name] = field
    }
    #expect(fields["figure"] == "")
    #expect(fields["value"] == "")
    #expect(fields["unit"] == "")
    #expect(fields["measure"] == "council-control")
    #expect(fields["subject"] == checked.claim.subject?.canonical)
    #expect(fields["verdict"] == checked.verdict.rating.rawValue)
    #expect(fields["expected"] == checked.verdict.expectedText)
    let text = report.documents[0].document.text
    let offsets = text.codePointRange(checked.claim.range)
    #expect(fields["start"] == String(offsets.lowerBound))
    #expect(fields["end"] == String(offsets.upperBound))
    #expect(fields["text"] == text.string(checked.claim.range))
  }

  @Test func mentionOffsetsAreCodePointsIntoTheText() throws {
    let report = ReportFixtures.gallery()
    let csv = CSVReportWriter().write(.mentions, of: report)
    let table = try CSVReader().read(Array(csv.utf8))
    let text = Array(ReportFixtures.electionText.unicodeScalars)
    for row in table.rows where row.fields[0].text == "fixtures/borsetshire.txt" {
      let start = try #require(Int(row.fields[1].text))
      let end = try #require(Int(row.fields[2].text))
      var surface = ""
      surface.unicodeScalars.append(contentsOf: text[start..<end])
      #expect(surface == row.fields[5].text)
    }
  }

  @Test func entitiesTableCountsMentionsAndDocuments() throws {
    let csv = CSVReportWriter().write(.entities, of: ReportFixtures.gallery())
    let table = try CSVReader().read(Array(csv.utf8))
    let archer = try #require(table.rows.first { $0.fields[0].text == "Jane Archer" })
    #expect(
      archer.fields.map(\.text) == ["Jane Archer", "PERSON", "3", "1", "Archer | Jane Archer"])
    #expect(table.rows.first?.fields[0].text == "Jane Archer", "most mentioned first")
  }
}
