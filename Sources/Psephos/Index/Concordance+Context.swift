extension Concordance {
  /// Up to `width` code points before `offset`, whitespace runs shown as one space.
  ///
  /// Complexity: O(width) scalars, plus the whitespace skipped.
  func context(in bytes: [UInt8], before offset: Int) -> String {
    var pieces: [ArraySlice<UInt8>] = []
    var count = 0
    var lastWasSpace = false
    var end = offset
    while end > 0, count < width {
      var start = end - 1
      while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
      if Self.isSpace(bytes[...], start) {
        if !lastWasSpace {
          pieces.append([UInt8(ascii: " ")][...])
          count += 1
        }
        lastWasSpace = true
      } else {
        pieces.append(bytes[start..<end])
        count += 1
        lastWasSpace = false
      }
      end = start
    }
    return String(decoding: pieces.reversed().joined(), as: UTF8.self)
  }

  /// Up to `width` code points after `offset`, whitespace runs shown as one space.
  ///
  /// Complexity: O(width) scalars, plus the whitespace skipped.
  func context(in bytes: [UInt8], after offset: Int) -> String {
    Self.collapsingWhitespace(bytes[offset...], limit: width)
  }

  /// The bytes as a string with each whitespace run shown as one space, cut after `limit` code
  /// points.
  static func collapsingWhitespace(_ bytes: ArraySlice<UInt8>, limit: Int = .max) -> String {
    var output: [UInt8] = []
    var count = 0
    var lastWasSpace = false
    var index = bytes.startIndex
    while index < bytes.endIndex, count < limit {
      var next = index + 1
      while next < bytes.endIndex, bytes[next] & 0xC0 == 0x80 { next += 1 }
      if isSpace(bytes, index) {
        if !lastWasSpace {
          output.append(UInt8(ascii: " "))
          count += 1
        }
        lastWasSpace = true
      } else {
        output.append(contentsOf: bytes[index..<next])
        count += 1
        lastWasSpace = false
      }
      index = next
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Whether the scalar starting at `index` is whitespace: ASCII space, tab, line feed, vertical
  /// tab, form feed, carriage return, or U+00A0 no-break space.
  private static func isSpace(_ bytes: ArraySlice<UInt8>, _ index: Int) -> Bool {
    switch bytes[index] {
    case 0x20, 0x09...0x0D: true
    case 0xC2: index + 1 < bytes.endIndex && bytes[index + 1] == 0xA0
    default: false
    }
  }
}
