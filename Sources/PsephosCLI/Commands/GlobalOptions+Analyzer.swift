import Foundation
import Psephos

extension GlobalOptions {
  /// The results read when no `--results` is given, relative to the current directory.
  static let defaultResults = "Corpus/results"

  /// The analyzer for this run: the bundled knowledge plus the candidates and parties of the
  /// results in `--results` (default `Corpus/results`, skipped with a note if it is absent).
  /// Prints the problems and returns nil if a results file is unusable.
  func makeAnalyzer(console: Console) -> Analyzer? {
    Self.makeAnalyzer(results: results, quiet: quiet, console: console)
  }

  /// See `makeAnalyzer(console:)`; for commands that declare `--results` themselves.
  static func makeAnalyzer(results: [String], quiet: Bool, console: Console) -> Analyzer? {
    var paths = results
    if paths.isEmpty {
      if FileManager.default.fileExists(atPath: defaultResults) {
        paths = [Self.defaultResults]
      } else if !quiet {
        console.error(
          "note: no \(defaultResults) here and no --results given: "
            + "claims cannot be checked against election results.\n")
      }
    }
    do {
      return try Analyzer.loading(results: paths)
    } catch {
      console.error("\(error)\n")
      return nil
    }
  }
}
