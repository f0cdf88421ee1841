import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `psephos merge`: merges partial results (`psephos-parts/1`, see `PartialResults`) into the
/// whole, so that analysing shards and merging equals analysing everything at once, byte for
/// byte.
///
/// Each part must be in input order, as `psephos stream` writes it. The parts are merged like
/// sorted runs (a k-way merge on the order key: the entry's `path`, then its `line`, then its
/// bytes), so the result does not depend on how the input was split nor on the order the parts
/// are given: merging is commutative, and associative too, since merging to `parts` keeps every
/// entry (`merge A B C` = `merge (merge A B) C` = `merge A (merge B C)`).
///
/// Writing the report (`Output.report`), the merger also does what only the whole input can:
/// a document whose record id was already used earlier in the same input (in any shard) becomes
/// the error a single run reports (`id "x" was already used on line 3`), and the corpus
/// indexes are built from every document's index parts.
///
/// Memory: one line per part, the errors, the corpus indexes and the ids seen (for the repeated
/// id check); documents are streamed.
public struct PartialResultsMerger: Sendable {
  /// What to write.
  public enum Output: String, Sendable, CaseIterable {
    /// The `psephos analyse --format json` report.
    case report = "json"
    /// Partial results again (sorted, blank-line answers dropped), to merge further.
    case parts
  }

  /// What to write.
  public var output: Output

  /// Creates a merger.
  public init(output: Output) {
    self.output = output
  }

  /// Merges the parts at `paths` (`-` for standard input), calling `write` with the output
  /// bytes in order; returns the summary of what the parts hold.
  ///
  /// Throws, naming the part and line, for a part that cannot be read, a line that is not one
  /// of the three shapes, or a part that is out of order.
  public func merge(paths: [String], write: @escaping ([UInt8]) -> Void) throws(MergeError)
    -> RunSummary
  {
    let clock = ContinuousClock()
    let start = clock.now
    var cursors: [PartCursor] = []
    defer { for cursor in cursors { cursor.closeFile() } }
    for path in paths {
      cursors.append(try PartCursor(path: path))
    }
    var heap = EntryHeap()
    for index in cursors.indices {
      if let entry = try cursors[index].next() { heap.push(entry, part: index) }
    }

    var summary = RunSummary()
    var sink = ReportSink(output: output, write: write)
    while let (entry, part) = heap.pop() {
      if let next = try cursors[part].next() { heap.push(next, part: part) }
      try sink.add(entry, summary: &summary)
    }
    for cursor in cursors { summary.bytes += cursor.bytesRead }
    sink.finish()
    summary.elapsed = clock.now - start
    return summary
  }
}

/// A part that cannot be merged.
public struct MergeError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The part's path.
  public var path: String
  /// The 1-based line, when the problem is on one.
  public var line: Int?
  /// What is wrong.
  public var reason: String

  /// Creates an error.
  public init(path: String, line: Int? = nil, reason: String) {
    self.path = path
    self.line = line
    self.reason = reason
  }

  /// `path:line: error: reason`.
  public var description: String {
    if let line { return "\(path):\(line): error: \(reason)" }
    return "\(path): error: \(reason)"
  }
}

/// One entry of a part: a document or an error, with its order key.
private struct Entry {
  enum Kind {
    case document(JSONValue, index: [String: JSONValue])
    case error(JSONValue)
  }

  var kind: Kind
  /// The path of the document or error.
  var path: String
  /// The input line (`Int.max` for an error of a whole input).
  var line: Int
  /// The entry's canonical bytes (compact JSON, no line feed): the last part of the key.
  var bytes: [UInt8]
  /// Where it was read, for messages.
  var origin: (part: String, line: Int)

  /// Whether the entry comes first in the merged order.
  static func precedes(_ left: Entry, _ right: Entry) -> Bool {
    if left.path != right.path { return left.path.utf8.lexicographicallyPrecedes(right.path.utf8) }
    if left.line != right.line { return left.line < right.line }
    return left.bytes.lexicographicallyPrecedes(right.bytes)
  }
}

/// Reads one part's entries in order, checking the order.
private struct PartCursor {
  let path: String
  private let descriptor: Int32
  private var reader: LineReader
  private var previous: (path: String, line: Int)?

  /// The largest line accepted: a document's JSON is larger than its text.
  static let lineLimit = 1 << 31

  init(path: String) throws(MergeError) {
    self.path = path
    if path == "-" {
      descriptor = 0
    } else {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw MergeError(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
      }
    }
    reader = LineReader(descriptor: descriptor, limit: Self.lineLimit)
  }

  var bytesRead: Int { reader.bytesRead }

  func closeFile() {
    if descriptor != 0 { _ = close(descriptor) }
  }

