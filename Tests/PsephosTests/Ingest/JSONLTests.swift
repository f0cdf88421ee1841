import Testing

@testable import Psephos

extension IngestTests {
  @Suite struct JSONLTests {
    typealias F = IngestFixtures

    private static let feed = """
      {"id": "a1", "text": "Khan won.", "title": "Result", "author": "PA", "date": "2016-05-06", "publication": "Wire", "url": "https://x", "section": "London", "rank": 3}
      {"id": 42, "text": "Goldsmith lost.\\r\\nBy a lot."}
      not json at all

      {"id": "a3"}
      {"id": "a4", "text": 17}
      ["an", "array"]
      {"id": "a1", "text": "A repeated id."}
      {"text": "No id.", "author": ["two", "authors"]}
      {"id": "a5", "text": "Caf\\u0065\\u0301"}
      """

    @Test func readsOneDocumentPerLineAndFailsBadLinesByLineNumber() throws {
      let results = Ingester().documents(
        jsonl: Array(Self.feed.utf8), path: "feed.jsonl", idPrefix: "feed.jsonl")
      // Ten lines, one blank: nine results in line order.
      #expect(results.count == 9)
      let documents = results.compactMap(\.ingested)
      let failures = results.compactMap(\.ingestFailure)
      #expect(
        documents.map(\.id) == [
          "feed.jsonl#a1", "feed.jsonl#42", "feed.jsonl#line-9", "feed.jsonl#a5",
        ])
      #expect(failures.map(\.line) == [3, 5, 6, 7, 8])
      #expect(failures.allSatisfy { $0.path == "feed.jsonl" })
      #expect(failures[0].reason.contains("not valid JSON"))
      #expect(failures[1].reason.contains("no \"text\""))
      #expect(failures[2].reason.contains("\"text\" is a number"))
      #expect(failures[3].reason.contains("not a JSON object"))
      #expect(failures[4].reason.contains("already used on line 1"))
      #expect(failures[0].description.hasPrefix("feed.jsonl:3: error: "))

      let first = documents[0]
      #expect(first.text.string == "Khan won.")
      #expect(
        first.metadata
          == Metadata(
            title: "Result", author: "PA", date: "2016-05-06", publication: "Wire",
            url: "https://x",
            extra: ["section": "London"]))
      let firstLine = Self.feed.split(separator: "\n", omittingEmptySubsequences: false)[0]
      #expect(first.sha256 == SHA256.hex(Array(firstLine.utf8)))
      #expect(documents[1].text.string == "Goldsmith lost.\nBy a lot.")
      #expect(documents[2].findings.contains { $0.message.contains("\"author\" is an array") })
      #expect(documents[3].text.string == "Caf\u{00E9}")
    }

    @Test func usesTheRecordIdAloneWithoutAPrefix() throws {
      let results = Ingester().documents(
        jsonl: Array("{\"id\":\"x\",\"text\":\"t\"}\n".utf8), path: "-", idPrefix: nil, firstLine: 7
      )
      #expect(results.compactMap(\.ingested).map(\.id) == ["x"])
      let bad = Ingester().documents(jsonl: Array("{".utf8), path: "-", idPrefix: nil, firstLine: 7)
      #expect(bad.first?.ingestFailure?.line == 7)
    }

    @Test func failsALineOverTheSizeLimitAndReadsTheNext() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      let long = "{\"id\":\"big\",\"text\":\"" + String(repeating: "x", count: 200_000) + "\"}"
      let path = try folder.write("feed.jsonl", "\(long)\n{\"id\":\"small\",\"text\":\"ok\"}\r\n")
      let ingester = Ingester(options: .init(maxDocumentBytes: 100_000))
      let results = ingester.read(Input(id: "feed.jsonl", path: path, format: .jsonl))
      #expect(results.count == 2)
      #expect(results[0].ingestFailure?.line == 1)
      #expect(results[0].ingestFailure?.reason.contains("\(long.utf8.count) bytes") == true)
      #expect(results[1].ingested?.id == "feed.jsonl#small")
      #expect(results[1].ingested?.text.string == "ok")
    }

    @Test func streamsAJSONLFileWithManifestDefaults() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      let path = try folder.write(
        "feed.jsonl",
        "\u{FEFF}{\"id\":\"1\",\"text\":\"a\",\"author\":\"Own\"}\n{\"id\":\"2\",\"text\":\"b\"}")
      let input = Input(
        id: "feed.jsonl", path: path, format: .jsonl,
        metadata: Metadata(author: "Manifest", publication: "Paper"))
      var documents: [Document] = []
      Ingester().read(input) { documents.append(try! $0.get()) }
      #expect(documents.map(\.id) == ["feed.jsonl#1", "feed.jsonl#2"])
      #expect(documents.map(\.metadata.author) == ["Own", "Manifest"])
      #expect(documents.map(\.metadata.publication) == ["Paper", "Paper"])
    }

    @Test func warnsOnARecordWithEmptyText() throws {
      let results = Ingester().documents(
        jsonl: Array("{\"id\":\"e\",\"text\":\"  \"}".utf8), path: "f.jsonl", idPrefix: "f.jsonl")
      let document = try #require(results.first?.ingested)
      #expect(document.text.bytes.isEmpty)
      #expect(document.findings.contains { $0.severity == .warning })
    }
  }
}
