import Foundation

/// Scores entity (or figure) predictions against gold annotations exactly as
/// `../shared/gold/score.py` does, so anyone can re-measure from Swift and get the same numbers.
///
/// - strict: exact (start, end) and the same type; lenient: overlapping spans and the same type,
///   matched one-to-one, greedily in gold order by largest overlap.
/// - By default only PERSON, PARTY, PLACE and PLACE_ADJ count: gold and predicted items of type
///   ORG or with `metonymy: true` are ignored unless `all` is set.
/// - Gold items with `optional: true` are "don't care" unless `countOptional` is set.
/// - A prediction that matches no scored gold item but overlaps an ignored or optional gold item
///   is dropped (neither right nor wrong).
/// - `figures` scores the `figures` lists, using `kind` as the type.
/// - Totals are micro-averaged over documents.
public struct GoldScorer: Sendable {
  /// The scorer's switches (score.py's `--all`, `--count-optional`, `--figures`).
  public struct Options: Hashable, Sendable {
    /// Also score ORG and metonymy items.
    public var all: Bool
    /// Treat optional gold items as required.
    public var countOptional: Bool
    /// Score `figures` instead of `entities`, with `kind` as the type.
    public var figures: Bool

    /// Creates options; all off by default, as in score.py.
    public init(all: Bool = false, countOptional: Bool = false, figures: Bool = false) {
      self.all = all
      self.countOptional = countOptional
      self.figures = figures
    }
  }

