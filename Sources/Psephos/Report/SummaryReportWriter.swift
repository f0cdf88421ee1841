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

/// Writes the readable summary of `psephos analyse`: a table of counts per document with
/// totals, then ingest findings.
public struct SummaryReportWriter: Sendable {
  /// Creates a writer.
  public init() {}

  /// The table: one row per document (id, then each count) and a total.
  ///
  /// Complexity: O(documents).
  public func table(_ summaries: [DocumentSummary]) -> String {
    let names = summaries.first?.counts.map(\.name) ?? []
    let header = ["document"] + names
    var rows = summaries.map { [$0.id] + $0.counts.map { String($0.value) } }
    let totals = names.indices.map { column in summaries.reduce(0) { $0 + $1.counts[column].value }
    }
    rows.append(["total"] + totals.map(String.init))
    var widths = header.map(\.count)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    var output = ""
    for row in [header] + rows {
      var line = ""
      for (column, cell) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        line += column == 0 ? cell + padding : "  " + padding + cell
      }
      output += line + "\n"
    }
    return output
  }

  /// The fact-check: for each document with claims, one entry per claim with its verdict, the
  /// words that make it and the explanation, then the verdict counts over all documents.
  public func factCheck(_ summaries: [DocumentSummary]) -> String {
    var output = ""
    var counts: [String: Int] = [:]
    for summary in summaries where !summary.factCheck.isEmpty {
      output += "\(summary.id)\n"
      for claim in summary.factCheck {
        counts[claim.verdict, default: 0] += 1
        output += "  [\(claim.verdict)] \(claim.words)\n      \(claim.explanation)\n"
      }
    }
    guard !counts.isEmpty else { return "" }
    let totals = Verdict.Rating.allCases.compactMap { rating in
      counts[rating.rawValue].map { "\($0) \(rating.rawValue)" }
    }
    return output + "Verdicts: " + totals.joined(separator: ", ") + "\n"
  }

  /// Each finding as `id:line:column: severity: message` (without the position when the
  /// finding has no span), one per line, in document order.
  public func findings(_ summaries: [DocumentSummary]) -> String {
    var output = ""
    for summary in summaries {
      for located in summary.findings {
        var place = summary.id
        if let line = located.line, let column = located.column { place += ":\(line):\(column)" }
        output += "\(place): \(located.finding.severity.rawValue): \(located.finding.message)\n"
      }
    }
    return output
  }
}
