import Foundation
import Psephos

/// Reads the documents under some paths with the `Ingester` and hands each document's
/// processed output to the command in input order; failures go to standard error as they
/// are met, and into the outcome.
struct DocumentRun {
  /// What a run read, failed to read and passed over.
  struct Outcome {
    /// How many documents were read.
    var documents = 0
    /// Every input that could not be read, in the order met.
    var failures: [IngestFailure] = []
    /// Paths passed over on purpose (other extensions, links reached twice).
    var skipped: [Discovery.Skipped] = []
  }

  /// The folder read when no path is given, relative to the current directory.
  static let defaultCorpus = "Corpus/articles"

  /// Documents processed at once.
  var jobs: Int
  /// Whether to leave out notes about skipped paths.
  var quiet: Bool
  /// Reads and decodes inputs.
  var ingester = Ingester()

  /// Discovers the inputs under `paths`, reads and processes them on `jobs` threads, and calls
  /// `emit` with each document's output in input order.
  func forEachDocument<Output: Sendable>(
    in paths: [String], console: Console, process: @escaping @Sendable (Document) -> Output,
    emit: (Output) -> Void
  ) -> Outcome {
    let discovery = ingester.inputs(from: paths)
    var outcome = Outcome(failures: discovery.failures, skipped: discovery.skipped)
    for failure in discovery.failures { console.error("\(failure)\n") }
    if !quiet {
      for skipped in discovery.skipped { console.error("\(skipped)\n") }
    }
    let ingester = self.ingester
    OrderedParallelMap(jobs: jobs).forEach(
      discovery.inputs,
      transform: { input in ingester.read(input).map { $0.map(process) } },
      emit: { results in
        for result in results {
          switch result {
          case .success(let output):
            outcome.documents += 1
            emit(output)
          case .failure(let failure):
            outcome.failures.append(failure)
            console.error("\(failure)\n")
          }
        }
      })
    return outcome
  }

  /// The paths to read: those given, else the default corpus if it exists here.
  ///
  /// Returns nil, having explained on standard error, when no path was given and there is no
  /// `Corpus/articles` in the current directory.
  static func paths(_ given: [String], console: Console) -> [String]? {
    if !given.isEmpty { return given }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: defaultCorpus, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return [defaultCorpus]
    }
    let here = FileManager.default.currentDirectoryPath
    console.error(
      """
      Error: no input given, and the default corpus '\(defaultCorpus)' was not found in \(here).
        Run psephos from the repository root, or pass the files or folders to read: \
      psephos analyse PATH ...

      """)
    return nil
  }
}
