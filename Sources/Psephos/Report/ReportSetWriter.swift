import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the reports of `ReportSet` a document at a time, so a run holds the corpus index and
/// never the corpus: `add(_:)` each document in input order, then `finish(errors:)`.
///
/// Each report is written in three parts: what comes before the documents, each document's
/// section, and what comes after. Where the part before depends on the whole corpus (the
/// Markdown overview, the HTML masthead, overview, charts and table of contents) the sections
/// are spooled to a temporary file as they come, and `finish(errors:)` writes the head and then
/// copies the spool after it in blocks; the other reports (JSON, JSON Lines, CSV, ClaimReview)
/// are written straight through, and the CSV tables made from the index (entities, themes) are
/// written at the end. Only `ReportTotals` (the index and a few counts) grows with the corpus.
///
/// Into a folder, every report goes to a hidden temporary file there (created exclusively, so
/// an existing file or link is never followed) and all are renamed over their final names only
/// once every one is complete, so a failure leaves each report either as it was or whole; the
/// temporaries are removed on failure, and a writer dropped without `finish(errors:)` removes
/// them too. Spools are unlinked as soon as they are created and live only as open files.
///
/// The bytes are exactly those of `ReportSet.bytes(of:)`, which is this writer writing into
/// memory. A class: it owns open files and is used from one thread at a time.
public final class ReportSetWriter {
  /// One report being written.
  private struct Channel {
    var kind: ReportSet.Report
    /// The report's bytes: its temporary file, memory, or standard output.
    var output: ReportStream
    /// The document sections, for a report whose head waits for the corpus.
    var sections: ReportStream?
    /// The table of contents (HTML), likewise.
    var contents: ReportStream?
  }

  private var channels: [Channel]
  /// The temporary files to rename at the end, with their final names.
  private var pending: [(temporary: String, final: String)]
  private var totals: ReportTotals
  /// Whether the index was given whole, not built from the documents added.
  private let indexIsGiven: Bool
  private let options: ReportSet.Options
  private let markdown: MarkdownReportWriter
  private var wroteReviews = false
  private var failure: ReportWriteError?
  private var isFinished = false

  private init(
    channels: [Channel], pending: [(temporary: String, final: String)],
    options: ReportSet.Options, coverage: CorpusReport.Coverage, index: ReportIndex?,
    markdown: MarkdownReportWriter
  ) throws(ReportWriteError) {
    self.channels = channels
    self.pending = pending
    self.options = options
    self.markdown = markdown
    totals = ReportTotals(coverage: coverage)
    indexIsGiven = index != nil
    if let index { totals.index = index }
    try perform { () throws(ReportWriteError) in
      for channel in channels { try start(channel) }
    }
  }

  deinit {
    if !isFinished { discard() }
  }

  /// A writer of every report into `folder` (created if needed), as `psephos analyse --out`
  /// writes them.
  ///
  /// Throws if the folder cannot be made or a temporary file cannot be created in it.
  public convenience init(
    folder: String, options: ReportSet.Options,
    coverage: CorpusReport.Coverage = ReportDocument.pipelineCoverage
  ) throws(ReportWriteError) {
    try self.init(folder: folder, options: options, coverage: coverage, byteLimit: nil)
  }

