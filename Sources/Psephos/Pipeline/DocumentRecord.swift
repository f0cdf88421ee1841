/// What a batch keeps of one analysed document once its analysis is done: the document's JSON
/// object, its parts of the corpus indexes and the counts the readable report shows.
///
/// The unit the analysis cache stores and `psephos stream` writes: a record can be made from a
/// fresh analysis or read back from its JSON, and both give the same report bytes.
public struct DocumentRecord: Sendable {
  /// The document's object in the report (`DocumentAnalysis.json`).
  public var document: JSONValue
  /// The document's part of each corpus index, by index key (see `CorpusIndex`).
  public var index: [String: JSONValue]
  /// The counts and findings of the readable report.
  public var summary: DocumentSummary
  /// The UTF-8 bytes of the document's text, for throughput.
  public var textBytes: Int

  /// Keeps what the reports need of an analysis.
  public init(_ analysis: DocumentAnalysis) {
    document = analysis.json
    index = CorpusIndex.parts(of: analysis)
    summary = DocumentSummary(analysis)
    textBytes = analysis.document.text.bytes.count
  }

  /// How many of the document's claims have each verdict, read from the `verdict` of each
  /// entry of the document object's `claims` (none while claims are not extracted).
  public var verdicts: [String: Int] { Self.verdicts(in: document) }

  /// How many claims of a document object have each verdict.
  public static func verdicts(in document: JSONValue) -> [String: Int] {
    var counts: [String: Int] = [:]
    for claim in document["claims"]?.arrayValue ?? [] {
      if let verdict = claim["verdict"]?.stringValue { counts[verdict, default: 0] += 1 }
    }
    return counts
  }
}

// MARK: - Cache form

extension DocumentRecord {
  /// A stored record that cannot be read back.
  public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was missing or malformed.
    public var message: String

    /// A readable message.
    public var description: String { message }
  }

  /// The record as one JSON object: `document`, `index`, `summary` and `bytes`.
  public var storedJSON: JSONValue {
    .object([
      "document": document,
      "index": .object(index),
      "summary": summary.storedJSON,
      "bytes": .integer(textBytes),
    ])
  }

  /// Reads a record written by `storedJSON`.
  public init(storedJSON json: JSONValue) throws(DecodingError) {
    guard let document = json["document"], document.objectValue != nil,
      let index = json["index"]?.objectValue, let summary = json["summary"],
      let bytes = json["bytes"]?.integerValue
    else {
      throw DecodingError(message: "not a document record (document, index, summary, bytes)")
    }
    self.document = document
    self.index = index
    self.summary = try DocumentSummary(storedJSON: summary)
    self.textBytes = bytes
  }
}

extension DocumentSummary {
  /// `id`, `counts` as `[name, value]` pairs in column order, `findings` with their
  /// severity, message, byte range, line and column, and `fact_check` as `[verdict, words,
  /// explanation]` triples.
  var storedJSON: JSONValue {
    .object([
      "id": .string(id),
      "counts": .array(counts.map { .array([.string($0.name), .integer($0.value)]) }),
      "findings": .array(
        findings.map { located in
          var members: [String: JSONValue] = [
            "severity": .string(located.finding.severity.rawValue),
            "message": .string(located.finding.message),
          ]
          if let range = located.finding.range {
            members["start"] = .integer(range.start)
            members["end"] = .integer(range.end)
          }
          if let line = located.line { members["line"] = .integer(line) }
          if let column = located.column { members["column"] = .integer(column) }
          return .object(members)
        }),
      "fact_check": .array(
        factCheck.map { .array([.string($0.verdict), .string($0.words), .string($0.explanation)]) }
      ),
    ])
  }

  /// Reads a summary written by `storedJSON`.
  init(storedJSON json: JSONValue) throws(DocumentRecord.DecodingError) {
    func malformed(_ what: String) -> DocumentRecord.DecodingError {
      DocumentRecord.DecodingError(message: "summary: \(what)")
    }
    guard let id = json["id"]?.stringValue, let counts = json["counts"]?.arrayValue,
      let findings = json["findings"]?.arrayValue
    else { throw malformed("expected id, counts and findings") }
    var namedCounts: [(name: String, value: Int)] = []
    for pair in counts {
      guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue,
        let value = items[1].integerValue
      else { throw malformed("a count is not [name, value]") }
      namedCounts.append((name, value))
    }
    var located: [LocatedFinding] = []
    for entry in findings {
      guard let severityName = entry["severity"]?.stringValue,
        let severity = Finding.Severity(rawValue: severityName),
        let message = entry["message"]?.stringValue
      else { throw malformed("a finding has no severity or message") }
      var range: ByteRange?
      if let start = entry["start"]?.integerValue, let end = entry["end"]?.integerValue {
        guard start >= 0, start <= end else { throw malformed("a finding's range is reversed") }
        range = ByteRange(start, end)
      }
      located.append(
        LocatedFinding(
          finding: Finding(severity, message, range: range), line: entry["line"]?.integerValue,
          column: entry["column"]?.integerValue))
    }
    var factCheck: [(verdict: String, words: String, explanation: String)] = []
    for entry in json["fact_check"]?.arrayValue ?? [] {
      guard let items = entry.arrayValue, items.count == 3, let verdict = items[0].stringValue,
        let words = items[1].stringValue, let explanation = items[2].stringValue
      else { throw malformed("a fact-check line is not [verdict, words, explanation]") }
      factCheck.append((verdict, words, explanation))
    }
    self.id = id
    self.counts = namedCounts
    self.findings = located
    self.factCheck = factCheck
  }
}
