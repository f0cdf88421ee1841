import Foundation
import Testing

@testable import Psephos

/// `ReportSetWriter`: the reports written a document at a time are the reports of the whole
/// corpus, byte for byte, and a failure part-way leaves the previous reports and no temporary
/// file.
@Suite struct ReportSetStreamingTests {
  static let options = ReportSet.Options(
    claimReviewAuthor: "Fixture Checkers", reviewDate: "2024-05-06")

  /// Five documents (the gallery's two, again, and one without claims or figures) and two
  /// inputs that failed.
  static func corpus() -> CorpusReport {
    let gallery = ReportFixtures.gallery()
    let quiet = ReportDocument(
      Analyzer().analyze(
        ReportFixtures.makeDocument(
          id: "quiet.txt", text: "Nothing to count here, just words.", metadata: Metadata())))
    return CorpusReport(
      documents: gallery.documents + [quiet] + gallery.documents,
      errors: gallery.errors + [IngestFailure(path: "missing.txt", reason: "cannot read")],
      coverage: gallery.coverage)
  }

  /// Streams `report` into a fresh folder through small blocks (so every buffer is flushed and
  /// every spool copied back many times) and reads back each file.
  static func streamed(
    _ report: CorpusReport, blockSize: Int, into folder: String
  ) throws -> [String: [UInt8]] {
    let writer = try ReportSetWriter(
      folder: folder, options: options, coverage: report.coverage, byteLimit: nil,
      blockSize: blockSize)
    for document in report.documents { try writer.add(document) }
    let written = try writer.finish(errors: report.errors)
    #expect(
      written.map { ($0 as NSString).lastPathComponent } == ReportSet.Report.all.map(\.fileName))
    var files: [String: [UInt8]] = [:]
    for path in written { files[(path as NSString).lastPathComponent] = try bytes(at: path) }
    return files
  }

  static func bytes(at path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  static func names(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  @Test(arguments: [1, 7, 4096, ReportStream.defaultBlockSize])
  func streamedReportsAreByteForByteTheWholeReports(blockSize: Int) throws {
    let report = Self.corpus()
    let folder = try TemporaryFolder()
    let files = try Self.streamed(report, blockSize: blockSize, into: folder.url.path)
    let whole = ReportSet(report, options: Self.options)
    for kind in ReportSet.Report.all {
      #expect(files[kind.fileName] == whole.bytes(of: kind), "\(kind.fileName)")
    }
    #expect(try Self.names(in: folder.url.path) == ReportSet.Report.all.map(\.fileName).sorted())
  }

  @Test(arguments: ReportSet.Report.all)
  func aReportStreamedToAnOutputIsTheWholeReportAndLeavesNoSpool(
    _ kind: ReportSet.Report
  ) throws {
    let report = Self.corpus()
    let spools = try TemporaryFolder()
    var printed: [UInt8] = []
    let writer = try ReportSetWriter(
      report: kind, options: Self.options, coverage: report.coverage,
      spoolFolder: spools.url.path
    ) { printed += $0 }
    for document in report.documents { try writer.add(document) }
    #expect(try Self.names(in: spools.url.path).isEmpty, "spools are unlinked at once")
    _ = try writer.finish(errors: report.errors)
    #expect(printed == ReportSet(report, options: Self.options).bytes(of: kind))
  }

  @Test(arguments: ReportSet.Report.all.filter { $0 != .html })
  func streamedGalleryFilesMatchTheReviewedSnapshots(_ kind: ReportSet.Report) throws {
    let folder = try TemporaryFolder()
    let files = try Self.streamed(ReportFixtures.gallery(), blockSize: 3, into: folder.url.path)
    try Snapshot.check(
      try #require(files[kind.fileName]), named: "gallery/\(kind.fileName)")
  }

  @Test func noDocumentsAndOnlyFailuresStillMakeEveryReport() throws {
    let report = CorpusReport(
      documents: [], errors: [IngestFailure(path: "a.bin", reason: "binary, not text")])
    let folder = try TemporaryFolder()
    let files = try Self.streamed(report, blockSize: 5, into: folder.url.path)
    let whole = ReportSet(report, options: Self.options)
    for kind in ReportSet.Report.all {
      #expect(files[kind.fileName] == whole.bytes(of: kind), "\(kind.fileName)")
    }
    #expect(files["claimreview.jsonld"] == Array("[]\n".utf8))
  }

  /// Byte limits that fail while documents are added (a few hundred bytes into a file) and
  /// while the reports are completed (past every document section, in a head or a copy).
  @Test(arguments: [(64, 300), (7, 5_000), (ReportStream.defaultBlockSize, 2_000)])
  func aFailedWriteLeavesThePreviousReportsAndNoTemporaryFile(
    blockSize: Int, byteLimit: Int
  ) throws {
    let folder = try TemporaryFolder()
    let out = folder.url.appendingPathComponent("reports").path
    let previous = try Self.streamed(
      CorpusReport(documents: [ReportFixtures.election()]), blockSize: 4096, into: out)
    let report = Self.corpus()
    let writer = try ReportSetWriter(
      folder: out, options: Self.options, coverage: report.coverage, byteLimit: byteLimit,
      blockSize: blockSize)
    let error = #expect(throws: ReportWriteError.self) {
      for document in report.documents { try writer.add(document) }
      _ = try writer.finish(errors: report.errors)
    }
    #expect(error?.reason.contains("No space left on device") == true)
    #expect(try Self.names(in: out) == ReportSet.Report.all.map(\.fileName).sorted())
    for (name, bytes) in previous {
      #expect(
        try Self.bytes(at: (out as NSString).appendingPathComponent(name)) == bytes, "\(name)")
    }
    #expect(throws: ReportWriteError.self) { try writer.add(ReportFixtures.election()) }
  }

  @Test func aWriterDroppedBeforeFinishingRemovesItsTemporaryFiles() throws {
    let folder = try TemporaryFolder()
    do {
      let writer = try ReportSetWriter(folder: folder.url.path, options: Self.options)
      try writer.add(ReportFixtures.election())
      #expect(try Self.names(in: folder.url.path).count == ReportSet.Report.all.count)
    }
    #expect(try Self.names(in: folder.url.path).isEmpty)
  }

  @Test func twoWritersInOneFolderKeepToTheirOwnTemporaryFiles() throws {
    // Temporary names are unique and created exclusively, so the last to finish wins whole.
    let folder = try TemporaryFolder()
    let first = try ReportSetWriter(folder: folder.url.path, options: Self.options)
    let second = try ReportSetWriter(folder: folder.url.path, options: Self.options)
    try first.add(ReportFixtures.election())
    try second.add(ReportFixtures.hostile())
    _ = try first.finish(errors: [])
    _ = try second.finish(errors: [])
    let markdown = try String(
      contentsOf: folder.url.appendingPathComponent("report.md"), encoding: .utf8)
    #expect(markdown.contains("1 document"))
    #expect(try Self.names(in: folder.url.path) == ReportSet.Report.all.map(\.fileName).sorted())
  }

  @Test(arguments: ["html", "markdown", "claimreview", "csv"])
  func aFormatPrintedWithOutIsByteForByteItsReportFile(format: String) throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour won 41,230 votes in 2016.", to: "articles/a.txt")
    try folder.write("Turnout was 38 per cent.", to: "articles/b.txt")
    try folder.write([0x41, 0x00, 0x42], to: "articles/c.txt")
    let result = try PsephosProcess.run(
      [
        "analyse", "articles", "--format", format, "--out", "reports", "--claimreview-date",
        "2024-05-06",
      ], in: folder.url)
    #expect(result.status == 3, "\(result.error)")
    let name = ReportSet.Report.all.first { kind in
      switch (kind, format) {
      case (.html, "html"), (.markdown, "markdown"), (.claimReview, "claimreview"),
        (.csv(.claims), "csv"):
        true
      default: false
      }
    }!.fileName
    let file = try String(
      contentsOf: folder.url.appendingPathComponent("reports/\(name)"), encoding: .utf8)
    #expect(result.output == file)
    let printed = try PsephosProcess.run(
      ["analyse", "articles", "--format", format]
        + (format == "claimreview" ? ["--claimreview-date", "2024-05-06"] : []), in: folder.url)
    #expect(printed.output == file)
    #expect(file.contains("c.txt") || format == "claimreview" || format == "csv")
  }
}
