import Foundation

@testable import Psephos

/// Helpers shared by the Results tests: the bundled corpus and temporary CSV files.
enum ResultsTestSupport {
  /// The package root, found from this file's path.
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Results
    .deletingLastPathComponent()  // PsephosTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// `Corpus/results` in the package.
  static let corpusResults = packageRoot.appendingPathComponent("Corpus/results").path

  /// The lines of a bundled results file, without line ends.
  static func corpusLines(_ name: String) throws -> [String] {
    let text = try String(contentsOfFile: corpusResults + "/" + name, encoding: .utf8)
    return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
  }

  /// The comma-separated fields of a line before its first quote (the bundled files quote only
  /// their trailing notes and some area names), so a test can read a figure straight from the
  /// file text.
  static func unquotedPrefixFields(_ line: String) -> [String] {
    let prefix = line.prefix { $0 != "\"" }
    return prefix.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("psephos-results-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes `text` to `name` under `folder` (creating subfolders) and returns the path.
  @discardableResult
  static func write(_ text: String, to name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  /// Validates inline CSV text as file `t.csv`.
  static func validate(_ text: String) -> ResultsValidation {
    ResultsValidator().validate(Array(text.utf8), file: "t.csv")
  }
}
