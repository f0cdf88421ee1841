/// Escapes text for HTML and SVG: the one way any text reaches a page, so nothing an article
/// says can become markup.
///
/// `&`, `<`, `>`, `"` and `'` become character references, which makes the result safe both
/// as element content and inside a double- or single-quoted attribute value. Control
/// characters other than tab and line feed, which HTML does not allow in text, become U+FFFD.
enum HTMLEscaping {
  /// Appends `text`, escaped, to `html`.
  ///
  /// Works on UTF-8 bytes, not `Character`s, so an ASCII `<` that a combining mark joins into
  /// one grapheme with what follows is still escaped.
  ///
  /// Complexity: O(n) in the UTF-8 length of `text`.
  static func append(_ text: some StringProtocol, to html: inout String) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
      case UInt8(ascii: "\t"), UInt8(ascii: "\n"): bytes.append(byte)
      case 0x00..<0x20, 0x7F: bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
      default: bytes.append(byte)
      }
    }
    html += String(decoding: bytes, as: UTF8.self)
  }

  /// `text`, escaped.
  static func escape(_ text: some StringProtocol) -> String {
    var html = ""
    append(text, to: &html)
    return html
  }
}
