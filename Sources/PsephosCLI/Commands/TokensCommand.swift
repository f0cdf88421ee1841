import Psephos

/// `psephos tokens PATH...`: every token of every document, with code-point offsets.
struct TokensCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "tokens",
      abstract: "Print every token of each document with its kind, flags and offsets.",
      discussion: """
        Offsets are Unicode code points into the document text as Psephos read it, end \
        exclusive (Python's text[start:end]). The table makes line breaks and tabs in token \
        text visible as \\n and \\t. JSON gives one object: documents[] (id, path, sha256, \
        metadata, findings[], tokens[] with start, end, text, kind and flags[], sentences[] \
        and paragraphs[] with start and end) and errors[] (path, reason), keys sorted.
        """,
      arguments: [
        .positional(
          "path", repeatable: true,
          help: "Files or folders to read; '-' reads standard input.")
      ] + GlobalOptions.arguments(formats: ["table", "json"]))
  }

  /// The files and folders to read.
  var paths: [String]
  /// Format, jobs, output folder.
  var options: GlobalOptions

  init(_ arguments: ParsedArguments) throws(UsageError) {
    paths = arguments.values("path")
    options = try GlobalOptions(arguments)
  }

  func run(_ console: Console) -> ExitCode {
    let json = options.format == "json"
    let output: ReportOutput
    do throws(OutputError) {
      output = try ReportOutput(
        console: console, folder: options.outputFolder,
        fileName: json ? "tokens.json" : "tokens.txt")
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    let run = DocumentRun(jobs: options.jobs, quiet: options.quiet, ingester: options.ingester)
    let writer = TokenReportWriter()
    let outcome: DocumentRun.Outcome
    if json {
      let stream = JSONStreamWriter(style: .pretty, arrayKey: "documents")
      output.write(bytes: stream.opening())
      var isFirst = true
      outcome = run.forEachDocument(
        in: paths, console: console,
        process: { document in
          stream.element(writer.json(document, Tokenizer().tokenize(document.text)))
        },
        emit: { element in
          if !isFirst { output.write(bytes: stream.separator) }
          output.write(bytes: element)
          isFirst = false
        })
      output.write(
        bytes: stream.closing(
          wroteElements: !isFirst,
          otherMembers: [
            "errors": .array(outcome.failures.map(\.json)),
            "schema": .string(TokenReportWriter.schema),
          ]))
    } else {
      var isFirst = true
      outcome = run.forEachDocument(
        in: paths, console: console,
        process: { document in writer.table(document, Tokenizer().tokenize(document.text)) },
        emit: { table in
          if !isFirst { output.write("\n") }
          output.write(table)
          isFirst = false
        })
    }
    if let failure = output.close() {
      console.error("\(failure)\n")
      return .usage
    }
    return outcome.failures.isEmpty ? .success : .unreadableInput
  }
}
