import Testing

@testable import Psephos

extension IngestTests {
  @Suite struct ManifestTests {
    typealias F = IngestFixtures

    @Test func suppliesMetadataForTheFilesBesideIt() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      try folder.write(
        "manifest.csv",
        """
        file,title,author,date,publication,url,Section
        a.txt,"Khan wins, easily",PA,2016-05-06,Wire,https://x,London
        ./b.txt,,Jo Bloggs,,,,
        sub/c.txt,Deep,,,,,
        """)
      for name in ["a.txt", "b.txt", "sub/c.txt", "d.txt"] { try folder.write(name, "text") }
      let discovery = Ingester().inputs(from: [folder.path])
      #expect(discovery.failures.isEmpty)
      let metadata = Dictionary(uniqueKeysWithValues: discovery.inputs.map { ($0.id, $0.metadata) })
      #expect(
        metadata["a.txt"]
          == Metadata(
            title: "Khan wins, easily", author: "PA", date: "2016-05-06", publication: "Wire",
            url: "https://x", extra: ["Section": "London"]))
      #expect(metadata["b.txt"] == Metadata(author: "Jo Bloggs"))
      #expect(metadata["sub/c.txt"] == Metadata(title: "Deep"))
      #expect(metadata["d.txt"] == Metadata())
    }

    @Test func letsTheDocumentsOwnMetadataWinOverTheManifest() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      try folder.write("manifest.csv", "file,title,author\na.md,Manifest title,Manifest author\n")
      try folder.write("a.md", "---\ntitle: Own title\n---\nBody")
      let ingester = Ingester()
      let input = try #require(ingester.inputs(from: [folder.path]).inputs.first)
      let document = try #require(ingester.read(input).first?.ingested)
      #expect(document.metadata.title == "Own title")
      #expect(document.metadata.author == "Manifest author")
    }

    @Test func letsADeeperManifestOverrideOneAbove() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      try folder.write("manifest.csv", "file,title,author\nsub/a.txt,Top title,Top author\n")
      try folder.write("sub/manifest.csv", "file,title\na.txt,Near title\n")
      try folder.write("sub/a.txt", "x")
      let input = try #require(Ingester().inputs(from: [folder.path]).inputs.first)
      #expect(input.metadata == Metadata(title: "Near title", author: "Top author"))
    }

    @Test func appliesTheManifestToAFileNamedDirectly() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      try folder.write("manifest.csv", "file,author\na.txt,Near author\n")
      let path = try folder.write("a.txt", "x")
      let input = try #require(Ingester().inputs(from: [path]).inputs.first)
      #expect(input.metadata.author == "Near author")
    }

    @Test func failsBadRowsByLineAndKeepsTheGoodOnes() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      let manifest = try folder.write(
        "manifest.csv",
        """
        file,title
        a.txt,A,extra cell
        b.txt,B
        ,No file
        b.txt,Again
        c.txt
        gone.txt,Missing

        """)
      for name in ["a.txt", "b.txt", "c.txt"] { try folder.write(name, "x") }
      let discovery = Ingester().inputs(from: [folder.path])
      #expect(discovery.failures.map(\.line) == [2, 4, 5])
      #expect(discovery.failures.allSatisfy { $0.path == manifest })
      #expect(discovery.failures[0].reason.contains("extra"))
      #expect(discovery.failures[1].reason.contains("no file name"))
      #expect(discovery.failures[2].reason.contains("already listed on line 3"))
      let titles = discovery.inputs.map(\.metadata.title)
      #expect(titles == [nil, "B", nil])
      #expect(discovery.skipped.map(\.path) == [manifest + ":7"])
    }

    @Test func failsAManifestWithoutAFileColumn() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      try folder.write("manifest.csv", "name,title\na.txt,A\n")
      try folder.write("a.txt", "x")
      let discovery = Ingester().inputs(from: [folder.path])
      #expect(discovery.inputs.map(\.metadata) == [Metadata()])
      #expect(discovery.failures.first?.reason.contains("no \"file\" column") == true)
    }

    @Test func failsAManifestWithAnUnclosedQuote() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      try folder.write("manifest.csv", "file,title\na.txt,\"never closed\n")
      try folder.write("a.txt", "x")
      let discovery = Ingester().inputs(from: [folder.path])
      #expect(discovery.inputs.count == 1)
      #expect(discovery.failures.first?.line == 2)
      #expect(discovery.failures.first?.reason.contains("never closed") == true)
    }
  }
}
