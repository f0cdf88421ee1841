import Foundation
import Psephos
import Testing

/// Runs the built `psephos` binary on temporary folders and checks standard output, standard
/// error, the exit code and files written.
@Suite struct EndToEndTests {
  private func run(_ arguments: [String], in folder: TemporaryFolder) throws
    -> PsephosProcess.Result
  {
    try PsephosProcess.run(arguments, in: folder.url)
  }

  private func json(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  @Test func printsTheLibraryVersion() throws {
    let result = try run(["--version"], in: TemporaryFolder())
    #expect(result.status == 0)
    #expect(result.output == "psephos \(Release.version)\n")
    #expect(result.error.isEmpty)
  }

  @Test func helpListsSubcommandsOptionsAndExitCodes() throws {
    let result = try run(["--help"], in: TemporaryFolder())
    #expect(result.status == 0)
    for expected in [
      "USAGE: psephos", "analyse (default)", "tokens", "EXIT CODES", "3  Some input",
    ] {
      #expect(result.output.contains(expected), "missing \(expected)")
    }
    let tokens = try run(["tokens", "-h"], in: TemporaryFolder())
    #expect(tokens.status == 0)
    #expect(tokens.output.contains("-f, --format <format>"))
    #expect(tokens.output.contains("<path> ..."))
  }

  @Test func tokensJSONGivesCodePointOffsetsAcrossCurlyApostrophesAndPoundSigns() throws {
    let folder = try TemporaryFolder()
    let text = "Labour\u{2019}s lead: \u{A3}3m.\n"
    try folder.write(text, to: "article.txt")
    let result = try run(["tokens", "--format", "json", "article.txt"], in: folder)
    #expect(result.status == 0)
    #expect(result.error.isEmpty)

    // Keys sorted, offsets in code points: "’s" is bytes 6..<10 but code points 6..<8.
    #expect(
      result.output.contains(
        #"{"end": 8, "flags": ["possessive"], "kind": "word", "start": 6, "text": "’s"}"#))
    #expect(
      result.output.contains(
        #"{"end": 16, "flags": ["space-before"], "kind": "symbol", "start": 15, "text": "£"}"#))

    let report = try json(result.output)
    #expect(report["schema"] as? String == "psephos-tokens/1")
    #expect((report["errors"] as? [Any])?.isEmpty == true)
    let documents = try #require(report["documents"] as? [[String: Any]])
    let document = try #require(documents.first)
    #expect(document["id"] as? String == "article.txt")
    let tokens = try #require(document["tokens"] as? [[String: Any]])
    let scalars = Array(text.unicodeScalars)
    for token in tokens {
      let start = try #require(token["start"] as? Int)
      let end = try #require(token["end"] as? Int)
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[start..<end])
      #expect(String(slice) == token["text"] as? String)
    }
    #expect(
      tokens.map { $0["kind"] as? String } == [
        "word", "word", "word", "punctuation", "symbol", "number", "punctuation",
      ])
    let sentences = try #require(document["sentences"] as? [[String: Int]])
    #expect(sentences == [["start": 0, "end": 19]])
  }

  @Test func tokensTableHasAHeaderAndOneRowPerTokenWithItsFlags() throws {
    let folder = try TemporaryFolder()
    try folder.write("One.\n\nTwo.", to: "a.txt")
    let result = try run(["tokens", "a.txt"], in: folder)
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("document  index  kind") == true)
    #expect(lines.count == 5)
    #expect(lines[3].contains("a.txt") && lines[3].contains("Two"))
    #expect(lines[3].contains("paragraph-break-before"))
  }

