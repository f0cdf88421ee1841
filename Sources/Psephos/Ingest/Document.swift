/// One article as the pipeline reads it: where it came from, what is known about it, and its
/// normalised text.
public struct Document: Sendable {
  /// A stable identifier: the path relative to the input root, or the `id` of a JSONL record.
  public var id: String
  /// Where the document was read from (`-` for standard input).
  public var path: String
  /// The SHA-256 of the bytes as read, lower-case hex.
  public var sha256: String
  /// Title, author, date, publication and URL where known.
  public var metadata: Metadata
  /// The decoded, NFC, LF-normalised text every span refers to.
  public var text: SourceText
  /// What ingest noticed: re-decoded bytes, empty text, stripped markup.
  public var findings: [Finding]

  /// Creates a document.
  public init(
    id: String, path: String, sha256: String, metadata: Metadata = Metadata(), text: SourceText,
    findings: [Finding] = []
  ) {
    self.id = id
    self.path = path
    self.sha256 = sha256
    self.metadata = metadata
    self.text = text
    self.findings = findings
  }
}

/// What is known about a document beyond its text. Unknown fields are nil, never invented.
public struct Metadata: Hashable, Sendable {
  /// The headline.
  public var title: String?
  /// The byline.
  public var author: String?
  /// The publication date, ISO 8601 (`2016-05-06`) where known.
  public var date: String?
  /// The newspaper, site or blog.
  public var publication: String?
  /// Where it was published.
  public var url: String?
  /// Any other fields a manifest, front matter or JSONL record carried.
  public var extra: [String: String]

  /// Creates metadata; every field defaults to unknown.
  public init(
    title: String? = nil, author: String? = nil, date: String? = nil, publication: String? = nil,
    url: String? = nil, extra: [String: String] = [:]
  ) {
    self.title = title
    self.author = author
    self.date = date
    self.publication = publication
    self.url = url
    self.extra = extra
  }
}
