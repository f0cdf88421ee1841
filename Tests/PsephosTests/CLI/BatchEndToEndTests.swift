import Foundation
import Psephos
import Testing

/// The batch features of the built binary: --jobs, --cache, the summary, the progress line,
/// psephos stream and psephos merge.
@Suite struct BatchEndToEndTests {
  private func run(_ arguments: [String], in folder: TemporaryFolder, input: String = "") throws
    -> PsephosProcess.Result
  {
    try PsephosProcess.run(arguments, in: folder.url, input: input)
  }

  private func record(_ id: String, _ text: String) -> String {
    JSONValue.object(["id": .string(id), "text": .string(text), "title": .string("T \(id)")])
      .serialized()
  }

  private func article(_ index: Int) -> String {
    "Labour won \(1_000 + index * 41) votes in Tooting, \(index % 7) more than in 2012. "
      + "Turnout was \(30 + index % 40)%.\n\nMr Khan thanked \(index) volunteers."
  }

  /// A folder of articles, a JSONL feed with bad lines and a binary file.
  private func corpus() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    for index in 0..<14 {
      try folder.write(article(index), to: "in/a\(String(format: "%02d", index)).txt")
    }
    var lines = (0..<20).map { record("r\($0)", article($0)) }
    lines.insert("{not json", at: 4)
    lines.insert(#"{"id":"x","text":5}"#, at: 9)
    lines.append(record("r3", "A repeated id."))
    try folder.write(lines.joined(separator: "\n") + "\n", to: "in/feed.jsonl")
    try folder.write([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02], to: "in/b.txt")
    return folder
  }

  @Test func analyseJSONIsByteIdenticalWithOneOrThreeJobs() throws {
    let folder = try corpus()
    let one = try run(["analyse", "-f", "json", "-j", "1", "in"], in: folder)
    let three = try run(["analyse", "-f", "json", "--jobs", "3", "in"], in: folder)
    #expect(one.status == 3 && three.status == 3)
    #expect(!one.output.isEmpty)
    #expect(one.output == three.output)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(one.output.utf8)) as? [String: Any])
    #expect((report["documents"] as? [Any])?.count == 14 + 20)
    #expect((report["errors"] as? [Any])?.count == 4)
    #expect(report["index"] is [String: Any])
  }

