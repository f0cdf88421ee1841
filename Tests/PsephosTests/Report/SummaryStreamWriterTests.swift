import Foundation
import Testing

@testable import Psephos

/// `SummaryStreamWriter`: the text summary spooled a document at a time is the summary of all
/// the documents at once, byte for byte, whatever the block size, and a spool that cannot be
/// written is an error naming it.
@Suite struct SummaryStreamWriterTests {
  /// A summary of a short analysed text, with the id, counts, claims and findings given.
  static func summary(
    _ id: String, counts: [Int], factCheck: [(String, String, String)] = [],
    findings: [DocumentSummary.LocatedFinding] = []
  ) -> DocumentSummary {
    var summary = DocumentSummary(
      Analyzer().analyze(
        ReportFixtures.makeDocument(id: id, text: "Words.", metadata: Metadata())))
    summary.id = id
    summary.counts = zip(summary.counts, counts).map { ($0.name, $1) }
    summary.factCheck = factCheck.map { (verdict: $0, words: $1, explanation: $2) }
    summary.findings = findings
    return summary
  }

  /// The gallery's documents (claims of every verdict), one without claims, one with a wide
  /// non-ASCII id and findings with and without a position, and the gallery again.
  static func summaries() -> [DocumentSummary] {
    let gallery = ReportFixtures.gallery().documents.map { DocumentSummary($0.analysis) }
    let located = DocumentSummary.LocatedFinding(
      finding: Finding(.warning, "not valid UTF-8: read as Windows-1252", range: ByteRange(3, 4)),
      line: 2, column: 7)
    let unplaced = DocumentSummary.LocatedFinding(finding: Finding(.error, "front matter unclosed"))
    return gallery + [
      summary("quiet.txt", counts: [5, 4, 1, 1, 0, 0, 0, 0]),
      summary(
        "Ünïcode café — a rather long name.txt", counts: [123_456, 7, 1, 1, 0, 0, 0, 0],
        findings: [located, unplaced]),
    ] + gallery
  }

  static func streamed(
    _ summaries: [DocumentSummary], blockSize: Int, in folder: String
  ) throws -> (table: String, factCheck: String, findings: String) {
    let writer = try SummaryStreamWriter(spoolFolder: folder, blockSize: blockSize, byteLimit: nil)
    for summary in summaries { try writer.add(summary) }
    func text(_ part: (@escaping ([UInt8]) -> Void) throws -> Void) throws -> String {
      var bytes: [UInt8] = []
      try part { bytes += $0 }
      return String(decoding: bytes, as: UTF8.self)
    }
    return (
      try text(writer.writeTable(to:)), try text(writer.writeFactCheck(to:)),
      try text(writer.writeFindings(to:))
    )
  }

  @Test(arguments: [1, 2, 7, 4096, ReportStream.defaultBlockSize])
  func streamedSummaryIsTheInMemorySummaryWhateverTheBlockSize(blockSize: Int) throws {
    let summaries = Self.summaries()
    let folder = try TemporaryFolder()
    let streamed = try Self.streamed(summaries, blockSize: blockSize, in: folder.url.path)
    let writer = SummaryReportWriter()
    #expect(streamed.table == writer.table(summaries))
    #expect(streamed.factCheck == writer.factCheck(summaries))
    #expect(streamed.findings == writer.findings(summaries))
    #expect(streamed.table.split(separator: "\n").count == summaries.count + 2)
    #expect(streamed.factCheck.hasSuffix("\n") && streamed.factCheck.contains("Verdicts: "))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty,
      "spools are unlinked at once")
  }

  @Test(arguments: [1, 3, 4096])
  func inMemorySummaryReadBackInSmallBlocksIsTheSame(blockSize: Int) {
    let summaries = Self.summaries()
    let tables = [blockSize, ReportStream.defaultBlockSize].map { size in
      SummaryReportWriter.rendered(summaries, blockSize: size) {
        writer, output throws(ReportWriteError) in try writer.writeTable(into: output)
      }
    }
    #expect(tables[0] == tables[1])
    let factChecks = [blockSize, ReportStream.defaultBlockSize].map { size in
      SummaryReportWriter.rendered(summaries, blockSize: size) {
        writer, output throws(ReportWriteError) in try writer.writeFactCheck(into: output)
      }
    }
    #expect(factChecks[0] == factChecks[1])
  }

  @Test func tableAlignsColumnsToTheirWidestCellCountingCharactersNotBytes() {
    let summaries = [
      Self.summary("é.txt", counts: [12, 3, 1, 1, 0, 0, 0, 0]),
      Self.summary("b.txt", counts: [1_000_000, 4, 2, 1, 0, 0, 0, 0]),
    ]
    #expect(
      SummaryReportWriter().table(summaries) == """
        document   tokens  words  sentences  paragraphs  entities  figures  claims  themes
        é.txt          12      3          1           1         0        0       0       0
        b.txt     1000000      4          2           1         0        0       0       0
        total     1000012      7          3           2         0        0       0       0

        """)
  }

  @Test func noDocumentsGiveAHeaderAndAZeroTotalAndNothingElse() throws {
    let folder = try TemporaryFolder()
    let writer = try SummaryStreamWriter(
      spoolFolder: folder.url.path, blockSize: 4, byteLimit: nil)
    var table: [UInt8] = []
    try writer.writeTable { table += $0 }
    #expect(String(decoding: table, as: UTF8.self) == "document\ntotal   \n")
    #expect(!writer.hasFactCheck && !writer.hasFindings && writer.mostSevereFinding == nil)
  }

  @Test func theMostSevereFindingIsKeptAsDocumentsArrive() throws {
    let writer = SummaryStreamWriter(inMemoryWithBlockSize: 8)
    for summary in Self.summaries() { try writer.add(summary) }
    #expect(writer.mostSevereFinding == .error)
    #expect(writer.documents == Self.summaries().count)
  }

  @Test func aSpoolThatCannotBeWrittenIsAnErrorNamingIt() throws {
    let folder = try TemporaryFolder()
    let writer = try SummaryStreamWriter(spoolFolder: folder.url.path, blockSize: 16, byteLimit: 40)
    #expect {
      for summary in Self.summaries() { try writer.add(summary) }
    } throws: { error in
      guard let error = error as? ReportWriteError else { return false }
      return error.path.hasPrefix(folder.url.path + "/.psephos-summary.")
        && error.reason == "cannot write: No space left on device"
    }
  }

  @Test func aSpoolFolderThatDoesNotExistIsAnErrorNamingTheSpool() {
    #expect {
      _ = try SummaryStreamWriter(spoolFolder: "/nonexistent/psephos")
    } throws: { error in
      (error as? ReportWriteError)?.path.hasPrefix("/nonexistent/psephos/.psephos-summary.")
        == true
    }
  }
}