  @Test func noArgumentsSummarisesTheThreeBundledArticles() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("Corpus"), withIntermediateDirectories: true)
    for part in ["Corpus/articles", "Corpus/results"] {
      try FileManager.default.copyItem(
        at: PsephosProcess.packageRoot.appendingPathComponent(part),
        to: folder.url.appendingPathComponent(part))
    }
    let result = try run([], in: folder)
    #expect(result.status == 0)
    #expect(result.error.isEmpty)
    for id in ["000_8cbc4ebb48ef6d6a.txt", "001_278710d5642b4a0a.txt", "002_71de88d3ad4bf1b7.txt"] {
      #expect(result.output.contains(id), "missing \(id)")
    }
    #expect(result.output.contains("read 3 documents from Corpus/articles"))
    #expect(result.output.contains("claims checked against the results data"))
    #expect(result.output.contains("Fact-check"))
    #expect(result.output.contains("[accurate] Goldsmith (994,614)"))
    let lines = result.output.split(separator: "\n")
    let header = try #require(lines.first { $0.hasPrefix("document ") })
    let total = try #require(lines.first { $0.hasPrefix("total ") })
    #expect(header.contains("figures"))
    #expect(total.split(separator: " ").count == header.split(separator: " ").count)
  }

  @Test func noArgumentsOutsideTheRepositoryNamesTheMissingCorpus() throws {
    let result = try run([], in: TemporaryFolder())
    #expect(result.status == 3)
    #expect(result.output.isEmpty)
    #expect(result.error.contains("'Corpus/articles' was not found"))
    #expect(result.error.contains("repository root"))
  }

  @Test func missingPathExitsWithThreeNamingItAndStillReadsTheOthers() throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour won.", to: "good.txt")
    let result = try run(["tokens", "missing.txt", "good.txt"], in: folder)
    #expect(result.status == 3)
    #expect(result.error.contains("missing.txt"))
    #expect(result.output.contains("good.txt") && result.output.contains("Labour"))
  }

  @Test func unknownOptionExitsWithTwoAndSuggestsTheClosest() throws {
    let result = try run(["tokens", "--formt", "json", "a.txt"], in: TemporaryFolder())
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.error.hasPrefix("Error: Unknown option '--formt'. Did you mean '--format'?"))
    #expect(result.error.contains("Usage: psephos tokens"))
  }

  @Test func outOfRangeJobsIsAUsageError() throws {
    let result = try run(["analyse", "--jobs", "0", "a.txt"], in: TemporaryFolder())
    #expect(result.status == 2)
    #expect(result.error.contains("'--jobs <n>' must be from 1 to 1024, not 0."))
  }

  @Test func binaryFileInAFolderIsListedAsFailedWhileTheOthersAreRead() throws {
    let folder = try TemporaryFolder()
    try folder.write("The Conservatives held Bexley.", to: "articles/a.txt")
    try folder.write([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00], to: "articles/b.txt")
    try folder.write("Turnout rose.", to: "articles/c.txt")
    let result = try run(["analyse", "--format", "json", "articles"], in: folder)
    #expect(result.status == 3)
    #expect(result.error.contains("articles/b.txt"))

    let report = try json(result.output)
    #expect(report["schema"] as? String == "psephos/1")
    let documents = try #require(report["documents"] as? [[String: Any]])
    #expect(documents.map { $0["id"] as? String } == ["a.txt", "c.txt"])
    let errors = try #require(report["errors"] as? [[String: Any]])
    #expect(errors.count == 1)
    #expect(errors.first?["path"] as? String == "articles/b.txt")
    #expect((errors.first?["reason"] as? String)?.isEmpty == false)
  }

  @Test func outputIsTheSameWhateverTheNumberOfJobs() throws {
    let folder = try TemporaryFolder()
    for index in 0..<12 {
      try folder.write(
        "Article \(index): Labour\u{2019}s \u{A3}\(index)m.\n", to: "in/\(index).txt")
    }
    let one = try run(["tokens", "-f", "json", "-j", "1", "in"], in: folder)
    let four = try run(["tokens", "-f", "json", "--jobs=4", "in"], in: folder)
    #expect(one.status == 0)
    #expect(one.output == four.output)
    #expect(try (json(one.output)["documents"] as? [Any])?.count == 12)
  }

  @Test func outWritesTheReportIntoTheFolderInsteadOfStandardOutput() throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour won.", to: "a.txt")
    let result = try run(["tokens", "a.txt", "--out", "reports/run1", "--format=json"], in: folder)
    #expect(result.status == 0)
    #expect(result.output.isEmpty)
    let written = try String(
      contentsOf: folder.url.appendingPathComponent("reports/run1/tokens.json"), encoding: .utf8)
    #expect(try (json(written)["documents"] as? [Any])?.count == 1)
  }

  @Test func failOnExitsWithOneWhenAFindingIsSevereEnough() throws {
    let folder = try TemporaryFolder()
    // 0x93 and 0x94 are curly quotes in Windows-1252 and invalid UTF-8: ingest re-decodes the
    // file and records a warning.
    try folder.write(Array("He said ".utf8) + [0x93] + Array("no".utf8) + [0x94], to: "a.txt")
    let warning = try run(["analyse", "--fail-on", "warning", "a.txt"], in: folder)
    #expect(warning.status == 1)
    #expect(warning.output.contains("a.txt: warning:"))
    let error = try run(["analyse", "--fail-on", "error", "a.txt"], in: folder)
    #expect(error.status == 0)
  }

  @Test func standardInputIsReadAsADocument() throws {
    let folder = try TemporaryFolder()
    let result = try PsephosProcess.run(["tokens", "-"], in: folder.url, input: "Vote Leave won.")
    #expect(result.status == 0)
    #expect(result.output.contains("Leave"))
  }
}