  /// The next document or error (blank lines and `skipped` answers are passed over).
  mutating func next() throws(MergeError) -> Entry? {
    while true {
      let line: LineReader.Line?
      do {
        line = try reader.next()
      } catch {
        throw MergeError(path: path, reason: "cannot read: \(error.message)")
      }
      guard let line else { return nil }
      let number = reader.lineNumber
      func failure(_ reason: String) -> MergeError {
        MergeError(path: path, line: number, reason: reason)
      }
      guard case .bytes(let bytes) = line else { throw failure("line too long") }
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      let value: JSONValue
      do {
        value = try JSONValue(parsing: bytes)
      } catch {
        throw failure("not JSON (\(error)); a part holds the lines psephos stream writes")
      }
      guard let members = value.objectValue else { throw failure("not a JSON object") }
      if members["skipped"] != nil { continue }
      let entry: Entry
      if let document = members["document"] {
        guard let documentPath = document["path"]?.stringValue,
          let line = members["line"]?.integerValue
        else { throw failure("a document line needs the document's \"path\" and a \"line\"") }
        let index = members["index"]?.objectValue ?? [:]
        entry = Entry(
          kind: .document(document, index: index), path: documentPath, line: line,
          bytes: Self.canonical(value), origin: (path, number))
      } else if let error = members["error"] {
        guard let errorPath = error["path"]?.stringValue, error["reason"]?.stringValue != nil
        else { throw failure("an error line needs the error's \"path\" and \"reason\"") }
        entry = Entry(
          kind: .error(error), path: errorPath, line: members["line"]?.integerValue ?? Int.max,
          bytes: Self.canonical(value), origin: (path, number))
      } else {
        throw failure("not a document, error or skipped line (\(PartialResults.format))")
      }
      if let previous,
        previous.path == entry.path
          ? entry.line < previous.line
          : entry.path.utf8.lexicographicallyPrecedes(previous.path.utf8)
      {
        throw failure(
          "out of order: \(entry.path) line \(entry.line) after line \(previous.line); a part"
            + " must keep the input order psephos stream writes")
      }
      previous = (entry.path, entry.line)
      return entry
    }
  }

  static func canonical(_ value: JSONValue) -> [UInt8] {
    var bytes: [UInt8] = []
    value.write(to: &bytes)
    return bytes
  }
}

/// A binary min-heap of entries with the part each came from.
private struct EntryHeap {
  private var items: [(entry: Entry, part: Int)] = []

  mutating func push(_ entry: Entry, part: Int) {
    items.append((entry, part))
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard Entry.precedes(items[child].entry, items[parent].entry) else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> (Entry, Int)? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count && Entry.precedes(items[left].entry, items[smallest].entry) {
        smallest = left
      }
      if right < items.count && Entry.precedes(items[right].entry, items[smallest].entry) {
        smallest = right
      }
      guard smallest != parent else { break }
      items.swapAt(parent, smallest)
      parent = smallest
    }
    return (top.entry, top.part)
  }
}

/// Writes merged entries as a report or as parts.
private struct ReportSink {
  let output: PartialResultsMerger.Output
  let write: ([UInt8]) -> Void
  private var errors: [JSONValue] = []
  private var index = CorpusIndex()
  private var wroteDocument = false
  /// For each path, the line on which each record id was first seen.
  private var seen: [String: [String: Int]] = [:]

  init(output: PartialResultsMerger.Output, write: @escaping ([UInt8]) -> Void) {
    self.output = output
    self.write = write
    if output == .report { write(AnalysisReport.writer.opening()) }
  }

  mutating func add(_ entry: Entry, summary: inout RunSummary) throws(MergeError) {
    switch entry.kind {
    case .error(let error):
      let failure = IngestFailure(
        path: entry.path, line: error["line"]?.integerValue,
        reason: error["reason"]?.stringValue ?? "")
      summary.failures.append(failure)
      switch output {
      case .parts: write(entry.bytes + [0x0A])
      case .report: errors.append(error)
      }
    case .document(let document, let parts):
      guard output == .report else {
        write(entry.bytes + [0x0A])
        summary.add(bytes: 0, verdicts: DocumentRecord.verdicts(in: document), fromCache: false)
        return
      }
      if let repeated = repeatedID(document, entry: entry) {
        summary.failures.append(repeated)
        errors.append(repeated.json)
        return
      }
      do {
        try index.add(parts: parts)
      } catch {
        throw MergeError(
          path: entry.origin.part, line: entry.origin.line, reason: error.description)
      }
      summary.add(bytes: 0, verdicts: DocumentRecord.verdicts(in: document), fromCache: false)
      let writer = AnalysisReport.writer
      if wroteDocument { write(writer.separator) }
      write(writer.element(document))
      wroteDocument = true
    }
  }

  /// The failure a single run reports for a record id used earlier in the same input.
  private mutating func repeatedID(_ document: JSONValue, entry: Entry) -> IngestFailure? {
    guard let id = document["id"]?.stringValue else { return nil }
    let prefix = entry.path + "#"
    let recordID =
      entry.path != "-" && id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : id
    if let first = seen[entry.path]?[recordID] {
      return IngestFailure(
        path: entry.path, line: entry.line,
        reason: "id \"\(recordID)\" was already used on line \(first)")
    }
    seen[entry.path, default: [:]][recordID] = entry.line
    return nil
  }

  mutating func finish() {
    guard output == .report else { return }
    AnalysisReport.writer.writeClosing(
      wroteElements: wroteDocument,
      otherMembers: AnalysisReport.closingMembers(errors: errors, index: index), write: write)
  }
}
