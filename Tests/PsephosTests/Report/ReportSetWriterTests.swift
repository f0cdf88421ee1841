import Foundation
import Testing

@testable import Psephos

/// `ReportSet.write(into:)` and `psephos analyse --out`, run as a user would.
@Suite struct ReportSetWriterTests {
  static let fileNames = [
    "report.json", "documents.jsonl", "entities.csv", "mentions.csv", "figures.csv",
    "claims.csv", "themes.csv", "report.md", "report.html", "claimreview.jsonld",
  ]

  @Test func writesEveryReportAndNoTemporaryFile() throws {
    let folder = try TemporaryFolder()
    let out = folder.url.appendingPathComponent("a/b").path
    let set = ReportSet(ReportFixtures.gallery(), options: .init(reviewDate: "2024-05-06"))
    let written = try set.write(into: out)
    #expect(written.map { ($0 as NSString).lastPathComponent } == Self.fileNames)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out).sorted() == Self.fileNames.sorted())
    for kind in ReportSet.Report.all {
      let data = try Data(
        contentsOf: URL(fileURLWithPath: out).appendingPathComponent(kind.fileName))
      #expect([UInt8](data) == set.bytes(of: kind), "\(kind.fileName)")
    }
  }

  @Test func replacesALinkAtAReportsNameInsteadOfWritingThroughIt() throws {
    let folder = try TemporaryFolder()
    let outside = try folder.write("keep me", to: "outside.txt")
    let out = folder.url.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: out.appendingPathComponent("report.md"), withDestinationURL: outside)
    _ = try ReportSet(ReportFixtures.gallery(), options: .init(reviewDate: "2024-05-06"))
      .write(into: out.path)
    #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me")
    let attributes = try FileManager.default.attributesOfItem(
      atPath: out.appendingPathComponent("report.md").path)
    #expect(attributes[.type] as? FileAttributeType == .typeRegular)
  }

  @Test func aFolderThatCannotBeMadeIsAnErrorNamingIt() throws {
    let folder = try TemporaryFolder()
    try folder.write("a file", to: "taken")
    let target = folder.url.appendingPathComponent("taken/reports").path
    #expect(throws: ReportWriteError.self) {
      try ReportSet(ReportFixtures.gallery(), options: .init(reviewDate: "2024-05-06"))
        .write(into: target)
    }
  }

  @Test func analyseOutWritesEveryReportAndPrintsTheSummary() throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour won 41,230 votes in 2016.", to: "articles/a.txt")
    let result = try PsephosProcess.run(
      ["analyse", "articles", "--out", "reports", "--claimreview-date", "2024-05-06"],
      in: folder.url)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("Reports written to reports:"))
    let names = try FileManager.default.contentsOfDirectory(
      atPath: folder.url.appendingPathComponent("reports").path)
    #expect(names.sorted() == Self.fileNames.sorted())
  }

  @Test(arguments: [
    ("json", "\"schema\": \"psephos/1\""),
    ("jsonl", "{\"claims\":"),
    ("csv", "document,start,end,figure,value"),
    ("markdown", "# Psephos report"),
    ("html", "<!DOCTYPE html>"),
    ("claimreview", "\"ClaimReview\""),
  ])
  func formatPrintsThatReportOnStandardOutput(format: String, expected: String) throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour won 41,230 votes in 2016.", to: "a.txt")
    let result = try PsephosProcess.run(["analyse", "a.txt", "--format", format], in: folder.url)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.hasPrefix(expected) || result.output.contains(expected))
  }

  @Test func csvTableOptionPicksTheTable() throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour won 41,230 votes in 2016.", to: "a.txt")
    let result = try PsephosProcess.run(
      ["analyse", "a.txt", "--format", "csv", "--table", "figures"], in: folder.url)
    #expect(result.output.hasPrefix("document,start,end,text,value,unit,kind"))
    #expect(result.output.contains("a.txt,11,23,\"41,230 votes\",41230,votes,count"))
  }

  @Test func jsonAndJSONLinesOnStandardOutputAreByteForByteTheReportFiles() throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour won 41,230 votes in 2016.", to: "articles/a.txt")
    try folder.write("Turnout was 38 per cent.", to: "articles/b.txt")
    let result = try PsephosProcess.run(
      ["analyse", "articles", "--format", "json", "--out", "reports"], in: folder.url)
    let streamed = try PsephosProcess.run(
      ["analyse", "articles", "--format", "json"], in: folder.url)
    let file = try String(
      contentsOf: folder.url.appendingPathComponent("reports/report.json"), encoding: .utf8)
    #expect(result.output == file)
    #expect(streamed.output == file)
    let lines = try PsephosProcess.run(
      ["analyse", "articles", "--format", "jsonl"], in: folder.url)
    let jsonl = try String(
      contentsOf: folder.url.appendingPathComponent("reports/documents.jsonl"), encoding: .utf8)
    #expect(lines.output == jsonl)
    #expect(jsonl.split(separator: "\n").count == 2)
  }

  @Test func documentIdsThatLookLikePathsCannotWriteOutsideTheFolder() throws {
    let folder = try TemporaryFolder()
    let records = [
      #"{"id": "../../x", "text": "Labour won 41,230 votes."}"#,
      #"{"id": "/tmp/evil", "text": "Turnout was 38 per cent."}"#,
    ]
    try folder.write(records.joined(separator: "\n") + "\n", to: "inbox/records.jsonl")
    let result = try PsephosProcess.run(
      ["analyse", "inbox", "--out", "deep/reports", "--quiet"], in: folder.url)
    #expect(result.status == 0, "\(result.error)")
    let everything =
      FileManager.default.enumerator(atPath: folder.url.path)?
      .compactMap { $0 as? String }.sorted() ?? []
    let expected =
      ["deep", "deep/reports", "inbox", "inbox/records.jsonl"]
      + Self.fileNames.map { "deep/reports/" + $0 }
    #expect(everything == expected.sorted())
    let report = try String(
      contentsOf: folder.url.appendingPathComponent("deep/reports/report.json"), encoding: .utf8)
    #expect(report.contains("../../x"))
  }

  @Test func aBadReviewDateIsAUsageError() throws {
    let folder = try TemporaryFolder()
    let result = try PsephosProcess.run(
      ["analyse", "--claimreview-date", "9 May 2016"], in: folder.url)
    #expect(result.status == 2)
    #expect(result.error.contains("--claimreview-date"))
  }
}
