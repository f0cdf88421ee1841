/// Extracts the readable text of an HTML page and the metadata in its head.
///
/// A single forward pass over UTF-8 bytes with a handful of counters: no regex, no DOM, no
/// recursion, so malformed or absurdly nested markup costs O(n) and cannot overflow the stack.
///
/// - Dropped: tags, comments, `<!DOCTYPE>`, processing instructions; the content of `<script>`,
///   `<style>`, `<noscript>`, `<iframe>`, `<textarea>` (raw text, skipped to the closing tag) and
///   of `<template>`, `<svg>`, `<math>`, `<object>`, `<canvas>`, `<audio>`, `<video>`, `<select>`;
///   everything in `<head>` except `<title>`, `<meta>` and `<link rel="canonical">`.
/// - Kept: text, with entities decoded (named ones from `HTMLEntities`, decimal and hex numeric
///   ones; `&#146;`-style references to 0x80–0x9F read as Windows-1252, as browsers do; an
///   unknown entity stays as written). Runs of whitespace become one space; block elements
///   (`p`, `div`, `br`, `h1`–`h6`, `li`, `tr`, `blockquote`, `article`, `section`, ...) separate
///   paragraphs with a blank line; `<pre>` keeps its whitespace.
/// - Metadata: title from `og:title`, else `twitter:title`, else `<title>`; author from
///   `<meta name="author">`, else `article:author` (unless it is a URL); date from
///   `article:published_time`, else `date`, `dc.date`, `dcterms.date`,
///   `citation_publication_date` (cut to `YYYY-MM-DD`, the full value kept in
///   `extra["published_time"]`); publication from `og:site_name`; URL from
///   `<link rel="canonical">`, else `og:url`, if it is an `http(s)://` address; `description`
///   and `keywords` into `extra`.
/// - Hostile markup never reaches the text: scripts are raw text and dropped, attributes
///   (event handlers such as `onclick`, `href="javascript:..."`) are never text.
///
/// Offsets in later stages refer to the extracted text, not to the HTML.
struct HTMLTextExtractor {
  /// The text and metadata of a page.
  struct Extracted {
    /// UTF-8 text, paragraphs separated by a blank line, no leading or trailing whitespace.
    var text: [UInt8]
    /// What the head said.
    var metadata: Metadata
  }

  /// Extracts text and metadata from HTML already decoded to UTF-8.
  ///
  /// Complexity: O(n) in the length of the HTML.
  static func extract(_ html: [UInt8]) -> Extracted {
    var extractor = HTMLTextExtractor(html: html)
    extractor.run()
    return Extracted(text: extractor.out, metadata: extractor.metadata())
  }

  private let html: [UInt8]
  private var index = 0
  private var out: [UInt8] = []
  private var pendingSpace = false
  private var pendingBreak = false
  private var inHead = false
  private var sawBody = false
  /// How many of each hidden container are open; `hidden` is their sum.
  private var open: [String: Int] = [:]
  private var hidden = 0
  private var preDepth = 0
  private var title: String?
  private var canonicalURL: String?
  /// `<meta>` values by lower-cased `name` or `property`; the first one wins.
  private var meta: [String: String] = [:]

  private init(html: [UInt8]) {
    self.html = html
    out.reserveCapacity(html.count / 2)
  }

  // Byte constants.
  private static let lessThan = UInt8(ascii: "<")
  private static let greaterThan = UInt8(ascii: ">")
  private static let slash = UInt8(ascii: "/")
  private static let ampersand = UInt8(ascii: "&")
  private static let newline = UInt8(ascii: "\n")
  private static let space = UInt8(ascii: " ")

  /// Elements whose content is raw text: skipped up to the matching end tag.
  private static let rawText: Set<String> = [
    "script", "style", "noscript", "iframe", "textarea", "xmp", "noembed", "noframes",
  ]
  /// Elements parsed as usual but whose content is not shown.
  private static let hiddenContainers: Set<String> = [
    "template", "svg", "math", "object", "canvas", "audio", "video", "select",
  ]
  /// Elements that start and end a paragraph.
  private static let blocks: Set<String> = [
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
  ]
  /// Elements that only separate words.
  private static let cells: Set<String> = ["td", "th"]

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0C || byte == 0x0D
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  // MARK: - The main loop

