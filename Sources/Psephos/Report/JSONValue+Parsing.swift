/// Reading JSON back into a `JSONValue`, so that what Psephos wrote (a `psephos stream` line, a
/// cache entry) can be merged and written again byte for byte.
///
/// The reader is the writer's inverse where it matters, on bytes: for any value `v`,
/// `JSONValue(parsing: v.serialized()).serialized(style)` equals `v.serialized(style)` in every
/// style. Numbers without a fraction or exponent that fit an `Int` become `.integer` (so a
/// whole `.decimal` reads back as the `.integer` it is written as); every other number is an
/// exact `.decimal` keeping the digits written (`46.50` stays `46.50`; never a `Double`).
/// Strings must be valid UTF-8; `\u` escapes, surrogate pairs included, are decoded. An object
/// that repeats a key keeps the last value, as `JSONValue`'s dictionary literal does.
extension JSONValue {
  /// The deepest nesting of arrays and objects accepted; deeper input is rejected rather than
  /// risking the stack.
  public static let maximumParsingDepth = 512

  /// Parses one JSON value (RFC 8259), allowing white space around it and nothing else.
  ///
  /// Complexity: O(n) in the number of bytes.
  public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
    let array = Array(bytes)
    var parser = JSONParser(bytes: array)
    self = try parser.parseDocument()
  }

  /// Parses the UTF-8 of a string.
  public init(parsing text: String) throws(JSONParseError) {
    try self.init(parsing: Array(text.utf8))
  }
}

extension JSONValue {
  /// The member under `key` of an object, or nil for a missing key or a value that is not an
  /// object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members[key]
  }

  /// The string, if the value is one.
  public var stringValue: String? {
    guard case .string(let value) = self else { return nil }
    return value
  }

  /// The whole number, if the value is one.
  public var integerValue: Int? {
    guard case .integer(let value) = self else { return nil }
    return value
  }

  /// The elements, if the value is an array.
  public var arrayValue: [JSONValue]? {
    guard case .array(let value) = self else { return nil }
    return value
  }

  /// The members, if the value is an object.
  public var objectValue: [String: JSONValue]? {
    guard case .object(let value) = self else { return nil }
    return value
  }
}

/// Why some bytes are not a JSON value: what was expected and the byte offset where it was not.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The 0-based byte offset of the problem.
  public var offset: Int
  /// What was wrong there.
  public var message: String

  /// Creates an error.
  public init(offset: Int, message: String) {
    self.offset = offset
    self.message = message
  }

  /// `message at byte N`.
  public var description: String { "\(message) at byte \(offset)" }
}

/// A recursive-descent reader over UTF-8 bytes.
private struct JSONParser {
  let bytes: [UInt8]
  var index = 0
  var depth = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  mutating func parseDocument() throws(JSONParseError) -> JSONValue {
    skipWhiteSpace()
    let value = try parseValue()
    skipWhiteSpace()
    guard index == bytes.count else { throw failure("unexpected text after the value") }
    return value
  }

  private func failure(_ message: String) -> JSONParseError {
    JSONParseError(offset: index, message: message)
  }

