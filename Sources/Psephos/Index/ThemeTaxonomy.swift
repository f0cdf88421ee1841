import Foundation

/// The themes Psephos recognises and the dictionary of words and phrases that signal each one,
/// read from a CSV file (`Resources/Knowledge/themes.csv` by default; its SOURCES.md section
/// documents the taxonomy).
///
/// Columns: `theme_id`, `theme_label`, `term` (required), `cap_code` and `weight` (optional).
/// A term is lower case: one word or a phrase, matched on whole tokens ignoring case; a term
/// ending in `*` (one word only, at least three letters before the star) matches every word
/// that starts with it. Weights are decimals with at most two places, from 0.01 to 10; an empty
/// weight means 1.
public struct ThemeTaxonomy: Sendable {
  /// One theme: a stable id, a label for people and its Comparative Agendas Project major topic.
  public struct Theme: Hashable, Sendable {
    /// A stable snake_case identifier ("health", "europe").
    public var id: String
    /// A label for reports ("Health and the NHS").
    public var label: String
    /// The CAP major topic code, or nil for themes the CAP has no major topic for.
    public var capCode: Int?
  }

  /// One dictionary entry of a theme.
  public struct Term: Hashable, Sendable {
    /// The index of the term's theme in `themes`.
    public var theme: Int
    /// The term as written in the file ("waiting lists", "immigra*").
    public var text: String
    /// Whether the term is a stem that matches every word starting with it.
    public var isPrefix: Bool
    /// The weight in hundredths (exact, so sums do not depend on order).
    var weightHundredths: Int
    /// The 1-based line of the term in its file.
    public var line: Int
    /// The folded bytes of each token of the term (without the star).
    var words: [[UInt8]]

    /// How much one match counts.
    public var weight: Double { Double(weightHundredths) / 100 }
  }

  /// A problem in a taxonomy file; the file cannot be used.
  public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file named by the loader.
    public var file: String
    /// The 1-based line, or 0 for the whole file.
    public var line: Int
    /// The 1-based column (in code points), or 0 for the whole line.
    public var column: Int
    /// What is wrong and what was expected.
    public var message: String

    /// `file:line:column: error: message`.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
  }

  /// The themes in file order.
  public let themes: [Theme]
  /// Every term in file order.
  public let terms: [Term]

  /// The theme with `id`, or nil.
  ///
  /// Complexity: O(themes).
  public func theme(withID id: String) -> Theme? { themes.first { $0.id == id } }

  /// The taxonomy shipped with Psephos (`themes.csv`). Loading it cannot fail once the tests pass.
  public static let bundled: ThemeTaxonomy = {
    guard
      let url = Bundle.module.url(
        forResource: "themes", withExtension: "csv", subdirectory: "Knowledge")
    else { preconditionFailure("themes.csv is missing from the Psephos resource bundle") }
    do {
      return try ThemeTaxonomy(contentsOfFile: url.path)
    } catch {
      preconditionFailure("the bundled themes.csv is invalid: \(error)")
    }
  }()

  /// Reads a taxonomy file.
  ///
  /// Complexity: O(n) in the file's size.
  public init(contentsOfFile path: String) throws(LoadError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LoadError(file: path, line: 0, column: 0, message: "cannot read the file")
    }
    try self.init(csv: [UInt8](data), file: path)
  }

  /// Reads a taxonomy from CSV bytes; messages name `file`.
  ///
  /// Complexity: O(n) in the number of bytes.
  public init(csv bytes: [UInt8], file: String = "<themes>") throws(LoadError) {
    let table: CSVReader.Table
    do {
      table = try CSVReader(file: file).read(bytes)
    } catch {
      throw LoadError(file: file, line: error.line, column: error.column, message: error.message)
    }
    if let issue = table.issues.first {
      throw LoadError(
        file: file, line: issue.line, column: issue.column, message: issue.message)
    }
    var parser = Parser(table: table, file: file)
    try parser.parse()
    themes = parser.themes
    terms = parser.terms
  }
}

extension ThemeTaxonomy {
  /// Turns CSV rows into themes and terms, checking each field.
  private struct Parser {
    let table: CSVReader.Table
    let file: String
    var themes: [Theme] = []
    var terms: [Term] = []
    private var themeIndex: [String: Int] = [:]
    private var patterns: Set<[UInt8]> = []
    private let tokenizer = Tokenizer()

    init(table: CSVReader.Table, file: String) {
      self.table = table
      self.file = file
    }

    mutating func parse() throws(LoadError) {
      let idColumn = try column("theme_id")
      let labelColumn = try column("theme_label")
      let termColumn = try column("term")
      let capColumn = table.columnIndex(named: "cap_code")
      let weightColumn = table.columnIndex(named: "weight")
      for row in table.rows {
        let id = row[idColumn]!
        let label = row[labelColumn]!
        let theme = try themeIndex(
          id: id, label: label, cap: capColumn.flatMap { row[$0] }, line: row.line)
        var weight = 100
        if let weightColumn, let field = row[weightColumn] { weight = try parseWeight(field) }
        try addTerm(row[termColumn]!, theme: theme, weight: weight)
      }
      if themes.isEmpty {
        throw LoadError(file: file, line: 1, column: 1, message: "no themes: the file has no rows")
      }
    }

