import Foundation

/// Reads results CSV files into `ResultRecord`s and reports every problem with its
/// `file:line:column`.
///
/// Checks, per file: CSV syntax (unterminated quotes, ragged rows), required columns, numbers
/// (not a number, not whole, negative, percentages outside 0-100 or with more than nine
/// decimals, votes above the valid-vote total or the electorate), dates. Across all files:
/// duplicate rows (warning; the copy is dropped), conflicting votes for the same election, area,
/// round and candidate/party/option (error), and shares that do not add up to 100 within a
/// contest (warning; see `checkContests`). Unknown columns are ignored with a note.
public struct ResultsValidator: Sendable {
  /// Creates a validator.
  public init() {}

  /// Validates the CSV files at `paths`: files as given, folders searched recursively for
  /// `*.csv` in sorted order.
  ///
  /// Complexity: O(n) in the total size of the files.
  public func validate(paths: [String]) -> ResultsValidation {
    var rows: [ParsedRow] = []
    var diagnostics: [ResultsDiagnostic] = []
    let (files, pathDiagnostics) = Self.csvFiles(in: paths)
    diagnostics += pathDiagnostics
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        diagnostics.append(
          ResultsDiagnostic(.error, file: file, line: 0, column: 0, "cannot read the file"))
        continue
      }
      let parsed = parseFile([UInt8](data), file: file)
      rows += parsed.rows
      diagnostics += parsed.diagnostics
    }
    return finish(rows: rows, diagnostics: diagnostics, fileOrder: files)
  }

  /// Validates one CSV file's bytes; messages name `file`.
  ///
  /// Complexity: O(n) in the number of bytes.
  public func validate(_ bytes: [UInt8], file: String) -> ResultsValidation {
    let parsed = parseFile(bytes, file: file)
    return finish(rows: parsed.rows, diagnostics: parsed.diagnostics, fileOrder: [file])
  }

  /// Runs the checks across rows and puts the diagnostics in file order.
  private func finish(
    rows: [ParsedRow], diagnostics: [ResultsDiagnostic], fileOrder: [String]
  ) -> ResultsValidation {
    let (records, rowDiagnostics) = checkRows(rows)
    let order = Dictionary(fileOrder.enumerated().map { ($1, $0) }) { first, _ in first }
    let sorted = (diagnostics + rowDiagnostics).enumerated().sorted { lhs, rhs in
      let left = (order[lhs.element.file] ?? -1, lhs.element.line, lhs.element.column)
      let right = (order[rhs.element.file] ?? -1, rhs.element.line, rhs.element.column)
      return left != right ? left < right : lhs.offset < rhs.offset
    }
    return ResultsValidation(records: records, diagnostics: sorted.map(\.element))
  }

  /// The CSV files named by `paths`, folders expanded recursively and sorted, each file once.
  ///
  /// Complexity: O(f log f) in the number of files found.
  static func csvFiles(in paths: [String]) -> (files: [String], diagnostics: [ResultsDiagnostic]) {
    var files: [String] = []
    var seen: Set<String> = []
    var diagnostics: [ResultsDiagnostic] = []
    let manager = FileManager.default
    for path in paths {
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
        diagnostics.append(
          ResultsDiagnostic(.error, file: path, line: 0, column: 0, "no such file or folder"))
        continue
      }
      var found: [String] = []
      if isFolder.boolValue {
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let entries = (manager.enumerator(atPath: path)?.allObjects as? [String]) ?? []
        for entry in entries.sorted()
        where entry.lowercased().hasSuffix(".csv")
          && !entry.split(separator: "/").contains(where: { $0.hasPrefix(".") })
        {
          let file = base + "/" + entry
          var entryIsFolder: ObjCBool = false
          if manager.fileExists(atPath: file, isDirectory: &entryIsFolder), !entryIsFolder.boolValue
          {
            found.append(file)
          }
        }
        if found.isEmpty {
          diagnostics.append(
            ResultsDiagnostic(.error, file: path, line: 0, column: 0, "folder holds no .csv files"))
        }
      } else {
        found = [path]
      }
      for file in found where seen.insert(URL(fileURLWithPath: file).standardized.path).inserted {
        files.append(file)
      }
    }
    return (files, diagnostics)
  }
}

/// A record with the positions of its fields, for diagnostics about it.
struct ParsedRow {
  var record: ResultRecord
  var positions: [ResultColumn: FieldPosition]

  /// The position of `column`'s field, or the start of the row.
  func position(of column: ResultColumn) -> FieldPosition {
    positions[column] ?? FieldPosition(line: record.provenance.line, column: 1)
  }
}

/// A field's 1-based line and column.
struct FieldPosition: Hashable {
  var line: Int
  var column: Int
}
