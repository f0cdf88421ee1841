/// Writes RFC 4180 CSV: records end with CRLF; a field is quoted when it contains a comma, a
/// double quote, CR or LF, or starts or ends with a space; a quote inside a quoted field is
/// doubled. Everything else is written as it is, in UTF-8, without a byte-order mark.
///
/// `CSVReader` reads back exactly the fields written.
///
/// ```swift
/// var csv = CSVWriter(header: ["name", "quote"])
/// csv.append(["Khan", "He said \"yes\", twice"])
/// csv.text  // "name,quote\r\nKhan,\"He said \"\"yes\"\", twice\"\r\n"
/// ```
public struct CSVWriter: Sendable {
  /// The number of fields every record has.
  public let columns: Int
  /// The CSV written so far.
  public private(set) var text: String

  /// Starts a table with a header record.
  public init(header: [String]) {
    precondition(!header.isEmpty, "a CSV table needs at least one column")
    columns = header.count
    text = ""
    append(header)
  }

  /// Starts the records of a table whose header is written elsewhere (a table written in
  /// pieces).
  init(columns: Int) {
    precondition(columns > 0, "a CSV table needs at least one column")
    self.columns = columns
    text = ""
  }

  /// Appends one record, which must have as many fields as the header.
  ///
  /// Complexity: O(length of the fields).
  public mutating func append(_ fields: [String]) {
    precondition(
      fields.count == columns, "a record has \(fields.count) fields, the header \(columns)")
    for (index, field) in fields.enumerated() {
      if index > 0 { text.append(",") }
      Self.appendField(field, to: &text)
    }
    text.append("\r\n")
  }

  /// Appends one field, quoted if it needs to be.
  static func appendField(_ field: String, to text: inout String) {
    guard needsQuotes(field) else {
      text.append(field)
      return
    }
    text.append("\"")
    for character in field.unicodeScalars {
      if character == "\"" { text.append("\"") }
      text.unicodeScalars.append(character)
    }
    text.append("\"")
  }

  /// Whether a field must be quoted: it holds a separator, a quote or a line break, or has
  /// space at either end (which some readers trim).
  static func needsQuotes(_ field: String) -> Bool {
    let bytes = field.utf8
    if bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ") { return true }
    return bytes.contains { byte in
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r")
    }
  }

  /// A text field made safe to open in a spreadsheet: text that a spreadsheet would run as a
  /// formula (starting with `=`, `+`, `-` or `@` and longer than one character, or starting
  /// with a tab or CR) gets a leading `'`, which spreadsheets show as text. Use it for text
  /// taken from documents, not for numbers.
  public static func spreadsheetText(_ field: String) -> String {
    guard let first = field.utf8.first else { return field }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"):
      return field.utf8.count > 1 ? "'" + field : field
    case UInt8(ascii: "\t"), UInt8(ascii: "\r"):
      return "'" + field
    default:
      return field
    }
  }
}
