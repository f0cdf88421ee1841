/// A JSON value that serialises deterministically: object keys sorted, strings escaped, numbers
/// written exactly (integers as integers, decimals from `ExactDecimal` digit for digit, never
/// through `Double`).
///
/// This is the project's one JSON writer; every machine-readable report builds a `JSONValue` and
/// asks it for bytes, so two runs over the same input give byte-identical output.
///
/// ```swift
/// let value: JSONValue = ["text": "£3m", "start": 4, "flags": ["capitalized"]]
/// value.serialized()  // {"flags":["capitalized"],"start":4,"text":"£3m"}
/// ```
public enum JSONValue: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A whole number, written in decimal digits.
  case integer(Int)
  /// An exact decimal, written in plain notation with the digits it carries (`2.36`, `994614`,
  /// `46.50`, never `9.9e5`).
  case decimal(ExactDecimal)
  /// A string, escaped as RFC 8259 requires.
  case string(String)
  /// An array, in the order given.
  case array([JSONValue])
  /// An object; its keys are written in the order of their UTF-8 bytes (code-point order, as
  /// Python's `sort_keys=True`).
  case object([String: JSONValue])

  /// How much white space the output carries.
  public enum Style: Hashable, Sendable {
    /// No white space at all: one value per line, as JSON Lines wants.
    case compact
    /// Two-space indentation, one member per line, except that an array or object whose compact
    /// form fits within `width` columns is written on one line (with a space after `,` and `:`).
    case pretty(width: Int)

    /// Pretty output that keeps short containers on lines of up to 120 columns.
    public static let pretty = Style.pretty(width: 120)
  }

  /// The value as JSON text; `.pretty` output ends with a newline, `.compact` does not.
  ///
  /// Complexity: O(n log n) in the number of object keys for sorting, otherwise linear in the
  /// output; pretty output measures each container at most once per nesting level, stopping at
  /// the line width.
  public func serialized(_ style: Style = .compact) -> String {
    var bytes: [UInt8] = []
    write(to: &bytes, style: style)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the value as JSON to a byte buffer; `.pretty` output ends with a newline.
  public func write(to bytes: inout [UInt8], style: Style = .compact) {
    switch style {
    case .compact:
      writeCompact(to: &bytes, spaced: false)
    case .pretty(let width):
      writePretty(to: &bytes, indent: 0, column: 0, width: width)
      bytes.append(UInt8(ascii: "\n"))
    }
  }
}

// MARK: - Literals

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .integer(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}

extension JSONValue {
  /// A string, or `null` when the string is nil.
  public static func string(_ value: String?) -> JSONValue {
    value.map(JSONValue.string) ?? .null
  }
}

// MARK: - Writing

extension JSONValue {
  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Writes the compact form; `spaced` puts a space after `,` and `:` (for one-line containers
  /// inside pretty output).
  func writeCompact(to bytes: inout [UInt8], spaced: Bool) {
    switch self {
    case .array(let elements):
      bytes.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { Self.appendSeparator(to: &bytes, spaced: spaced) }
        element.writeCompact(to: &bytes, spaced: spaced)
      }
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      bytes.append(UInt8(ascii: "{"))
      for (index, key) in Self.sortedKeys(members).enumerated() {
        if index > 0 { Self.appendSeparator(to: &bytes, spaced: spaced) }
        Self.writeString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if spaced { bytes.append(UInt8(ascii: " ")) }
        members[key]!.writeCompact(to: &bytes, spaced: spaced)
      }
      bytes.append(UInt8(ascii: "}"))
    default:
      writeScalar(to: &bytes)
    }
  }

