import Foundation
import Psephos
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 8, bad input, faults and hostile content, through the built binary: paths that are
/// missing, unreadable, special or very deep; files that are binary, empty, oddly encoded or
/// huge; bad results CSVs, bad stream lines and bad options. Each failure names the file and
/// what to do, the other inputs are still read and listed, the exit code is 3 when an input
/// failed and 2 for a usage error, and no report is left half written. `Tests/BadInput.md`
/// maps every case of the issue to its test.
@Suite struct BadInputEndToEndTests {
  private func run(
    _ arguments: [String], in folder: TemporaryFolder, input: String = "",
    launcher: [String] = []
  ) throws -> PsephosProcess.Result {
    try PsephosProcess.run(arguments, in: folder.url, bytes: Array(input.utf8), launcher: launcher)
  }

  /// The `--format json` report.
  private func report(_ output: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
    return try #require(object as? [String: Any])
  }

  private func documents(_ report: [String: Any]) throws -> [[String: Any]] {
    try #require(report["documents"] as? [[String: Any]])
  }

  /// `path: reason` of each entry of `errors[]`.
  private func errors(_ report: [String: Any]) throws -> [String] {
    try #require(report["errors"] as? [[String: Any]]).map {
      "\($0["path"] as? String ?? "?"): \($0["reason"] as? String ?? "?")"
    }
  }

  /// Standard error with the help formatter's line wrapping undone.
  private func unwrapped(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Whether a folder holds a leftover temporary file.
  private func holdsTemporaryFiles(_ folder: URL) -> Bool {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.contains { $0.hasSuffix(".tmp") }
  }

  // MARK: - Paths

  /// Root reads a file of mode 000, so as root the run is made as `nobody` with setpriv.
  static let unprivileged: [String]? = {
    if geteuid() != 0 { return [] }
    let setpriv = "/usr/bin/setpriv"
    guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
  }()

  @Test(.enabled(if: unprivileged != nil, "as root, needs setpriv to run as nobody"))
  func anUnreadableFileAndFolderAreListedAsFailedWhileTheOthersAreRead() throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour held Tooting.", to: "in/a.txt")
    let secret = try folder.write("Khan won.", to: "in/secret.txt")
    try folder.write("Goldsmith lost.", to: "in/locked/b.txt")
    let locked = folder.url.appendingPathComponent("in/locked")
    try #require(chmod(secret.path, 0o000) == 0)
    try #require(chmod(locked.path, 0o000) == 0)
    defer { chmod(locked.path, 0o755) }

    let result = try run(
      ["analyse", "-f", "json", "in"], in: folder, launcher: Self.unprivileged ?? [])
    #expect(result.status == 3)
    #expect(result.error.contains("in/locked: error: cannot list directory: Permission denied"))
    #expect(result.error.contains("in/secret.txt: error: cannot read: Permission denied"))
    let report = try report(result.output)
    #expect(try documents(report).map { $0["id"] as? String } == ["a.txt"])
    #expect(
      try Set(errors(report)) == [
        "in/locked: cannot list directory: Permission denied",
        "in/secret.txt: cannot read: Permission denied",
      ])
  }

  @Test func aFolderWhereAFileIsExpectedAndAFileWhereAFolderIsExpectedAreNamed() throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour held Tooting.", to: "a.txt")
    try folder.write("not a folder", to: "report.txt")
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("parts"), withIntermediateDirectories: true)

    let merge = try run(["merge", "parts"], in: folder)
    #expect(merge.status == 3)
    #expect(merge.error.contains("parts: error: cannot read: Is a directory"))

    let validate = try run(["results", "validate", "parts"], in: folder)
    #expect(validate.status == 3)
    #expect(validate.error.contains("parts: error: folder holds no .csv files"))

    let out = try run(["analyse", "--out", "report.txt", "a.txt"], in: folder)
    #expect(out.status == 2)
    #expect(
      unwrapped(out.error).contains(
        "'--out <dir>' must name a folder, but 'report.txt' is a file."))
    let untouched = try String(
      contentsOf: folder.url.appendingPathComponent("report.txt"), encoding: .utf8)
    #expect(untouched == "not a folder")
  }

  @Test func specialFilesAreSkippedInFoldersAndRefusedWhenNamedWithoutHanging() throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour held Tooting.", to: "in/a.txt")
    let fifo = folder.url.appendingPathComponent("in/pipe.txt").path
    try #require(mkfifo(fifo, 0o644) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: folder.url.appendingPathComponent("in/zero.txt").path,
      withDestinationPath: "/dev/zero")

    // Opening the FIFO would block and reading /dev/zero would never end: neither is opened.
    let result = try run(["analyse", "-f", "json", "in", "/dev/zero", "in/pipe.txt"], in: folder)
    #expect(result.status == 3)
    #expect(result.error.contains("in/zero.txt: note: a character device, not a regular file"))
    #expect(result.error.contains("in/pipe.txt: note: a FIFO (named pipe), not a regular file"))
    let report = try report(result.output)
    #expect(try documents(report).map { $0["id"] as? String } == ["a.txt"])
    let failures = try errors(report)
    #expect(failures.count == 2)
    #expect(
      failures.first
        == "/dev/zero: a character device, not a regular file; not opened (to read a stream,"
        + " pipe it to standard input and pass `-`)")
    #expect(
      failures.last?.hasPrefix("in/pipe.txt: a FIFO (named pipe), not a regular file") == true)
  }

  @Test func foldersDeeperThanAPathCanNameAreReadAndEveryDocumentListed() throws {
    let folder = try TemporaryFolder()
    let name = String(repeating: "n", count: 200)
    let levels = Int(PATH_MAX) / (name.utf8.count + 1) + 3
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("in"), withIntermediateDirectories: true)
    try IngestTests.DeepTreeTests.makeTree(
      under: folder.url.appendingPathComponent("in").path, name: name, levels: levels,
      files: [levels: [("deep.txt", "Labour held Tooting.")]])
    try IngestTests.DeepTreeTests.makeTree(
      under: folder.url.appendingPathComponent("in").path, name: "d", levels: 300,
      files: [300: [("nested.txt", "Khan won.")]])

    let result = try run(["analyse", "-f", "json", "-q", "in"], in: folder)
    #expect(result.status == 0)
    #expect(result.error.isEmpty)
    let report = try report(result.output)
    #expect(try errors(report).isEmpty)
    let ids = try documents(report).map { $0["id"] as? String ?? "" }
    #expect(
      ids == [
        Array(repeating: "d", count: 300).joined(separator: "/") + "/nested.txt",
        Array(repeating: name, count: levels).joined(separator: "/") + "/deep.txt",
      ])
  }

  // MARK: - Content

  @Test func imagesAreBinaryWhenNamedOrMisnamedAndSkippedByExtensionInFolders() throws {
    let png: [UInt8] = [
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
      0x52, 0x00, 0x00, 0x00, 0x01,
    ]
    let jpeg: [UInt8] = [
      0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00,
      0x48,
    ]
    let gif: [UInt8] = Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]
    let folder = try TemporaryFolder()
    try folder.write(png, to: "photo.png")
    try folder.write(jpeg, to: "photo.jpg")
    try folder.write(gif, to: "anim.gif")
    try folder.write("Labour held Tooting.", to: "in/a.txt")
    try folder.write(jpeg, to: "in/renamed.txt")
    try folder.write(png, to: "in/chart.png")

    let result = try run(
      ["analyse", "-f", "json", "photo.png", "photo.jpg", "anim.gif", "in"], in: folder)
    #expect(result.status == 3)
    #expect(result.error.contains("in/chart.png: note: unsupported extension"))
    let report = try report(result.output)
    #expect(try documents(report).map { $0["id"] as? String } == ["a.txt"])
    #expect(
      try errors(report) == [
        "photo.png: binary, not text: NUL byte at offset 8",
        "photo.jpg: binary, not text: NUL byte at offset 4",
        "anim.gif: binary, not text: NUL byte at offset 7",
        "in/renamed.txt: binary, not text: NUL byte at offset 4",
      ])
    for path in ["photo.png", "photo.jpg", "anim.gif", "in/renamed.txt"] {
      #expect(result.error.contains("\(path): error: binary, not text"), "\(path)")
    }
  }

  @Test func emptyAndWhitespaceOnlyFilesAreListedAsDoneWithAWarning() throws {
    let folder = try TemporaryFolder()
    try folder.write("", to: "in/empty.txt")
    try folder.write(" \n\t\r\n  \u{00A0}\n", to: "in/blank.md")
    try folder.write([0xEF, 0xBB, 0xBF, 0x20, 0x0D, 0x0A], to: "in/bom.txt")
    try folder.write("<html><body><p>&nbsp;</p> <div> </div></body></html>", to: "in/blank.html")
    try folder.write(#"{"id": "r", "text": " \t "}"#, to: "in/feed.jsonl")
    try folder.write("Labour held Tooting.", to: "in/z.txt")

    let result = try run(["analyse", "-f", "json", "in"], in: folder)
    #expect(result.status == 0)
    let documents = try documents(report(result.output))
    #expect(
      documents.map { $0["id"] as? String } == [
        "blank.html", "blank.md", "bom.txt", "empty.txt", "feed.jsonl#r", "z.txt",
      ])
    for document in documents.dropLast() {
      let findings = try #require(document["findings"] as? [[String: String]])
      #expect(findings.count == 1, "\(document["id"] ?? "")")
      #expect(findings.first?["severity"] == "warning")
      #expect(findings.first?["message"]?.contains("analyse") == true)
      #expect((document["figures"] as? [Any])?.isEmpty == true)
    }
    #expect(try run(["analyse", "-q", "--fail-on", "warning", "in"], in: folder).status == 1)
  }

  /// A text, how it is written to a file, and figures it holds.
  struct Sample: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    /// The text as Psephos reads it: decoded, LF line endings, NFC.
    var text: String
    var figures: [String]
    var testDescription: String { name }

    init(
      _ name: String, _ text: String, bytes: [UInt8]? = nil, read: String? = nil, figures: [String]
    ) {
      self.name = name
      self.bytes = bytes ?? Array(text.utf8)
      self.text = read ?? text
      self.figures = figures
    }

    static func utf16(_ string: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
      var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
      for unit in string.utf16 {
        bytes +=
          bigEndian
          ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      }
      return bytes
    }
  }

  static let latin =
    "Sadiq Khan won 1,148,716 votes in 2016; Zac Goldsmith\u{2019}s 994,614 cost \u{00A3}2m.\n"

  static let samples: [Sample] = [
    Sample(
      "Arabic, right to left",
      "\u{0641}\u{0627}\u{0632} \u{0635}\u{0627}\u{062F}\u{0642} \u{062E}\u{0627}\u{0646} 1,148,716 "
        + "\u{0635}\u{0648}\u{062A}\u{0627} \u{0641}\u{064A} \u{0644}\u{0646}\u{062F}\u{0646} 2016.\n",
      figures: ["1,148,716", "2016"]),
    Sample(
      "Hebrew between right-to-left marks",
      "\u{200F}\u{05E1}\u{05D0}\u{05D3}\u{05D9}\u{05E7} \u{05E7}\u{05D9}\u{05D1}\u{05DC} 1,148,716 "
        + "\u{05E7}\u{05D5}\u{05DC}\u{05D5}\u{05EA} \u{05D1}-2016.\u{200F}\n",
      figures: ["1,148,716", "2016"]),
    Sample(
      "right-to-left names inside English, with an override character",
      "Sadiq Khan (\u{0635}\u{0627}\u{062F}\u{0642} \u{062E}\u{0627}\u{0646}) won 1,148,716 votes"
        + " in 2016; \u{202E}Zac Goldsmith\u{202C} won 994,614.\n",
      figures: ["1,148,716 votes", "2016", "994,614"]),
    Sample(
      "zero-width characters",
      "Zac\u{200B}Goldsmith won 994,614 votes.\u{FEFF} Sadiq\u{200D}Khan won 1,148,716 in"
        + " Lon\u{2060}don in 2016.\n",
      figures: ["994,614 votes", "1,148,716", "2016"]),
    Sample(
      "emoji outside the Basic Multilingual Plane",
      "\u{1F5F3}\u{FE0F} Sadiq Khan won 1,148,716 votes \u{1F44D}\u{1F3FD} in 2016 "
        + "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}; Zac Goldsmith won 994,614.\n",
      figures: ["1,148,716 votes", "2016", "994,614"]),
    Sample(
      "mixed line endings in one file",
      "Sadiq Khan won 1,148,716 votes.\r\nZac Goldsmith won 994,614.\rTurnout was 45.3%.\n\r\n"
        + "In 2016.\r",
      read: "Sadiq Khan won 1,148,716 votes.\nZac Goldsmith won 994,614.\nTurnout was 45.3%.\n\n"
        + "In 2016.\n",
      figures: ["1,148,716 votes", "994,614", "45.3%", "2016"]),
    Sample(
      "UTF-16LE with a byte-order mark", latin,
      bytes: Sample.utf16(latin, bigEndian: false, bom: true),
      figures: ["1,148,716 votes", "2016", "994,614", "\u{00A3}2m"]),
    Sample(
      "UTF-16BE without a byte-order mark", latin,
      bytes: Sample.utf16(latin, bigEndian: true, bom: false),
      figures: ["1,148,716 votes", "2016", "994,614", "\u{00A3}2m"]),
    Sample(
      "Windows-1252", latin,
      bytes: Array("Sadiq Khan won 1,148,716 votes in 2016; Zac Goldsmith".utf8) + [0x92]
        + Array("s 994,614 cost ".utf8) + [0xA3] + Array("2m.\n".utf8),
      figures: ["1,148,716 votes", "2016", "994,614", "\u{00A3}2m"]),
    Sample(
      "decomposed accents", "Caf\u{0065}\u{0301} owner Zo\u{0065}\u{0308} won 994,614 votes.\n",
      read: "Caf\u{00E9} owner Zo\u{00EB} won 994,614 votes.\n", figures: ["994,614 votes"]),
  ]

  @Test(arguments: samples)
  func offsetsAreCodePointsIntoTheTextAsRead(_ sample: Sample) throws {
    let folder = try TemporaryFolder()
    try folder.write(sample.bytes, to: "sample.txt")
    let result = try run(["analyse", "-f", "json", "-q", "sample.txt"], in: folder)
    #expect(result.status == 0)
    let document = try #require(try documents(report(result.output)).first)
    let scalars = Array(sample.text.unicodeScalars)
    var spans: [[String: Any]] = []
    for key in ["entities", "figures", "claims"] {
      spans += try #require(document[key] as? [[String: Any]])
    }
    #expect(!spans.isEmpty)
    for span in spans {
      let start = try #require(span["start"] as? Int)
      let end = try #require(span["end"] as? Int)
      try #require(0 <= start && start <= end && end <= scalars.count, "\(span)")
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: scalars[start..<end])
      #expect(String(slice) == span["text"] as? String)
    }
    let figures = try #require(document["figures"] as? [[String: Any]]).map {
      $0["text"] as? String ?? ""
    }
    #expect(figures == sample.figures)
  }

  /// The issue asks for a 10 MB line through the whole analysis. A debug build analyses near
  /// 200 KB/s, so this runs 512 KB (about 3 s); the 10 MB line goes through ingest and the
  /// tokenizer in `TokenizerRegressionTests`. Before sentences were cut at 256 tokens, 100 KB
  /// without a full stop took 436 s here: the time grew with the square of the length.
  @Test func aHalfMegabyteLineWithoutAFullStopIsAnalysedFigureByFigure() throws {
    let phrase =
      "Zac Goldsmith won 994,614 votes in London while canvassers from every party knocked on "
      + "doors across the boroughs and talked to voters about housing and transport and the "
      + "cost of living and the volunteers in the campaign offices kept counting the leaflets "
      + "that went out to the estates and the high streets and the commuter towns on the edge "
      + "of the city where the turnout was expected to be lower than in the centre and where "
      + "the candidates spent the last days of the campaign "
    let repeats = 512 * 1024 / phrase.utf8.count + 1
    let folder = try TemporaryFolder()
    try folder.write(String(repeating: phrase, count: repeats), to: "line.txt")
    let result = try run(["analyse", "-f", "json", "-q", "line.txt"], in: folder)
    #expect(result.status == 0)
    #expect(result.error.isEmpty)
    let document = try #require(try documents(report(result.output)).first)
    let figures = try #require(document["figures"] as? [[String: Any]])
    #expect(figures.count == repeats)
    #expect(
      figures.allSatisfy { $0["value"] as? Int == 994_614 && $0["kind"] as? String == "count" })
    let starts = figures.compactMap { $0["start"] as? Int }
    let step = phrase.unicodeScalars.count
    #expect(starts == (0..<repeats).map { $0 * step + 18 })
    let entities = try #require(document["entities"] as? [[String: Any]])
    #expect(entities.filter { $0["canonical"] as? String == "Zac Goldsmith" }.count == repeats)
    #expect(entities.filter { $0["canonical"] as? String == "London" }.count == repeats)
    #expect((document["claims"] as? [Any])?.count == repeats)
  }

  @Test func aDocumentOverTheSizeLimitFailsSayingWhatToDoAndTheOthersAreRead() throws {
    let folder = try TemporaryFolder()
    try folder.write([UInt8](repeating: UInt8(ascii: "a"), count: 1_048_577), to: "big.txt")
    try folder.write("Labour held Tooting.", to: "small.txt")
    let result = try run(
      ["analyse", "-f", "json", "--max-document-size", "1", "big.txt", "small.txt"], in: folder)
    #expect(result.status == 3)
    let message =
      "cannot read: 1048577 bytes (1.0 MB), over the maximum document size of 1048576 bytes"
      + " (1.0 MB); split it, or raise the limit (--max-document-size)"
    #expect(result.error.contains("big.txt: error: \(message)"))
    let report = try report(result.output)
    #expect(try documents(report).map { $0["id"] as? String } == ["small.txt"])
    #expect(try errors(report) == ["big.txt: \(message)"])
  }

  @Test func deeplyNestedAndMalformedHTMLGoesThroughTheWholeAnalysis() throws {
    let depth = 50_000
    let html =
      "<html><head><title>Result</title><body>" + String(repeating: "<div><span>", count: depth)
      + "<p>Zac Goldsmith won 994,614 votes." + String(repeating: "</span></div>", count: depth)
      + "<p>unclosed <b>bold <a href=\"x>lost</a> <!-- never closed"
    let folder = try TemporaryFolder()
    try folder.write(html, to: "page.html")
    let result = try run(["analyse", "-f", "json", "-q", "page.html"], in: folder)
    #expect(result.status == 0)
    let document = try #require(try documents(report(result.output)).first)
    #expect((document["metadata"] as? [String: Any])?["title"] as? String == "Result")
    let figures = try #require(document["figures"] as? [[String: Any]])
    #expect(figures.map { $0["text"] as? String } == ["994,614 votes"])
    #expect(figures.first?["start"] as? Int == 18)
  }

  @Test func binaryOnStandardInputIsAFailedInputNamedDash() throws {
    let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]
    let folder = try TemporaryFolder()
    try folder.write("Labour held Tooting.", to: "a.txt")
    let result = try PsephosProcess.run(
      ["analyse", "-f", "json", "-", "a.txt"], in: folder.url, bytes: elf)
    #expect(result.status == 3)
    #expect(result.error.contains("-: error: binary, not text: NUL byte at offset 7"))
    let report = try report(result.output)
    #expect(try documents(report).map { $0["id"] as? String } == ["a.txt"])
    #expect(try errors(report) == ["-: binary, not text: NUL byte at offset 7"])
  }

  // MARK: - Results CSVs

  @Test func validateReportsEveryProblemOfEachResultsFileWithItsPosition() throws {
    let csv = """
      election_id,area_name,candidate,party,votes,share_pct,total_valid_votes,colour
      e,T,Ann,Red,60,50.0,100,red
      e,T,Bob,Blue,40,40.0,100,blue
      e,T,Cy,Green,"12,4x",,100,
      e,U,Di,Red,-5,,,
      e,U,Ed,Blue,5000000000,,,
      e,U,Flo,Red,5,,
      e,T,Ann,Red,60,50.0,100,red
      e,T,Ann,Red,61,50.0,100,red

      """
    let folder = try TemporaryFolder()
    try folder.write(csv, to: "bad.csv")
    // An unclosed quote swallows the rest of the file, so it is the one error of its file.
    try folder.write(
      "election_id,area_name,party,votes\ne,T,Red,5\ne,V,\"Gus,5\ne,W,Blue,6\n", to: "quote.csv")
    let result = try run(["results", "validate", "bad.csv", "quote.csv"], in: folder)
    #expect(result.status == 3)
    #expect(
      result.error.split(separator: "\n") == [
        #"bad.csv:1:73: note: column "colour" is not understood and is ignored"#,
        "bad.csv:2:13: warning: votes in e, T add up to 161, more than its total valid votes 100",
        "bad.csv:2:16: warning: shares in e, T add up to 140.0, not 100 (allowing 0.15 for"
          + " rounding 3 shares)",
        #"bad.csv:4:14: error: votes "12,4x" is not a number"#,
        #"bad.csv:5:12: error: votes "-5" is negative"#,
        #"bad.csv:6:13: error: votes "5000000000" is implausibly large"#,
        "bad.csv:7:16: error: row has 7 fields but the header has 8 (missing fields)",
        "bad.csv:8:1: warning: duplicate of the row at bad.csv:2; this copy is ignored",
        "bad.csv:9:13: error: conflicting votes for Ann in e, T: 61 here, 60 at bad.csv:2",
        "quote.csv:3:5: error: quoted field is never closed (no matching '\"' before the end of"
          + " the file)",
      ])
    #expect(result.output.contains("6 error(s), 3 warning(s)"))
  }

  @Test func analyseWithABadResultsFileStopsBeforeReadingAnyDocumentNamingTheProblem() throws {
    let folder = try TemporaryFolder()
    try folder.write("election_id,area_name,party,votes\ne,T,Red,many\n", to: "results/bad.csv")
    try folder.write("Labour held Tooting.", to: "a.txt")
    let result = try run(["analyse", "-f", "json", "--results", "results", "a.txt"], in: folder)
    #expect(result.status == 3)
    #expect(result.output.isEmpty)
    #expect(result.error.contains(#"results/bad.csv:2:9: error: votes "many" is not a number"#))
  }

  // MARK: - Stream

  @Test func streamAnswersALineOverTheSizeLimitWithAnErrorLineAndGoesOn() throws {
    let huge = #"{"id": "big", "text": ""# + String(repeating: "x", count: 1_100_000) + #""}"#
    let input = [#"{"id": "a", "text": "Khan won."}"#, huge, #"{"id": "b", "text": "Tooting."}"#]
      .joined(separator: "\n")
    let result = try run(
      ["stream", "-q", "--max-document-size", "1"], in: TemporaryFolder(), input: input)
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n").map(String.init)
    try #require(lines.count == 3)
    #expect(lines[0].hasPrefix(#"{"document":{"#) && lines[0].contains(#""id":"a""#))
    #expect(
      lines[1]
        == #"{"error":{"line":2,"path":"-","reason":"\#(huge.utf8.count) bytes (1.0 MB), over the maximum document size of 1048576 bytes (1.0 MB); split it, or raise the limit (--max-document-size)"},"line":2}"#
    )
    #expect(lines[2].contains(#""id":"b""#) && lines[2].hasSuffix(#""line":3}"#))
  }

  @Test func streamAnswersALineThatIsNotUTF8WithAnErrorLineAndGoesOn() throws {
    let input: [UInt8] =
      Array(#"{"id": "a", "text": "Caf"#.utf8) + [0xE9, 0xFF] + Array("\"}\n".utf8)
      + Array(#"{"id": "b", "text": "Khan won."}"#.utf8)
    let folder = try TemporaryFolder()
    let result = try PsephosProcess.run(["stream", "-q"], in: folder.url, bytes: input)
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n").map(String.init)
    try #require(lines.count == 2)
    #expect(lines[0].hasPrefix(#"{"error":{"line":1,"path":"-","reason":"not valid JSON"#))
    #expect(lines[1].contains(#""id":"b""#))
  }

  // MARK: - Options

  /// Arguments, and the message they must give with exit code 2.
  static let usageErrors: [([String], String)] = [
    (["analyse", "a.txt", "--results"], "Missing value for '--results <path>'."),
    (["stream", "--jobs"], "Missing value for '--jobs <n>'."),
    (["analyse", "--fomat", "json"], "Unknown option '--fomat'. Did you mean '--format'?"),
    (["analyse", "--jobs", "many"], "'--jobs <n>' expects a whole number, not 'many'."),
    (
      ["analyse", "--max-document-size", "0"],
      "'--max-document-size <mb>' must be from 1 to 4096, not 0."
    ),
    (["kwic", "Khan", "--width", "1"], "'--width <n>' must be from 5 to 400, not 1."),
    (["bench", "--sizes", "99999999999GB"], "'99999999999GB' is not one."),
    (
      ["analyse", "-f", "jsn"],
      "'jsn' is not a valid value for '--format <format>'; expected one of: text, json, jsonl, csv, markdown, html, claimreview. Did you mean 'json'?"
    ),
    (
      ["analyse", "--format", "json", "--format", "csv"],
      "'--format' was given twice with different values ('json' and 'csv')."
    ),
    (["analyse", "--cache", "c", "--out", "o"], "'--cache' and '--out' cannot be used together."),
    (
      ["analyse", "--cache", "c", "-f", "html"],
      "'--cache' works with --format text, json or jsonl, not html."
    ),
    (
      ["analyse", "--table", "figures"],
      "'--table' picks the table '--format csv' prints; it does nothing with --format text."
    ),
    (
      ["analyse", "--claimreview-date", "2016-05-09", "-f", "json"],
      "'--claimreview-date' shapes ClaimReview output only: add '--format claimreview' or '--out <dir>'."
    ),
    (
      ["analyse", "--claimreview-date", "yesterday"],
      "must be a date such as 2016-05-09, not 'yesterday'."
    ),
    (["stream", "--name", ""], "'--name' must not be empty."),
    (["tokens"], "Missing expected argument '<path> ...'."),
  ]

  @Test(arguments: usageErrors)
  func anOptionErrorIsAUsageErrorSayingWhatIsWrongAndRunsNothing(
    arguments: [String], message: String
  ) throws {
    let folder = try TemporaryFolder()
    try folder.write("Labour held Tooting.", to: "a.txt")
    let result = try run(arguments, in: folder)
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    let error = unwrapped(result.error)
    #expect(error.contains(message), "\(error)")
    #expect(error.contains("Usage: psephos"))
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(left == ["a.txt"])
  }

  // MARK: - Reports whole or not at all

  @Test func aFailedMergeLeavesTheEarlierReportInTheOutFolderAsItWas() throws {
    let folder = try TemporaryFolder()
    let stream = try run(
      ["stream", "-q"], in: folder, input: #"{"id": "a", "text": "Labour held Tooting."}"#)
    try folder.write(stream.output, to: "part-0.jsonl")
    try folder.write("not a part\n", to: "part-1.jsonl")
    let good = try run(["merge", "-q", "--out", "reports", "part-0.jsonl"], in: folder)
    #expect(good.status == 0)
    let path = folder.url.appendingPathComponent("reports/analysis.json")
    let before = try Data(contentsOf: path)
    #expect(!before.isEmpty)

    let bad = try run(
      ["merge", "-q", "--out", "reports", "part-0.jsonl", "part-1.jsonl"], in: folder)
    #expect(bad.status == 3)
    #expect(bad.error.contains("part-1.jsonl:1: error: not JSON"))
    #expect(try Data(contentsOf: path) == before)
    #expect(!holdsTemporaryFiles(folder.url.appendingPathComponent("reports")))
  }

  /// Every command with `--out` writes its report there, whole, and nothing to standard output.
  static let outReports: [([String], String)] = [
    (["tokens", "-f", "json"], "tokens.json"),
    (["check"], "check.txt"),
    (["check", "-f", "csv"], "check.csv"),
    (["check", "-f", "md"], "check.md"),
    (["entities"], "entities.txt"),
    (["entities", "-f", "json"], "entities.json"),
    (["themes", "-f", "csv"], "themes.csv"),
  ]

  @Test(arguments: outReports)
  func outWritesTheReportIntoTheFolderWholeAndNothingToStandardOutput(
    arguments: [String], file: String
  ) throws {
    let folder = try TemporaryFolder()
    try folder.write("Zac Goldsmith won 994,614 votes in London.", to: "a.txt")
    let result = try run(arguments + ["-q", "--out", "reports", "a.txt"], in: folder)
    #expect(result.status == 0)
    #expect(result.output.isEmpty)
    let reports = folder.url.appendingPathComponent("reports")
    #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path) == [file])
    let written = try String(contentsOf: reports.appendingPathComponent(file), encoding: .utf8)
    #expect(!written.isEmpty)
  }
}
