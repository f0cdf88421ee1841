import Foundation

/// Writes the readable summary of `psephos analyse` a document at a time, in memory that does
/// not grow with the corpus: `add(_:)` each document's summary in input order, then write the
/// counts table, the fact-check and the findings.
///
/// The table's column widths depend on every row, so each row (the id and the counts, packed
/// as variable-length integers) is spooled as it comes while the widths and totals are kept;
/// `writeTable(to:)` reads the spool back in blocks and lays the rows out. The fact-check and
/// the findings are plain text in document order: each is spooled as it comes and copied out
/// in blocks, and the verdict totals are counted on the way. Spools are unlinked as soon as
/// they are created and live only as open files, so nothing is left behind.
///
/// `SummaryReportWriter`'s `table(_:)`, `factCheck(_:)` and `findings(_:)` are this writer
/// writing into memory. A class: it owns open files and is used from one thread at a time.
public final class SummaryStreamWriter {
  private let rows: ReportStream
  private let factChecks: ReportStream
  private let findingLines: ReportStream
  private let blockSize: Int
  /// The count names, from the first document.
  private var names: [String]?
  /// The sum of each count.
  private var totals: [Int] = []
  /// The widest id and the widest value of each count, in characters.
  private var idWidth = 0
  private var valueWidths: [Int] = []
  /// How many claims have each verdict.
  private var verdicts: [String: Int] = [:]
  /// How many documents were added.
  public private(set) var documents = 0
  /// The most severe finding of any document added (the summaries keep warnings and errors).
  public private(set) var mostSevereFinding: Finding.Severity?
  /// Whether any document has a finding, so `writeFindings(to:)` writes something.
  public private(set) var hasFindings = false
  /// Whether any document has a claim, so `writeFactCheck(to:)` writes something.
  public var hasFactCheck: Bool { !verdicts.isEmpty }

  /// A writer spooling into `spoolFolder` (the system's temporary folder unless given).
  ///
  /// Throws, naming the spool, if a spool cannot be created there.
  public convenience init(spoolFolder: String = NSTemporaryDirectory()) throws(ReportWriteError) {
    try self.init(
      spoolFolder: spoolFolder, blockSize: ReportStream.defaultBlockSize, byteLimit: nil)
  }

  /// A writer spooling into `spoolFolder`, for tests: spools are written and read back in
  /// blocks of `blockSize` bytes, and with a `byteLimit`, writing more than that many bytes
  /// into any one spool fails as a full disk would.
  init(spoolFolder: String, blockSize: Int, byteLimit: Int?) throws(ReportWriteError) {
    let prefix = ".psephos-summary.\(ReportStream.uniqueToken())"
    var spools: [ReportStream] = []
    for part in ["rows", "fact-check", "findings"] {
      let spool = try ReportStream.spool(in: spoolFolder, name: "\(prefix).\(part).tmp")
      spool.blockSize = blockSize
      spool.byteLimit = byteLimit
      spools.append(spool)
    }
    (rows, factChecks, findingLines) = (spools[0], spools[1], spools[2])
    self.blockSize = blockSize
  }

  /// A writer spooling into memory, read back in blocks of `blockSize` bytes.
  init(inMemoryWithBlockSize blockSize: Int = ReportStream.defaultBlockSize) {
    let spools = (0..<3).map { _ in ReportStream.memory() }
    for spool in spools { spool.blockSize = blockSize }
    (rows, factChecks, findingLines) = (spools[0], spools[1], spools[2])
    self.blockSize = blockSize
  }

  /// Adds the next document, in input order.
  ///
  /// Throws, naming the spool, if it cannot be written.
  ///
  /// Complexity: linear in the summary (its id, claims and findings).
  public func add(_ summary: DocumentSummary) throws(ReportWriteError) {
    if names == nil {
      names = summary.counts.map(\.name)
      totals = Array(repeating: 0, count: summary.counts.count)
      valueWidths = totals
    }
    precondition(
      summary.counts.count == totals.count,
      "\(summary.id): \(summary.counts.count) counts, not \(totals.count) as the first document")
    documents += 1
    var row: [UInt8] = []
    let id = summary.id.utf8
    Self.append(id.count, to: &row)
    Self.append(summary.id.count, to: &row)
    row.append(contentsOf: id)
    idWidth = max(idWidth, summary.id.count)
    for (column, count) in summary.counts.enumerated() {
      Self.append(count.value, to: &row)
      totals[column] += count.value
      valueWidths[column] = max(valueWidths[column], String(count.value).count)
    }
    try rows.write(row)
    if !summary.factCheck.isEmpty {
      var text = "\(summary.id)\n"
      for claim in summary.factCheck {
        verdicts[claim.verdict, default: 0] += 1
        text += "  [\(claim.verdict)] \(claim.words)\n      \(claim.explanation)\n"
      }
      try factChecks.write(text)
    }
    for located in summary.findings {
      var place = summary.id
      if let line = located.line, let column = located.column { place += ":\(line):\(column)" }
      try findingLines.write(
        "\(place): \(located.finding.severity.rawValue): \(located.finding.message)\n")
      hasFindings = true
      mostSevereFinding = max(
        mostSevereFinding ?? located.finding.severity, located.finding.severity)
    }
  }

  // MARK: - Writing out

  /// Writes the table: a header, one row per document (id, then each count) and a total,
  /// each column as wide as its widest cell; numbers are right-aligned. `output` is handed the
  /// bytes in blocks.
  ///
  /// Complexity: O(documents), in memory of a block.
  public func writeTable(to output: @escaping ([UInt8]) -> Void) throws(ReportWriteError) {
    try write(to: output) { stream throws(ReportWriteError) in try writeTable(into: stream) }
  }

