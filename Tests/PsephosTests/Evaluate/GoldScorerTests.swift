import Foundation
import Testing

@testable import Psephos

/// The package root, found from this file's path.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
private let goldDirectory = packageRoot + "/Tests/Gold"
private let scorePy = goldDirectory + "/score.py"

/// Runs score.py and returns its standard output.
private func runScorePy(_ arguments: [String]) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", scorePy] + arguments
  let output = Pipe()
  process.standardOutput = output
  process.standardError = Pipe()
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
}

private func writeJSON(_ object: Any, to path: String) throws {
  let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  try data.write(to: URL(fileURLWithPath: path))
}

private func temporaryDirectory() throws -> String {
  let path = NSTemporaryDirectory() + "psephos-scorer-" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

private func entity(
  _ start: Int, _ end: Int, _ type: String, metonymy: Bool = false, optional: Bool = false
)
  -> [String: Any]
{
  ["start": start, "end": end, "type": type, "metonymy": metonymy, "optional": optional]
}

/// Synthetic gold/prediction pairs that exercise every rule of score.py.
private func syntheticCases() -> [(name: String, gold: [[String: Any]], pred: [[String: Any]])] {
  [
    (
      "exact and overlapping",
      [entity(0, 5, "PERSON"), entity(10, 16, "PLACE"), entity(20, 26, "PARTY")],
      [entity(0, 5, "PERSON"), entity(10, 14, "PLACE"), entity(20, 26, "PLACE")]
    ),
    (
      "ignored ORG, metonymy and optional gold drop overlapping predictions",
      [
        entity(0, 9, "ORG"), entity(10, 20, "ORG", metonymy: true),
        entity(30, 36, "PLACE", optional: true), entity(40, 46, "PERSON"),
      ],
      [
        entity(0, 9, "PLACE"), entity(12, 18, "ORG"), entity(30, 36, "PLACE"),
        entity(40, 46, "PERSON"), entity(50, 55, "PARTY"),
      ]
    ),
    (
      "one-to-one greedy matching prefers the largest overlap",
      [entity(0, 10, "PLACE"), entity(11, 20, "PLACE")],
      [entity(5, 12, "PLACE"), entity(0, 4, "PLACE"), entity(13, 19, "PLACE")]
    ),
    ("empty prediction", [entity(0, 3, "PARTY"), entity(5, 9, "PLACE_ADJ")], []),
    ("empty gold", [], [entity(0, 3, "PARTY")]),
  ]
}

@Suite struct GoldScorerTests {
  @Test(arguments: [[], ["--all"], ["--count-optional"], ["--all", "--count-optional"]])
  func rendersTheSameTableAsScorePyOnSyntheticCases(flags: [String]) throws {
    let gold = try temporaryDirectory()
    let pred = try temporaryDirectory()
    let cases = syntheticCases()
    for (index, item) in cases.enumerated() {
      let name = String(format: "%03d_case.json", index)
      try writeJSON(["file": "\(index).txt", "entities": item.gold], to: gold + "/" + name)
      // The last prediction is found through its "file" field under another name.
      let predictionName = index == cases.count - 1 ? "renamed.json" : name
      try writeJSON(
        ["file": "\(index).txt", "entities": item.pred], to: pred + "/" + predictionName)
    }
    let options = GoldScorer.Options(
      all: flags.contains("--all"), countOptional: flags.contains("--count-optional"))
    let report = try GoldScorer(options: options).score(goldPath: gold, predictionPath: pred)
    #expect(report.text() == (try runScorePy([gold, pred] + flags)))
    #expect(report.json() == (try runScorePy([gold, pred, "--json"] + flags)))
  }

  @Test func scoresFiguresByKindLikeScorePy() throws {
    let gold = try temporaryDirectory()
    let pred = try temporaryDirectory()
    let goldFigures: [[String: Any]] = [
      ["start": 0, "end": 4, "kind": "year"], ["start": 10, "end": 20, "kind": "count"],
      ["start": 30, "end": 33, "kind": "percentage", "optional": true],
    ]
    let predFigures: [[String: Any]] = [
      ["start": 0, "end": 4, "kind": "year"], ["start": 10, "end": 18, "kind": "count"],
      ["start": 30, "end": 33, "kind": "count"],
    ]
    try writeJSON(["figures": goldFigures], to: gold + "/a.json")
    try writeJSON(["figures": predFigures], to: pred + "/a.json")
    let report = try GoldScorer(options: .init(figures: true)).score(
      goldPath: gold + "/a.json", predictionPath: pred + "/a.json")
    #expect(report.text() == (try runScorePy([gold + "/a.json", pred + "/a.json", "--figures"])))
  }

  @Test func warnsAboutAMissingPredictionAndScoresItAsEmpty() throws {
    let gold = try temporaryDirectory()
    let pred = try temporaryDirectory()
    try writeJSON(["entities": [entity(0, 4, "PLACE")]], to: gold + "/a.json")
    let report = try GoldScorer().score(goldPath: gold, predictionPath: pred)
    #expect(report.warnings == ["warning: no prediction file for a.json; scoring as empty"])
    #expect(report.score("PLACE", .strict)?.recall == 0)
    #expect(report.text() == (try runScorePy([gold, pred])))
  }

  @Test func rejectsABadSpanAsScorePyDoes() throws {
    let gold = try temporaryDirectory()
    try writeJSON(["entities": [entity(5, 5, "PLACE")]], to: gold + "/a.json")
    #expect(throws: GoldScorer.Error.self) {
      try GoldScorer().score(goldPath: gold + "/a.json", predictionPath: gold + "/a.json")
    }
  }

  @Test(arguments: [[], ["--all"]])
  func agreesWithScorePyOnTheExtractorsPredictionsForTheBundledGold(flags: [String]) throws {
    let pred = try temporaryDirectory()
    try GoldEvaluation().writePredictions(
      goldDirectory: goldDirectory, textDirectory: packageRoot + "/Corpus/articles", to: pred)
    let report = try GoldScorer(options: .init(all: flags.contains("--all"))).score(
      goldPath: goldDirectory, predictionPath: pred)
    #expect(report.text() == (try runScorePy([goldDirectory, pred] + flags)))
  }
}
