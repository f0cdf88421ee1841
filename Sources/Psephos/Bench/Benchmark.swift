import Dispatch
import Foundation

/// Measures the pipeline's throughput on a folder of files: per-stage MB/s on one core, the
/// wall-clock rate on all cores, peak memory, and the ratio to `wc -w` over the same bytes in
/// the same run (the speed of merely finding words, as a ceiling to compare against).
///
/// A benchmark, not a test: run it on a release build (`swift run -c release psephos bench`).
public struct Benchmark: Sendable {
  /// One pass over the corpus with a given number of workers.
  public struct Pass: Sendable {
    /// Workers used.
    public var jobs: Int
    /// Documents read without failure.
    public var documents = 0
    /// Bytes of normalised text processed.
    public var bytes = 0
    /// Tokens produced.
    public var tokens = 0
    /// Per-stage CPU time, summed over workers.
    public var stages = StageTimes()
    /// Wall-clock time for the whole pass.
    public var wall: Duration = .zero
  }

  private let ingester: Ingester
  private let analyzer: Analyzer

  /// Creates a benchmark that reads files with `ingester` and analyses them with `analyzer`.
  public init(ingester: Ingester = Ingester(), analyzer: Analyzer = Analyzer()) {
    self.ingester = ingester
    self.analyzer = analyzer
  }

  /// Runs every stage over the files with `jobs` workers, one document at a time per worker.
  ///
  /// The index stage builds each document's corpus-index parts and adds them to the worker's
  /// `CorpusIndex`, then merges the workers' indexes, as a run does; the index is dropped at the
  /// end, so memory holds one pass's index at most.
  public func run(paths: [String], jobs: Int) -> Pass {
    let clock = ContinuousClock()
    let workers = max(1, min(jobs, paths.count))
    let start = clock.now
    let partials = UnsafeSendableArray<Pass>(repeating: Pass(jobs: jobs), count: workers)
    let indexes = UnsafeSendableArray<CorpusIndex>(repeating: CorpusIndex(), count: workers)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var pass = Pass(jobs: jobs)
      var corpusIndex = CorpusIndex()
      var index = worker
      while index < paths.count {
        measure(path: paths[index], into: &pass, index: &corpusIndex, clock: clock)
        index += workers
      }
      partials[worker] = pass
      indexes[worker] = corpusIndex
    }
    var total = Pass(jobs: jobs)
    for pass in partials.elements {
      total.documents += pass.documents
      total.bytes += pass.bytes
      total.tokens += pass.tokens
      total.stages.add(pass.stages)
    }
    let mergeStart = clock.now
    // Each worker's index is released once merged, so the pass never holds two copies.
    var merged = indexes[0]
    indexes[0] = CorpusIndex()
    for worker in 1..<workers {
      merged.merge(indexes[worker])
      indexes[worker] = CorpusIndex()
    }
    total.stages[.index] += clock.now - mergeStart
    total.wall = clock.now - start
    return total
  }

  private func measure(
    path: String, into pass: inout Pass, index: inout CorpusIndex, clock: ContinuousClock
  ) {
    let input = Input(id: path, path: path, format: .text)
    let start = clock.now
    let results = ingester.read(input)
    pass.stages[.ingest] += clock.now - start
    var times: StageTimes? = pass.stages
    for case .success(let document) in results {
      let analysis = analyzer.analyze(document, times: &times)
      let indexStart = clock.now
      if let piece = try? CorpusIndex(parts: CorpusIndex.parts(of: analysis)) {
        index.merge(piece)
      }
      times![.index] += clock.now - indexStart
      pass.documents += 1
      pass.bytes += document.text.bytes.count
      pass.tokens += analysis.tokens.tokens.count
    }
    pass.stages = times!
  }

  /// Times `wc -w` over the same files (GNU `--files0-from`), or nil where that is unavailable.
  public static func timeWordCount(paths: [String], scratchDirectory: String) -> Duration? {
    let listPath = "\(scratchDirectory)/files0.list"
    var list: [UInt8] = []
    for path in paths {
      list.append(contentsOf: path.utf8)
      list.append(0)
    }
    guard FileManager.default.createFile(atPath: listPath, contents: Data(list)) else { return nil }
    defer { try? FileManager.default.removeItem(atPath: listPath) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["wc", "-w", "--files0-from=\(listPath)"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let clock = ContinuousClock()
    let start = clock.now
    do {
      try process.run()
      process.waitUntilExit()
    } catch {
      return nil
    }
    guard process.terminationStatus == 0 else { return nil }
    return clock.now - start
  }

  /// The peak resident set size of this process so far, in bytes.
  public static func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
      return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
    #else
      getrusage(RUSAGE_SELF, &usage)
      return Int(usage.ru_maxrss)  // bytes on Darwin
    #endif
  }
}

extension Duration {
  /// The duration in seconds as a floating-point number, for rates in reports.
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}

/// Fixed-size storage that concurrent workers write at distinct indices, each exactly once.
final class UnsafeSendableArray<Element>: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<Element>

  init(repeating value: Element, count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: value)
  }

  deinit {
    storage.deinitialize()
    storage.deallocate()
  }

  subscript(index: Int) -> Element {
    get { storage[index] }
    set { storage[index] = newValue }
  }

  var elements: [Element] { Array(storage) }
}
