import Foundation
import Psephos

/// `psephos stream`: JSON Lines in, one JSON line of results per input line out, in order.
struct StreamCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "stream",
      abstract: "Analyse JSON Lines from standard input; one line of results per line, in order.",
      discussion: """
        Each input line is a JSON object with "text" (a string) and optionally "id" (a \
        string or number; line-N when absent), "title", "author", "date", "publication", \
        "url" and other string fields (metadata). Each output line answers the input line \
        of the same number, in order, whatever --jobs is: a document as \
        {"document":{...},"index":{...},"line":7} (the document object analyse writes, and \
        its parts of the corpus indexes), a failure as \
        {"error":{"line":8,"path":"-","reason":"..."},"line":8}, a blank line as \
        {"line":9,"skipped":"blank line"}.

        A line that is not JSON, has no string "text", is binary or is over \
        --max-document-size (50 MB) gives an error line, never a crash; the exit code stays 0 (3 only if standard input cannot be \
        read). Lines are answered as soon as the input pauses, so a process that writes a \
        line and waits for its answer works. A summary goes to standard error unless --quiet.

        This is the map step for Apache Spark (RDD.pipe) and Hadoop Streaming; psephos merge \
        turns the outputs of the shards into the report psephos analyse gives for the whole \
        input. With --name corpus.jsonl, ids and paths are those of 'psephos analyse \
        corpus.jsonl'. With --keyed, each line is N<TAB>record, N its 1-based line number in \
        the whole input (Spark: zipWithIndex; Hadoop: nl -ba -w1 -s$'\\t'), so that line \
        numbers, and the repeated-id check done by merge, are those of the whole input.
        """,
      arguments: [
        .option(
          "name", value: "name",
          help:
            "Name standard input as this file: documents get path NAME and ids NAME#id, as analyse NAME gives (default: '-' and the record ids alone)."
        ),
        .flag(
          "keyed",
          help:
            "Each line is N<TAB>record, N the record's line number in the whole input; a shard's ids are checked for repeats by merge."
        ),
        .repeatableOption(
          "results", value: "path",
          help: "An election results CSV file, or a folder of them; Corpus/results when not given."
        ),
        .option(
          "jobs", short: "j", value: "n", type: .integer(1...1024),
          help:
            "Lines processed in parallel, 1 to 1024 (default: the number of processor cores). Output is the same whatever the number."
        ),
        .flag("quiet", short: "q", help: "Leave out the summary and notes on standard error."),
        DocumentRun.cacheArgument,
        DocumentRun.maxDocumentSizeArgument,
      ])
  }

  var name: String?
  var keyed: Bool
  var results: [String]
  var jobs: Int
  var quiet: Bool
  var cachePath: String?
  var ingester: Ingester

  init(_ arguments: ParsedArguments) throws(UsageError) {
    name = arguments.value("name")
    if name?.isEmpty == true {
      throw UsageError("'--name' must not be empty.", commandPath: arguments.commandPath)
    }
    keyed = arguments.flag("keyed")
    results = arguments.values("results")
    jobs = arguments.integer("jobs") ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
    quiet = arguments.flag("quiet")
    cachePath = arguments.value("cache")
    ingester = DocumentRun.ingester(arguments)
  }

  func run(_ console: Console) -> ExitCode {
    let cache: AnalysisCache?
    do throws(CacheError) {
      cache = try DocumentRun.cache(at: cachePath, results: results)
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    let source = BatchRunner.LineSource(
      path: name ?? "-", idPrefix: name, isKeyed: keyed, checksRepeatedIDs: !keyed)
    guard
      let analyzer = GlobalOptions.makeAnalyzer(results: results, quiet: quiet, console: console)
    else { return .unreadableInput }
    let processor = StreamProcessor(
      runner: BatchRunner(ingester: ingester, jobs: jobs), source: source, cache: cache,
      analyze: { analyzer.analyze($0) })
    let summary = processor.run(
      input: 0, write: { console.output(bytes: $0) }, flush: { console.flush() },
      note: { if !quiet { console.error($0 + "\n") } })
    console.flush()
    if !quiet { console.error(summary.rendered()) }
    let unreadable = summary.failures.contains { $0.line == nil }
    return unreadable ? .unreadableInput : .success
  }
}