  private mutating func run() {
    let count = html.count
    while index < count {
      let byte = html[index]
      if byte == Self.lessThan {
        markup()
      } else if byte == Self.ampersand {
        if let (scalar, length) = entity(at: index, limit: count) {
          index += length
          if scalar < 0x80 {
            text(UInt8(scalar))
          } else if visible(nonSpace: true) {
            flushPending()
            UTF8.appendEncoded(scalar, to: &out)
          }
        } else {
          text(byte)
          index += 1
        }
      } else {
        text(byte)
        index += 1
      }
    }
  }

  /// Whether text is shown here; non-space text in the head ends the head, as in browsers.
  private mutating func visible(nonSpace: Bool) -> Bool {
    if hidden > 0 { return false }
    if inHead {
      guard nonSpace else { return false }
      inHead = false
    }
    return true
  }

  /// Emits one byte of text, collapsing whitespace outside `<pre>`.
  private mutating func text(_ byte: UInt8) {
    let isSpace = Self.isSpace(byte)
    guard visible(nonSpace: !isSpace) else { return }
    if isSpace {
      if preDepth > 0 {
        flushPending()
        out.append(byte == 0x0D ? Self.newline : byte)
      } else {
        pendingSpace = true
      }
      return
    }
    flushPending()
    out.append(byte)
  }

  /// Writes the pending separator before new text: a blank line or a space, never leading.
  private mutating func flushPending() {
    defer {
      pendingBreak = false
      pendingSpace = false
    }
    guard let last = out.last else { return }
    if pendingBreak {
      while let last = out.last, Self.isSpace(last) { out.removeLast() }
      out.append(Self.newline)
      out.append(Self.newline)
    } else if pendingSpace && last != Self.space && last != Self.newline {
      out.append(Self.space)
    }
  }

  // MARK: - Markup

  private mutating func markup() {
    let count = html.count
    let next = index + 1 < count ? html[index + 1] : 0
    switch next {
    case UInt8(ascii: "!"):
      if html[index...].starts(with: Array("<!--".utf8)) {
        // `<!-->` and `<!--->` are empty comments; otherwise skip to `-->`.
        var search = index + 4
        if search < count && html[search] == Self.greaterThan {
          index = search + 1
          return
        }
        if search + 1 < count && html[search] == UInt8(ascii: "-")
          && html[search + 1] == Self.greaterThan
        {
          index = search + 2
          return
        }
        while search + 2 < count {
          if html[search] == UInt8(ascii: "-") && html[search + 1] == UInt8(ascii: "-")
            && html[search + 2] == Self.greaterThan
          {
            index = search + 3
            return
          }
          search += 1
        }
        index = count
      } else {
        skipPast(Self.greaterThan)
      }
    case UInt8(ascii: "?"):
      skipPast(Self.greaterThan)
    case Self.slash:
      let after = index + 2 < count ? html[index + 2] : 0
      if Self.isLetter(after) {
        endTag()
      } else if after == Self.greaterThan {
        index += 3
      } else if index + 2 >= count {
        text(Self.lessThan)
        index += 1
      } else {
        skipPast(Self.greaterThan)
      }
    default:
      if Self.isLetter(next) {
        startTag()
      } else {
        text(Self.lessThan)
        index += 1
      }
    }
  }

  /// Moves `index` past the next `byte`, or to the end.
  private mutating func skipPast(_ byte: UInt8) {
    if let found = html[index...].firstIndex(of: byte) {
      index = found + 1
    } else {
      index = html.count
    }
  }

  /// The end of a tag name starting at `start`.
  private func tagNameEnd(from start: Int) -> Int {
    var end = start
    while end < html.count {
      let byte = html[end]
      if Self.isSpace(byte) || byte == Self.slash || byte == Self.greaterThan { break }
      end += 1
    }
    return end
  }

