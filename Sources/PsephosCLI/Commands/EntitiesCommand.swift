import Psephos

/// `psephos entities PATH...`: every person, party, place and organisation, per document and
/// for the whole corpus.
struct EntitiesCommand: Command {
  static var spec: CommandSpec {
    CommandSpec(
      name: "entities",
      abstract: "List the people, parties, places and organisations each document mentions.",
      discussion: """
        table: each document's mentions (offsets in code points, type, canonical entity, \
        text), then the corpus table of canonical entities with mention and document counts. \
        csv: the corpus table (type,canonical,mentions,documents,aliases). json: documents[] \
        with entities[] (start, end, text, type, canonical), index.entities[] (aliases, \
        per-document counts, first mention with snippet, co-mentioned entities) and errors[].
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

  func run(_ console: Console) -> ExitCode {
    guard let paths = DocumentRun.paths(paths, console: console) else { return .unreadableInput }
    guard let analyzer = options.makeAnalyzer(console: console) else { return .unreadableInput }
    let run = DocumentRun(jobs: options.jobs, quiet: options.quiet, ingester: options.ingester)
    var index = EntityIndex()
    var documents: [JSONValue] = []
    // The per-document tables come before the index's table: spooled, not held.
    let tables: TextSpool?
    do throws(ReportWriteError) {
      tables = options.format == "table" ? try TextSpool(part: "entities") : nil
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    var failure: ReportWriteError?
    let outcome = run.forEachDocument(
      in: paths, console: console,
      process: { document in
        let analysis = analyzer.analyze(document)
        return (analysis.document.id, analysis.document.text, analysis.mentions)
      },
      emit: { id, text, mentions in
        index.add(mentions, document: id, text: text)
        switch options.format {
        case "json":
          documents.append(
            .object(["id": .string(id), "entities": .array(mentions.map { $0.json(in: text) })]))
        case "table":
          guard failure == nil else { break }
          do throws(ReportWriteError) {
            try tables?.write(Self.table(id: id, text: text, mentions: mentions) + "\n")
          } catch {
            failure = error
          }
        default:
          break
        }
      })
    let fileName = "entities." + (options.format == "table" ? "txt" : options.format)
    let output: ReportOutput
    do throws(OutputError) {
      if let failure { throw OutputError(path: failure.path, reason: failure.reason) }
      output = try ReportOutput(
        console: console, folder: options.outputFolder, fileName: fileName)
    } catch {
      console.error("\(error)\n")
      return .usage
    }
    switch options.format {
    case "json":
      let object = JSONValue.object([
        "documents": .array(documents), "index": .object(["entities": index.json]),
        "errors": .array(outcome.failures.map(\.json)),
      ])
      output.write(object.serialized(.pretty) + "\n")
    case "csv":
      output.write(index.csv())
    default:
      do throws(ReportWriteError) {
        try tables?.copy(to: output.write(bytes:))
      } catch {
        output.discard()
        console.error("\(error)\n")
        return .usage
      }
      output.write(index.table())
    }
    if let failure = output.close() {
      console.error("\(failure)\n")
      return .usage
    }
    return outcome.failures.isEmpty ? .success : .unreadableInput
  }

  /// One document's mentions as aligned rows: start, end, type, canonical, text.
  static func table(id: String, text: SourceText, mentions: [Mention]) -> String {
    var out = "\(id): \(mentions.count) mentions\n"
    for mention in mentions {
      let offsets = text.codePointRange(mention.range)
      let type = mention.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
      out +=
        "  \(String(offsets.lowerBound).leftPadded(6))  \(String(offsets.upperBound).leftPadded(6))"
        + "  \(type)  \(mention.canonical)  \"\(text.string(mention.range))\"\n"
    }
    return out
  }
}

extension String {
  /// The string right-aligned in `width` columns.
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
