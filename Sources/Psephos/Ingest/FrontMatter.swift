/// A leading `---` block of `key: value` lines in a text or Markdown file.
///
/// ```
/// ---
/// title: "Labour's London"
/// author: Alex Crowley
/// date: 2016-05-06
/// ---
/// The body starts here.
/// ```
///
/// Decision: the block is metadata, not article text. It is removed and the document's text is
/// the body alone (blank lines right after the closing fence dropped too), so every offset
/// refers to the body. A note finding says how many lines were read.
///
/// Rules, kept strict so that an article that merely starts with a rule line is left alone:
/// the first line is exactly `---`; the block ends at a line `---` or `...` within 200 lines;
/// every line in between is blank, a `# comment`, an indented or `- ` continuation (ignored;
/// YAML lists are not interpreted) or `key: value` with a key of letters, digits, `_`, `-`, `.`.
/// Anything else means there is no front matter. Keys are case-insensitive: `title`, `author`,
/// `date`, `publication` (or `source`, `site`, `publisher`), `url` (or `link`); any other key
/// goes to `extra`. A value in matching single or double quotes loses them; empty values are
/// ignored.
enum FrontMatter {
  /// Front matter found at the start of a text.
  struct Parsed: Equatable {
    /// The fields it set.
    var metadata: Metadata
    /// Where the body starts, in bytes.
    var bodyStart: Int
    /// How many lines the block had, fences included.
    var lines: Int
  }

  private static let maximumLines = 200

  /// Parses the front matter at the start of LF-normalised text, or returns nil when there is
  /// none. Complexity: O(size of the block).
  static func parse(_ text: [UInt8]) -> Parsed? {
    guard text.starts(with: Array("---\n".utf8)) else { return nil }
    var metadata = Metadata()
    var lineStart = 4
    var lineCount = 1
    while lineStart < text.count, lineCount <= maximumLines {
      let lineEnd = text[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
      let line = trimmed(text[lineStart..<lineEnd])
      lineCount += 1
      let next = min(lineEnd + 1, text.count)
      if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
        var bodyStart = next
        while bodyStart < text.count && text[bodyStart] == UInt8(ascii: "\n") { bodyStart += 1 }
        return Parsed(metadata: metadata, bodyStart: bodyStart, lines: lineCount)
      }
      let first = text[lineStart..<lineEnd].first
      if line.isEmpty || line.first == UInt8(ascii: "#") || first == UInt8(ascii: " ")
        || first == UInt8(ascii: "\t") || line.starts(with: Array("- ".utf8))
      {
        lineStart = next
        continue
      }
      guard let (key, value) = field(line) else { return nil }
      if !value.isEmpty { set(key, value, in: &metadata) }
      lineStart = next
    }
    return nil
  }

  /// Splits `key: value`, or nil when the line is not one.
  private static func field(_ line: ArraySlice<UInt8>) -> (String, String)? {
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
      return nil
    }
    let key = line[line.startIndex..<colon]
    let isKey = key.allSatisfy { byte in
      let lower = byte | 0x20
      return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
    let afterColon = colon + 1
    guard isKey, afterColon == line.endIndex || line[afterColon] == UInt8(ascii: " ") else {
      return nil
    }
    var value = trimmed(line[afterColon...])
    if value.count >= 2, let quote = value.first,
      quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"), value.last == quote
    {
      value = value.dropFirst().dropLast()
    }
    return (
      String(decoding: key, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self)
    )
  }

  private static func set(_ key: String, _ value: String, in metadata: inout Metadata) {
    switch key {
    case "title": metadata.title = value
    case "author": metadata.author = value
    case "date": metadata.date = value
    case "publication", "source", "site", "publisher": metadata.publication = value
    case "url", "link": metadata.url = value
    default: metadata.extra[key] = value
    }
  }

  private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var slice = bytes
    while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
    while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
    return slice
  }
}
