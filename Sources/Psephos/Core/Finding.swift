/// Something worth telling the user about a document that is not a reason to stop:
/// a re-decoded file, an empty article, a figure that could not be parsed.
public struct Finding: Hashable, Sendable {
  /// How much the finding matters.
  public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
    case note
    case warning
    case error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// How much the finding matters.
  public var severity: Severity
  /// A specific, actionable message.
  public var message: String
  /// The text the finding is about, if any.
  public var range: ByteRange?

  /// Creates a finding.
  public init(_ severity: Severity, _ message: String, range: ByteRange? = nil) {
    self.severity = severity
    self.message = message
    self.range = range
  }
}
