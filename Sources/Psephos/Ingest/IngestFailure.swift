/// An input that could not be read as a document: a missing or unreadable path, a binary file,
/// a file over the size limit, a malformed JSONL line or manifest row.
///
/// One failure never stops a batch; the pipeline lists it in the output's `errors`.
public struct IngestFailure: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path as the user gave it or as discovery built it (`-` for standard input).
  public var path: String
  /// The 1-based line, for a JSONL record or a manifest row.
  public var line: Int?
  /// What went wrong, specific enough to act on.
  public var reason: String

  /// Creates a failure.
  public init(path: String, line: Int? = nil, reason: String) {
    self.path = path
    self.line = line
    self.reason = reason
  }

  /// `path:line: error: reason`, the shape compilers use.
  public var description: String {
    if let line { return "\(path):\(line): error: \(reason)" }
    return "\(path): error: \(reason)"
  }
}
