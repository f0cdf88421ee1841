import Testing

@testable import Psephos

extension IngestTests {
  @Suite struct FrontMatterTests {
    typealias F = IngestFixtures

    @Test func readsFrontMatterIntoMetadataAndKeepsOnlyTheBody() throws {
      let text = """
        ---
        title: "Labour's London"
        Author: Alex Crowley
        date: 2016-05-06
        source: ConservativeHome
        url: https://example.org/x
        tags:
          - london
        section: 'Comment'
        # a comment
        ---

        Kensington says it all.
        """
      let document = try #require(F.document(Array(text.utf8), format: .markdown).ingested)
      #expect(document.text.string == "Kensington says it all.")
      #expect(document.metadata.title == "Labour's London")
      #expect(document.metadata.author == "Alex Crowley")
      #expect(document.metadata.date == "2016-05-06")
      #expect(document.metadata.publication == "ConservativeHome")
      #expect(document.metadata.url == "https://example.org/x")
      #expect(document.metadata.extra == ["section": "Comment"])
      #expect(
        document.findings.contains { $0.severity == .note && $0.message.contains("front matter") })
      // Offsets start at the body.
      #expect(document.text.string(ByteRange(0, 10)) == "Kensington")
    }

    @Test func readsFrontMatterWithCRLFLineEndings() throws {
      let text = "---\r\ntitle: T\r\n---\r\nBody\r\n"
      let document = try #require(F.document(Array(text.utf8)).ingested)
      #expect(document.text.string == "Body\n")
      #expect(document.metadata.title == "T")
    }

    @Test(arguments: [
      "---\nThis is a rule, not front matter.\n---\nText",
      "---\ntitle: no closing fence\nText",
      "--- \ntitle: T\n---\nText",
      "Text\n---\ntitle: T\n---\n",
      "---\ntitle:no space after the colon\n---\nText",
    ])
    func leavesTextThatIsNotFrontMatterAlone(text: String) throws {
      let document = try #require(F.document(Array(text.utf8)).ingested)
      #expect(document.text.string == text)
      #expect(document.metadata == Metadata())
    }

    @Test func letsFrontMatterOverrideTheManifestFieldByField() throws {
      let defaults = Metadata(title: "Manifest title", author: "Manifest author", extra: ["a": "1"])
      let result = Ingester().document(
        id: "x.md", path: "x.md", bytes: Array("---\ntitle: Own title\nb: 2\n---\nBody".utf8),
        format: .markdown, metadata: defaults)
      let document = try #require(result.ingested)
      #expect(document.metadata.title == "Own title")
      #expect(document.metadata.author == "Manifest author")
      #expect(document.metadata.extra == ["a": "1", "b": "2"])
    }
  }
}
