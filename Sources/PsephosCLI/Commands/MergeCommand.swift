import Psephos

/// `psephos merge PART...`: partial results (from `psephos stream`) merged into the whole.
struct MergeCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "merge",
      abstract: "Merge partial results (psephos stream outputs) into the whole report.",
      discussion: """
        Each part is a file of the lines psephos stream writes (psephos-parts/1), in input \
        order; '-' reads standard input. Documents and errors are merged by path and line \
        number, so the result does not depend on how the input was split nor on the order \
        the parts are given, and the corpus indexes are merged from each document's index \
        parts. A record id used again later in the same input becomes an error, as in a \
        single run.

        json (the default) writes the report psephos analyse --format json writes: shards \
        streamed with --name FILE and merged equal 'psephos analyse --format json FILE' byte \
        for byte. parts writes partial results again, to merge further: merge is \
        commutative and associative. A summary goes to standard error unless --quiet.
        """,
      arguments: [
        .positional(
          "part", repeatable: true, help: "Files of partial results; '-' reads standard input."),
        .option(
          "format", short: "f", value: "format", type: .choice(["json", "parts"]), default: "json",
          help: "json: the whole report; parts: merged partial results, to merge further."),
        .option(
          "out", short: "o", value: "dir",
          help:
            "Write analysis.json (or parts.jsonl) into this folder (created if needed) instead of standard output."
        ),
        .flag("quiet", short: "q", help: "Leave out the summary on standard error."),
      ])
  }

  var parts: [String]
  var output: PartialResultsMerger.Output
  var outputFolder: String?
  var quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    parts = arguments.values("part")
    output = PartialResultsMerger.Output(rawValue: arguments.value("format")!)!
    outputFolder = arguments.value("out")
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) -> ExitCode {
    let report: ReportOutput
    do throws(OutputError) {
      report = try ReportOutput(
        console: console, folder: outputFolder,
        fileName: output == .report ? "analysis.json" : "parts.jsonl")
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    let summary: RunSummary
    do throws(MergeError) {
      summary = try PartialResultsMerger(output: output).merge(paths: parts) {
        report.write(bytes: $0)
      }
    } catch {
      // Nothing of a merge that failed is kept: an earlier report there stays as it was.
      report.discard()
      console.error("\(error)\n")
      return .unreadableInput
    }
    if let failure = report.close() {
      console.error("\(failure)\n")
      return .usage
    }
    if !quiet { console.error(summary.rendered()) }
    return .success
  }
}
