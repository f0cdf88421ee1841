import Foundation
import Psephos

/// The `psephos` executable: parses the command line, runs one command, exits with its code.
@main
enum PsephosTool {
  /// Every command, in the order help lists them. Add new commands here.
  static var commands: [CommandEntry] {
    [
      .command(AnalyseCommand.self),
      .command(CheckCommand.self),
      .command(EntitiesCommand.self),
      .command(ThemesCommand.self),
      .command(KWICCommand.self),
      .command(TokensCommand.self),
      .command(StreamCommand.self),
      .command(MergeCommand.self),
      .group(
        CommandSpec(
          name: "results", abstract: "Check and query election results CSV files."),
        [.command(ResultsValidateCommand.self), .command(ResultsQueryCommand.self)]),
      .command(EvalCommand.self),
      .command(BenchCommand.self),
    ]
  }

  /// The root of the command tree.
  static var rootSpec: CommandSpec {
    CommandSpec(
      name: "psephos",
      abstract: "Find the people, parties, places and figures in UK political commentary.",
      discussion: """
        With no subcommand, psephos runs 'analyse' on Corpus/articles (run it from the \
        repository root, or pass paths). Offsets in machine-readable output are Unicode code \
        points, end exclusive.
        """,
      subcommands: commands.map { $0.spec(appending: [ExitCode.helpSection]) },
      defaultSubcommand: AnalyseCommand.spec.name,
      sections: [ExitCode.helpSection])
  }

  static func main() {
    let console = Console.standard()
    let code = run(Array(CommandLine.arguments.dropFirst()), console: console)
    console.flush()
    exit(code.rawValue)
  }

  /// Runs a command line (without the program name) and returns the exit code.
  static func run(_ arguments: [String], console: Console) -> ExitCode {
    let root = rootSpec
    let help = HelpFormatter(root: root)
    do throws(UsageError) {
      switch try ArgumentParser(root: root).parse(arguments) {
      case .version:
        console.output("psephos \(Release.version)\n")
        return .success
      case .help(let commandPath):
        console.output(help.help(for: commandPath))
        return .success
      case .run(let parsed):
        guard
          let type = commands.lazy.compactMap({ $0.command(at: parsed.commandPath.dropFirst()) })
            .first
        else {
          preconditionFailure("no command registered at \(parsed.commandPath)")
        }
        let command = try type.init(parsed)
        return command.run(console)
      }
    } catch {
      console.error(help.errorText(for: error))
      return .usage
    }
  }
}