  private mutating func startTag() {
    let count = html.count
    let nameEnd = tagNameEnd(from: index + 1)
    let name = Self.lowercased(html[(index + 1)..<nameEnd])
    let wantsAttributes = name == "meta" || name == "link"
    var attributes: [String: String] = [:]
    var selfClosing = false
    var cursor = nameEnd
    attributes: while cursor < count {
      let byte = html[cursor]
      if byte == Self.greaterThan {
        cursor += 1
        break attributes
      }
      if Self.isSpace(byte) {
        cursor += 1
        continue
      }
      if byte == Self.slash {
        selfClosing = cursor + 1 < count && html[cursor + 1] == Self.greaterThan
        cursor += 1
        continue
      }
      // An attribute name (a leading `=` belongs to it, as in browsers), then maybe a value.
      let attributeStart = cursor
      cursor += 1
      while cursor < count {
        let byte = html[cursor]
        if Self.isSpace(byte) || byte == Self.slash || byte == Self.greaterThan
          || byte == UInt8(ascii: "=")
        {
          break
        }
        cursor += 1
      }
      let attributeName = html[attributeStart..<cursor]
      while cursor < count && Self.isSpace(html[cursor]) { cursor += 1 }
      var value = cursor..<cursor
      if cursor < count && html[cursor] == UInt8(ascii: "=") {
        cursor += 1
        while cursor < count && Self.isSpace(html[cursor]) { cursor += 1 }
        if cursor < count
          && (html[cursor] == UInt8(ascii: "\"") || html[cursor] == UInt8(ascii: "'"))
        {
          let quote = html[cursor]
          cursor += 1
          let start = cursor
          while cursor < count && html[cursor] != quote { cursor += 1 }
          value = start..<cursor
          if cursor < count { cursor += 1 }
        } else {
          let start = cursor
          while cursor < count && !Self.isSpace(html[cursor]) && html[cursor] != Self.greaterThan {
            cursor += 1
          }
          value = start..<cursor
        }
      }
      if wantsAttributes {
        let key = Self.lowercased(attributeName)
        if attributes[key] == nil { attributes[key] = cleanText(value) }
      }
    }
    index = cursor
    handleStart(name, attributes: attributes, selfClosing: selfClosing)
  }

  private mutating func handleStart(
    _ name: String, attributes: [String: String], selfClosing: Bool
  ) {
    switch name {
    case _ where Self.rawText.contains(name):
      _ = skipRawText(closing: name)
      return
    case "title":
      let content = skipRawText(closing: name)
      if title == nil && hidden == 0 {
        let cleaned = cleanText(content)
        if !cleaned.isEmpty { title = cleaned }
      }
      return
    case "head":
      if !sawBody { inHead = true }
      return
    case "body":
      inHead = false
      sawBody = true
      return
    case "meta":
      let key = attributes["name"] ?? attributes["property"] ?? attributes["itemprop"]
      if let key, let content = attributes["content"], !content.isEmpty {
        let folded = key.lowercased()
        if meta[folded] == nil { meta[folded] = content }
      }
      return
    case "link":
      let relations = (attributes["rel"] ?? "").lowercased().split(separator: " ")
      if relations.contains("canonical"), let href = attributes["href"], Self.isWebAddress(href),
        canonicalURL == nil
      {
        canonicalURL = href
      }
      return
    case "html", "base":
      return
    default:
      break
    }
    // Any other element ends an implicit head, as in browsers.
    inHead = false
    if Self.hiddenContainers.contains(name) && !selfClosing {
      open[name, default: 0] += 1
      hidden += 1
    }
    if Self.blocks.contains(name) {
      pendingBreak = true
    } else if Self.cells.contains(name) {
      pendingSpace = true
    }
    if name == "pre" && !selfClosing {
      preDepth += 1
      // A newline right after `<pre>` is not content.
      if index < html.count && html[index] == Self.newline { index += 1 }
    }
  }

  private mutating func endTag() {
    let nameEnd = tagNameEnd(from: index + 2)
    let name = Self.lowercased(html[(index + 2)..<nameEnd])
    index = nameEnd
    skipPast(Self.greaterThan)
    switch name {
    case "head":
      inHead = false
    case "body", "html":
      break
    default:
      if let depth = open[name], depth > 0 {
        open[name] = depth - 1
        hidden -= 1
      }
      if name == "pre" && preDepth > 0 { preDepth -= 1 }
      if Self.blocks.contains(name) {
        pendingBreak = true
      } else if Self.cells.contains(name) {
        pendingSpace = true
      }
    }
  }

  /// Skips raw text up to and past `</name ...>` (case-insensitive); returns the content.
  private mutating func skipRawText(closing name: String) -> Range<Int> {
    let count = html.count
    let nameBytes = Array(name.utf8)
    let start = index
    var search = index
    while search + 1 < count {
      if html[search] == Self.lessThan && html[search + 1] == Self.slash {
        let nameStart = search + 2
        let nameEnd = nameStart + nameBytes.count
        if nameEnd <= count {
          var matches = true
          for offset in 0..<nameBytes.count
          where html[nameStart + offset] | 0x20 != nameBytes[offset] {
            matches = false
            break
          }
          if matches
            && (nameEnd == count || Self.isSpace(html[nameEnd]) || html[nameEnd] == Self.slash
              || html[nameEnd] == Self.greaterThan)
          {
            index = nameEnd
            skipPast(Self.greaterThan)
            return start..<search
          }
        }
      }
      search += 1
    }
    index = count
    return start..<count
  }

