extension ResultsStore {
  /// Loads the CSV files at `paths` (files as given, folders searched recursively for `*.csv`
  /// in sorted order); throws every diagnostic if any is an error, else keeps the warnings.
  ///
  /// Complexity: O(n) in the total size of the files.
  public init(loading paths: [String]) throws(ResultsLoadError) {
    try self.init(validation: ResultsValidator().validate(paths: paths))
  }

  /// Loads one CSV file's bytes; messages name `file`. Throws as `init(loading:)` does.
  ///
  /// Complexity: O(n) in the number of bytes.
  public init(csv bytes: [UInt8], file: String) throws(ResultsLoadError) {
    try self.init(validation: ResultsValidator().validate(bytes, file: file))
  }

  private init(validation: ResultsValidation) throws(ResultsLoadError) {
    guard !validation.hasErrors else {
      throw ResultsLoadError(diagnostics: validation.diagnostics)
    }
    self.init(records: validation.records, diagnostics: validation.diagnostics)
  }
}
