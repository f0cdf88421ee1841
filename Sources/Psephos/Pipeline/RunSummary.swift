import Foundation

/// What a batch run did, for the lines printed at its end: documents done (and how many came
/// from the cache), inputs failed with their reasons, claims by verdict, time and throughput.
public struct RunSummary: Sendable {
  /// The verdicts in the order DESIGN.md lists them; others follow in name order.
  public static let verdictOrder = [
    "accurate", "accurate-rounded", "inaccurate", "unverifiable", "not-election-result",
  ]

  /// Documents analysed or read from the cache.
  public var documents = 0
  /// Documents whose record came from the cache.
  public var fromCache = 0
  /// Every input or line that could not be read, in the order met.
  public var failures: [IngestFailure] = []
  /// Claims by verdict.
  public var verdicts: [String: Int] = [:]
  /// UTF-8 bytes of document text processed.
  public var bytes = 0
  /// Wall-clock time of the run.
  public var elapsed: Duration = .zero

  /// An empty summary.
  public init() {}

  /// Counts one document.
  public mutating func add(_ record: DocumentRecord, fromCache: Bool) {
    add(bytes: record.textBytes, verdicts: record.verdicts, fromCache: fromCache)
  }

  /// Counts one document of `bytes` bytes of text with claims by verdict.
  public mutating func add(bytes: Int, verdicts: [String: Int], fromCache: Bool) {
    documents += 1
    if fromCache { self.fromCache += 1 }
    self.bytes += bytes
    self.verdicts.merge(verdicts, uniquingKeysWith: +)
  }

  /// Adds another run's counts (a shard's); times add up too.
  public mutating func merge(_ other: RunSummary) {
    documents += other.documents
    fromCache += other.fromCache
    failures += other.failures
    verdicts.merge(other.verdicts, uniquingKeysWith: +)
    bytes += other.bytes
    elapsed += other.elapsed
  }

  /// The summary as lines of text:
  ///
  /// ```
  /// Done: 3 documents (2 from the cache), 1 failed, 0.42 s, 1.2 MB/s, 7.1 documents/s.
  /// Claims by verdict: accurate 2, inaccurate 1.
  /// Failed:
  ///   articles/b.txt: error: binary data (NUL bytes), not text
  /// ```
  ///
  /// At most `listing` failures are listed, then how many more there are.
  public func rendered(listing: Int = 20) -> String {
    let seconds = max(Self.seconds(elapsed), 1e-6)
    var line = "Done: \(Self.count(documents, "document"))"
    if fromCache > 0 { line += " (\(fromCache) from the cache)" }
    line += ", \(failures.count) failed, \(Self.time(elapsed))"
    line += String(
      format: ", %.1f MB/s, %.1f documents/s.", Double(bytes) / seconds / 1e6,
      Double(documents) / seconds)
    var lines = [line]
    let named = verdictsInOrder.filter { $0.count > 0 }
    if named.isEmpty {
      lines.append("Claims by verdict: no claims.")
    } else {
      lines.append(
        "Claims by verdict: " + named.map { "\($0.verdict) \($0.count)" }.joined(separator: ", ")
          + ".")
    }
    if !failures.isEmpty {
      lines.append("Failed:")
      for failure in failures.prefix(listing) { lines.append("  \(failure)") }
      if failures.count > listing { lines.append("  ... and \(failures.count - listing) more") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every verdict with its count: the DESIGN.md ones first (zero when absent), then others.
  public var verdictsInOrder: [(verdict: String, count: Int)] {
    let known = Self.verdictOrder.map { ($0, verdicts[$0] ?? 0) }
    let others = verdicts.keys.filter { !Self.verdictOrder.contains($0) }.sorted()
    return known + others.map { ($0, verdicts[$0]!) }
  }

  static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  /// "0.42 s", "3 min 05 s".
  static func time(_ duration: Duration) -> String {
    let seconds = Self.seconds(duration)
    if seconds < 60 { return String(format: "%.2f s", seconds) }
    let whole = Int(seconds.rounded())
    if whole < 3600 { return String(format: "%d min %02d s", whole / 60, whole % 60) }
    return String(format: "%d h %02d min", whole / 3600, whole / 60 % 60)
  }

  static func count(_ value: Int, _ noun: String) -> String {
    value == 1 ? "1 \(noun)" : "\(value) \(noun)s"
  }
}