  /// A gold file, or a prediction file, that cannot be scored (score.py exits with this message).
  public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in score.py's words.
    public var message: String
    public var description: String { message }
  }

  /// One item as the scorer sees it.
  struct Item: Hashable {
    var start: Int
    var end: Int
    var type: String
    var metonymy: Bool
    var optional: Bool
  }

  /// The scoring modes, in output order.
  public enum Mode: String, CaseIterable, Sendable {
    case strict
    case lenient
  }

  /// Per-type counts (true positives, gold items, predicted items) in first-seen order.
  public struct Counts: Hashable, Sendable {
    /// Types in the order score.py's dictionaries hold them.
    public private(set) var types: [String] = []
    private var values: [String: [Int]] = [:]

    /// Creates empty counts.
    public init() {}

    /// (tp, gold, pred) for a type; zeros if absent.
    public subscript(type: String) -> (tp: Int, gold: Int, pred: Int) {
      let value = values[type] ?? [0, 0, 0]
      return (value[0], value[1], value[2])
    }

    mutating func add(_ type: String, tp: Int = 0, gold: Int = 0, pred: Int = 0) {
      if values[type] == nil {
        types.append(type)
        values[type] = [0, 0, 0]
      }
      values[type]![0] += tp
      values[type]![1] += gold
      values[type]![2] += pred
    }
  }

  /// Precision, recall and F1 for one row and mode.
  public struct Score: Hashable, Sendable {
    public var tp: Int
    public var gold: Int
    public var pred: Int
    public var precision: Double
    public var recall: Double
    public var f1: Double
  }

  /// The scores of one document (or the micro-averaged total).
  public struct Table: Sendable {
    /// The title line's name.
    public var title: String
    /// Counts per mode.
    public var counts: [Mode: Counts]

    /// Sorted types, then "OVERALL", each with strict and lenient scores.
    public var rows: [(type: String, scores: [Mode: Score])] {
      let types = Set(counts[.strict]!.types).union(counts[.lenient]!.types)
        .sorted {
          Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes(
            $1.unicodeScalars.map(\.value))
        }
      var totals: [Mode: (Int, Int, Int)] = [.strict: (0, 0, 0), .lenient: (0, 0, 0)]
      var result: [(String, [Mode: Score])] = []
      for type in types + ["OVERALL"] {
        var scores: [Mode: Score] = [:]
        for mode in Mode.allCases {
          let (tp, gold, pred): (Int, Int, Int)
          if type == "OVERALL" {
            (tp, gold, pred) = totals[mode]!
          } else {
            let value = counts[mode]![type]
            (tp, gold, pred) = (value.tp, value.gold, value.pred)
            let total = totals[mode]!
            totals[mode] = (total.0 + tp, total.1 + gold, total.2 + pred)
          }
          let (precision, recall, f1) = GoldScorer.prf(tp: tp, gold: gold, pred: pred)
          scores[mode] = Score(
            tp: tp, gold: gold, pred: pred, precision: precision, recall: recall, f1: f1)
        }
        result.append((type, scores))
      }
      return result
    }
  }

  /// Everything one run scored.
  public struct Report: Sendable {
    /// The options used.
    public var options: Options
    /// One table per document, in file-name order.
    public var documents: [Table]
    /// The micro-averaged total, present when more than one document was scored.
    public var total: Table?
    /// Warnings score.py prints on standard error (missing prediction file, hash mismatch).
    public var warnings: [String]

    /// The score of one type in one mode from the total (or the only document).
    public func score(_ type: String, _ mode: Mode) -> Score? {
      let table = total ?? documents.first
      return table?.rows.first { $0.type == type }?.scores[mode]
    }
  }

  /// The options in use.
  public var options: Options

  /// Creates a scorer.
  public init(options: Options = Options()) {
    self.options = options
  }

  static func prf(tp: Int, gold: Int, pred: Int) -> (Double, Double, Double) {
    let precision = pred != 0 ? Double(tp) / Double(pred) : (gold == 0 ? 1.0 : 0.0)
    let recall = gold != 0 ? Double(tp) / Double(gold) : (pred == 0 ? 1.0 : 0.0)
    let f1 = precision + recall != 0 ? 2 * precision * recall / (precision + recall) : 0.0
    return (precision, recall, f1)
  }

  // MARK: Scoring documents

  /// Scores one parsed gold document against one parsed prediction document (each a JSON
  /// object with `entities`/`figures`, or a bare list).
  func scoreDocument(gold goldDocument: Any, prediction predictionDocument: Any, name: String)
    throws(Error) -> [Mode: Counts]
  {
    let gold = try items(of: goldDocument).map { (item) throws(Error) in
      try normalize(item, where: "gold \(name)")
    }
    var pred = try items(of: predictionDocument).map { (item) throws(Error) in
      try normalize(item, where: "pred \(name)")
    }
    let scored = gold.filter { !excluded($0) && (options.countOptional || !$0.optional) }
    let ignored = gold.filter { !scored.contains($0) }
    pred = pred.filter { !excluded($0) }

    var result: [Mode: Counts] = [:]
    for mode in Mode.allCases {
      let strict = mode == .strict
      let (_, firstMatched) = Self.match(gold: scored, pred: pred, strict: strict)
      let kept = pred.enumerated().filter { index, item in
        firstMatched.contains(index) || !ignored.contains { Self.overlap(item, $0) > 0 }
      }.map(\.element)
      let (matchedGold, _) = Self.match(gold: scored, pred: kept, strict: strict)
      var counts = Counts()
      for (index, item) in scored.enumerated() {
        counts.add(item.type, tp: matchedGold.contains(index) ? 1 : 0, gold: 1)
      }
      for item in kept { counts.add(item.type, pred: 1) }
      result[mode] = counts
    }
    return result
  }

  private func excluded(_ item: Item) -> Bool {
    !options.all && !options.figures && (item.type == "ORG" || item.metonymy)
  }

  static func overlap(_ a: Item, _ b: Item) -> Int {
    min(a.end, b.end) - max(a.start, b.start)
  }

  /// score.py's one-to-one greedy matching: for each gold item in order, the unmatched
  /// prediction of the same type with the largest overlap (first one on a tie).
  static func match(gold: [Item], pred: [Item], strict: Bool) -> (Set<Int>, Set<Int>) {
    var matchedGold: Set<Int> = []
    var matchedPred: Set<Int> = []
    for (goldIndex, goldItem) in gold.enumerated() {
      var best: Int?
      var bestOverlap = 0
      for (predIndex, predItem) in pred.enumerated() {
        if matchedPred.contains(predIndex) || predItem.type != goldItem.type { continue }
        let value: Int
        if strict {
          value = predItem.start == goldItem.start && predItem.end == goldItem.end ? 1 : 0
        } else {
          value = overlap(goldItem, predItem)
        }
        if value > bestOverlap {
          best = predIndex
          bestOverlap = value
        }
      }
      if let best {
        matchedGold.insert(goldIndex)
        matchedPred.insert(best)
      }
    }
    return (matchedGold, matchedPred)
  }

  // MARK: Reading JSON like score.py

  private func items(of document: Any) -> [Any] {
    if let list = document as? [Any] { return list }
    guard let object = document as? [String: Any] else { return [] }
    let value = object[options.figures ? "figures" : "entities"]
    guard let value, Self.truthy(value), let list = value as? [Any] else { return [] }
    return list
  }

  private func normalize(_ raw: Any, where location: String) throws(Error) -> Item {
    guard let item = raw as? [String: Any],
      let start = item["start"].flatMap(Self.pythonInt),
      let end = item["end"].flatMap(Self.pythonInt),
      let type = item[options.figures ? "kind" : "type"]
    else {
      throw Error(message: "\(location): malformed item \(Self.describe(raw))")
    }
    guard 0 <= start, start < end else {
      throw Error(message: "\(location): bad span \(Self.describe(raw))")
    }
    return Item(
      start: start, end: end, type: Self.pythonString(type),
      metonymy: item["metonymy"].map(Self.truthy) ?? false,
      optional: item["optional"].map(Self.truthy) ?? false)
  }

  /// Python's `int(x)` for JSON values: integers, floats truncated, booleans, numeric strings.
  static func pythonInt(_ value: Any) -> Int? {
    if let bool = value as? Bool, type(of: value) == Bool.self { return bool ? 1 : 0 }
    if let int = value as? Int { return int }
    if let double = value as? Double {
      guard double.isFinite else { return nil }
      return Int(double.rounded(.towardZero))
    }
    if let string = value as? String {
      return Int(
        string.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(
          of: "_", with: ""))
    }
    return nil
  }

  /// Python's `bool(x)` for JSON values.
  static func truthy(_ value: Any) -> Bool {
    switch value {
    case is NSNull: return false
    case let bool as Bool where type(of: value) == Bool.self: return bool
    case let int as Int: return int != 0
    case let double as Double: return double != 0
    case let string as String: return !string.isEmpty
    case let list as [Any]: return !list.isEmpty
    case let object as [String: Any]: return !object.isEmpty
    default: return true
    }
  }

  /// Python's `str(x)` for a JSON type value.
  static func pythonString(_ value: Any) -> String {
    switch value {
    case let string as String: return string
    case is NSNull: return "None"
    case let bool as Bool where type(of: value) == Bool.self: return bool ? "True" : "False"
    case let int as Int: return String(int)
    case let double as Double: return String(double)
    default: return String(describing: value)
    }
  }

  private static func describe(_ value: Any) -> String {
    guard JSONSerialization.isValidJSONObject(value) || value is [String: Any],
      let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    else { return String(describing: value) }
    return String(decoding: data, as: UTF8.self)
  }
}
