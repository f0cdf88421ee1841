import Foundation
import Psephos

/// The options every command that reads documents accepts, declared once and read once.
struct GlobalOptions {
  /// Election results files or folders (`--results`, repeatable).
  var results: [String]
  /// The output format (`--format`); the values depend on the command.
  var format: String
  /// The folder to write reports into instead of standard output (`--out`).
  var outputFolder: String?
  /// Documents processed at once (`--jobs`).
  var jobs: Int
  /// Whether to leave out notes and findings (`--quiet`).
  var quiet: Bool
  /// Reads and decodes documents, up to `--max-document-size`.
  var ingester: Ingester

  /// The declarations; `formats` are the command's output formats, the first the default;
  /// `outHelp` replaces the help of `--out` for a command that writes more than one file.
  static func arguments(formats: [String], outHelp: String? = nil) -> [ArgumentSpec] {
    [
      .option(
        "format", short: "f", value: "format", type: .choice(formats), default: formats[0],
        help: "Output format."),
      .repeatableOption(
        "results", value: "path",
        help: "An election results CSV file, or a folder of them; Corpus/results when not given."),
      .option(
        "out", short: "o", value: "dir",
        help: outHelp
          ?? "Write the report into this folder (created if needed) instead of standard output."),
      .option(
        "jobs", short: "j", value: "n", type: .integer(1...1024),
        help:
          "Documents processed in parallel, 1 to 1024 (default: the number of processor cores). Output is the same whatever the number."
      ),
      .flag(
        "quiet", short: "q", help: "Leave out notes and findings; failures are still reported."),
      DocumentRun.maxDocumentSizeArgument,
    ]
  }

  /// Reads the values of the options `arguments(formats:)` declared.
  init(_ arguments: ParsedArguments) throws(UsageError) {
    results = arguments.values("results")
    format = arguments.value("format")!
    outputFolder = arguments.value("out")
    jobs = arguments.integer("jobs") ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
    quiet = arguments.flag("quiet")
    ingester = DocumentRun.ingester(arguments)
    if let outputFolder {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: outputFolder, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        throw UsageError(
          "'--out <dir>' must name a folder, but '\(outputFolder)' is a file.",
          commandPath: arguments.commandPath)
      }
    }
  }
}
