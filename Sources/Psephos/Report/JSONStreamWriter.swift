/// Writes a JSON object whose first member (by sorted key) is a long array, one element at a
/// time, so a report over thousands of documents never holds them all: `{"documents": [`,
/// each document, then `], "errors": [...], "schema": ...}`.
///
/// Elements can be serialised on worker threads (`element(_:)` is a pure function) and written
/// in input order. The output is valid JSON with sorted keys, byte-identical to
/// `JSONValue.serialized(_:)` of the whole object in `.compact` style; in `.pretty` style the
/// object always has one member per line and a non-empty streamed array one element per line,
/// even when they would fit on one.
public struct JSONStreamWriter: Sendable {
  /// The style of the whole object.
  public let style: JSONValue.Style
  /// The key of the streamed array.
  public let arrayKey: String

  /// Creates a writer for an object whose streamed array is under `arrayKey`.
  public init(style: JSONValue.Style, arrayKey: String) {
    self.style = style
    self.arrayKey = arrayKey
  }

  /// The bytes before the first element: `{"documents":[`.
  public func opening() -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.append(UInt8(ascii: "{"))
    if case .pretty = style { bytes.append(contentsOf: "\n  ".utf8) }
    JSONValue.string(arrayKey).writeCompact(to: &bytes, spaced: false)
    bytes.append(UInt8(ascii: ":"))
    if case .pretty = style { bytes.append(UInt8(ascii: " ")) }
    bytes.append(UInt8(ascii: "["))
    return bytes
  }

  /// One element, serialised; a pure function, so workers can call it in parallel. Write
  /// `separator` between elements.
  public func element(_ value: JSONValue) -> [UInt8] {
    var bytes: [UInt8] = []
    switch style {
    case .compact:
      value.writeCompact(to: &bytes, spaced: false)
    case .pretty(let width):
      bytes.append(contentsOf: "\n    ".utf8)
      value.writePretty(to: &bytes, indent: 4, column: 4, width: width)
    }
    return bytes
  }

  /// What goes between two elements.
  public var separator: [UInt8] { [UInt8(ascii: ",")] }

  /// The bytes after the last element: the array's end, the other members and the object's
  /// end (and, in `.pretty` style, a final newline). Every other key must sort after
  /// `arrayKey`, so that keys stay in order.
  public func closing(wroteElements: Bool, otherMembers: [String: JSONValue]) -> [UInt8] {
    var bytes: [UInt8] = []
    writeClosing(
      wroteElements: wroteElements, otherMembers: otherMembers.mapValues(LazyJSON.value),
      to: &bytes, flush: { _ in })
    return bytes
  }

  /// Writes what `closing(wroteElements:otherMembers:)` returns, in pieces of about
  /// `LazyJSON.flushThreshold` bytes, with members that may be too large to build whole (a
  /// corpus index).
  public func writeClosing(
    wroteElements: Bool, otherMembers: [String: LazyJSON], write: ([UInt8]) -> Void
  ) {
    var bytes: [UInt8] = []
    writeClosing(wroteElements: wroteElements, otherMembers: otherMembers, to: &bytes) {
      write($0)
      $0.removeAll(keepingCapacity: true)
    }
    write(bytes)
  }

  private func writeClosing(
    wroteElements: Bool, otherMembers: [String: LazyJSON], to bytes: inout [UInt8],
    flush: (inout [UInt8]) -> Void
  ) {
    let keys = JSONValue.sortedKeys(otherMembers)
    precondition(
      keys.allSatisfy { arrayKey.utf8.lexicographicallyPrecedes($0.utf8) },
      "every other key must sort after '\(arrayKey)'")
    switch style {
    case .compact:
      bytes.append(UInt8(ascii: "]"))
      for key in keys {
        bytes.append(UInt8(ascii: ","))
        JSONValue.string(key).writeCompact(to: &bytes, spaced: false)
        bytes.append(UInt8(ascii: ":"))
        otherMembers[key]!.write(to: &bytes, style: style, flush: flush)
      }
      bytes.append(UInt8(ascii: "}"))
    case .pretty:
      if wroteElements { bytes.append(contentsOf: "\n  ".utf8) }
      bytes.append(UInt8(ascii: "]"))
      for key in keys {
        bytes.append(contentsOf: ",\n  ".utf8)
        JSONValue.string(key).writeCompact(to: &bytes, spaced: false)
        bytes.append(contentsOf: ": ".utf8)
        let column = 2 + key.unicodeScalars.count + 4
        otherMembers[key]!.write(to: &bytes, style: style, indent: 2, column: column, flush: flush)
      }
      bytes.append(contentsOf: "\n}\n".utf8)
    }
  }
}