  /// A writer of every report into `folder`, for tests: files are written and spools read back
  /// in blocks of `blockSize` bytes, and with a `byteLimit`, writing more than that many bytes
  /// into any one file fails as a full disk would.
  convenience init(
    folder: String, options: ReportSet.Options, coverage: CorpusReport.Coverage,
    byteLimit: Int?, blockSize: Int = ReportStream.defaultBlockSize
  ) throws(ReportWriteError) {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ReportWriteError(path: folder, reason: "cannot create folder: \(Self.reason(error))")
    }
    let token = ReportStream.uniqueToken()
    var channels: [Channel] = []
    var pending: [(temporary: String, final: String)] = []
    do throws(ReportWriteError) {
      for kind in ReportSet.Report.all {
        let name = kind.fileName
        precondition(
          !name.contains("/") && !name.hasPrefix("."), "report file names are plain: \(name)")
        let final = (folder as NSString).appendingPathComponent(name)
        let temporary = (folder as NSString).appendingPathComponent(".\(name).\(token).tmp")
        let output = try ReportStream.creatingFile(at: temporary, reportPath: final)
        pending.append((temporary, final))
        var channel = Channel(kind: kind, output: output)
        try Self.openSpools(
          &channel, in: folder, prefix: ".\(name).\(token)", reportPath: final)
        for stream in [channel.output, channel.sections, channel.contents].compactMap({ $0 }) {
          stream.byteLimit = byteLimit
          stream.blockSize = blockSize
        }
        channels.append(channel)
      }
    } catch {
      for file in pending { unlink(file.temporary) }
      throw error
    }
    try self.init(
      channels: channels, pending: pending, options: options, coverage: coverage, index: nil,
      markdown: MarkdownReportWriter())
  }

  /// A writer of one report to `output` (standard output, say), which is handed the bytes in
  /// blocks. A report whose head waits for the corpus spools its sections in `spoolFolder`
  /// (the system's temporary folder unless given) and reaches `output` only in
  /// `finish(errors:)`; the others reach it as documents are added.
  public convenience init(
    report kind: ReportSet.Report, options: ReportSet.Options,
    coverage: CorpusReport.Coverage = ReportDocument.pipelineCoverage,
    spoolFolder: String = NSTemporaryDirectory(), output: @escaping ([UInt8]) -> Void
  ) throws(ReportWriteError) {
    var channel = Channel(
      kind: kind, output: ReportStream.consumer(reportPath: "standard output", output))
    try Self.openSpools(
      &channel, in: spoolFolder, prefix: ".psephos-\(kind.fileName).\(ReportStream.uniqueToken())",
      reportPath: "standard output")
    try self.init(
      channels: [channel], pending: [], options: options, coverage: coverage, index: nil,
      markdown: MarkdownReportWriter())
  }

  /// One report of a whole `CorpusReport`, written into memory: what `ReportSet.bytes(of:)`
  /// and each writer's `write` return.
  ///
  /// Complexity: that of the report's writer, about linear in the output.
  static func bytes(
    of kind: ReportSet.Report, report: CorpusReport,
    options: ReportSet.Options = ReportSet.Options(reviewDate: ""),
    markdown: MarkdownReportWriter = MarkdownReportWriter()
  ) -> [UInt8] {
    var channel = Channel(kind: kind, output: .memory())
    if Self.spoolsSections(kind) {
      channel.sections = .memory()
      if kind == .html { channel.contents = .memory() }
    }
    do throws(ReportWriteError) {
      let writer = try ReportSetWriter(
        channels: [channel], pending: [], options: options, coverage: report.coverage,
        index: report.index, markdown: markdown)
      for document in report.documents { try writer.add(document) }
      _ = try writer.finish(errors: report.errors)
      return channel.output.buffer
    } catch {
      preconditionFailure("writing into memory cannot fail: \(error)")
    }
  }

  // MARK: - Writing

  /// Adds the next document, in input order, to every report.
  ///
  /// Throws if a file cannot be written; the writer has then removed its temporary files, and
  /// every later call throws the same error.
  ///
  /// Complexity: linear in the document's sections (its text, marks, claims, figures).
  public func add(_ document: ReportDocument) throws(ReportWriteError) {
    precondition(!isFinished, "a document added after finish(errors:)")
    totals.documents += 1
    let number = totals.documents
    totals.words += ReportTotals.words(of: document)
    if !indexIsGiven { totals.index.add(document) }
    try perform { () throws(ReportWriteError) in
      var json: JSONValue?
      for channel in channels {
        switch channel.kind {
        case .json:
          let stream = Self.jsonWriter
          if number > 1 { try channel.output.write(stream.separator) }
          json = json ?? document.analysis.json
          try channel.output.write(stream.element(json!))
        case .jsonLines:
          json = json ?? document.analysis.json
          var line: [UInt8] = []
          json!.write(to: &line, style: .compact)
          line.append(UInt8(ascii: "\n"))
          try channel.output.write(line)
        case .csv(let table):
          try channel.output.write(CSVReportWriter().rows(table, of: document))
        case .markdown:
          try channel.sections!.write(
            markdown.document(document, number: number, coverage: totals.coverage))
        case .html:
          let html = HTMLReportWriter()
          try channel.contents!.write(html.tableOfContentsEntry(document, number: number))
          try channel.sections!.write(
            html.article(document, number: number, coverage: totals.coverage))
        case .claimReview:
          let writer = claimReviewWriter
          for review in writer.reviews(in: document) {
            try channel.output.write(writer.reviewBytes(review, first: !wroteReviews))
            wroteReviews = true
          }
        }
      }
    }
  }

  /// Completes every report with the inputs that could not be read and, into a folder, renames
  /// each over its final name; returns the paths written (none for other outputs).
  ///
  /// Throws if a file cannot be written or renamed; the reports not yet renamed are then as
  /// they were, and no temporary file is left.
  ///
  /// Complexity: linear in the parts after the documents, plus copying the spooled sections.
  public func finish(errors: [IngestFailure]) throws(ReportWriteError) -> [String] {
    precondition(!isFinished, "finish(errors:) called twice")
    totals.errors = errors
    try perform { () throws(ReportWriteError) in
      for channel in channels {
        try complete(channel)
        try channel.output.close()
      }
    }
    isFinished = true
    channels = []
    defer { for file in pending { unlink(file.temporary) } }
    var written: [String] = []
    while let file = pending.first {
      guard rename(file.temporary, file.final) == 0 else {
        let reason = String(cString: strerror(errno))
        throw ReportWriteError(path: file.final, reason: "cannot replace: \(reason)")
      }
      pending.removeFirst()
      written.append(file.final)
    }
    return written
  }

  /// Writes the part of a report that does not depend on the corpus.
  private func start(_ channel: Channel) throws(ReportWriteError) {
    switch channel.kind {
    case .json:
      try channel.output.write(Self.jsonWriter.opening())
    case .csv(let table):
      try channel.output.write(CSVReportWriter().header(table))
    case .jsonLines, .markdown, .html, .claimReview:
      break
    }
  }

  /// Writes the rest of a report: its head where it waits for the corpus, the spooled
  /// sections, and its end.
  private func complete(_ channel: Channel) throws(ReportWriteError) {
    let output = channel.output
    switch channel.kind {
    case .json:
      // The index can be larger than memory should hold: written an entry at a time.
      var failure: ReportWriteError?
      Self.jsonWriter.writeClosing(
        wroteElements: totals.documents > 0,
        otherMembers: CorpusReport.closingMembers(errors: totals.errors, index: totals.index)
      ) { bytes in
        guard failure == nil else { return }
        do throws(ReportWriteError) { try output.write(bytes) } catch { failure = error }
      }
      if let failure { throw failure }
    case .jsonLines:
      break
    case .csv(let table):
      try output.write(CSVReportWriter().rows(table, of: totals.index))
    case .markdown:
      try output.write(markdown.head(totals))
      try output.append(contentsOf: channel.sections!)
    case .html:
      let html = HTMLReportWriter()
      try output.write(html.head(totals))
      if totals.documents > 0 {
        try output.write(HTMLReportWriter.tableOfContentsStart)
        try output.append(contentsOf: channel.contents!)
        try output.write(HTMLReportWriter.tableOfContentsEnd)
      }
      try output.write(html.overviewEnd(totals))
      try output.append(contentsOf: channel.sections!)
      try output.write(html.tail)
    case .claimReview:
      try output.write(claimReviewWriter.closing(wroteReviews: wroteReviews))
    }
  }

  /// Runs `body`; on an error, remembers it and removes every temporary file. Throws the
  /// remembered error if an earlier call failed.
  private func perform(
    _ body: () throws(ReportWriteError) -> Void
  ) throws(ReportWriteError) {
    if let failure { throw failure }
    do {
      try body()
    } catch {
      failure = error
      discard()
      throw error
    }
  }

  /// Removes the temporary files and closes every stream.
  private func discard() {
    for file in pending { unlink(file.temporary) }
    pending = []
    channels = []
  }

  // MARK: - Parts

  private static let jsonWriter = JSONStreamWriter(style: .pretty, arrayKey: "documents")

  private var claimReviewWriter: ClaimReviewWriter {
    ClaimReviewWriter(author: options.claimReviewAuthor, datePublished: options.reviewDate)
  }

  /// Whether a report's head waits for the whole corpus, so its sections are spooled.
  private static func spoolsSections(_ kind: ReportSet.Report) -> Bool {
    kind == .markdown || kind == .html
  }

  /// Creates the spools a report needs in `folder`, each exclusively and then unlinked, so
  /// nothing is left behind whatever happens.
  private static func openSpools(
    _ channel: inout Channel, in folder: String, prefix: String, reportPath: String
  ) throws(ReportWriteError) {
    guard spoolsSections(channel.kind) else { return }
    func spool(_ part: String) throws(ReportWriteError) -> ReportStream {
      try ReportStream.spool(in: folder, name: "\(prefix).\(part).tmp", reportPath: reportPath)
    }
    channel.sections = try spool("sections")
    if channel.kind == .html { channel.contents = try spool("contents") }
  }

  static func reason(_ error: any Error) -> String {
    (error as NSError).localizedFailureReason ?? error.localizedDescription
  }
}
