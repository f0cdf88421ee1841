/// The Windows-1252 code page, the usual encoding of "not UTF-8" English text.
///
/// Bytes 0x00–0x7F and 0xA0–0xFF are the same code points as Latin-1; 0x80–0x9F are the
/// typographic characters Word and old CMSs wrote (’ “ ” – — € …). The five bytes Windows leaves
/// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as the
/// WHATWG Encoding Standard does, so no byte is ever lost.
enum Windows1252 {
  /// The code points of bytes 0x80 through 0x9F.
  static let high: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80–87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88–8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90–97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98–9F
  ]

  /// The code point of one byte.
  static func scalar(_ byte: UInt8) -> UInt32 {
    if byte >= 0x80 && byte <= 0x9F { return high[Int(byte - 0x80)] }
    return UInt32(byte)
  }

  /// Decodes Windows-1252 bytes to UTF-8. Complexity: O(n).
  static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 4)
    for byte in bytes {
      if byte < 0x80 {
        out.append(byte)
      } else {
        UTF8.appendEncoded(scalar(byte), to: &out)
      }
    }
    return out
  }
}

extension UTF8 {
  /// Appends the UTF-8 encoding of a valid scalar value (U+FFFD for an invalid one).
  static func appendEncoded(_ value: UInt32, to out: inout [UInt8]) {
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    let v = scalar.value
    switch v {
    case 0..<0x80:
      out.append(UInt8(v))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | (v >> 6)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | (v >> 12)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (v >> 18)))
      out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    }
  }
}