  // MARK: - Entities

  /// The code point and length of the character reference at `start`, or nil when there is
  /// none (an unknown name, no `;` after a name): the `&` is then text.
  private func entity(at start: Int, limit: Int) -> (UInt32, Int)? {
    var cursor = start + 1
    guard cursor < limit else { return nil }
    if html[cursor] == UInt8(ascii: "#") {
      cursor += 1
      let isHex = cursor < limit && html[cursor] | 0x20 == UInt8(ascii: "x")
      if isHex { cursor += 1 }
      var value: UInt32 = 0
      var digits = 0
      while cursor < limit {
        let byte = html[cursor]
        let digit: UInt32
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where isHex:
          digit = UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where isHex:
          digit = UInt32(byte - UInt8(ascii: "A") + 10)
        default: digit = 99
        }
        if digit == 99 { break }
        if value <= 0x10FFFF { value = value * (isHex ? 16 : 10) + digit }
        digits += 1
        cursor += 1
      }
      guard digits > 0 else { return nil }
      if cursor < limit && html[cursor] == UInt8(ascii: ";") { cursor += 1 }
      switch value {
      case 0, 0xD800...0xDFFF, 0x110000...: value = 0xFFFD
      case 0x80...0x9F: value = Windows1252.scalar(UInt8(value))
      default: break
      }
      return (value, cursor - start)
    }
    let nameStart = cursor
    while cursor < limit && cursor - nameStart < HTMLEntities.longestName
      && Self.isAlphanumeric(html[cursor])
    {
      cursor += 1
    }
    guard cursor > nameStart, cursor < limit, html[cursor] == UInt8(ascii: ";"),
      let value = HTMLEntities.codePoints[String(decoding: html[nameStart..<cursor], as: UTF8.self)]
    else { return nil }
    return (value, cursor + 1 - start)
  }

  /// A range of HTML as one line of plain text: entities decoded, whitespace collapsed, trimmed.
  private func cleanText(_ range: Range<Int>) -> String {
    var bytes: [UInt8] = []
    var space = false
    var cursor = range.lowerBound
    func append(_ scalar: UInt32) {
      if scalar < 0x80 && Self.isSpace(UInt8(scalar)) {
        space = true
        return
      }
      if space && !bytes.isEmpty { bytes.append(Self.space) }
      space = false
      UTF8.appendEncoded(scalar, to: &bytes)
    }
    while cursor < range.upperBound {
      let byte = html[cursor]
      if byte == Self.ampersand, let (scalar, length) = entity(at: cursor, limit: range.upperBound)
      {
        append(scalar)
        cursor += length
      } else if byte < 0x80 {
        append(UInt32(byte))
        cursor += 1
      } else {
        if space && !bytes.isEmpty { bytes.append(Self.space) }
        space = false
        bytes.append(byte)
        cursor += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  // MARK: - Metadata

  /// Whether a URL from the page is an `http:` or `https:` address; a `javascript:` or `data:`
  /// URL (or anything else) never becomes the document's URL, which reports may link to.
  private static func isWebAddress(_ url: String) -> Bool {
    let lower = url.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
  }

  private func metadata() -> Metadata {
    var result = Metadata()
    result.title = meta["og:title"] ?? meta["twitter:title"] ?? title
    if let author = meta["author"] {
      result.author = author
    } else if let author = meta["article:author"], !author.hasPrefix("http") {
      result.author = author
    }
    let dateKeys = [
      "article:published_time", "date", "dc.date", "dcterms.date", "citation_publication_date",
    ]
    if let date = dateKeys.lazy.compactMap({ meta[$0] }).first {
      let day = date.prefix(10)
      let isDay =
        day.count == 10
        && day.utf8.enumerated().allSatisfy { offset, byte in
          offset == 4 || offset == 7
            ? byte == UInt8(ascii: "-") : byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
      if isDay && date.count > 10 {
        result.date = String(day)
        result.extra["published_time"] = date
      } else {
        result.date = date
      }
    }
    result.publication = meta["og:site_name"]
    result.url = canonicalURL ?? meta["og:url"].flatMap { Self.isWebAddress($0) ? $0 : nil }
    if let description = meta["description"] ?? meta["og:description"] {
      result.extra["description"] = description
    }
    if let keywords = meta["keywords"] ?? meta["news_keywords"] {
      result.extra["keywords"] = keywords
    }
    return result
  }
}
