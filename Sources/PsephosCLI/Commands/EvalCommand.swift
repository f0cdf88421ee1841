import Foundation
import Psephos

/// `psephos eval`: scores the pipeline on gold annotations exactly as score.py does.
struct EvalCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "eval",
      abstract: "Score entities or figures against gold annotations, as score.py does.",
      discussion: """
        Runs the pipeline on the texts the gold files annotate (each gold file's `file`, \
        looked up in --texts) and prints per-type strict and lenient precision, recall and F1 \
        with a micro-averaged overall row, exactly as score.py prints them. By default ORG and \
        metonymy items are ignored and optional gold items are "don't care".
        """,
      arguments: [
        .option(
          "gold", value: "dir", default: "Tests/Gold", help: "The folder of gold JSON files."),
        .option(
          "texts", value: "dir", default: "Corpus/articles",
          help: "The folder holding the annotated texts."),
        .flag("all", help: "Also score ORG and metonymy items."),
        .flag("count-optional", help: "Treat optional gold items as required."),
        .flag("figures", help: "Score figures (by kind) instead of entities."),
        .flag("json", help: "Print the scores as JSON."),
        .repeatableOption(
          "results", value: "path",
          help: "Results files whose candidates are known by name (default: Corpus/results)."),
        .flag("quiet", short: "q", help: "Leave out notes."),
      ])
  }

  var gold: String
  var texts: String
  var scorerOptions: GoldScorer.Options
  var json: Bool
  var results: [String]
  var quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    gold = arguments.value("gold")!
    texts = arguments.value("texts")!
    scorerOptions = GoldScorer.Options(
      all: arguments.flag("all"), countOptional: arguments.flag("count-optional"),
      figures: arguments.flag("figures"))
    json = arguments.flag("json")
    results = arguments.values("results")
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) -> ExitCode {
    guard
      let analyzer = GlobalOptions.makeAnalyzer(results: results, quiet: quiet, console: console)
    else { return .unreadableInput }
    do throws(GoldScorer.Error) {
      let report = try GoldEvaluation(analyzer: analyzer).run(
        goldDirectory: gold, textDirectory: texts, options: scorerOptions)
      console.output(json ? report.json() : report.text())
      return .success
    } catch {
      console.error("Error: \(error)\n")
      return .unreadableInput
    }
  }
}
