/// What `ResultsValidator` found: the records that could be read and every diagnostic.
public struct ResultsValidation: Sendable {
  /// The records read, in file and line order, without rows that had errors or duplicated an
  /// earlier row.
  public var records: [ResultRecord]
  /// Every error, warning and note, in file and line order.
  public var diagnostics: [ResultsDiagnostic]

  /// Creates a validation.
  public init(records: [ResultRecord], diagnostics: [ResultsDiagnostic]) {
    self.records = records
    self.diagnostics = diagnostics
  }

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
