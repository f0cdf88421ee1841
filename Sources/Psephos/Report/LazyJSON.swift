/// A JSON value too large to build whole, written a piece at a time: an array whose elements
/// are made only as they are written (a corpus index with an entry per entity and a posting per
/// document), or an object of such values.
///
/// Written, it gives exactly the bytes `JSONValue` gives for the whole value in the same style,
/// while holding one element at a time; the output buffer is handed to `flush` between
/// elements once it holds `flushThreshold` bytes or more.
public indirect enum LazyJSON {
  /// A value held whole.
  case value(JSONValue)
  /// An array of `count` elements, element `i` made by `element(i)` (perhaps more than once:
  /// deciding whether a short array fits on one line makes its first elements).
  case array(count: Int, element: (Int) -> JSONValue)
  /// An object; keys are written in code-point order, as `JSONValue` writes them.
  case object([String: LazyJSON])

  /// The buffer size above which writing hands the bytes to `flush`.
  public static let flushThreshold = 1 << 20

  /// Appends the value in `style` as it would appear at `column` on a line indented by
  /// `indent` (both 0 for a value of its own), calling `flush` with the buffer whenever it has
  /// grown past `flushThreshold` bytes; `flush` is expected to empty it. Unlike
  /// `JSONValue.write(to:style:)`, adds no final newline.
  public func write(
    to bytes: inout [UInt8], style: JSONValue.Style, indent: Int = 0, column: Int = 0,
    flush: (inout [UInt8]) -> Void
  ) {
    switch style {
    case .compact: writeCompact(to: &bytes, spaced: false, flush: flush)
    case .pretty(let width):
      writePretty(to: &bytes, indent: indent, column: column, width: width, flush: flush)
    }
  }

  private func writeCompact(
    to bytes: inout [UInt8], spaced: Bool, flush: (inout [UInt8]) -> Void
  ) {
    switch self {
    case .value(let value):
      value.writeCompact(to: &bytes, spaced: spaced)
    case .array(let count, let element):
      bytes.append(UInt8(ascii: "["))
      for position in 0..<count {
        if position > 0 { JSONValue.appendSeparator(to: &bytes, spaced: spaced) }
        element(position).writeCompact(to: &bytes, spaced: spaced)
        if bytes.count >= Self.flushThreshold { flush(&bytes) }
      }
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      bytes.append(UInt8(ascii: "{"))
      for (position, key) in JSONValue.sortedKeys(members).enumerated() {
        if position > 0 { JSONValue.appendSeparator(to: &bytes, spaced: spaced) }
        JSONValue.string(key).writeCompact(to: &bytes, spaced: false)
        bytes.append(UInt8(ascii: ":"))
        if spaced { bytes.append(UInt8(ascii: " ")) }
        members[key]!.writeCompact(to: &bytes, spaced: spaced, flush: flush)
      }
      bytes.append(UInt8(ascii: "}"))
    }
  }

  /// `JSONValue.writePretty`'s layout, piece by piece.
  private func writePretty(
    to bytes: inout [UInt8], indent: Int, column: Int, width: Int,
    flush: (inout [UInt8]) -> Void
  ) {
    switch self {
    case .value(let value):
      value.writePretty(to: &bytes, indent: indent, column: column, width: width)
    case .array(let count, let element):
      if count == 0 || fitsOnOneLine(width - column - 1) {
        writeCompact(to: &bytes, spaced: true, flush: flush)
        return
      }
      bytes.append(UInt8(ascii: "["))
      for position in 0..<count {
        if position > 0 { bytes.append(UInt8(ascii: ",")) }
        JSONValue.appendNewline(to: &bytes, indent: indent + 2)
        element(position).writePretty(
          to: &bytes, indent: indent + 2, column: indent + 2, width: width)
        if bytes.count >= Self.flushThreshold { flush(&bytes) }
      }
      JSONValue.appendNewline(to: &bytes, indent: indent)
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty || fitsOnOneLine(width - column - 1) {
        writeCompact(to: &bytes, spaced: true, flush: flush)
        return
      }
      bytes.append(UInt8(ascii: "{"))
      for (position, key) in JSONValue.sortedKeys(members).enumerated() {
        if position > 0 { bytes.append(UInt8(ascii: ",")) }
        JSONValue.appendNewline(to: &bytes, indent: indent + 2)
        JSONValue.string(key).writeCompact(to: &bytes, spaced: false)
        bytes.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
        let valueColumn = indent + 2 + key.unicodeScalars.count + 4
        members[key]!.writePretty(
          to: &bytes, indent: indent + 2, column: valueColumn, width: width, flush: flush)
      }
      JSONValue.appendNewline(to: &bytes, indent: indent)
      bytes.append(UInt8(ascii: "}"))
    }
  }

  /// Whether the spaced compact form takes at most `columns` code points; makes elements only
  /// until it does not.
  private func fitsOnOneLine(_ columns: Int) -> Bool {
    var remaining = columns
    return measure(&remaining)
  }

  private func measure(_ remaining: inout Int) -> Bool {
    switch self {
    case .value(let value):
      return value.measure(&remaining)
    case .array(let count, let element):
      remaining -= 2 + max(0, count - 1) * 2
      guard remaining >= 0 else { return false }
      for position in 0..<count where !element(position).measure(&remaining) { return false }
      return true
    case .object(let members):
      remaining -= 2 + max(0, members.count - 1) * 2
      guard remaining >= 0 else { return false }
      for (key, value) in members {
        remaining -= key.unicodeScalars.count + 4
        guard remaining >= 0, value.measure(&remaining) else { return false }
      }
      return true
    }
  }
}