  @Test func streamAnswersEveryLineInOrderWithNumberedErrorLinesForBadOnes() throws {
    let input = [
      record("a", article(1)), "{not json", "", #"{"id":"b"}"#, record("c", article(2)),
      #"{"id":"d","text":["x"]}"#, record("a", "Again."), record("e", article(3)),
    ].joined(separator: "\n")
    let result = try run(["stream", "-j", "3"], in: TemporaryFolder(), input: input)
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 8)
    for (index, line) in lines.enumerated() {
      #expect(line.contains(#""line":\#(index + 1)"#), "line \(index + 1): \(line)")
    }
    #expect(lines[0].hasPrefix(#"{"document":{"#) && lines[0].contains(#""id":"a""#))
    #expect(lines[1].hasPrefix(#"{"error":{"line":2,"path":"-","reason":"not valid JSON"#))
    #expect(lines[2] == #"{"line":3,"skipped":"blank line"}"#)
    #expect(lines[3] == #"{"error":{"line":4,"path":"-","reason":"no \"text\" field"},"line":4}"#)
    #expect(lines[5].contains(#""text\" is an array, not a string""#))
    #expect(lines[6].contains(#"id \"a\" was already used on line 1"#))
    #expect(lines[7].contains(#""id":"e""#))
    #expect(result.error.contains("Done: 3 documents, 4 failed"))
  }

  @Test func streamOnBinaryStandardInputGivesErrorLinesAndExitsZero() throws {
    let binary = "\u{7F}ELF\u{2}\u{1}\u{1}\u{0}\u{0}\u{3}\u{0}>\n\u{0}\u{0}\u{0}\u{1}\u{2}"
    let result = try run(["stream", "--quiet"], in: TemporaryFolder(), input: binary)
    #expect(result.status == 0)
    #expect(
      result.output == """
        {"error":{"line":1,"path":"-","reason":"binary, not text: NUL byte at offset 7"},"line":1}
        {"error":{"line":2,"path":"-","reason":"binary, not text: NUL byte at offset 0"},"line":2}

        """)
    #expect(result.error.isEmpty)
  }

  @Test func streamedShardsMergedEqualAnalyseOfTheWholeFileByteForByte() throws {
    let folder = try TemporaryFolder()
    var lines = (0..<30).map { record("r\($0)", article($0)) }
    lines.insert("{bad", at: 7)
    lines.insert("", at: 12)
    lines.append(record("r2", "Repeated in another shard."))
    try folder.write(lines.joined(separator: "\n") + "\n", to: "corpus.jsonl")
    // The bundled results name candidates, which the analyzer then knows as people.
    let results = PsephosProcess.packageRoot.appendingPathComponent("Corpus/results").path
    let whole = try run(
      ["analyse", "-f", "json", "-q", "--results", results, "corpus.jsonl"], in: folder)
    #expect(whole.status == 3)

    // Shards as Spark would make them: each line prefixed with its number in the whole file.
    let keyed = lines.enumerated().map { "\($0.offset + 1)\t\($0.element)" }
    let bounds = [0, 9, 20, keyed.count]
    var parts: [String] = []
    for shard in 0..<3 {
      let input = keyed[bounds[shard]..<bounds[shard + 1]].joined(separator: "\n") + "\n"
      let result = try run(
        ["stream", "--keyed", "--name", "corpus.jsonl", "--results", results, "-q", "-j", "2"],
        in: folder, input: input)
      #expect(result.status == 0)
      try folder.write(result.output, to: "part-\(shard).jsonl")
      parts.append("part-\(shard).jsonl")
    }
    let merged = try run(["merge", "-q"] + parts.reversed(), in: folder)
    #expect(merged.status == 0)
    #expect(merged.output == whole.output)
    #expect(merged.output.contains(#"id \"r2\" was already used on line 3"#))

    let partial = try run(["merge", "-q", "-f", "parts", parts[0], parts[2]], in: folder)
    try folder.write(partial.output, to: "part-02.jsonl")
    let nested = try run(["merge", "-q", "part-02.jsonl", parts[1]], in: folder)
    #expect(nested.output == whole.output)
  }

  @Test func mergeOfAnUnreadablePartExitsThreeNamingIt() throws {
    let result = try run(["merge", "missing.jsonl"], in: TemporaryFolder())
    #expect(result.status == 3)
    #expect(result.error.contains("missing.jsonl: error: cannot read"))
  }

  @Test func aSecondRunReadsEveryDocumentFromTheCacheAndGivesTheSameReport() throws {
    let folder = try corpus()
    let first = try run(["analyse", "-f", "json", "--cache", "cache", "in"], in: folder)
    let second = try run(["analyse", "-f", "json", "--cache", "cache", "in"], in: folder)
    #expect(first.output == second.output)
    #expect(first.error.contains("Done: 34 documents, 4 failed"))
    #expect(!first.error.contains("from the cache"))
    #expect(second.error.contains("Done: 34 documents (34 from the cache), 4 failed"))
    let files =
      FileManager.default.enumerator(atPath: folder.url.appendingPathComponent("cache").path)?
      .allObjects as? [String] ?? []
    // 34 documents, and the one whose id repeats (analysed before the check rejects it).
    #expect(files.filter { $0.hasSuffix(".entry") }.count == 35)
    #expect(!files.contains { $0.hasSuffix(".tmp") })
  }

  @Test func aChangedFileIsAnalysedAgainWhileTheOthersComeFromTheCache() throws {
    let folder = try corpus()
    _ = try run(["analyse", "-f", "json", "--cache", "cache", "in"], in: folder)
    try folder.write("Conservatives held Bexley by 4,000 votes.", to: "in/a03.txt")
    let second = try run(["analyse", "-f", "json", "--cache", "cache", "in"], in: folder)
    #expect(second.error.contains("Done: 34 documents (33 from the cache)"))
    #expect(second.output.contains("4,000 votes"))
    let fresh = try run(["analyse", "-f", "json", "in"], in: folder)
    #expect(second.output == fresh.output)
  }

  @Test func aNewOrChangedResultsFileInvalidatesTheCache() throws {
    let folder = try corpus()
    let csv = "election_id,date,area_name,party,votes\nx-2016,2016-05-05,Dudley,Labour Party,12\n"
    try folder.write(csv, to: "results/a.csv")
    let arguments = ["analyse", "-f", "json", "--cache", "cache", "--results", "results", "in"]
    _ = try run(arguments, in: folder)
    #expect(try run(arguments, in: folder).error.contains("(34 from the cache)"))
    try folder.write(csv, to: "results/b.csv")
    let added = try run(arguments, in: folder)
    #expect(!added.error.contains("from the cache"))
    try folder.write(csv.replacingOccurrences(of: ",12", with: ",13"), to: "results/b.csv")
    #expect(!(try run(arguments, in: folder)).error.contains("from the cache"))
  }

  @Test func aCorruptCacheEntryIsNotedIgnoredAndRewritten() throws {
    let folder = try TemporaryFolder()
    try folder.write(article(1), to: "in/a.txt")
    _ = try run(["analyse", "--cache", "cache", "in"], in: folder)
    let cache = folder.url.appendingPathComponent("cache")
    let entry = try #require(
      (FileManager.default.enumerator(atPath: cache.path)?.allObjects as? [String])?
        .first { $0.hasSuffix(".entry") })
    try Data("psephos-cache/1 junk".utf8).write(to: cache.appendingPathComponent(entry))
    let second = try run(["analyse", "--cache", "cache", "in"], in: folder)
    #expect(second.status == 0)
    #expect(second.error.contains("cache: note: corrupt entry ignored and rewritten"))
    #expect(second.output.contains("Done: 1 document, 0 failed"))
    let third = try run(["analyse", "--cache", "cache", "in"], in: folder)
    #expect(third.output.contains("Done: 1 document (1 from the cache)"))
  }

  @Test func theSummaryEndsTheTextReportGoesToStandardErrorForJSONAndQuietDropsIt() throws {
    let folder = try corpus()
    let text = try run(["analyse", "in"], in: folder)
    #expect(text.output.contains("Done: 34 documents, 4 failed, "))
    #expect(text.output.contains("MB/s"))
    #expect(text.output.contains("documents/s."))
    // Claims by verdict, counted from each document's claims[].verdict.
    #expect(text.output.contains("Claims by verdict: "))
    #expect(text.output.contains("not-election-result 34"))
    #expect(text.output.contains("Failed:\n  in/b.txt: error: binary, not text"))
    #expect(text.output.contains(#"  in/feed.jsonl:23: error: id "r3" was already used on line 4"#))
    let json = try run(["analyse", "-f", "json", "in"], in: folder)
    #expect(json.error.contains("Done: 34 documents, 4 failed"))
    #expect(!json.output.contains("Done:"))
    let quiet = try run(["analyse", "-f", "json", "-q", "in"], in: folder)
    #expect(!quiet.error.contains("Done:"))
    #expect(quiet.output == json.output)
  }

  @Test func failOnStillSetsTheExitCodeForJSON() throws {
    let folder = try corpus()
    // 0x93 and 0x94 are curly quotes in Windows-1252: ingest re-decodes and warns.
    try folder.write(Array("He said ".utf8) + [0x93] + Array("no".utf8) + [0x94], to: "in/w.txt")
    let warned = try run(
      ["analyse", "-f", "json", "-q", "--fail-on", "warning", "in/w.txt"], in: folder)
    #expect(warned.status == 1)
    let clean = try run(
      ["analyse", "-f", "json", "-q", "--fail-on", "warning", "in/a01.txt"], in: folder)
    #expect(clean.status == 0)
  }

  @Test func failOnSetsTheExitCodeForTheStreamedTextSummaryWhereverTheFindingIs() throws {
    let folder = try corpus()
    // A re-decoded document in the middle of the corpus: its warning is seen as it arrives.
    try folder.write(Array("He said ".utf8) + [0x93] + Array("no".utf8) + [0x94], to: "in/a05w.txt")
    let warned = try run(["analyse", "-j", "2", "--fail-on", "warning", "in"], in: folder)
    #expect(warned.status == 3, "unreadable inputs outrank findings")
    #expect(warned.output.contains("\nFindings:\na05w.txt: warning:"))
    let text = try run(
      ["analyse", "-q", "--fail-on", "warning", "in/a05w.txt", "in/a01.txt"], in: folder)
    #expect(text.status == 1)
    let reports = try run(
      ["analyse", "-q", "--fail-on", "warning", "--out", "reports", "in/a01.txt", "in/a05w.txt"],
      in: folder)
    #expect(reports.status == 1)
    let error = try run(["analyse", "-q", "--fail-on", "error", "in/a05w.txt"], in: folder)
    #expect(error.status == 0)
  }

  @Test func aSummarySpoolThatCannotBeCreatedStopsTheRunNamingIt() throws {
    let folder = try corpus()
    let result = try PsephosProcess.run(
      ["analyse", "in/a01.txt"], in: folder.url, bytes: [],
      launcher: ["/usr/bin/env", "TMPDIR=/nonexistent/psephos"])
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    #expect(result.error.contains("/nonexistent/psephos/.psephos-summary."))
    #expect(result.error.contains(": error: cannot write: No such file or directory"))
  }

  @Test func noProgressLineIsDrawnWhenStandardErrorIsNotATerminal() throws {
    let folder = try corpus()
    let result = try run(["analyse", "-f", "json", "in"], in: folder)
    #expect(!result.error.contains("\r"))
    #expect(!result.error.contains("ETA"))
  }

  @Test func aCacheFolderThatIsAFileIsAUsageError() throws {
    let folder = try corpus()
    try folder.write("x", to: "cache")
    let result = try run(["analyse", "--cache", "cache", "in"], in: folder)
    #expect(result.status == 2)
    #expect(result.error.contains("cache: error: is a file, not a folder"))
  }
}
