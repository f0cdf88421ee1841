import Foundation

/// An RFC 4180 CSV reader over UTF-8 bytes that keeps the 1-based line and column of every field.
///
/// Understands quoted fields, doubled quotes, line breaks inside quotes, CRLF, LF and lone CR
/// line ends, a leading UTF-8 byte-order mark, empty fields and a last line with or without a
/// line break. Blank lines between records are skipped. Line breaks inside a quoted field are
/// returned as LF.
///
/// Errors come in two tiers:
/// - An unterminated quote is thrown (`CSVReader.Error`): it swallows the rest of the input, so
///   no row after it can be trusted.
/// - Problems confined to one row (a field count that differs from the header's, a stray quote,
///   text after a closing quote, invalid UTF-8) are collected as `Issue`s on the table, so one
///   pass reports every bad row and the caller decides how much they matter.
///
/// Columns count Unicode code points, as editors do; the column of a quoted field is that of its
/// opening quote. A field with more than 30 combining marks in a row gets an invisible U+034F
/// joiner before every 31st (see `CombiningMarks`); positions still refer to the file.
public struct CSVReader: Sendable {
  /// The name used in messages (usually the file's path).
  public var file: String

  /// Creates a reader whose messages name `file`.
  public init(file: String = "<input>") {
    self.file = file
  }

  /// Reads the bytes of a whole CSV file: the first record is the header.
  ///
  /// Complexity: O(n) in the number of bytes.
  public func read(_ bytes: [UInt8]) throws(Error) -> Table {
    try bytes.withUnsafeBufferPointer { (buffer) throws(Error) -> Table in
      var parser = Parser(bytes: buffer, file: file)
      return try parser.parse()
    }
  }

  /// Reads the CSV file at `path`; messages name the path.
  ///
  /// Complexity: O(n) in the file's size.
  public static func read(contentsOfFile path: String) throws(Error) -> Table {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Error(file: path, line: 0, column: 0, kind: .unreadable)
    }
    return try CSVReader(file: path).read([UInt8](data))
  }
}

extension CSVReader {
  /// One field: its unquoted text and where it starts.
  public struct Field: Hashable, Sendable {
    /// The field's text with quotes removed and doubled quotes undone.
    public var text: String
    /// The 1-based line the field starts on.
    public var line: Int
    /// The 1-based column (in code points) the field starts at.
    public var column: Int

    /// Creates a field.
    public init(text: String, line: Int, column: Int) {
      self.text = text
      self.line = line
      self.column = column
    }
  }

  /// One record: its fields in order.
  public struct Row: Hashable, Sendable {
    /// The fields, left to right.
    public var fields: [Field]
    /// The 1-based line the record starts on.
    public var line: Int

    /// Creates a row.
    public init(fields: [Field], line: Int) {
      self.fields = fields
      self.line = line
    }

    /// The field at `index`, or nil if the row is shorter.
    ///
    /// Complexity: O(1).
    public subscript(index: Int) -> Field? {
      index >= 0 && index < fields.count ? fields[index] : nil
    }
  }

