import Foundation

/// `psephos stream`: documents as JSON Lines on standard input, one line of results per input
/// line on standard output, in order (the `psephos-parts/1` format of `PartialResults`): the
/// map step for Apache Spark (`RDD.pipe`) and Hadoop Streaming.
///
/// Input lines are read with `Ingester`'s JSONL rules and limits (`id`, `text`, optional
/// metadata; malformed JSON, a missing or non-string `text`, a line over the size limit, binary
/// data are each an error line naming the line, never a crash). Lines are analysed on `jobs`
/// threads in batches and written in input order; memory holds one batch.
public struct StreamProcessor: Sendable {
  /// Reads and processes the lines.
  public var runner: BatchRunner
  /// How documents and failures are named, and whether lines carry their numbers.
  public var source: BatchRunner.LineSource
  /// Analyses one document.
  public var analyze: @Sendable (Document) -> DocumentAnalysis
  /// Where records are remembered between runs, if anywhere.
  public var cache: AnalysisCache?

  /// Creates a processor.
  public init(
    runner: BatchRunner, source: BatchRunner.LineSource, cache: AnalysisCache? = nil,
    analyze: @escaping @Sendable (Document) -> DocumentAnalysis
  ) {
    self.runner = runner
    self.source = source
    self.cache = cache
    self.analyze = analyze
  }

  /// What a worker hands back for one document.
  private struct Processed: Sendable {
    var head: [UInt8]
    var textBytes: Int
    var verdicts: [String: Int]
    var cache: AnalysisCache.Outcome?
  }

  /// Reads `descriptor` to its end, calling `write` with each output line (line feed included)
  /// in input order, `flush` whenever the input pauses, and `note` with cache notes; returns
  /// the run's summary.
  public func run(
    input descriptor: Int32, write: ([UInt8]) -> Void, flush: () -> Void,
    note: (String) -> Void
  ) -> RunSummary {
    let clock = ContinuousClock()
    let start = clock.now
    let analyze = self.analyze
    let cache = self.cache
    var summary = RunSummary()
    runner.run(
      lines: descriptor, source: source,
      process: { document in
        let record: DocumentRecord
        var outcome: AnalysisCache.Outcome?
        if let cache {
          (record, outcome) = cache.record(for: document) { DocumentRecord(analyze($0)) }
        } else {
          record = DocumentRecord(analyze(document))
        }
        return Processed(
          head: PartialResults.documentLineHead(document: record.document, index: record.index),
          textBytes: record.textBytes, verdicts: record.verdicts, cache: outcome)
      },
      emit: { event in
        switch event.kind {
        case .document(let processed):
          summary.add(
            bytes: processed.textBytes, verdicts: processed.verdicts,
            fromCache: processed.cache == .hit)
          if let message = processed.cache?.note { note(message) }
          write(PartialResults.finish(processed.head, line: event.line ?? 0))
        case .failure(let failure):
          summary.failures.append(failure)
          write(PartialResults.errorLine(failure))
        case .blank:
          write(PartialResults.skippedLine(event.line ?? 0))
        case .endOfInput:
          break
        }
      },
      idle: flush)
    summary.elapsed = clock.now - start
    return summary
  }
}
