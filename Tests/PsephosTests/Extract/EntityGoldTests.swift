import Foundation
import Testing

@testable import Psephos

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

@Suite struct EntityGoldTests {
  /// Tokenizer + extractor on Corpus/articles against Tests/Gold (a copy of ../shared/gold): strict F1 >= 0.95 for
  /// PERSON, PARTY and PLACE (default scoring: ORG and metonymy ignored, optional = don't care).
  @Test(arguments: ["PERSON", "PARTY", "PLACE"])
  func reachesTheStrictF1TargetOnTheBundledGold(type: String) throws {
    let report = try GoldEvaluation().run(
      goldDirectory: packageRoot + "/Tests/Gold",
      textDirectory: packageRoot + "/Corpus/articles")
    #expect(report.documents.count == 3)
    let score = try #require(report.score(type, .strict))
    #expect(score.f1 >= 0.95, "\(type) strict F1 \(score.f1)\n\(report.text())")
  }
}
