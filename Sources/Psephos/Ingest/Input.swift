/// One thing to read: a file found by discovery or named by the user, or standard input.
///
/// Inputs are cheap (a path and a little metadata); the bytes are read only by
/// `Ingester.read(_:)`, so a run over millions of files holds one document at a time per worker.
public struct Input: Sendable, Hashable {
  /// How the bytes are interpreted.
  public enum Format: String, Sendable, Hashable, CaseIterable {
    /// Plain text, with optional front matter.
    case text
    /// Markdown, read as text (markup kept), with optional front matter.
    case markdown
    /// HTML: text extracted, metadata from `<title>` and `<meta>`.
    case html
    /// JSON Lines: one document per line.
    case jsonl
  }

  /// The document id; for JSONL, the prefix of each record's id (`feed.jsonl#42`).
  public var id: String
  /// The path to open, or `-` for standard input.
  public var path: String
  /// How the bytes are interpreted.
  public var format: Format
  /// Metadata from a manifest beside the file: defaults that the document's own metadata
  /// (front matter, HTML `<meta>`, JSONL fields) overrides field by field.
  public var metadata: Metadata

  /// Creates an input.
  public init(id: String, path: String, format: Format, metadata: Metadata = Metadata()) {
    self.id = id
    self.path = path
    self.format = format
    self.metadata = metadata
  }

  /// Whether the input is standard input.
  public var isStandardInput: Bool { path == "-" }

  /// The format a file name's extension selects, or nil when the extension is not supported.
  ///
  /// Supported: `.txt`, `.md`, `.markdown`, `.html`, `.htm`, `.jsonl` (any letter case).
  public static func format(forFileName name: String) -> Format? {
    guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
    let suffix = String(name[name.utf8.index(after: dot)...]).lowercased()
    switch suffix {
    case "txt": return .text
    case "md", "markdown": return .markdown
    case "html", "htm": return .html
    case "jsonl": return .jsonl
    default: return nil
    }
  }
}
