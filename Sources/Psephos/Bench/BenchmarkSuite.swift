import Foundation

/// The `psephos bench` run: for each corpus size, generate a synthetic corpus on disk, time
/// `wc -w` over it, run the pipeline on one core and on all cores, and report.
public struct BenchmarkSuite: Sendable {
  /// One corpus size's results.
  public struct Result: Sendable {
    /// Bytes of synthetic text generated.
    public var corpusBytes: Int
    /// Files generated.
    public var files: Int
    /// The pass on one core.
    public var oneCore: Benchmark.Pass
    /// The pass on all cores.
    public var allCores: Benchmark.Pass
    /// `wc -w` over the same files, if it could run.
    public var wordCount: Duration?
  }

  /// Corpus sizes in bytes.
  public var sizes: [Int]
  /// Where corpora are generated (a subfolder per size, removed afterwards).
  public var scratchDirectory: String
  /// Workers for the all-cores pass.
  public var jobs: Int
  /// The real texts the corpus is built from.
  public var sources: [SourceText]

  /// Creates a suite.
  public init(sizes: [Int], scratchDirectory: String, jobs: Int, sources: [SourceText]) {
    self.sizes = sizes
    self.scratchDirectory = scratchDirectory
    self.jobs = jobs
    self.sources = sources
  }

  /// Runs every size in turn, calling `progress` with a line of text as each step starts.
  public func run(progress: (String) -> Void) throws -> [Result] {
    let corpus = SyntheticCorpus(sources: sources)
    let benchmark = Benchmark()
    var results: [Result] = []
    for size in sizes {
      let directory = "\(scratchDirectory)/psephos-bench-\(size)"
      try? FileManager.default.removeItem(atPath: directory)
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(atPath: directory) }
      progress("generating \(Self.megabytes(size)) of synthetic articles in \(directory)")
      let paths = try corpus.write(totalBytes: size, to: directory)
      progress("timing wc -w")
      _ = Benchmark.timeWordCount(paths: paths, scratchDirectory: directory)  // warm the page cache
      let wordCount = Benchmark.timeWordCount(paths: paths, scratchDirectory: directory)
      progress("pipeline on 1 core")
      let oneCore = benchmark.run(paths: paths, jobs: 1)
      progress("pipeline on \(jobs) cores")
      let allCores = benchmark.run(paths: paths, jobs: jobs)
      results.append(
        Result(
          corpusBytes: oneCore.bytes, files: paths.count, oneCore: oneCore, allCores: allCores,
          wordCount: wordCount))
    }
    return results
  }

  /// A plain-text report of the results.
  public static func render(_ results: [Result], peakResidentBytes: Int) -> String {
    var lines: [String] = []
    for result in results {
      let bytes = Double(result.corpusBytes)
      lines.append(
        "corpus \(megabytes(result.corpusBytes)) in \(result.files) files, "
          + "\(result.oneCore.tokens) tokens")
      for (stage, time) in result.oneCore.stages.measured {
        lines.append(
          "  \(stage.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))"
            + " 1 core \(rate(bytes, time)) MB/s")
      }
      let tokenize = result.oneCore.stages[.tokenize].seconds
      lines.append(
        "  tokens/s   1 core \(String(format: "%.1f", Double(result.oneCore.tokens) / tokenize / 1e6))M"
      )
      lines.append("  all stages 1 core \(rate(bytes, result.oneCore.wall)) MB/s wall")
      lines.append(
        "  all stages \(result.allCores.jobs) cores \(rate(bytes, result.allCores.wall)) MB/s wall, "
          + "\(String(format: "%.0f", Double(result.allCores.documents) / result.allCores.wall.seconds)) documents/s"
      )
      if let wordCount = result.wordCount {
        let ratio = wordCount.seconds / tokenize
        lines.append(
          "  wc -w      \(rate(bytes, wordCount)) MB/s; tokenize / wc -w = "
            + "\(String(format: "%.2f", ratio)) (1.0 or more: at least as fast)")
      } else {
        lines.append("  wc -w      unavailable (needs GNU wc --files0-from)")
      }
      lines.append(
        "  cost       \(String(format: "%.2f", result.oneCore.wall.seconds / bytes * 1e6 * 1000)) ms per MB on 1 core"
      )
    }
    lines.append("peak memory \(megabytes(peakResidentBytes)) resident")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func rate(_ bytes: Double, _ time: Duration) -> String {
    String(format: "%7.1f", bytes / max(time.seconds, 1e-9) / 1e6)
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1e6)
  }
}