  /// A problem confined to one row; the row is still returned, read as well as possible.
  public struct Issue: Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
      /// The row's field count differs from the header's.
      case raggedRow(expected: Int, found: Int)
      /// A `"` inside an unquoted field (kept as text).
      case quoteInUnquotedField
      /// Text between a closing quote and the next separator (kept as text).
      case textAfterClosingQuote
      /// Bytes that are not UTF-8 (replaced with U+FFFD).
      case invalidUTF8
    }

    /// The file named by the reader.
    public var file: String
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem.
    public var column: Int
    /// What went wrong.
    public var kind: Kind

    /// Creates an issue.
    public init(file: String, line: Int, column: Int, kind: Kind) {
      self.file = file
      self.line = line
      self.column = column
      self.kind = kind
    }

    /// A human-readable explanation without the location.
    public var message: String {
      switch kind {
      case .raggedRow(let expected, let found):
        let relation = found < expected ? "missing" : "extra"
        return "row has \(found) fields but the header has \(expected) (\(relation) fields)"
      case .quoteInUnquotedField:
        return
          "quote character inside an unquoted field; quote the whole field and double the quote"
      case .textAfterClosingQuote:
        return "text after the closing quote of a quoted field; expected a comma or a line end"
      case .invalidUTF8:
        return "bytes that are not valid UTF-8 (replaced with U+FFFD)"
      }
    }

    /// `file:line:column: error: message`.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
  }

  /// A whole file: the header record, the data records and the row-level issues.
  public struct Table: Hashable, Sendable {
    /// The first record (empty if the input was empty).
    public var header: [Field]
    /// Every record after the header, in file order.
    public var rows: [Row]
    /// Row-level problems, in file order.
    public var issues: [Issue]

    /// Creates a table.
    public init(header: [Field], rows: [Row], issues: [Issue]) {
      self.header = header
      self.rows = rows
      self.issues = issues
    }

    /// The index of the first header field equal to `name`, ignoring case and surrounding spaces.
    ///
    /// Complexity: O(h) in the number of header fields.
    public func columnIndex(named name: String) -> Int? {
      let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
      return header.firstIndex {
        $0.text.trimmingCharacters(in: .whitespaces).lowercased() == wanted
      }
    }
  }

  /// A failure that makes the rest of the input unreadable.
  public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
      /// A quoted field has no closing quote before the end of the input.
      case unterminatedQuote
      /// The file could not be read at all.
      case unreadable
    }

    /// The file named by the reader.
    public var file: String
    /// The 1-based line (of the opening quote), or 0 if the file was unreadable.
    public var line: Int
    /// The 1-based column (of the opening quote), or 0 if the file was unreadable.
    public var column: Int
    /// What went wrong.
    public var kind: Kind

    /// Creates an error.
    public init(file: String, line: Int, column: Int, kind: Kind) {
      self.file = file
      self.line = line
      self.column = column
      self.kind = kind
    }

    /// A human-readable explanation without the location.
    public var message: String {
      switch kind {
      case .unterminatedQuote:
        "quoted field is never closed (no matching '\"' before the end of the file)"
      case .unreadable:
        "cannot read the file"
      }
    }

    /// `file:line:column: error: message` (just `file: error: message` if unreadable).
    public var description: String {
      kind == .unreadable
        ? "\(file): error: \(message)" : "\(file):\(line):\(column): error: \(message)"
    }
  }
}

// MARK: - Parser

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let carriageReturn = UInt8(ascii: "\r")
private let lineFeed = UInt8(ascii: "\n")

/// The single-pass byte scanner behind `CSVReader.read(_:)`.
private struct Parser {
  let bytes: UnsafeBufferPointer<UInt8>
  let file: String
  var index = 0
  var line = 1
  /// A byte offset on the current line whose column is known, so columns are found in O(1)
  /// amortised as the scan moves right.
  var markOffset = 0
  var markColumn = 1
  var scratch: [UInt8] = []
  var issues: [CSVReader.Issue] = []

