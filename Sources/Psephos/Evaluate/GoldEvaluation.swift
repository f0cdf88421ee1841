import Foundation

/// Runs the pipeline over the texts a gold directory annotates and scores the result, so
/// `psephos eval --gold DIR` and the tests measure the same thing, on the same output users get.
public struct GoldEvaluation: Sendable {
  /// The pipeline under evaluation.
  public var analyzer: Analyzer

  /// Creates an evaluation of `analyzer`.
  public init(analyzer: Analyzer = Analyzer()) {
    self.analyzer = analyzer
  }

  /// The analysis of a text as score.py's prediction object: the document object of
  /// `psephos analyse --format json`, whose `entities` and `figures` carry code-point offsets.
  public func predictionObject(for text: SourceText) -> [String: Any] {
    let document = Document(id: "gold", path: "gold", sha256: "", text: text)
    let json = analyzer.analyze(document).json.serialized()
    // The JSON is our own output, so it always parses.
    let object = try? JSONSerialization.jsonObject(with: Data(json.utf8))
    return object as? [String: Any] ?? [:]
  }

  /// Predictions for every gold file in `goldDirectory` whose `file` names a text in
  /// `textDirectory`, keyed by the gold file's name.
  public func predictions(goldDirectory: String, textDirectory: String) throws(GoldScorer.Error)
    -> [String: Any]
  {
    var result: [String: Any] = [:]
    for name in try GoldScorer.jsonFiles(in: goldDirectory) {
      let gold = try GoldScorer.load(goldDirectory + "/" + name)
      guard let file = (gold as? [String: Any])?["file"] as? String else { continue }
      let path = textDirectory + "/" + file
      guard let data = FileManager.default.contents(atPath: path) else {
        throw GoldScorer.Error(message: "\(path): cannot read the text the gold annotates")
      }
      result[name] = predictionObject(for: SourceText(normalizedUTF8: [UInt8](data)))
    }
    return result
  }

  /// Scores the extractor on the gold in `goldDirectory` and the texts in `textDirectory`.
  public func run(
    goldDirectory: String, textDirectory: String, options: GoldScorer.Options = .init()
  ) throws(GoldScorer.Error) -> GoldScorer.Report {
    let predictions = try predictions(goldDirectory: goldDirectory, textDirectory: textDirectory)
    return try GoldScorer(options: options).score(
      goldDirectory: goldDirectory, predictions: predictions)
  }

  /// Writes the predictions as JSON files named like the gold files (keys sorted).
  public func writePredictions(
    goldDirectory: String, textDirectory: String, to outputDirectory: String
  ) throws {
    let predictions = try predictions(goldDirectory: goldDirectory, textDirectory: textDirectory)
    try FileManager.default.createDirectory(
      atPath: outputDirectory, withIntermediateDirectories: true)
    for (name, object) in predictions {
      let data = try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
      try data.write(to: URL(fileURLWithPath: outputDirectory + "/" + name))
    }
  }
}