  private mutating func skipWhiteSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func parseValue() throws(JSONParseError) -> JSONValue {
    guard index < bytes.count else { throw failure("expected a value, found the end") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectWord("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectWord("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectWord("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try parseNumber()
    default:
      throw failure("expected a value")
    }
  }

  private mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
    let count = word.utf8CodeUnitCount
    let matches = word.withUTF8Buffer { expected in
      index + count <= bytes.count && bytes[index..<index + count].elementsEqual(expected)
    }
    guard matches else { throw failure("expected '\(word)'") }
    index += count
  }

  private mutating func enter() throws(JSONParseError) {
    depth += 1
    guard depth <= JSONValue.maximumParsingDepth else {
      throw failure("nested more than \(JSONValue.maximumParsingDepth) levels deep")
    }
  }

  private mutating func parseObject() throws(JSONParseError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [String: JSONValue] = [:]
    skipWhiteSpace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhiteSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure("expected a member name in quotes")
      }
      let key = try parseString()
      skipWhiteSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw failure("expected ':' after a member name")
      }
      index += 1
      skipWhiteSpace()
      members[key] = try parseValue()
      skipWhiteSpace()
      guard index < bytes.count else { throw failure("unterminated object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      } else {
        throw failure("expected ',' or '}' in an object")
      }
    }
  }

  private mutating func parseArray() throws(JSONParseError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var elements: [JSONValue] = []
    skipWhiteSpace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhiteSpace()
      elements.append(try parseValue())
      skipWhiteSpace()
      guard index < bytes.count else { throw failure("unterminated array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      } else {
        throw failure("expected ',' or ']' in an array")
      }
    }
  }

  /// Reads a quoted string; `index` is at the opening quote.
  private mutating func parseString() throws(JSONParseError) -> String {
    index += 1
    let start = index
    // Fast path: no escapes.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let slice = bytes[start..<index]
        index += 1
        guard let string = String(validating: slice, as: UTF8.self) else {
          throw JSONParseError(offset: start, message: "string is not valid UTF-8")
        }
        return string
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw failure("control character in a string") }
      index += 1
    }
    var buffer = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        guard let string = String(validating: buffer, as: UTF8.self) else {
          throw JSONParseError(offset: start, message: "string is not valid UTF-8")
        }
        return string
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { throw failure("unterminated escape") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
          buffer.append(contentsOf: String(try parseUnicodeEscape()).utf8)
        default:
          index -= 1
          throw failure("unknown escape")
        }
      default:
        if byte < 0x20 { throw failure("control character in a string") }
        buffer.append(byte)
        index += 1
      }
    }
    throw failure("unterminated string")
  }

  /// Reads the hex digits after `\u` (and a low surrogate's escape after a high one).
  private mutating func parseUnicodeEscape() throws(JSONParseError) -> Character {
    let first = try parseHex4()
    if (0xD800..<0xDC00).contains(first) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      else { throw failure("a high surrogate must be followed by a low one") }
      index += 2
      let second = try parseHex4()
      guard (0xDC00..<0xE000).contains(second) else {
        throw failure("a high surrogate must be followed by a low one")
      }
      let scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
      return Character(Unicode.Scalar(scalar)!)
    }
    guard let scalar = Unicode.Scalar(first) else { throw failure("a lone low surrogate") }
    return Character(scalar)
  }

  private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw failure("expected four hex digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("expected four hex digits")
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  private func isDigit(_ offset: Int) -> Bool {
    offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
  }

  private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard isDigit(index) else { throw failure("expected a digit") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if isDigit(index) { throw failure("a number must not start with 0") }
    } else {
      while isDigit(index) { index += 1 }
    }
    var isInteger = true
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard isDigit(index) else { throw failure("expected a digit after '.'") }
      while isDigit(index) { index += 1 }
    }
    if index < bytes.count
      && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"))
    {
      isInteger = false
      index += 1
      if index < bytes.count
        && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
      {
        index += 1
      }
      guard isDigit(index) else { throw failure("expected a digit in the exponent") }
      while isDigit(index) { index += 1 }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let integer = Int(text) { return .integer(integer) }
    guard let decimal = Self.exactDecimal(text) else {
      throw JSONParseError(offset: start, message: "number '\(text)' is out of range")
    }
    return .decimal(decimal)
  }

  /// The exact value of a JSON number's text, keeping the digits written after the point
  /// (`46.50` stays `46.50`); nil when it does not fit an `ExactDecimal`.
  private static func exactDecimal(_ text: String) -> ExactDecimal? {
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
      return ExactDecimal(text)
    }
    guard let exponent = Int(text[text.index(after: e)...]) else { return nil }
    var mantissa = String(text[..<e])
    let isNegative = mantissa.hasPrefix("-")
    if isNegative { mantissa.removeFirst() }
    var scale = 0
    if let point = mantissa.firstIndex(of: ".") {
      scale = mantissa.distance(from: point, to: mantissa.endIndex) - 1
      mantissa.remove(at: point)
    }
    guard let significand = UInt64(mantissa) else { return nil }
    return ExactDecimal(
      significand: significand, exponent: exponent - scale, isNegative: isNegative)
  }
}