  init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.file = file
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      index = 3
      markOffset = 3
    }
  }

  /// The column of byte `offset`, which must be on the current line at or after the mark.
  mutating func column(at offset: Int) -> Int {
    var column = markColumn
    var position = markOffset
    while position < offset {
      if bytes[position] & 0xC0 != 0x80 { column += 1 }
      position += 1
    }
    markOffset = offset
    markColumn = column
    return column
  }

  /// Records that a new line starts at `offset`.
  mutating func startLine(at offset: Int) {
    line += 1
    markOffset = offset
    markColumn = 1
  }

  /// Consumes one line end (CRLF, LF or CR) at `index`, if there is one.
  mutating func consumeLineEnd() {
    guard index < bytes.count else { return }
    if bytes[index] == carriageReturn {
      index += 1
      if index < bytes.count, bytes[index] == lineFeed { index += 1 }
      startLine(at: index)
    } else if bytes[index] == lineFeed {
      index += 1
      startLine(at: index)
    }
  }

  mutating func parse() throws(CSVReader.Error) -> CSVReader.Table {
    var header: [CSVReader.Field]?
    var rows: [CSVReader.Row] = []
    while index < bytes.count {
      let byte = bytes[index]
      if byte == carriageReturn || byte == lineFeed {
        consumeLineEnd()  // a blank line
        continue
      }
      let row = try parseRecord(expectedCount: header?.count)
      if header == nil { header = row.fields } else { rows.append(row) }
    }
    return CSVReader.Table(header: header ?? [], rows: rows, issues: issues)
  }

  /// Parses one record starting at `index` and consumes its line end.
  mutating func parseRecord(expectedCount: Int?) throws(CSVReader.Error) -> CSVReader.Row {
    let rowLine = line
    var fields: [CSVReader.Field] = []
    if let expectedCount { fields.reserveCapacity(expectedCount) }
    while true {
      fields.append(try parseField())
      if index < bytes.count, bytes[index] == comma {
        index += 1
        continue
      }
      break
    }
    if let expectedCount, fields.count != expectedCount {
      // Point at the first extra field, or at the end of the record for missing fields.
      let column = fields.count > expectedCount ? fields[expectedCount].column : column(at: index)
      let issueLine = fields.count > expectedCount ? fields[expectedCount].line : line
      issues.append(
        CSVReader.Issue(
          file: file, line: issueLine, column: column,
          kind: .raggedRow(expected: expectedCount, found: fields.count)))
    }
    consumeLineEnd()
    return CSVReader.Row(fields: fields, line: rowLine)
  }

  /// Parses one field starting at `index`, stopping before its separator or line end.
  mutating func parseField() throws(CSVReader.Error) -> CSVReader.Field {
    let fieldLine = line
    let fieldColumn = column(at: index)
    guard index < bytes.count, bytes[index] == quote else {
      let start = index
      var reportedQuote = false
      while index < bytes.count {
        let byte = bytes[index]
        if byte == comma || byte == carriageReturn || byte == lineFeed { break }
        if byte == quote, !reportedQuote {
          reportedQuote = true
          issues.append(
            CSVReader.Issue(
              file: file, line: line, column: column(at: index), kind: .quoteInUnquotedField))
        }
        index += 1
      }
      let (text, isValid) = Self.decode(UnsafeBufferPointer(rebasing: bytes[start..<index]))
      noteEncoding(isValid: isValid, line: fieldLine, column: fieldColumn)
      return CSVReader.Field(text: text, line: fieldLine, column: fieldColumn)
    }
    index += 1
    scratch.removeAll(keepingCapacity: true)
    while true {
      guard index < bytes.count else {
        throw CSVReader.Error(
          file: file, line: fieldLine, column: fieldColumn, kind: .unterminatedQuote)
      }
      let byte = bytes[index]
      if byte == quote {
        if index + 1 < bytes.count, bytes[index + 1] == quote {
          scratch.append(quote)
          index += 2
          continue
        }
        index += 1
        break
      }
      if byte == carriageReturn || byte == lineFeed {
        scratch.append(lineFeed)
        consumeLineEnd()
        continue
      }
      scratch.append(byte)
      index += 1
    }
    var reportedText = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == comma || byte == carriageReturn || byte == lineFeed { break }
      if !reportedText {
        reportedText = true
        issues.append(
          CSVReader.Issue(
            file: file, line: line, column: column(at: index), kind: .textAfterClosingQuote))
      }
      scratch.append(byte)
      index += 1
    }
    let (text, isValid) = scratch.withUnsafeBufferPointer { Self.decode($0) }
    noteEncoding(isValid: isValid, line: fieldLine, column: fieldColumn)
    return CSVReader.Field(text: text, line: fieldLine, column: fieldColumn)
  }

  /// Decodes a field's bytes; `isValid` is false if they are not UTF-8. A run of more than 30
  /// combining marks gets U+034F joiners (`CombiningMarks`), or hashing the field would take
  /// time quadratic in the run.
  static func decode(_ field: UnsafeBufferPointer<UInt8>) -> (text: String, isValid: Bool) {
    var ascii = true
    for byte in field where byte >= 0x80 {
      ascii = false
      break
    }
    if ascii { return (String(decoding: field, as: UTF8.self), true) }
    var bytes = Array(field)
    CombiningMarks.breakLongRuns(&bytes)
    return (String(decoding: bytes, as: UTF8.self), isValidUTF8(field))
  }

  /// Notes invalid UTF-8 at a field's start.
  mutating func noteEncoding(isValid: Bool, line fieldLine: Int, column fieldColumn: Int) {
    guard !isValid else { return }
    issues.append(
      CSVReader.Issue(file: file, line: fieldLine, column: fieldColumn, kind: .invalidUTF8))
  }

  static func isValidUTF8(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
    var iterator = field.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }
}
