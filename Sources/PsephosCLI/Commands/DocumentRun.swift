import Foundation
import Psephos

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the documents under some paths with the `BatchRunner` and hands each document's
/// processed output to the command in input order; failures go to standard error as they
/// are met, and into the outcome. Draws a progress line on standard error when it is a
/// terminal (and not `--quiet`).
struct DocumentRun {
  /// What a run read, failed to read and passed over.
  struct Outcome {
    /// How many documents were read.
    var documents = 0
    /// Every input that could not be read, in the order met.
    var failures: [IngestFailure] = []
    /// Paths passed over on purpose (other extensions, links reached twice).
    var skipped: [Discovery.Skipped] = []
    /// Documents done, from the cache, failed, claims by verdict, time and throughput (filled
    /// by `forEachRecord`).
    var summary = RunSummary()
    /// The corpus indexes of the documents read (filled by `forEachRecord`).
    var index = CorpusIndex()
  }

  /// The folder read when no path is given, relative to the current directory.
  static let defaultCorpus = "Corpus/articles"
  /// The `--cache DIR` option of the commands that analyse documents.
  static let cacheArgument = ArgumentSpec.option(
    "cache", value: "dir",
    help:
      "Keep each document's analysis in this folder (created if needed) and reuse it on the next run while the document, psephos and the knowledge and results files are unchanged."
  )

  /// The `--max-document-size MB` option of the commands that read documents.
  static let maxDocumentSizeArgument = ArgumentSpec.option(
    "max-document-size", value: "mb", type: .integer(1...4096), default: "50",
    help:
      "The largest document read, in MB (1 MB = 1,048,576 bytes), from 1 to 4096: a larger file, or JSON Lines line, is listed as failed and not read."
  )

  /// The ingester `--max-document-size` asks for.
  static func ingester(_ arguments: ParsedArguments) -> Ingester {
    let megabytes = arguments.integer(maxDocumentSizeArgument.name)!
    return Ingester(options: Ingester.Options(maxDocumentBytes: megabytes * 1_048_576))
  }

  /// Documents processed at once.
  var jobs: Int
  /// Whether to leave out notes about skipped paths, the progress line and the summary.
  var quiet: Bool
  /// Reads and decodes inputs.
  var ingester: Ingester
  /// Where analyses are remembered between runs, if anywhere.
  var cache: AnalysisCache?

  init(jobs: Int, quiet: Bool, ingester: Ingester, cache: AnalysisCache? = nil) {
    self.jobs = jobs
    self.quiet = quiet
    self.ingester = ingester
    self.cache = cache
  }

  /// Discovers the inputs under `paths`, reads and processes them on `jobs` threads, and calls
  /// `emit` with each document's output in input order.
  func forEachDocument<Output: Sendable>(
    in paths: [String], console: Console, process: @escaping @Sendable (Document) -> Output,
    emit: (Output) -> Void
  ) -> Outcome {
    let clock = ContinuousClock()
    let start = clock.now
    let discovery = ingester.inputs(from: paths)
    var outcome = Outcome(failures: discovery.failures, skipped: discovery.skipped)
    for failure in discovery.failures { console.error("\(failure)\n") }
    if !quiet {
      for skipped in discovery.skipped { console.error("\(skipped)\n") }
    }
    var progress = ProgressLine(
      inputs: discovery.inputs, enabled: !quiet && console.errorIsTerminal, console: console)
    BatchRunner(ingester: ingester, jobs: jobs).run(
      discovery.inputs, process: process,
      emit: { event in
        switch event.kind {
        case .document(let output):
          outcome.documents += 1
          emit(output)
        case .failure(let failure):
          outcome.failures.append(failure)
          progress.clear()
          console.error("\(failure)\n")
        case .blank, .endOfInput:
          break
        }
        progress.advance(event, elapsed: clock.now - start)
      })
    progress.clear()
    outcome.summary.failures = outcome.failures
    outcome.summary.elapsed = clock.now - start
    return outcome
  }

