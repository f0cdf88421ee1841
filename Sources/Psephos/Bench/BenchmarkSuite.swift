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
    /// The process's peak resident memory once this size was done (sizes run in turn, so
    /// the largest size's figure is the peak of the whole run).
    public var peakResidentBytes: Int = 0
  }

  /// Corpus sizes in bytes.
  public var sizes: [Int]
  /// Where corpora are generated (a subfolder per size, removed afterwards unless kept).
  public var scratchDirectory: String
  /// Workers for the all-cores pass.
  public var jobs: Int
  /// The real texts the corpus is built from.
  public var sources: [SourceText]
  /// The analyzer measured.
  public var analyzer: Analyzer
  /// Whether to leave the generated corpora on disk, to measure other commands on them.
  public var keepsCorpora = false

  /// Creates a suite.
  public init(
    sizes: [Int], scratchDirectory: String, jobs: Int, sources: [SourceText],
    analyzer: Analyzer = Analyzer()
  ) {
    self.sizes = sizes
    self.scratchDirectory = scratchDirectory
    self.jobs = jobs
    self.sources = sources
    self.analyzer = analyzer
  }

  /// Runs every size in turn, calling `progress` with a line of text as each step starts.
  public func run(progress: (String) -> Void) throws -> [Result] {
    let corpus = SyntheticCorpus(sources: sources)
    let benchmark = Benchmark(analyzer: analyzer)
    var results: [Result] = []
    for size in sizes {
      let directory = "\(scratchDirectory)/psephos-bench-\(size)"
      try? FileManager.default.removeItem(atPath: directory)
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      defer { if !keepsCorpora { try? FileManager.default.removeItem(atPath: directory) } }
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
          wordCount: wordCount, peakResidentBytes: Benchmark.peakResidentBytes()))
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
    lines += scaling(results)
    lines.append("peak memory \(megabytes(peakResidentBytes)) resident")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The cost per MB of every size side by side, and how far it strays: flat costs mean the
  /// pipeline scales linearly with the corpus.
  static func scaling(_ results: [Result]) -> [String] {
    guard let first = results.first else { return [] }
    let jobs = first.allCores.jobs
    var lines = ["cost per MB across sizes (flat means linear scaling):"]
    let header = [
      "size", "files", "1 core ms/MB", "\(jobs) cores ms/MB", "1 core docs/s",
      "\(jobs) cores docs/s", "peak RSS",
    ]
    var rows = [header]
    var costs: [Double] = []
    for result in results {
      let megabytes = Double(result.corpusBytes) / 1e6
      let one = result.oneCore.wall.seconds * 1000 / max(megabytes, 1e-9)
      let all = result.allCores.wall.seconds * 1000 / max(megabytes, 1e-9)
      costs.append(one)
      rows.append([
        Self.megabytes(result.corpusBytes), String(result.files), String(format: "%.2f", one),
        String(format: "%.2f", all),
        String(format: "%.0f", Double(result.oneCore.documents) / result.oneCore.wall.seconds),
        String(format: "%.0f", Double(result.allCores.documents) / result.allCores.wall.seconds),
        Self.megabytes(result.peakResidentBytes),
      ])
    }
    var widths = header.map(\.count)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    for row in rows {
      lines.append(
        "  "
          + row.enumerated().map { column, cell in
            String(repeating: " ", count: widths[column] - cell.count) + cell
          }.joined(separator: "  "))
    }
    if costs.count > 1, let low = costs.min(), let high = costs.max(), low > 0 {
      lines.append(
        "  1-core cost spread across sizes: max/min = \(String(format: "%.2f", high / low))")
    }
    return lines
  }

  private static func rate(_ bytes: Double, _ time: Duration) -> String {
    String(format: "%7.1f", bytes / max(time.seconds, 1e-9) / 1e6)
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1e6)
  }
}
