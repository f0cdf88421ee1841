/// Keeps runs of combining marks short, as the Stream-Safe Text Format of UAX #15 does.
///
/// Canonical reordering, in Foundation's NFC and in `String` hashing and comparison, takes
/// time quadratic in the length of a run of combining marks (scalars whose canonical combining
/// class is not 0): a 200 KB run of "Zalgo" marks took 40 s to normalise, and a dictionary
/// key made of one stalls as long. No real text has runs longer than a few marks, so every
/// reader of untrusted text (ingest, JSONL, CSV fields) puts U+034F COMBINING GRAPHEME JOINER
/// (a mark of class 0, invisible) before the 31st mark in a row and every 30 marks after: every
/// mark stays in place and the work stays linear.
enum CombiningMarks {
  /// The most combining marks kept in a row.
  static let maximumRun = 30

  /// Breaks runs of more than `maximumRun` marks in UTF-8 `bytes` with U+034F; returns how
  /// many joiners it inserted.
  ///
  /// With `jsonEscapes`, the bytes are a JSON text: marks written as `\u` escapes (a surrogate
  /// pair as one) count too, and the joiner is inserted as `\u034F`. Malformed UTF-8 is
  /// skipped a byte at a time and never counts as a mark.
  ///
  /// Complexity: O(n), 8 ASCII bytes at a time outside JSON; no copy unless a run is too long.
  @discardableResult
  static func breakLongRuns(_ bytes: inout [UInt8], jsonEscapes: Bool = false) -> Int {
    guard let firstTooLong = firstTooLong(in: bytes, jsonEscapes: jsonEscapes) else { return 0 }
    let joiner: [UInt8] = jsonEscapes ? Array("\\u034F".utf8) : [0xCD, 0x8F]
    var out = Array(bytes[..<firstTooLong])
    out.reserveCapacity(bytes.count + bytes.count / 64)
    var inserted = 0
    var run = 0
    var index = firstTooLong
    while index < bytes.count {
      let (isMark, length) = mark(in: bytes, at: index, jsonEscapes: jsonEscapes)
      if isMark {
        if run == maximumRun || index == firstTooLong {
          out.append(contentsOf: joiner)
          inserted += 1
          run = 0
        }
        run += 1
      } else {
        run = 0
      }
      out.append(contentsOf: bytes[index..<(index + length)])
      index += length
    }
    bytes = out
    return inserted
  }

  /// The offset of the first mark beyond `maximumRun` in a row, or nil.
  private static func firstTooLong(in bytes: [UInt8], jsonEscapes: Bool) -> Int? {
    bytes.withUnsafeBytes { raw in
      var run = 0
      var index = 0
      while index < bytes.count {
        if !jsonEscapes, index + 8 <= bytes.count,
          raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          run = 0
          index += 8
          continue
        }
        let (isMark, length) = mark(in: bytes, at: index, jsonEscapes: jsonEscapes)
        run = isMark ? run + 1 : 0
        if run > maximumRun { return index }
        index += length
      }
      return nil
    }
  }

  /// Whether the scalar at `index` is a combining mark, and its length in bytes.
  private static func mark(in bytes: [UInt8], at index: Int, jsonEscapes: Bool) -> (Bool, Int) {
    let lead = bytes[index]
    if jsonEscapes, lead == UInt8(ascii: "\\") {
      guard let unit = escapedUnit(in: bytes, at: index) else {
        return (false, min(2, bytes.count - index))  // Another escape, such as `\\` or `\"`.
      }
      var value = UInt32(unit)
      var length = 6
      if (0xD800..<0xDC00).contains(unit), let low = escapedUnit(in: bytes, at: index + 6),
        (0xDC00..<0xE000).contains(low)
      {
        value = 0x10000 + (UInt32(unit) - 0xD800) << 10 + (UInt32(low) - 0xDC00)
        length = 12
      }
      return (isMark(value), length)
    }
    if lead < 0xC2 || lead > 0xF4 { return (false, 1) }  // ASCII, or not a lead byte.
    let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    guard index + length <= bytes.count else { return (false, 1) }
    var value = UInt32(lead) & (0x7F >> UInt32(length))
    for offset in 1..<length {
      let next = bytes[index + offset]
      guard next & 0xC0 == 0x80 else { return (false, 1) }
      value = value << 6 | UInt32(next & 0x3F)
    }
    return (isMark(value), length)
  }

  /// Whether scalar `value` has a canonical combining class other than 0 (none below U+0300).
  private static func isMark(_ value: UInt32) -> Bool {
    guard value >= 0x300, let scalar = Unicode.Scalar(value) else { return false }
    return scalar.properties.canonicalCombiningClass.rawValue != 0
  }

  /// The code unit of a JSON `\uXXXX` escape at `index`, if there is one.
  private static func escapedUnit(in bytes: [UInt8], at index: Int) -> UInt16? {
    guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
      bytes[index + 1] == UInt8(ascii: "u")
    else { return nil }
    var unit: UInt16 = 0
    for byte in bytes[(index + 2)..<(index + 6)] {
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      unit = unit << 4 | UInt16(digit)
    }
    return unit
  }
}
