import Foundation
import Testing

@testable import Psephos

/// Runs the tokenizer and the figure extractor on the bundled seed articles and scores the
/// figures against `../shared/gold` the way `score.py --figures` does in strict mode: exact
/// code-point span and the same kind; optional gold figures are "don't care".
///
/// Set `PSEPHOS_FIGURES_OUT` to a folder to also write the predictions there as JSON, named like
/// the gold files, for `python3 ../shared/gold/score.py ../shared/gold DIR --figures`.
@Suite struct FigureGoldTests {
  private static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  private static let goldFolder = packageRoot.appendingPathComponent("../shared/gold")
    .standardizedFileURL
  private static let articles = packageRoot.appendingPathComponent("Corpus/articles")

  private struct GoldFigure {
    var start: Int
    var end: Int
    var kind: String
    var isOptional: Bool
  }

  private struct Prediction {
    var start: Int
    var end: Int
    var text: String
    var figure: Figure
  }

  private static func goldFiles() -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: goldFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map {
      goldFolder.appendingPathComponent($0)
    }
  }

  private static func predictions(forArticle name: String) throws -> [Prediction] {
    let data = try Data(contentsOf: articles.appendingPathComponent(name))
    let text = SourceText(normalizedUTF8: [UInt8](data))
    let tokens = Tokenizer().tokenize(text)
    return FigureExtractor().figures(in: text, tokens: tokens).figures.map { figure in
      let span = text.codePointRange(figure.range)
      return Prediction(
        start: span.lowerBound, end: span.upperBound, text: text.string(figure.range),
        figure: figure)
    }
  }

  private static func gold(in url: URL) throws -> (file: String, figures: [GoldFigure]) {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    let file = object?["file"] as? String ?? url.deletingPathExtension().lastPathComponent + ".txt"
    let figures = (object?["figures"] as? [[String: Any]] ?? []).map {
      GoldFigure(
        start: $0["start"] as? Int ?? -1, end: $0["end"] as? Int ?? -1,
        kind: $0["kind"] as? String ?? "", isOptional: $0["optional"] as? Bool ?? false)
    }
    return (file, figures)
  }

  @Test func figuresMatchTheGoldWithF1OfAtLeast95Percent() throws {
    let files = Self.goldFiles()
    try #require(!files.isEmpty, "no gold files in \(Self.goldFolder.path)")
    var truePositives = 0
    var goldCount = 0
    var predictedCount = 0
    var misses: [String] = []
    let outputFolder = ProcessInfo.processInfo.environment["PSEPHOS_FIGURES_OUT"]
    for url in files {
      let (file, gold) = try Self.gold(in: url)
      let predicted = try Self.predictions(forArticle: file)
      if let outputFolder { try Self.write(predicted, file: file, like: url, to: outputFolder) }
      let scored = gold.filter { !$0.isOptional }
      let optional = gold.filter(\.isOptional)
      // Predictions that match nothing scored but overlap an optional item are "don't care".
      let kept = predicted.filter { prediction in
        scored.contains { $0.start == prediction.start && $0.end == prediction.end }
          || !optional.contains { $0.start < prediction.end && prediction.start < $0.end }
      }
      var unmatched = kept
      for item in scored {
        if let index = unmatched.firstIndex(where: {
          $0.start == item.start && $0.end == item.end && $0.figure.kind.rawValue == item.kind
        }) {
          truePositives += 1
          unmatched.remove(at: index)
        } else {
          misses.append("\(file): missed \(item.kind) \(item.start)..<\(item.end)")
        }
      }
      misses += unmatched.map {
        "\(file): extra \($0.figure.kind.rawValue) '\($0.text)' \($0.start)..<\($0.end)"
      }
      goldCount += scored.count
      predictedCount += kept.count
    }
    let precision = predictedCount == 0 ? 0 : Double(truePositives) / Double(predictedCount)
    let recall = goldCount == 0 ? 0 : Double(truePositives) / Double(goldCount)
    let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    #expect(f1 >= 0.95, "figures F1 \(f1) (P \(precision), R \(recall)): \(misses)")
  }

  /// Writes predictions as `{"file", "figures": [{start, end, text, kind, value, unit}]}`.
  private static func write(
    _ predictions: [Prediction], file: String, like gold: URL, to folder: String
  ) throws {
    let figures: [[String: Any]] = predictions.map {
      [
        "start": $0.start, "end": $0.end, "text": $0.text, "kind": $0.figure.kind.rawValue,
        "value": NSDecimalNumber(decimal: $0.figure.value), "unit": $0.figure.unit ?? NSNull(),
        "hedge": $0.figure.hedge?.rawValue ?? NSNull(),
      ]
    }
    let object: [String: Any] = ["file": file, "figures": figures]
    let data = try JSONSerialization.data(
      withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try data.write(to: URL(fileURLWithPath: folder).appendingPathComponent(gold.lastPathComponent))
  }
}