@Suite struct BenchCommandEndToEndTests {
  @Test func benchReportsEveryStageThroughputMemoryAndTheWordCountRatio() throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour won 1,138,576 votes. Mr Khan thanked Tooting.\n", to: "src/a.txt")
    let result = try PsephosProcess.run(
      ["bench", "--sizes", "50KB", "--source", "src", "--scratch", folder.url.path, "--jobs", "2"],
      in: folder.url)
    #expect(result.status == 0)
    for expected in [
      "corpus 0.1 MB", "ingest", "tokenize", "tokens/s", "2 cores", "documents/s", "peak memory",
    ] {
      #expect(result.output.contains(expected), "missing \(expected)")
    }
    // The generated corpus is removed afterwards.
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(!left.contains { $0.hasPrefix("psephos-bench") })
  }

  @Test func benchRejectsAMalformedSize() throws {
    let folder = try TemporaryFolder()
    let result = try PsephosProcess.run(["bench", "--sizes", "ten"], in: folder.url)
    #expect(result.status == 2)
    #expect(result.error.contains("'ten' is not one"))
  }
}

@Suite struct ResultsCommandsEndToEndTests {
  @Test func validateNamesTheFileLineAndColumnOfABadVoteAndExitsThree() throws {
    let folder = try TemporaryFolder()
    try folder.write(
      "election_id,date,area_name,party,votes\nx-2016,2016-05-05,Dudley,Labour Party,12.4x\n",
      to: "bad.csv")
    let result = try PsephosProcess.run(["results", "validate", "bad.csv"], in: folder.url)
    #expect(result.status == 3)
    #expect(result.error.contains("bad.csv:2:"))
    #expect(result.error.contains("12.4x"))
  }

  @Test func validatePassesTheBundledResults() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let result = try PsephosProcess.run(["results", "validate", "Corpus/results"], in: root)
    #expect(result.status == 0)
    #expect(result.output.contains("0 error(s)"))
  }

  @Test func queryPrintsTheMatchingRecordsWithTheirSourceLines() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let result = try PsephosProcess.run(
      ["results", "query", "--election", "london-mayor-2016", "--candidate", "Goldsmith"], in: root)
    #expect(result.status == 0)
    // Every line of the CSV that names Goldsmith in 2016 is cited as file:line.
    let csv = try String(
      contentsOf: root.appendingPathComponent("Corpus/results/london_mayor_2000_2016.csv"),
      encoding: .utf8)
    let lines = csv.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .map { String(decoding: $0, as: UTF8.self) }
    let expected = lines.indices.filter {
      lines[$0].hasPrefix("london-mayor-2016") && lines[$0].contains("Goldsmith")
    }
    #expect(!expected.isEmpty)
    for index in expected {
      #expect(result.output.contains("london_mayor_2000_2016.csv:\(index + 1)"))
    }
  }
}