  /// Writes the fact-check: for each document with claims, its id and one entry per claim
  /// (verdict, the words that make it, explanation), then the verdict counts over all
  /// documents; nothing if no document has a claim.
  ///
  /// Complexity: O(size of the fact-check), in memory of a block.
  public func writeFactCheck(to output: @escaping ([UInt8]) -> Void) throws(ReportWriteError) {
    try write(to: output) { stream throws(ReportWriteError) in try writeFactCheck(into: stream) }
  }

  /// Writes each finding as `id:line:column: severity: message` (without the position when
  /// the finding has no span), one per line, in document order.
  ///
  /// Complexity: O(size of the findings), in memory of a block.
  public func writeFindings(to output: @escaping ([UInt8]) -> Void) throws(ReportWriteError) {
    try write(to: output) { stream throws(ReportWriteError) in try writeFindings(into: stream) }
  }

  private func write(
    to output: @escaping ([UInt8]) -> Void,
    _ part: (ReportStream) throws(ReportWriteError) -> Void
  ) throws(ReportWriteError) {
    let stream = ReportStream.consumer(reportPath: "standard output", output)
    stream.blockSize = blockSize
    try part(stream)
    try stream.flush()
  }

  /// See `writeTable(to:)`.
  func writeTable(into output: ReportStream) throws(ReportWriteError) {
    let names = self.names ?? []
    var widths = [max("document".count, "total".count, idWidth)]
    for column in names.indices {
      widths.append(max(names[column].count, valueWidths[column], String(totals[column]).count))
    }
    var line: [UInt8] = []
    func cell(_ text: some Collection<UInt8>, characters: Int, column: Int) {
      let padding = repeatElement(UInt8(ascii: " "), count: widths[column] - characters)
      if column == 0 {
        line.append(contentsOf: text)
        line.append(contentsOf: padding)
      } else {
        line.append(contentsOf: "  ".utf8)
        line.append(contentsOf: padding)
        line.append(contentsOf: text)
      }
    }
    func endLine() throws(ReportWriteError) {
      line.append(UInt8(ascii: "\n"))
      try output.write(line)
      line.removeAll(keepingCapacity: true)
    }
    func numbers(_ values: some Sequence<Int>) {
      for (column, value) in zip(1..., values) {
        let digits = String(value)
        cell(digits.utf8, characters: digits.count, column: column)
      }
    }
    cell("document".utf8, characters: "document".count, column: 0)
    for (column, name) in zip(1..., names) {
      cell(name.utf8, characters: name.count, column: column)
    }
    try endLine()
    var pending: [UInt8] = []
    var values: [Int] = []
    try rows.forEachBlock { block throws(ReportWriteError) in
      pending.append(contentsOf: block)
      var cursor = 0
      while let row = Self.row(in: pending, at: &cursor, counts: names.count, into: &values) {
        cell(pending[row.id], characters: row.characters, column: 0)
        numbers(values)
        try endLine()
      }
      pending.removeFirst(cursor)
    }
    precondition(pending.isEmpty, "the rows spool ends inside a row")
    cell("total".utf8, characters: "total".count, column: 0)
    numbers(totals)
    try endLine()
  }

  /// See `writeFactCheck(to:)`.
  func writeFactCheck(into output: ReportStream) throws(ReportWriteError) {
    guard hasFactCheck else { return }
    try output.append(contentsOf: factChecks)
    let counts = Verdict.Rating.allCases.compactMap { rating in
      verdicts[rating.rawValue].map { "\($0) \(rating.rawValue)" }
    }
    try output.write("Verdicts: " + counts.joined(separator: ", ") + "\n")
  }

  /// See `writeFindings(to:)`.
  func writeFindings(into output: ReportStream) throws(ReportWriteError) {
    try output.append(contentsOf: findingLines)
  }

  // MARK: - Rows spool

  /// Appends `value` as a variable-length integer: seven bits a byte, low bits first, the high
  /// bit set on every byte but the last.
  private static func append(_ value: Int, to bytes: inout [UInt8]) {
    var rest = UInt(bitPattern: value)
    while rest >= 0x80 {
      bytes.append(UInt8(rest & 0x7F) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Reads a variable-length integer at `cursor`, moving past it; nil if `bytes` ends first.
  private static func integer(in bytes: [UInt8], at cursor: inout Int) -> Int? {
    var value: UInt = 0
    var shift: UInt = 0
    var index = cursor
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      value |= UInt(byte & 0x7F) << shift
      if byte < 0x80 {
        cursor = index
        return Int(bitPattern: value)
      }
      shift += 7
    }
    return nil
  }

  /// Reads the row at `cursor` (its counts into `values`), moving past it: the range of the
  /// id's bytes and its width in characters. Nil, with `cursor` unmoved, if `bytes` ends
  /// inside the row.
  private static func row(
    in bytes: [UInt8], at cursor: inout Int, counts: Int, into values: inout [Int]
  ) -> (id: Range<Int>, characters: Int)? {
    var index = cursor
    guard let length = integer(in: bytes, at: &index),
      let characters = integer(in: bytes, at: &index), bytes.count - index >= length
    else { return nil }
    let id = index..<(index + length)
    index += length
    values.removeAll(keepingCapacity: true)
    for _ in 0..<counts {
      guard let value = integer(in: bytes, at: &index) else { return nil }
      values.append(value)
    }
    cursor = index
    return (id, characters)
  }
}
