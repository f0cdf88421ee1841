import Foundation
import Testing

@testable import Psephos

@Suite struct PartialResultsMergerTests {
  /// A JSONL corpus with bad lines, a blank line and an id repeated in another shard.
  private static let lines: [String] = {
    var lines = (0..<14).map { PipelineFixtures.record("d\($0)", PipelineFixtures.article($0)) }
    lines.insert("{broken", at: 3)
    lines.insert("", at: 6)
    lines.insert(#"{"id":"n","text":null}"#, at: 8)
    lines.append(PipelineFixtures.record("d1", "Repeated id, far from the first."))
    return lines
  }()

  private static let source = BatchRunner.LineSource(
    path: "feed.jsonl", idPrefix: "feed.jsonl", isKeyed: true, checksRepeatedIDs: false)

  /// The stream output of lines `range` (numbered as in the whole input).
  private func shard(_ range: Range<Int>) throws -> String {
    let keyed = range.map { "\($0 + 1)\t\(Self.lines[$0])" }.joined(separator: "\n")
    return try PipelineFixtures.stream(keyed, source: Self.source).output
  }

  private func whole() throws -> String {
    let source = BatchRunner.LineSource(path: "feed.jsonl", idPrefix: "feed.jsonl")
    let output = try PipelineFixtures.stream(Self.lines.joined(separator: "\n"), source: source)
    return try PipelineFixtures.merge([output.output])
  }

  @Test func shardsMergedEqualTheWholeInputByteForByte() throws {
    let whole = try whole()
    let parts = [try shard(0..<5), try shard(5..<11), try shard(11..<Self.lines.count)]
    #expect(try PipelineFixtures.merge(parts) == whole)
    // The repeated id in the last shard is the error a single run reports.
    #expect(whole.contains(#"id \"d1\" was already used on line 2"#))
    #expect(whole.contains(#""schema": "psephos/1""#))
  }

  @Test func mergeIsCommutative() throws {
    let a = try shard(0..<4)
    let b = try shard(4..<9)
    let c = try shard(9..<Self.lines.count)
    let expected = try PipelineFixtures.merge([a, b, c])
    #expect(try PipelineFixtures.merge([c, a, b]) == expected)
    #expect(try PipelineFixtures.merge([b, c, a]) == expected)
    #expect(
      try PipelineFixtures.merge([a, b], output: .parts)
        == PipelineFixtures.merge([b, a], output: .parts))
  }

  @Test func mergeIsAssociative() throws {
    let a = try shard(0..<4)
    let b = try shard(4..<9)
    let c = try shard(9..<Self.lines.count)
    let ab = try PipelineFixtures.merge([a, b], output: .parts)
    let bc = try PipelineFixtures.merge([b, c], output: .parts)
    let expected = try PipelineFixtures.merge([a, b, c])
    #expect(try PipelineFixtures.merge([ab, c]) == expected)
    #expect(try PipelineFixtures.merge([a, bc]) == expected)
    #expect(
      try PipelineFixtures.merge([ab, c], output: .parts)
        == PipelineFixtures.merge([a, bc], output: .parts))
  }

  @Test func aPartOutOfOrderIsAnErrorNamingItsLine() throws {
    let part = try shard(0..<5).split(separator: "\n").reversed().joined(separator: "\n")
    #expect {
      _ = try PipelineFixtures.merge([part])
    } throws: { error in
      let message = "\(error)"
      return message.contains(":2: error: out of order")
    }
  }

  @Test func aLineThatIsNotPartialResultsIsAnErrorNamingPartAndLine() throws {
    #expect {
      _ = try PipelineFixtures.merge([try shard(0..<2) + "{\"hello\":1}\n"])
    } throws: { error in
      "\(error)".contains("part-0.jsonl:3: error: not a document, error or skipped line")
    }
    #expect {
      _ = try PipelineFixtures.merge(["not json\n"])
    } throws: { error in "\(error)".contains("part-0.jsonl:1: error: not JSON") }
  }

  @Test func theSummaryCountsDocumentsAndFailures() throws {
    let folder = try PipelineFixtures.Folder()
    let path = try folder.write("a.jsonl", try shard(0..<Self.lines.count))
    let summary = try PartialResultsMerger(output: .report).merge(paths: [path]) { _ in }
    #expect(summary.documents == 14)
    #expect(summary.failures.count == 3)
    #expect(summary.failures.map(\.line) == [4, 9, 18])
  }
}
