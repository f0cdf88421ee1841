/// A problem found in a results file, located by `file:line:column`.
public struct ResultsDiagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// How much it matters: errors stop loading, warnings and notes are reported.
  public var severity: Finding.Severity
  /// The file's path as given to the loader.
  public var file: String
  /// The 1-based line, or 0 when the problem concerns the whole file.
  public var line: Int
  /// The 1-based column in code points, or 0 when the problem concerns a whole line or file.
  public var column: Int
  /// A specific, actionable message.
  public var message: String

  /// Creates a diagnostic.
  public init(_ severity: Finding.Severity, file: String, line: Int, column: Int, _ message: String)
  {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: severity: message`, as compilers print it (omitting a zero line or column).
  public var description: String {
    var location = file
    if line > 0 { location += ":\(line)" }
    if line > 0, column > 0 { location += ":\(column)" }
    return "\(location): \(severity.rawValue): \(message)"
  }

  /// Orders by file, line, column, then severity (errors first) and message.
  public static func < (lhs: ResultsDiagnostic, rhs: ResultsDiagnostic) -> Bool {
    (lhs.file, lhs.line, lhs.column) != (rhs.file, rhs.line, rhs.column)
      ? (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
      : lhs.severity != rhs.severity ? lhs.severity > rhs.severity : lhs.message < rhs.message
  }
}
