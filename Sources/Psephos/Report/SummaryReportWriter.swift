/// The counts `psephos analyse` reports for one document, and what ingest noticed about it.
public struct DocumentSummary: Sendable, Hashable {
  /// A finding with its place in the text, for messages.
  public struct LocatedFinding: Sendable, Hashable {
    /// The finding.
    public var finding: Finding
    /// The 1-based line and column (code points) of the finding's start, if it has a span.
    public var line: Int?
    /// See `line`.
    public var column: Int?
  }

  /// The document's id.
  public var id: String
  /// Named counts in column order: tokens, words, sentences, paragraphs, figures, ...
  public var counts: [(name: String, value: Int)]
  /// Findings worth a reader's attention (warnings and errors), in order.
  public var findings: [LocatedFinding]
  /// Each claim as the fact-check lists it: verdict, the words that make it, explanation.
  public var factCheck: [(verdict: String, words: String, explanation: String)]

  /// Summarises an analysed document.
  ///
  /// Complexity: O(tokens), plus O(bytes) per reported finding that has a span.
  public init(_ analysis: DocumentAnalysis) {
    id = analysis.document.id
    let tokens = analysis.tokens
    counts = [
      ("tokens", tokens.tokens.count),
      ("words", tokens.tokens.reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }),
      ("sentences", tokens.sentences.count),
      ("paragraphs", tokens.paragraphs.count),
      ("entities", analysis.mentions.count),
      ("figures", analysis.figures.count),
      ("claims", analysis.claims.count),
      ("themes", analysis.themes.count),
    ]
    let text = analysis.document.text
    factCheck = analysis.claims.map {
      ($0.verdict.rating.rawValue, text.string($0.claim.keyRange), $0.verdict.explanation)
    }
    findings = analysis.findings.filter { $0.severity >= .warning }.map { finding in
      guard let range = finding.range else { return LocatedFinding(finding: finding) }
      let (line, column) = text.lineAndColumn(ofByte: range.start)
      return LocatedFinding(finding: finding, line: line, column: column)
    }
  }

  /// The counts as a JSON object.
  public var countsJSON: JSONValue {
    .object(Dictionary(uniqueKeysWithValues: counts.map { ($0.name, JSONValue.integer($0.value)) }))
  }

  public static func == (lhs: DocumentSummary, rhs: DocumentSummary) -> Bool {
    lhs.id == rhs.id && lhs.findings == rhs.findings
      && lhs.counts.map(\.name) == rhs.counts.map(\.name)
      && lhs.counts.map(\.value) == rhs.counts.map(\.value)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    for count in counts { hasher.combine(count.value) }
  }
}

/// Writes the readable summary of `psephos analyse` for summaries held in memory: a table of
/// counts per document with totals, the fact-check, then ingest findings. Each part is
/// `SummaryStreamWriter` writing into memory.
public struct SummaryReportWriter: Sendable {
  /// Creates a writer.
  public init() {}

  /// The table: one row per document (id, then each count) and a total.
  ///
  /// Complexity: O(documents).
  public func table(_ summaries: [DocumentSummary]) -> String {
    Self.rendered(summaries) { writer, output throws(ReportWriteError) in
      try writer.writeTable(into: output)
    }
  }

  /// The fact-check: for each document with claims, one entry per claim with its verdict, the
  /// words that make it and the explanation, then the verdict counts over all documents.
  ///
  /// Complexity: O(claims).
  public func factCheck(_ summaries: [DocumentSummary]) -> String {
    Self.rendered(summaries) { writer, output throws(ReportWriteError) in
      try writer.writeFactCheck(into: output)
    }
  }

  /// Each finding as `id:line:column: severity: message` (without the position when the
  /// finding has no span), one per line, in document order.
  ///
  /// Complexity: O(findings).
  public func findings(_ summaries: [DocumentSummary]) -> String {
    Self.rendered(summaries) { writer, output throws(ReportWriteError) in
      try writer.writeFindings(into: output)
    }
  }

  /// One part of the summary of `summaries`, spooled and read back in memory in blocks of
  /// `blockSize` bytes.
  static func rendered(
    _ summaries: [DocumentSummary], blockSize: Int = ReportStream.defaultBlockSize,
    _ part: (SummaryStreamWriter, ReportStream) throws(ReportWriteError) -> Void
  ) -> String {
    let writer = SummaryStreamWriter(inMemoryWithBlockSize: blockSize)
    let output = ReportStream.memory()
    do throws(ReportWriteError) {
      for summary in summaries { try writer.add(summary) }
      try part(writer, output)
    } catch {
      preconditionFailure("writing into memory cannot fail: \(error)")
    }
    return String(decoding: output.buffer, as: UTF8.self)
  }
}
