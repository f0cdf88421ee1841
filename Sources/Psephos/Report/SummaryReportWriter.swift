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
  /// Every token.
  public var tokens: Int
  /// Tokens of kind `word`.
  public var words: Int
  /// Sentences.
  public var sentences: Int
  /// Paragraphs.
  public var paragraphs: Int
  /// What ingest noticed, in order.
  public var findings: [LocatedFinding]

  /// Counts a tokenized document.
  ///
  /// Complexity: O(tokens), plus O(bytes) per finding that has a span.
  public init(_ document: Document, _ tokenized: TokenizedText) {
    id = document.id
    tokens = tokenized.tokens.count
    words = tokenized.tokens.reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }
    sentences = tokenized.sentences.count
    paragraphs = tokenized.paragraphs.count
    findings = document.findings.map { finding in
      guard let range = finding.range else { return LocatedFinding(finding: finding) }
      let (line, column) = document.text.lineAndColumn(ofByte: range.start)
      return LocatedFinding(finding: finding, line: line, column: column)
    }
  }

  /// The counts as JSON: `tokens`, `words`, `sentences`, `paragraphs`.
  public var countsJSON: JSONValue {
    [
      "tokens": .integer(tokens), "words": .integer(words), "sentences": .integer(sentences),
      "paragraphs": .integer(paragraphs),
    ]
  }
}

/// Writes the readable summary of `psephos analyse`: a table of counts per document with
/// totals, then ingest findings.
public struct SummaryReportWriter: Sendable {
  /// Creates a writer.
  public init() {}

  /// The table: one row per document (id, tokens, words, sentences, paragraphs) and a total.
  ///
  /// Complexity: O(documents).
  public func table(_ summaries: [DocumentSummary]) -> String {
    let header = ["document", "tokens", "words", "sentences", "paragraphs"]
    func cells(_ label: String, _ counts: [Int]) -> [String] { [label] + counts.map(String.init) }
    var rows = summaries.map {
      cells($0.id, [$0.tokens, $0.words, $0.sentences, $0.paragraphs])
    }
    rows.append(
      cells(
        "total",
        [
          summaries.reduce(0) { $0 + $1.tokens }, summaries.reduce(0) { $0 + $1.words },
          summaries.reduce(0) { $0 + $1.sentences }, summaries.reduce(0) { $0 + $1.paragraphs },
        ]))
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
