import Foundation
import Testing

@testable import Psephos

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension IngestTests {
  /// Folder trees hundreds of levels deep, and deeper than a path can name.
  @Suite struct DeepTreeTests {
    typealias F = IngestFixtures

    /// Makes `levels` folders, each named `name` inside the one before, under `root`, one
    /// `mkdirat` at a time (the whole path may be longer than the system accepts), and writes
    /// the files `files[level]` gives (name and text) into the folder at that level (1 is the
    /// first). Returns the path of the deepest folder.
    @discardableResult
    static func makeTree(
      under root: String, name: String, levels: Int, files: [Int: [(String, String)]]
    ) throws -> String {
      var directory = open(root, O_RDONLY | O_DIRECTORY)
      try #require(directory >= 0)
      defer { close(directory) }
      for level in 1...levels {
        try #require(mkdirat(directory, name, 0o755) == 0)
        let next = openat(directory, name, O_RDONLY | O_DIRECTORY)
        try #require(next >= 0)
        close(directory)
        directory = next
        for (file, text) in files[level] ?? [] {
          let descriptor = openat(directory, file, O_WRONLY | O_CREAT | O_EXCL, 0o644)
          try #require(descriptor >= 0)
          let bytes = Array(text.utf8)
          let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
          close(descriptor)
          try #require(written == bytes.count)
        }
      }
      return root + String(repeating: "/" + name, count: levels)
    }

    @Test func walksAndReadsAFolderThreeHundredLevelsDeep() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      try Self.makeTree(
        under: folder.path, name: "d", levels: 300,
        files: [150: [("middle.txt", "Labour held Tooting.")], 300: [("deep.txt", "Khan won.")]])
      let discovery = Ingester().inputs(from: [folder.path])
      let middle = Array(repeating: "d", count: 150).joined(separator: "/") + "/middle.txt"
      let deep = Array(repeating: "d", count: 300).joined(separator: "/") + "/deep.txt"
      // In path byte order the 151st component "d" comes before "middle.txt".
      #expect(discovery.inputs.map(\.id) == [deep, middle])
      #expect(discovery.failures.isEmpty)
      #expect(discovery.skipped.isEmpty)
      let texts = discovery.inputs.map { Ingester().read($0).first?.ingested?.text.string }
      #expect(texts == ["Khan won.", "Labour held Tooting."])
    }

    /// Review: a path of PATH_MAX bytes or more fails with "File name too long", so every file
    /// below that depth was listed as failed (exit code 3) although it could be read.
    @Test func readsFilesWhosePathIsLongerThanTheSystemAccepts() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      let name = String(repeating: "n", count: 200)
      let levels = Int(PATH_MAX) / (name.utf8.count + 1) + 5
      let deepest = try Self.makeTree(
        under: folder.path, name: name, levels: levels,
        files: [
          3: [("shallow.txt", "Khan won.")],
          levels - 1: [("feed.jsonl", #"{"id": "r", "text": "Labour held Tooting."}"#)],
          levels: [("deep.txt", "Goldsmith lost.")],
        ])
      let deep = deepest + "/deep.txt"
      let feed = (deepest as NSString).deletingLastPathComponent + "/feed.jsonl"
      #expect(feed.utf8.count > Int(PATH_MAX))

      let discovery = Ingester().inputs(from: [folder.path])
      #expect(discovery.failures.isEmpty)
      #expect(discovery.skipped.isEmpty)
      #expect(
        discovery.inputs.map(\.path) == [
          feed, deep,
          folder.path + "/"
            + [String](
              repeating: name, count: 3
            ).joined(separator: "/") + "/shallow.txt",
        ])
      let texts = discovery.inputs.map { Ingester().read($0).first?.ingested?.text.string }
      #expect(texts == ["Labour held Tooting.", "Goldsmith lost.", "Khan won."])

      // Named directly, the deep file is found and read too.
      let named = Ingester().inputs(from: [deep])
      #expect(named.failures.isEmpty)
      #expect(named.inputs.map(\.id) == ["deep.txt"])
      #expect(named.inputs.first.flatMap { Ingester().read($0).first?.ingested } != nil)
    }
  }
}