  /// Writes the pretty form of a value that starts at `column` on a line indented by `indent`.
  func writePretty(to bytes: inout [UInt8], indent: Int, column: Int, width: Int) {
    switch self {
    case .array(let elements):
      if elements.isEmpty || fitsOnOneLine(width - column - 1) {
        writeCompact(to: &bytes, spaced: true)
        return
      }
      bytes.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        Self.appendNewline(to: &bytes, indent: indent + 2)
        element.writePretty(to: &bytes, indent: indent + 2, column: indent + 2, width: width)
      }
      Self.appendNewline(to: &bytes, indent: indent)
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty || fitsOnOneLine(width - column - 1) {
        writeCompact(to: &bytes, spaced: true)
        return
      }
      bytes.append(UInt8(ascii: "{"))
      for (index, key) in Self.sortedKeys(members).enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        Self.appendNewline(to: &bytes, indent: indent + 2)
        Self.writeString(key, to: &bytes)
        bytes.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
        let valueColumn = indent + 2 + key.unicodeScalars.count + 4
        members[key]!.writePretty(to: &bytes, indent: indent + 2, column: valueColumn, width: width)
      }
      Self.appendNewline(to: &bytes, indent: indent)
      bytes.append(UInt8(ascii: "}"))
    default:
      writeScalar(to: &bytes)
    }
  }

  /// Whether the spaced compact form takes at most `columns` code points; stops measuring as
  /// soon as it does not.
  private func fitsOnOneLine(_ columns: Int) -> Bool {
    var remaining = columns
    return measure(&remaining)
  }

  func measure(_ remaining: inout Int) -> Bool {
    switch self {
    case .array(let elements):
      remaining -= 2 + max(0, elements.count - 1) * 2
      guard remaining >= 0 else { return false }
      for element in elements where !element.measure(&remaining) { return false }
      return true
    case .object(let members):
      remaining -= 2 + max(0, members.count - 1) * 2
      guard remaining >= 0 else { return false }
      for (key, value) in members {
        remaining -= key.unicodeScalars.count + 4
        guard remaining >= 0, value.measure(&remaining) else { return false }
      }
      return true
    case .string(let value):
      // Counted without writing it out, and only as far as the line allows: a long string
      // (a snippet, an explanation) fails after `remaining` code points.
      remaining -= 2
      for byte in value.utf8 where byte & 0xC0 != 0x80 {
        remaining -= Self.escapedWidth(byte)
        if remaining < 0 { return false }
      }
      return remaining >= 0
    default:
      var scalar: [UInt8] = []
      writeScalar(to: &scalar)
      for byte in scalar where byte & 0xC0 != 0x80 { remaining -= 1 }
      return remaining >= 0
    }
  }

  /// How many code points `writeString` writes for the scalar that starts with `byte`.
  private static func escapedWidth(_ byte: UInt8) -> Int {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
      UInt8(ascii: "\t"), 0x08, 0x0C:
      return 2
    case 0x00..<0x20: return 6
    default: return 1
    }
  }

  private func writeScalar(to bytes: inout [UInt8]) {
    switch self {
    case .null:
      bytes.append(contentsOf: "null".utf8)
    case .bool(let value):
      bytes.append(contentsOf: (value ? "true" : "false").utf8)
    case .integer(let value):
      bytes.append(contentsOf: String(value).utf8)
    case .decimal(let value):
      bytes.append(contentsOf: value.description.utf8)
    case .string(let value):
      Self.writeString(value, to: &bytes)
    case .array, .object:
      writeCompact(to: &bytes, spaced: false)
    }
  }

  /// Writes a quoted string: `"` and `\` escaped, control characters as `\n`, `\t`, ... or
  /// `\u00XX`, everything else (including non-ASCII) as its UTF-8 bytes.
  private static func writeString(_ string: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      // Runs that need no escape are copied whole.
      var runStart = 0
      for index in utf8.indices {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        appendEscape(byte, to: &bytes)
        runStart = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, or `\u00XX` for another control character.
  private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
    case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
    case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
    case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    default:
      bytes.append(contentsOf: "u00".utf8)
      bytes.append(hexDigits[Int(byte >> 4)])
      bytes.append(hexDigits[Int(byte & 0x0F)])
    }
  }

  /// Keys in the order of their UTF-8 bytes, which is code-point order.
  static func sortedKeys<Value>(_ members: [String: Value]) -> [String] {
    members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  static func appendSeparator(to bytes: inout [UInt8], spaced: Bool) {
    bytes.append(UInt8(ascii: ","))
    if spaced { bytes.append(UInt8(ascii: " ")) }
  }

  static func appendNewline(to bytes: inout [UInt8], indent: Int) {
    bytes.append(UInt8(ascii: "\n"))
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
  }
}
