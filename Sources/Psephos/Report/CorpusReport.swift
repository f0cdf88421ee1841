/// Everything one run found, ready for the report writers: the documents in input order, the
/// inputs that could not be read, and the corpus index.
public struct CorpusReport: Sendable {
  /// The `schema` value of the JSON report.
  public static let schema = "psephos/1"

  /// Which stages produced the entities, claims and themes the documents carry.
  public struct Coverage: Hashable, Sendable {
    /// Whether entity mentions were looked for.
    public var entities: Bool
    /// Whether claims were found and checked.
    public var claims: Bool
    /// Whether themes were scored.
    public var themes: Bool

    /// Creates a coverage.
    public init(entities: Bool, claims: Bool, themes: Bool) {
      self.entities = entities
      self.claims = claims
      self.themes = themes
    }
  }

  /// The documents, in input order.
  public var documents: [ReportDocument]
  /// Every input that could not be read, in the order met.
  public var errors: [IngestFailure]
  /// Counts and entries across all documents.
  public var index: ReportIndex
  /// Which stages ran.
  public var coverage: Coverage

  /// Creates a report; the index is built from the documents.
  ///
  /// Complexity: O(total mentions + claims + themes + figures).
  public init(
    documents: [ReportDocument], errors: [IngestFailure] = [],
    coverage: Coverage = ReportDocument.pipelineCoverage
  ) {
    self.documents = documents
    self.errors = errors
    self.index = ReportIndex(documents)
    self.coverage = coverage
  }

  /// The members of the JSON report besides `documents`: `errors`, `index` and `schema`.
  public static func closingMembers(errors: [IngestFailure], index: ReportIndex) -> [String:
    LazyJSON]
  {
    [
      "errors": .value(.array(errors.map(\.json))),
      "index": index.lazyJSON,
      "schema": .value(.string(schema)),
    ]
  }

  /// `report.json`: the DESIGN.md object, pretty-printed, byte for byte what
  /// `psephos analyse --format json` prints.
  ///
  /// Complexity: linear in the output.
  public func json() -> [UInt8] {
    ReportSetWriter.bytes(of: .json, report: self)
  }

  /// `documents.jsonl`: each document object on one line, in input order.
  ///
  /// Complexity: linear in the output.
  public func jsonLines() -> [UInt8] {
    ReportSetWriter.bytes(of: .jsonLines, report: self)
  }
}
