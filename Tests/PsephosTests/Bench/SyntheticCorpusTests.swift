import Foundation
import Testing

@testable import Psephos

@Suite struct SyntheticCorpusTests {
  private let sources = [
    SourceText("Labour won 1,138,576 votes in London. Mr Khan thanked Tooting."),
    SourceText("The Conservatives held Kensington by 20 votes.\n\nTurnout was 45 per cent."),
  ]

  @Test func givesTheSameBytesForTheSameSeed() {
    let first = SyntheticCorpus(sources: sources, seed: 7)
    let second = SyntheticCorpus(sources: sources, seed: 7)
    #expect(first.article(3, approximateBytes: 2_000) == second.article(3, approximateBytes: 2_000))
    #expect(first.article(3, approximateBytes: 2_000) != first.article(4, approximateBytes: 2_000))
  }

  @Test func reachesTheRequestedSizeWithoutMuchOvershoot() {
    let article = SyntheticCorpus(sources: sources).article(0, approximateBytes: 5_000)
    #expect(article.count >= 5_000)
    #expect(article.count < 5_200)
  }

  @Test func keepsTheSourceWordingButVariesDigits() {
    let corpus = SyntheticCorpus(sources: sources, seed: 1)
    let text = String(
      decoding: (0..<20).flatMap { corpus.article($0, approximateBytes: 500) }, as: UTF8.self)
    #expect(text.contains("votes"))
    #expect(text.contains("Turnout was"))
    // Digits are redrawn, so over many articles some number differs from every source number.
    let numbers = Set(text.split(whereSeparator: { !$0.isNumber && $0 != "," }).map(String.init))
    #expect(numbers.contains { !["1,138,576", "20", "45"].contains($0) && $0.count > 1 })
  }

  @Test func writesFilesTotallingAtLeastTheRequestedBytes() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("psephos-synthetic-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let paths = try SyntheticCorpus(sources: sources).write(totalBytes: 20_000, to: directory)
    let sizes = try paths.map {
      try FileManager.default.attributesOfItem(atPath: $0)[.size] as! Int
    }
    #expect(sizes.reduce(0, +) >= 20_000)
    #expect(paths == paths.sorted())
  }

  @Test func benchmarkPassCountsEveryDocumentAndToken() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("psephos-bench-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let paths = try SyntheticCorpus(sources: sources).write(totalBytes: 30_000, to: directory)
    let one = Benchmark().run(paths: paths, jobs: 1)
    let two = Benchmark().run(paths: paths, jobs: 2)
    #expect(one.documents == paths.count)
    #expect(one.tokens > 0)
    #expect(one.tokens == two.tokens)
    #expect(one.bytes == two.bytes)
  }
}
