import Dispatch
import Foundation
import Testing

@testable import Psephos

@Suite struct AnalysisCacheTests {
  private func document(_ id: String, _ text: String, title: String? = nil) -> Document {
    let bytes = Array(text.utf8)
    return try! Ingester().document(
      id: id, path: "in/\(id)", bytes: bytes, format: .text, metadata: Metadata(title: title)
    ).get()
  }

  private func record(_ document: Document) -> DocumentRecord {
    DocumentRecord(Analyzer().analyze(document))
  }

  @Test func aStoredRecordReadsBackAsTheSameReportBytes() throws {
    let folder = try PipelineFixtures.Folder()
    let cache = try AnalysisCache(directory: folder.path + "/cache", version: "v1")
    let document = document("a.txt", "He said \u{201C}Labour won 1,138,576 votes\u{201D}.\n")
    let original = record(document)
    let key = cache.key(for: document)
    #expect(cache.store(original, key: key) == nil)
    guard case .hit(let read) = cache.lookup(key: key) else {
      Issue.record("expected a hit")
      return
    }
    // Integral decimals read back as integers: the same bytes, which is what reports see.
    #expect(read.document.serialized() == original.document.serialized())
    #expect(read.document.serialized(.pretty) == original.document.serialized(.pretty))
    #expect(read.summary == original.summary)
    #expect(read.textBytes == original.textBytes)
  }

  @Test func aSecondLookupDoesNotAnalyseAgain() throws {
    let folder = try PipelineFixtures.Folder()
    let cache = try AnalysisCache(directory: folder.path, version: "v1")
    let document = document("a.txt", "Turnout was 45%.")
    var analyses = 0
    let first = cache.record(for: document) {
      analyses += 1
      return record($0)
    }
    let second = cache.record(for: document) {
      analyses += 1
      return record($0)
    }
    #expect(first.outcome == .stored)
    #expect(second.outcome == .hit)
    #expect(analyses == 1)
  }

  @Test func theKeyChangesWithTheTextTheMetadataTheIdAndTheVersions() throws {
    let folder = try PipelineFixtures.Folder()
    let v1 = try AnalysisCache(directory: folder.path, version: "v1")
    let v2 = try AnalysisCache(directory: folder.path, version: "v2")
    let base = document("a.txt", "Labour won.")
    #expect(v1.key(for: base) == v1.key(for: document("a.txt", "Labour won.")))
    let others = [
      v1.key(for: document("a.txt", "Labour lost.")),
      v1.key(for: document("a.txt", "Labour won.", title: "New")),
      v1.key(for: document("b.txt", "Labour won.")),
      v2.key(for: base),
    ]
    #expect(Set(others + [v1.key(for: base)]).count == 5)
  }

  @Test(arguments: [
    "garbage", "psephos-cache/1 00 5\n{}", "psephos-cache/9 00 2\n{}",
    "psephos-cache/1 44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a 2\n{}",
  ])
  func aCorruptEntryIsReportedThenReplaced(content: String) throws {
    let folder = try PipelineFixtures.Folder()
    let cache = try AnalysisCache(directory: folder.path, version: "v1")
    let document = document("a.txt", "Turnout was 45%.")
    let key = cache.key(for: document)
    try FileManager.default.createDirectory(
      atPath: folder.path + "/" + key.prefix(2), withIntermediateDirectories: true)
    try Data(content.utf8).write(to: URL(fileURLWithPath: cache.path(forKey: key)))
    guard case .corrupt = cache.lookup(key: key) else {
      Issue.record("expected the entry to be corrupt")
      return
    }
    let (_, outcome) = cache.record(for: document, analyze: record)
    guard case .replacedCorrupt(let reason) = outcome else {
      Issue.record("expected a replaced entry, got \(outcome)")
      return
    }
    #expect(reason.contains(key))
    #expect(outcome.note?.contains("corrupt") == true)
    guard case .hit = cache.lookup(key: key) else {
      Issue.record("expected the rewritten entry to be valid")
      return
    }
  }

  @Test func aTruncatedEntryIsCorruptNotHalfRead() throws {
    let folder = try PipelineFixtures.Folder()
    let cache = try AnalysisCache(directory: folder.path, version: "v1")
    let document = document("a.txt", "Labour won 1,138,576 votes.")
    let key = cache.key(for: document)
    _ = cache.record(for: document, analyze: record)
    let path = cache.path(forKey: key)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try bytes.prefix(bytes.count - 10).write(to: URL(fileURLWithPath: path))
    guard case .corrupt(let reason) = cache.lookup(key: key) else {
      Issue.record("expected a truncated entry to be corrupt")
      return
    }
    #expect(reason.contains("truncated"))
  }

  @Test func concurrentWritesLeaveOnlyWholeEntriesAndNoTemporaryFiles() throws {
    let folder = try PipelineFixtures.Folder()
    let cache = try AnalysisCache(directory: folder.path, version: "v1")
    let documents = (0..<40).map { document("d\($0 % 20).txt", PipelineFixtures.article($0 % 20)) }
    DispatchQueue.concurrentPerform(iterations: documents.count) { index in
      _ = cache.record(for: documents[index]) { DocumentRecord(Analyzer().analyze($0)) }
    }
    let files = folder.allFiles().filter { !$0.hasSuffix("/") }
    let entries = files.filter { $0.hasSuffix(".entry") }
    #expect(entries.count == 20)
    #expect(
      !files.contains { $0.hasSuffix(".tmp") || ($0 as NSString).lastPathComponent.hasPrefix(".") })
    for document in documents {
      guard case .hit = cache.lookup(key: cache.key(for: document)) else {
        Issue.record("entry of \(document.id) is not whole")
        return
      }
    }
  }

  @Test func aFileWhereTheFolderShouldBeIsAnError() throws {
    let folder = try PipelineFixtures.Folder()
    let file = try folder.write("not-a-folder", "x")
    #expect(throws: CacheError.self) { try AnalysisCache(directory: file, version: "v1") }
  }

  @Test func theKnowledgeVersionChangesWhenAResultsFileIsAddedOrChanged() throws {
    let folder = try PipelineFixtures.Folder()
    try folder.write("results/a.csv", "election_id,area_name,votes\nx,Y,1\n")
    let before = AnalysisCache.knowledgeVersion(resultsPaths: [folder.path + "/results"])
    #expect(before == AnalysisCache.knowledgeVersion(resultsPaths: [folder.path + "/results"]))
    try folder.write("results/b.csv", "election_id,area_name,votes\nx,Z,2\n")
    let added = AnalysisCache.knowledgeVersion(resultsPaths: [folder.path + "/results"])
    try folder.write("results/b.csv", "election_id,area_name,votes\nx,Z,3\n")
    let changed = AnalysisCache.knowledgeVersion(resultsPaths: [folder.path + "/results"])
    #expect(Set([before, added, changed]).count == 3)
  }
}
