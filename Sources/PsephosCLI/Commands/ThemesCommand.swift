import Psephos

/// `psephos themes PATH...`: what each document is about, the corpus theme index, and the
/// terms most distinctive of each document.
struct ThemesCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "themes",
      abstract: "Score each document's themes and rank documents by theme.",
      discussion: """
        Themes follow the Comparative Agendas Project major topics adapted to UK politics, \
        plus elections and party politics, devolution and independence, Europe and Brexit, \
        and local government (Sources/Psephos/Resources/Knowledge/themes.csv). A score is \
        weighted term matches per 1,000 words; a theme is reported at a score of 5 or more \
        with at least 3 weighted matches. Key terms are each document's most distinctive \
        words against the rest of the corpus (Dunning's log-likelihood, G²).
        table: per document its themes with evidence terms and key terms, then the index. \
        csv: the index (theme,rank,document,score,matches). json: documents[] (id, themes[], \
        key_terms[]), index.themes[] and errors[].
        """,
      arguments: [
        .positional(
          "path", repeatable: true, optional: true,
          help: "Files or folders to read; '-' reads standard input (default: Corpus/articles).")
      ] + GlobalOptions.arguments(formats: ["table", "json", "csv"]))
  }

  var paths: [String]
  var options: GlobalOptions

  init(_ arguments: ParsedArguments) throws(UsageError) {
    paths = arguments.values("path")
    options = try GlobalOptions(arguments)
  }

  /// One document's part of the output.
  private struct Entry: Sendable {
    var id: String
    var text: SourceText
    var themes: [ThemeScore]
    var terms: TermCounts
  }

  func run(_ console: Console) -> ExitCode {
    guard let paths = DocumentRun.paths(paths, console: console) else { return .unreadableInput }
    guard let analyzer = options.makeAnalyzer(console: console) else { return .unreadableInput }
    var entries: [Entry] = []
    var index = ThemeIndex()
    var corpus = TermCounts(rows: [], documents: 0)
    let outcome = DocumentRun(jobs: options.jobs, quiet: options.quiet, ingester: options.ingester)
      .forEachDocument(
        in: paths, console: console,
        process: { document in
          let analysis = analyzer.analyze(document)
          return Entry(
            id: document.id, text: document.text, themes: analysis.themes,
            terms: TermCounts(text: document.text, tokens: analysis.tokens))
        },
        emit: { entry in
          index.add(document: entry.id, themes: entry.themes)
          corpus.merge(entry.terms)
          entries.append(entry)
        })
    let keyness = Keyness(limit: 10)
    let report: String
    switch options.format {
    case "csv":
      var csv = CSVWriter(header: ["theme", "rank", "document", "score", "matches"])
      for row in index.rows() {
        csv.append([
          row.theme, String(row.rank), row.document,
          JSONValue.hundredths(row.score).serialized(), String(row.matches),
        ])
      }
      report = csv.text
    case "json":
      let documents = entries.map { entry in
        JSONValue.object([
          "id": .string(entry.id),
          "themes": .array(entry.themes.map { $0.json(in: entry.text) }),
          "key_terms": .array(
            keyness.keyTerms(of: entry.terms, in: corpus).map {
              .object([
                "term": .string($0.term), "count": .integer($0.count),
                "log_likelihood": .hundredths($0.logLikelihood),
              ])
            }),
        ])
      }
      let object = JSONValue.object([
        "documents": .array(documents),
        "index": .object(["themes": index.json]),
        "errors": .array(outcome.failures.map(\.json)),
      ])
      report = object.serialized(.pretty) + "\n"
    default:
      var out = ""
      for entry in entries {
        out += "\(entry.id)\n"
        if entry.themes.isEmpty { out += "  no theme above the threshold\n" }
        for theme in entry.themes {
          let terms = theme.evidence.prefix(6).map { "\($0.term) ×\($0.count)" }
          out +=
            "  \(theme.label): \(JSONValue.hundredths(theme.score).serialized()) "
            + "(\(terms.joined(separator: ", ")))\n"
        }
        let key = keyness.keyTerms(of: entry.terms, in: corpus).map(\.term)
        if !key.isEmpty { out += "  key terms: \(key.joined(separator: ", "))\n" }
        out += "\n"
      }
      for (theme, postings) in index.postings.sorted(by: { $0.key < $1.key }) {
        let documents = postings.map {
          "\($0.document) (\(JSONValue.hundredths($0.score).serialized()))"
        }
        out += "\(theme): \(documents.joined(separator: ", "))\n"
      }
      report = out
    }
    let fileName = "themes." + (options.format == "table" ? "txt" : options.format)
    guard
      ReportOutput.write(
        report, console: console, folder: options.outputFolder, fileName: fileName)
    else { return .usage }
    return outcome.failures.isEmpty ? .success : .unreadableInput
  }
}
