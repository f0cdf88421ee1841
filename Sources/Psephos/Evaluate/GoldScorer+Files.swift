import Foundation

extension GoldScorer {
  /// Scores the gold at `goldPath` against the predictions at `predictionPath`: two JSON files
  /// (one document), or two directories whose `*.json` files pair by file name, or else by the
  /// prediction's `file` field (score.py's `pairs`).
  ///
  /// Complexity: O(documents × gold items × predictions).
  public func score(goldPath: String, predictionPath: String) throws(Error) -> Report {
    var report = Report(options: options, documents: [], total: nil, warnings: [])
    var total: [Mode: Counts] = [.strict: Counts(), .lenient: Counts()]
    let documents = try pairs(goldPath: goldPath, predictionPath: predictionPath)
    for (name, goldFile, predictionFile) in documents {
      let gold = try Self.load(goldFile)
      let prediction: Any
      if let predictionFile, Self.isFile(predictionFile) {
        prediction = try Self.load(predictionFile)
        if let goldHash = (gold as? [String: Any])?["sha256"], Self.truthy(goldHash),
          let predictionHash = (prediction as? [String: Any])?["sha256"],
          Self.truthy(predictionHash),
          !Self.pythonEqual(goldHash, predictionHash)
        {
          report.warnings.append("warning: \(name): sha256 of prediction differs from gold")
        }
      } else {
        report.warnings.append("warning: no prediction file for \(name); scoring as empty")
        prediction = ["entities": [Any](), "figures": [Any]()]
      }
      let counts = try scoreDocument(gold: gold, prediction: prediction, name: name)
      Self.add(counts, to: &total)
      report.documents.append(Table(title: name, counts: counts))
    }
    if documents.count > 1 {
      report.total = Table(
        title: "ALL (\(documents.count) documents, micro-averaged)", counts: total)
    }
    return report
  }

  /// Scores in-memory predictions against the gold directory: `predictions` maps a gold file's
  /// name ("000_x.json") to a prediction object (`["entities": [[String: Any]]]`).
  public func score(goldDirectory: String, predictions: [String: Any]) throws(Error) -> Report {
    var report = Report(options: options, documents: [], total: nil, warnings: [])
    var total: [Mode: Counts] = [.strict: Counts(), .lenient: Counts()]
    let names = try Self.jsonFiles(in: goldDirectory)
    for name in names {
      let gold = try Self.load(goldDirectory + "/" + name)
      let prediction: Any
      if let found = predictions[name] {
        prediction = found
      } else {
        report.warnings.append("warning: no prediction file for \(name); scoring as empty")
        prediction = ["entities": [Any](), "figures": [Any]()]
      }
      let counts = try scoreDocument(gold: gold, prediction: prediction, name: name)
      Self.add(counts, to: &total)
      report.documents.append(Table(title: name, counts: counts))
    }
    if names.count > 1 {
      report.total = Table(title: "ALL (\(names.count) documents, micro-averaged)", counts: total)
    }
    return report
  }

  private static func add(_ counts: [Mode: Counts], to total: inout [Mode: Counts]) {
    for mode in Mode.allCases {
      guard let modeCounts = counts[mode] else { continue }
      for type in modeCounts.types {
        let value = modeCounts[type]
        total[mode]!.add(type, tp: value.tp, gold: value.gold, pred: value.pred)
      }
    }
  }

  private func pairs(goldPath: String, predictionPath: String) throws(Error)
    -> [(String, String, String?)]
  {
    if Self.isFile(goldPath) {
      return [((goldPath as NSString).lastPathComponent, goldPath, predictionPath)]
    }
    guard Self.isDirectory(predictionPath) else {
      throw Error(message: "GOLD is a directory, so PRED must be a directory too")
    }
    var byFile: [String: String] = [:]
    for name in try Self.jsonFiles(in: predictionPath) {
      let path = predictionPath + "/" + name
      guard let document = try? Self.load(path), let object = document as? [String: Any],
        let file = object["file"], Self.truthy(file), let key = file as? String
      else { continue }
      byFile[key] = path
    }
    var result: [(String, String, String?)] = []
    for name in try Self.jsonFiles(in: goldPath) {
      let goldFile = goldPath + "/" + name
      var predictionFile: String? = predictionPath + "/" + name
      if !Self.isFile(predictionFile!) {
        let gold = try Self.load(goldFile)
        predictionFile = ((gold as? [String: Any])?["file"] as? String).flatMap { byFile[$0] }
      }
      result.append((name, goldFile, predictionFile))
    }
    return result
  }

  /// The `*.json` names in a directory, sorted by code point as Python sorts strings.
  static func jsonFiles(in directory: String) throws(Error) -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      throw Error(message: "\(directory): cannot list the directory")
    }
    return names.filter { $0.hasSuffix(".json") }.sorted {
      $0.unicodeScalars.map(\.value).lexicographicallyPrecedes($1.unicodeScalars.map(\.value))
    }
  }

  static func load(_ path: String) throws(Error) -> Any {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Error(message: "\(path): cannot read the file")
    }
    do {
      return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      throw Error(message: "\(path): not valid JSON")
    }
  }

  static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && !isDirectory.boolValue
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  static func pythonEqual(_ a: Any, _ b: Any) -> Bool {
    if let a = a as? String, let b = b as? String { return a == b }
    return pythonString(a) == pythonString(b) && type(of: a) == type(of: b)
  }
}
