import Foundation
import Psephos

/// `psephos bench`: throughput, memory and the `wc -w` ratio on a synthetic corpus.
struct BenchCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "bench",
      abstract: "Measure throughput and memory on a synthetic corpus built from real articles.",
      discussion: """
        Builds a deterministic corpus from the sentences of the articles in --source \
        (recombined, digits and names varied) at each size, times `wc -w` over the same \
        files, then runs every pipeline stage (ingest, tokenize, entities, figures, claims, \
        check, themes, index) on 1 core and on --jobs cores, and reports MB/s per stage, \
        documents/s, \
        tokens/s, the ratio to `wc -w`, and the cost per MB of every size side by side (flat \
        means linear scaling) with the peak memory after each size. The corpus is written to \
        --scratch and read file by file, so memory does not grow with its size. Run it on a \
        release build: swift run -c release psephos bench --sizes 10MB,100MB,1GB.
        """,
      arguments: [
        .option(
          "sizes", value: "list", default: "10MB,100MB",
          help:
            "Corpus sizes, comma-separated, with KB, MB or GB (powers of 1000): 10MB,100MB,1GB for the full run."
        ),
        .option(
          "source", value: "dir", default: "Corpus/articles",
          help: "The real articles the synthetic corpus is made from."),
        .option(
          "scratch", value: "dir", help: "Where corpora are generated (default: the temp folder)."),
        .option(
          "jobs", short: "j", value: "n", type: .integer(1...1024),
          help: "Workers for the all-cores pass (default: the number of processor cores)."),
        .flag(
          "keep",
          help:
            "Leave the generated corpora in --scratch (psephos-bench-SIZE) to time other commands on them."
        ),
      ])
  }

  var sizes: [Int]
  var source: String
  var scratch: String
  var jobs: Int
  var keep: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    let list = arguments.value("sizes")!
    var sizes: [Int] = []
    for item in list.split(separator: ",") {
      guard let size = Self.bytes(String(item)) else {
        throw UsageError(
          "'--sizes' expects sizes such as 10MB,100MB,1GB; '\(item)' is not one.",
          commandPath: arguments.commandPath)
      }
      sizes.append(size)
    }
    self.sizes = sizes
    source = arguments.value("source")!
    scratch = arguments.value("scratch") ?? NSTemporaryDirectory()
    jobs = arguments.integer("jobs") ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
    keep = arguments.flag("keep")
  }

  /// Reads "10MB", "1GB", "500KB" or a plain byte count.
  static func bytes(_ text: String) -> Int? {
    let upper = text.uppercased().trimmingCharacters(in: .whitespaces)
    for (suffix, factor) in [("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("B", 1)]
    where upper.hasSuffix(suffix) {
      guard let number = Int(upper.dropLast(suffix.count)), number > 0 else { return nil }
      // "99999999999GB" is too large for an Int: not a size, rather than an overflow trap.
      let (size, overflow) = number.multipliedReportingOverflow(by: factor)
      return overflow ? nil : size
    }
    guard let number = Int(upper), number > 0 else { return nil }
    return number
  }

  func run(_ console: Console) -> ExitCode {
    let ingester = Ingester()
    let discovery = ingester.inputs(from: [source])
    let sources = discovery.inputs.flatMap { ingester.read($0) }.compactMap { try? $0.get().text }
    guard !sources.isEmpty else {
      console.error("Error: no readable articles in '\(source)' to build the corpus from.\n")
      return .unreadableInput
    }
    #if DEBUG
      console.error("warning: this is a debug build; measure with swift run -c release.\n")
    #endif
    guard
      let analyzer = GlobalOptions.makeAnalyzer(
        results: DocumentRun.resultsPaths([]), quiet: true, console: console)
    else { return .unreadableInput }
    var suite = BenchmarkSuite(
      sizes: sizes, scratchDirectory: scratch, jobs: jobs, sources: sources, analyzer: analyzer)
    suite.keepsCorpora = keep
    do {
      let results = try suite.run { console.error("bench: \($0)\n") }
      console.output(
        BenchmarkSuite.render(results, peakResidentBytes: Benchmark.peakResidentBytes()))
      return .success
    } catch {
      console.error("Error: could not write the synthetic corpus under '\(scratch)': \(error)\n")
      return .unreadableInput
    }
  }
}
