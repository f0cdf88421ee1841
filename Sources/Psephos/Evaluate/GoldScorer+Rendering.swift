import Foundation

extension GoldScorer.Report {
  /// The text score.py prints (without `--json`), ending in a line break.
  public func text() -> String {
    let what = options.figures ? "figures (type = kind)" : "entities"
    let scope =
      options.all || options.figures
      ? "all types incl. ORG/metonymy" : "PERSON/PARTY/PLACE/PLACE_ADJ; ORG and metonymy ignored"
    let optional =
      options.countOptional ? "optional gold counted" : "optional gold = don't care"
    var tables = documents.map { $0.text() }
    if let total { tables.append(total.text()) }
    return "# scoring \(what); \(scope); \(optional)\n" + tables.joined(separator: "\n\n") + "\n"
  }

  /// The JSON score.py prints with `--json` (`json.dumps(results, indent=1)`), ending in a
  /// line break.
  public func json() -> String {
    var tables = documents
    if let total { tables.append(total) }
    var out = "{"
    for (index, table) in tables.enumerated() {
      out += index == 0 ? "\n" : ",\n"
      let name = documents.indices.contains(index) ? table.title : "ALL"
      out += " " + Self.jsonString(name) + ": {"
      for (rowIndex, row) in table.rows.enumerated() {
        out += rowIndex == 0 ? "\n" : ",\n"
        out += "  " + Self.jsonString(row.type) + ": {"
        for (modeIndex, mode) in GoldScorer.Mode.allCases.enumerated() {
          let score = row.scores[mode]!
          out += modeIndex == 0 ? "\n" : ",\n"
          out += "   \"\(mode.rawValue)\": {\n"
          out += "    \"tp\": \(score.tp),\n"
          out += "    \"gold\": \(score.gold),\n"
          out += "    \"pred\": \(score.pred),\n"
          out += "    \"precision\": \(Self.pythonFloat(score.precision)),\n"
          out += "    \"recall\": \(Self.pythonFloat(score.recall)),\n"
          out += "    \"f1\": \(Self.pythonFloat(score.f1))\n"
          out += "   }"
        }
        out += "\n  }"
      }
      out += table.rows.isEmpty ? "}" : "\n }"
    }
    out += tables.isEmpty ? "}" : "\n}"
    return out + "\n"
  }

  /// Python's `repr(float)`: the shortest round-trip digits, as Swift's description gives.
  static func pythonFloat(_ value: Double) -> String {
    var text = "\(value)"
    if text.contains("e") {
      // Swift: "1e-05"; Python: "1e-05". Swift: "1.5e-05"; Python: "1.5e-05". Same form.
      return text
    }
    if !text.contains(".") { text += ".0" }
    return text
  }

  /// A JSON string as Python's json.dumps writes it (ASCII only).
  static func jsonString(_ string: String) -> String {
    var out = "\""
    for unit in string.utf16 {
      switch unit {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x09: out += "\\t"
      case 0x08: out += "\\b"
      case 0x0C: out += "\\f"
      case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(unit)!)
      default: out += String(format: "\\u%04x", unit)
      }
    }
    return out + "\""
  }
}

extension GoldScorer.Table {
  /// One table as score.py's `table()` renders it.
  public func text() -> String {
    var lines = ["== \(title)"]
    lines.append(
      Self.left("type", 10) + " " + Self.right("gold", 5) + " " + Self.right("pred", 5) + " | "
        + Self.right("strict P", 8) + " " + Self.right("R", 6) + " " + Self.right("F1", 6) + " | "
        + Self.right("lenient P", 9) + " " + Self.right("R", 6) + " " + Self.right("F1", 6))
    for row in rows {
      let strict = row.scores[.strict]!
      let lenient = row.scores[.lenient]!
      let predColumn =
        strict.pred == lenient.pred ? "\(strict.pred)" : "\(strict.pred)/\(lenient.pred)"
      lines.append(
        Self.left(row.type, 10) + " " + Self.right("\(strict.gold)", 5) + " "
          + Self.right(predColumn, 5) + " | " + Self.right(Self.fixed(strict.precision), 8) + " "
          + Self.right(Self.fixed(strict.recall), 6) + " " + Self.right(Self.fixed(strict.f1), 6)
          + " | " + Self.right(Self.fixed(lenient.precision), 9) + " "
          + Self.right(Self.fixed(lenient.recall), 6) + " " + Self.right(Self.fixed(lenient.f1), 6))
    }
    return lines.joined(separator: "\n")
  }

  static func fixed(_ value: Double) -> String { String(format: "%.4f", value) }

  static func left(_ text: String, _ width: Int) -> String {
    let count = text.unicodeScalars.count
    return count >= width ? text : text + String(repeating: " ", count: width - count)
  }

  static func right(_ text: String, _ width: Int) -> String {
    let count = text.unicodeScalars.count
    return count >= width ? text : String(repeating: " ", count: width - count) + text
  }
}