    private func column(_ name: String) throws(LoadError) -> Int {
      guard let index = table.columnIndex(named: name) else {
        throw LoadError(
          file: file, line: 1, column: 1,
          message: "missing column \"\(name)\"; expected theme_id,theme_label,cap_code,term,weight")
      }
      return index
    }

    private func error(_ field: CSVReader.Field, _ message: String) -> LoadError {
      LoadError(file: file, line: field.line, column: field.column, message: message)
    }

    private mutating func themeIndex(
      id: CSVReader.Field, label: CSVReader.Field, cap: CSVReader.Field?, line: Int
    ) throws(LoadError) -> Int {
      let valid =
        !id.text.isEmpty
        && id.text.utf8.allSatisfy { byte in
          (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }
      guard valid else {
        throw error(id, "theme_id \"\(id.text)\" must be lower-case letters, digits and _")
      }
      guard !label.text.isEmpty else { throw error(label, "theme_label is empty") }
      var capCode: Int?
      if let cap, !cap.text.isEmpty {
        guard let code = Int(cap.text), (1...99).contains(code) else {
          throw error(cap, "cap_code \"\(cap.text)\" is not a CAP major topic number (1-99)")
        }
        capCode = code
      }
      if let index = themeIndex[id.text] {
        guard themes[index].label == label.text else {
          throw error(
            label, "theme \(id.text) already has the label \"\(themes[index].label)\"")
        }
        guard themes[index].capCode == capCode else {
          throw error(cap ?? label, "theme \(id.text) has a different cap_code on an earlier row")
        }
        return index
      }
      themes.append(Theme(id: id.text, label: label.text, capCode: capCode))
      themeIndex[id.text] = themes.count - 1
      return themes.count - 1
    }

    private func parseWeight(_ field: CSVReader.Field) throws(LoadError) -> Int {
      if field.text.isEmpty { return 100 }
      let parts = field.text.split(separator: ".", omittingEmptySubsequences: false)
      let digits = { (part: Substring) in
        !part.isEmpty && part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
      }
      guard parts.count <= 2, digits(parts[0]), parts.count == 1 || digits(parts[1]),
        parts.count == 1 || parts[1].count <= 2, parts[0].count <= 3
      else {
        throw error(field, "weight \"\(field.text)\" is not a decimal like 1, 0.5 or 1.25")
      }
      var hundredths = Int(parts[0])! * 100
      if parts.count == 2 {
        hundredths += Int(parts[1])! * (parts[1].count == 1 ? 10 : 1)
      }
      guard hundredths > 0, hundredths <= 1000 else {
        throw error(field, "weight \(field.text) is outside 0.01...10")
      }
      return hundredths
    }

    private mutating func addTerm(_ field: CSVReader.Field, theme: Int, weight: Int)
      throws(LoadError)
    {
      let text = field.text
      guard !text.isEmpty else { throw error(field, "term is empty") }
      guard text == text.trimmingCharacters(in: .whitespacesAndNewlines) else {
        throw error(field, "term \"\(text)\" has leading or trailing spaces")
      }
      guard text == text.lowercased() else {
        throw error(field, "term \"\(text)\" must be lower case (matching ignores case)")
      }
      let isPrefix = text.hasSuffix("*")
      let body = isPrefix ? String(text.dropLast()) : text
      guard !body.contains("*") else {
        throw error(field, "term \"\(text)\": * may only end a one-word stem")
      }
      let source = SourceText(body)
      let tokens = tokenizer.tokenize(source).tokens
      let words = tokens.map { TermFolding.folded(source.string($0.range)) }
      guard !words.isEmpty else { throw error(field, "term \"\(text)\" has no words") }
      if isPrefix {
        guard words.count == 1, words[0].count >= 3, words[0].count <= 63 else {
          throw error(
            field, "stem \"\(text)\" must be one word of 3 to 63 bytes before the *")
        }
      }
      var pattern = [UInt8(truncatingIfNeeded: theme), UInt8(truncatingIfNeeded: theme >> 8)]
      pattern.append(isPrefix ? 1 : 0)
      for word in words {
        pattern.append(contentsOf: word)
        pattern.append(0)
      }
      guard patterns.insert(pattern).inserted else {
        throw error(
          field, "term \"\(text)\" is listed twice for theme \(themes[theme].id) (ignoring case)")
      }
      terms.append(
        Term(
          theme: theme, text: text, isPrefix: isPrefix, weightHundredths: weight, line: field.line,
          words: words))
    }
  }
}