@Suite struct EntitiesAndEvalEndToEndTests {
  @Test func evalPrintsScorePyTablesWithTheGoldTargetsMet() throws {
    let result = try PsephosProcess.run(["eval"], in: PsephosProcess.packageRoot)
    #expect(result.status == 0)
    let all = try #require(result.output.components(separatedBy: "== ALL").last)
    for type in ["PERSON", "PARTY", "PLACE"] {
      let row = try #require(all.split(separator: "\n").first { $0.hasPrefix(type + " ") })
      // Columns: type gold pred | strict P R F1 | lenient P R F1
      let cells = row.split(separator: " ").filter { $0 != "|" }
      let strictF1 = try #require(Double(cells[5]))
      #expect(strictF1 >= 0.95, "\(type) strict F1 \(strictF1)")
    }
  }

  @Test func evalFiguresModeScoresByKind() throws {
    let result = try PsephosProcess.run(["eval", "--figures"], in: PsephosProcess.packageRoot)
    #expect(result.status == 0)
    #expect(result.output.contains("# scoring figures"))
    #expect(result.output.contains("year"))
  }

  @Test func entitiesCSVListsCanonicalEntitiesWithCounts() throws {
    let folder = try TemporaryFolder()
    try folder.write(
      "Theresa May met Nicola Sturgeon in Edinburgh. Mrs May later told the Tories.\n",
      to: "a.txt")
    let result = try PsephosProcess.run(["entities", "--format", "csv", "a.txt"], in: folder.url)
    #expect(result.status == 0)
    let lines = result.output.components(separatedBy: "\r\n")
    #expect(lines.first == "type,canonical,mentions,documents,aliases")
    #expect(lines.contains("PERSON,Theresa May,2,1,May; Theresa May"))
    #expect(lines.contains("PERSON,Nicola Sturgeon,1,1,Nicola Sturgeon"))
    #expect(lines.contains("PLACE,Edinburgh,1,1,Edinburgh"))
    #expect(lines.contains("PARTY,Conservative Party,1,1,Tories"))
  }
}

@Suite struct ThemesAndKWICEndToEndTests {
  @Test func themesRanksDocumentsByThemeWithEvidenceTerms() throws {
    let folder = try TemporaryFolder()
    try folder.write(
      "NHS waiting lists grew. Hospitals and GPs warned that A&E waits and nurses' pay "
        + "would decide the NHS budget. The health secretary promised more nurses and doctors.\n",
      to: "health.txt")
    try folder.write(
      "The SNP demanded a second independence referendum. Holyrood and the Scottish "
        + "Parliament debated devolution and the Barnett formula again.\n",
      to: "indy.txt")
    let result = try PsephosProcess.run(["themes", "--format", "csv", "."], in: folder.url)
    #expect(result.status == 0)
    let rows = result.output.components(separatedBy: "\r\n")
    #expect(rows.first == "theme,rank,document,score,matches")
    #expect(rows.contains { $0.hasPrefix("health,1,health.txt,") })
    #expect(rows.contains { $0.hasPrefix("devolution,1,indy.txt,") })
    #expect(!rows.contains { $0.hasPrefix("health,") && $0.contains("indy.txt") })
  }

  @Test func kwicFindsEveryAliasOfAnEntityWithAlignedKeywords() throws {
    let folder = try TemporaryFolder()
    try folder.write(
      "Nicola Sturgeon spoke first. Later Ms Sturgeon said the SNP would win. Sturgeon left.\n",
      to: "a.txt")
    let result = try PsephosProcess.run(
      ["kwic", "--entity", "Nicola Sturgeon", "--width", "12", "a.txt"], in: folder.url)
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    // Keywords start in one column: "a.txt" + 2 spaces + 12 characters of left context.
    let keywords = lines.map { String($0.unicodeScalars.dropFirst(5 + 2 + 12)) }
    #expect(keywords[0].hasPrefix("Nicola Sturgeon spoke"))
    #expect(keywords[1].hasPrefix("Sturgeon said"))
    #expect(keywords[2].hasPrefix("Sturgeon left"))
  }

  @Test func kwicWithoutATermOrEntityIsAUsageError() throws {
    let folder = try TemporaryFolder()
    let result = try PsephosProcess.run(["kwic"], in: folder.url)
    #expect(result.status == 2)
    #expect(result.error.contains("--entity"))
  }
}
