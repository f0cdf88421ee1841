import Foundation
import Testing

@testable import Psephos

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension IngestTests {
  @Suite struct DiscoveryTests {
    typealias F = IngestFixtures

    @Test func walksFoldersRecursivelyInPathByteOrder() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      for name in [
        "b.txt", "a/z.md", "a.txt", "A.html", "a/b/c.jsonl", "\u{00E9}.txt", "a/y.markdown",
        "Z.HTM",
      ] {
        try folder.write(name, "text")
      }
      let discovery = Ingester().inputs(from: [folder.path + "/"])
      #expect(
        discovery.inputs.map(\.id) == [
          "A.html", "Z.HTM", "a.txt", "a/b/c.jsonl", "a/y.markdown", "a/z.md", "b.txt",
          "\u{00E9}.txt",
        ])
      #expect(
        discovery.inputs.map(\.format) == [
          .html, .html, .text, .jsonl, .markdown, .markdown, .text, .text,
        ])
      #expect(discovery.inputs[0].path == folder.path + "/A.html")
      #expect(discovery.failures.isEmpty)
      #expect(discovery.skipped.isEmpty)
    }

    @Test func skipsHiddenEntriesAndTheManifestSilently() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      try folder.write(".hidden.txt", "x")
      try folder.write(".git/objects/x.txt", "x")
      try folder.write("manifest.csv", "file,title\n")
      try folder.write("seen.txt", "x")
      let discovery = Ingester().inputs(from: [folder.path])
      #expect(discovery.inputs.map(\.id) == ["seen.txt"])
      #expect(discovery.skipped.isEmpty)
    }

    @Test func skipsOtherExtensionsInFoldersButReadsANamedFileAsText() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      let pdf = try folder.write("notes.rtf", "Khan won.")
      try folder.write("a.txt", "x")
      let walked = Ingester().inputs(from: [folder.path])
      #expect(walked.inputs.map(\.id) == ["a.txt"])
      #expect(walked.skipped.map(\.path) == [pdf])
      #expect(walked.skipped.first?.reason.contains("unsupported extension") == true)

      let named = Ingester().inputs(from: [pdf])
      #expect(named.inputs == [Input(id: "notes.rtf", path: pdf, format: .text)])
      let document = try #require(Ingester().read(named.inputs[0]).first?.ingested)
      #expect(document.text.string == "Khan won.")
    }

    @Test func stopsAtSymbolicLinkLoopsAndVisitsEachDirectoryOnce() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      try folder.write("a/x.txt", "x")
      try FileManager.default.createSymbolicLink(
        atPath: folder.path + "/a/loop", withDestinationPath: "..")
      try FileManager.default.createSymbolicLink(
        atPath: folder.path + "/b", withDestinationPath: "a")
      try FileManager.default.createSymbolicLink(
        atPath: folder.path + "/broken.txt", withDestinationPath: "nowhere.txt")
      let discovery = Ingester().inputs(from: [folder.path])
      #expect(discovery.inputs.map(\.id) == ["a/x.txt"])
      let notes = Dictionary(uniqueKeysWithValues: discovery.skipped.map { ($0.path, $0.reason) })
      #expect(notes[folder.path + "/a/loop"]?.contains("already visited") == true)
      #expect(notes[folder.path + "/b"]?.contains("already visited") == true)
      #expect(notes[folder.path + "/broken.txt"] == "broken symbolic link")
    }

    @Test func skipsAFIFOInAFolderAndRefusesANamedOneWithoutOpeningIt() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      let fifo = folder.path + "/pipe.txt"
      try #require(mkfifo(fifo, 0o644) == 0)
      try folder.write("a.txt", "x")
      let walked = Ingester().inputs(from: [folder.path])
      #expect(walked.inputs.map(\.id) == ["a.txt"])
      #expect(
        walked.skipped == [
          Discovery.Skipped(path: fifo, reason: "a FIFO (named pipe), not a regular file")
        ])

      let named = Ingester().inputs(from: [fifo])
      #expect(named.inputs.isEmpty)
      #expect(named.failures.first?.path == fifo)
      #expect(named.failures.first?.reason.contains("FIFO") == true)

      // Even an input that became a FIFO after discovery is refused, not read (no hang).
      for format in [Input.Format.text, .jsonl] {
        let results = Ingester().read(Input(id: "pipe.txt", path: fifo, format: format))
        #expect(results.count == 1)
        #expect(results.first?.ingestFailure?.reason.contains("not a regular file") == true)
      }
    }

    @Test func failsAMissingPathNamingIt() throws {
      let discovery = Ingester().inputs(from: ["/no/such/psephos/path.txt"])
      #expect(discovery.inputs.isEmpty)
      #expect(
        discovery.failures == [
          IngestFailure(
            path: "/no/such/psephos/path.txt", reason: "cannot read: No such file or directory")
        ])
      let read = Ingester().read(
        Input(id: "gone", path: "/no/such/psephos/path.txt", format: .text))
      #expect(read.first?.ingestFailure?.reason == "cannot read: No such file or directory")
    }

    @Test(.enabled(if: geteuid() != 0, "root can read a file with mode 000, so nothing fails"))
    func failsAnUnreadableFileAndFolderNamingThem() throws {
      let folder = try F.Folder()
      defer {
        chmod(folder.path + "/locked", 0o755)
        folder.remove()
      }
      let file = try folder.write("secret.txt", "x")
      try folder.write("locked/inside.txt", "x")
      try #require(chmod(file, 0o000) == 0)
      try #require(chmod(folder.path + "/locked", 0o000) == 0)
      let discovery = Ingester().inputs(from: [folder.path])
      #expect(discovery.inputs.map(\.id) == ["secret.txt"])
      #expect(
        discovery.failures == [
          IngestFailure(
            path: folder.path + "/locked", reason: "cannot list directory: Permission denied")
        ])
      let failure = try #require(Ingester().read(discovery.inputs[0]).first?.ingestFailure)
      #expect(failure == IngestFailure(path: file, reason: "cannot read: Permission denied"))
    }

    @Test func givesFilesNamedDirectlyTheirNameAsIdAndKeepsIdsUnique() throws {
      let folder = try F.Folder()
      defer { folder.remove() }
      let first = try folder.write("one/x.txt", "1")
      let second = try folder.write("two/x.txt", "2")
      let discovery = Ingester().inputs(from: [first, second, folder.path + "/two"])
      #expect(discovery.inputs.map(\.id) == ["x.txt", second])
      #expect(discovery.inputs.map(\.path) == [first, second])
      // The folder's x.txt is the same file as the second argument: read once.
      #expect(discovery.skipped.map(\.reason) == ["same file as an earlier input"])
    }

    @Test func listsStandardInputOnce() {
      let discovery = Ingester(options: .init(standardInputFormat: .jsonl)).inputs(from: ["-", "-"])
      #expect(discovery.inputs == [Input(id: "-", path: "-", format: .jsonl)])
      #expect(discovery.skipped.count == 1)
    }

    @Test func findsTheBundledCorpusWithItsManifest() throws {
      let discovery = Ingester().inputs(from: [F.packageRoot + "/Corpus/articles"])
      #expect(
        discovery.inputs.map(\.id) == [
          "000_8cbc4ebb48ef6d6a.txt", "001_278710d5642b4a0a.txt", "002_71de88d3ad4bf1b7.txt",
        ])
      #expect(discovery.failures.isEmpty)
      #expect(discovery.skipped.isEmpty)
      #expect(discovery.inputs[1].metadata.author == "Jonathan Carr-West")
      #expect(discovery.inputs[2].metadata.author == "Alex Crowley")
    }

    @Test func readsTheBundledArticlesBackByteForByte() throws {
      let ingester = Ingester()
      let inputs = ingester.inputs(from: [F.packageRoot + "/Corpus/articles"]).inputs
      try #require(inputs.count == 3)
      for input in inputs {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: input.path)))
        let document = try #require(ingester.read(input).first?.ingested)
        #expect(document.text.bytes == bytes, "\(input.id)")
        #expect(document.findings.isEmpty, "\(input.id)")
        #expect(document.id == input.id)
        #expect(document.sha256 == SHA256.hex(bytes))
      }
    }
  }
}
