/// Renders tokenized documents for `psephos tokens`: a table for reading, JSON for scripts.
///
/// Offsets are Unicode code points, end exclusive (the JSON contract), whatever the format.
public struct TokenReportWriter: Sendable {
  /// The `schema` value of the JSON report.
  public static let schema = "psephos-tokens/1"

  /// Creates a writer.
  public init() {}

  /// One document as JSON: the document members (`id`, `path`, `sha256`, `metadata`,
  /// `findings`), `tokens[]` (`start`, `end`, `text`, `kind`, `flags[]`), and `sentences[]` and
  /// `paragraphs[]` (`start`, `end`).
  ///
  /// Complexity: O(tokens + bytes of token text).
  public func json(_ document: Document, _ tokenized: TokenizedText) -> JSONValue {
    let text = document.text
    var members = document.jsonMembers
    members["tokens"] = .array(
      tokenized.tokens.map { token in
        var tokenMembers = token.range.json(in: text)
        tokenMembers["kind"] = .string(token.kind.name)
        tokenMembers["flags"] = .array(token.flags.names.map(JSONValue.string))
        return .object(tokenMembers)
      })
    members["sentences"] = .array(tokenized.sentences.map { Self.segmentJSON($0, in: text) })
    members["paragraphs"] = .array(tokenized.paragraphs.map { Self.segmentJSON($0, in: text) })
    return .object(members)
  }

  /// One document as table rows, with a header line: document id, token index, kind, start and
  /// end (code points), the text with line breaks, tabs and other control characters made
  /// visible, and the flags. Columns are as wide as this document needs.
  ///
  /// Complexity: O(tokens + bytes of token text).
  public func table(_ document: Document, _ tokenized: TokenizedText) -> String {
    let text = document.text
    let header = ["document", "index", "kind", "start", "end", "text", "flags"]
    var rows: [[String]] = []
    rows.reserveCapacity(tokenized.tokens.count)
    for (index, token) in tokenized.tokens.enumerated() {
      let codePoints = text.codePointRange(token.range)
      rows.append([
        document.id, String(index), token.kind.name, String(codePoints.lowerBound),
        String(codePoints.upperBound), Self.visible(text.string(token.range)),
        token.flags.names.joined(separator: ","),
      ])
    }
    let rightAligned: Set<Int> = [1, 3, 4]
    var widths = header.map { $0.unicodeScalars.count }
    for row in rows {
      for (column, cell) in row.enumerated() {
        widths[column] = max(widths[column], cell.unicodeScalars.count)
      }
    }
    // Long token texts (URLs) should not push every row's flags off the screen.
    widths[5] = min(widths[5], 24)

    var output = ""
    for row in [header] + rows {
      var line = ""
      for (column, cell) in row.enumerated() {
        if column > 0 { line += "  " }
        let padding = String(
          repeating: " ", count: max(0, widths[column] - cell.unicodeScalars.count))
        if rightAligned.contains(column) {
          line += padding + cell
        } else if column == row.count - 1 {
          line += cell
        } else {
          line += cell + padding
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      output += line + "\n"
    }
    return output
  }

  /// A string with `\`, line breaks, tabs and other control characters escaped (`\n`, `\t`,
  /// `\r`, `\\`, `\u{1B}`), so a table cell is one line and shows what the text holds.
  public static func visible(_ string: String) -> String {
    var result = ""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func segmentJSON(_ segment: Segment, in text: SourceText) -> JSONValue {
    let codePoints = text.codePointRange(segment.range)
    return ["start": .integer(codePoints.lowerBound), "end": .integer(codePoints.upperBound)]
  }
}