  /// Like `forEachDocument`, for commands that analyse: each document is analysed (or read
  /// from the cache) into a `DocumentRecord` on a worker, `transform` turns the record into
  /// the command's output there, and the outcome's summary and corpus indexes are filled in.
  func forEachRecord<Output: Sendable>(
    in paths: [String], console: Console,
    analyze: @escaping @Sendable (Document) -> DocumentAnalysis,
    transform: @escaping @Sendable (DocumentRecord) -> Output, emit: (Output) -> Void
  ) -> Outcome {
    let cache = self.cache
    var summary = RunSummary()
    var index = CorpusIndex()
    var indexFailure: IndexPartError?
    var outcome = forEachDocument(
      in: paths, console: console,
      process: { document in
        var cacheOutcome: AnalysisCache.Outcome?
        let record: DocumentRecord
        if let cache {
          (record, cacheOutcome) = cache.record(for: document) { DocumentRecord(analyze($0)) }
        } else {
          record = DocumentRecord(analyze(document))
        }
        // The document's own index is read here, on the worker; the run only merges it.
        let index = Result { () throws(IndexPartError) in try CorpusIndex(parts: record.index) }
        return RecordOutput(
          output: transform(record), index: index, textBytes: record.textBytes,
          verdicts: record.verdicts, cache: cacheOutcome)
      },
      emit: { (processed: RecordOutput<Output>) in
        summary.add(
          bytes: processed.textBytes, verdicts: processed.verdicts,
          fromCache: processed.cache == .hit)
        if let note = processed.cache?.note, !quiet {
          console.error(note + "\n")
        }
        switch processed.index {
        case .success(let piece): index.merge(piece)
        case .failure(let error): indexFailure = indexFailure ?? error
        }
        emit(processed.output)
      })
    if let indexFailure {
      preconditionFailure("an index part made in this run cannot be read back: \(indexFailure)")
    }
    summary.failures = outcome.failures
    summary.elapsed = outcome.summary.elapsed
    outcome.summary = summary
    outcome.index = index
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

  /// The results files in use: those given with `--results`, else `Corpus/results` if it
  /// exists here.
  static func resultsPaths(_ given: [String]) -> [String] {
    if !given.isEmpty { return given }
    let fallback = GlobalOptions.defaultResults
    return FileManager.default.fileExists(atPath: fallback) ? [fallback] : []
  }

  /// Opens the `--cache` folder for the results in use; nil without `--cache`. Throws the
  /// message to print (exit code 2) when the folder cannot be used.
  static func cache(at path: String?, results: [String]) throws(CacheError) -> AnalysisCache? {
    guard let path else { return nil }
    return try AnalysisCache(
      directory: path, version: AnalysisCache.version(resultsPaths: resultsPaths(results)))
  }

  /// Prints the run summary (unless `--quiet`): at the end of standard output when that is
  /// the readable report (`inOutput`), else on standard error.
  func printSummary(_ summary: RunSummary, console: Console, inOutput: Bool) {
    guard !quiet else { return }
    if inOutput {
      console.output("\n" + summary.rendered())
    } else {
      console.error(summary.rendered())
    }
  }
}

/// What a worker hands back for one analysed document: the command's output and what the
/// summary and the indexes need.
private struct RecordOutput<Output: Sendable>: Sendable {
  var output: Output
  var index: Result<CorpusIndex, IndexPartError>
  var textBytes: Int
  var verdicts: [String: Int]
  var cache: AnalysisCache.Outcome?
}

/// The progress line of a run, drawn on standard error at most ten times a second.
private struct ProgressLine {
  private let console: Console
  private var meter: ProgressMeter?
  private let sizes: [Int]
  private let sizesBefore: [Int]
  private let width: Int
  private var drawn = false

  init(inputs: [Input], enabled: Bool, console: Console) {
    self.console = console
    guard enabled else {
      sizes = []
      sizesBefore = []
      width = 80
      return
    }
    sizes = ProgressMeter.sizes(of: inputs)
    var running = 0
    var before: [Int] = []
    for size in sizes {
      before.append(running)
      running += size
    }
    sizesBefore = before
    meter = ProgressMeter(totalFiles: inputs.count, totalBytes: running)
    var size = winsize()
    width = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
  }

  mutating func advance<Output>(_ event: BatchRunner.Event<Output>, elapsed: Duration) {
    guard var meter, event.inputIndex < sizes.count else { return }
    let files = event.inputIndex + (event.endsInput ? 1 : 0)
    let bytes =
      sizesBefore[event.inputIndex]
      + (event.endsInput ? sizes[event.inputIndex] : event.bytesIntoInput)
    if meter.update(filesDone: files, bytesDone: bytes, elapsed: elapsed) {
      console.error("\r" + meter.line(elapsed: elapsed, width: width - 1) + "\u{1B}[K")
      drawn = true
    }
    self.meter = meter
  }

  /// Removes the line (before a message, and at the end).
  mutating func clear() {
    guard drawn else { return }
    console.error("\r\u{1B}[K")
    drawn = false
  }
}
