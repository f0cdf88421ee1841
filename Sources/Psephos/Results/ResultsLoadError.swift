/// Results data that could not be loaded: every diagnostic found, at least one of them an error.
public struct ResultsLoadError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Every diagnostic, errors and warnings, in file order.
  public var diagnostics: [ResultsDiagnostic]

  /// Creates an error from diagnostics.
  public init(diagnostics: [ResultsDiagnostic]) {
    self.diagnostics = diagnostics
  }

  /// The diagnostics with severity `error`.
  public var errors: [ResultsDiagnostic] { diagnostics.filter { $0.severity == .error } }

  /// One diagnostic per line, errors and warnings.
  public var description: String {
    diagnostics.filter { $0.severity >= .warning }.map(\.description).joined(separator: "\n")
  }
}
