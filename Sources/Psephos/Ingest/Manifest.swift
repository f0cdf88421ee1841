import Foundation

/// A `manifest.csv` beside the articles: one row of metadata per file.
///
/// ```
/// file,title,author,date,publication,url,section
/// 001_278710d5642b4a0a.txt,,Jonathan Carr-West,,,,local government
/// ```
///
/// The header must have a `file` column (any letter case); `title`, `author`, `date`,
/// `publication` and `url` fill those fields and any other named column goes to `extra` under
/// its header. Empty cells are unknown, never empty strings. `file` is relative to the
/// manifest's folder (`sub/a.txt` reaches into a subfolder; a leading `./` is ignored).
///
/// Manifest values are defaults: the document's own metadata (front matter, HTML `<meta>`,
/// JSONL fields) wins field by field, because it travels with the text. A manifest in a deeper
/// folder wins over one above it for the same file.
///
/// A row shorter than the header is read with the missing cells empty. A longer row, a row
/// with a quoting problem, a row with no file name or a second row for the same file is a
/// failure naming `manifest.csv:line` and is not used; the other rows still apply.
struct Manifest {
  /// One row: the metadata it gives and where it was.
  struct Entry: Equatable {
    var metadata: Metadata
    var line: Int
  }

  /// Entries by the `file` cell, without a leading `./`.
  var entries: [String: Entry] = [:]

  /// Reads a manifest; failures name the manifest and the line.
  ///
  /// Complexity: O(n) in the file's size.
  static func load(path: String, limit: Int) -> (manifest: Manifest, failures: [IngestFailure]) {
    let bytes: [UInt8]
    switch FileSystem.contents(of: path, limit: limit) {
    case .success(let read): bytes = read
    case .failure(let reason):
      return (Manifest(), [IngestFailure(path: path, reason: "cannot read: \(reason.text)")])
    }
    let table: CSVReader.Table
    do {
      table = try CSVReader(file: path).read(bytes)
    } catch {
      let reason: String
      switch error.kind {
      case .unterminatedQuote:
        reason = "quoted field opened at column \(error.column) is never closed; manifest ignored"
      case .unreadable:
        reason = "cannot read the file"
      }
      return (Manifest(), [IngestFailure(path: path, line: error.line, reason: reason)])
    }
    return read(table, path: path)
  }

  /// Builds a manifest from a parsed table.
  static func read(_ table: CSVReader.Table, path: String) -> (
    manifest: Manifest, failures: [IngestFailure]
  ) {
    var failures: [IngestFailure] = []
    guard let fileColumn = table.columnIndex(named: "file") else {
      let reason = "no \"file\" column in the header; manifest ignored"
      return (Manifest(), [IngestFailure(path: path, line: 1, reason: reason)])
    }
    var badLines: Set<Int> = []
    for issue in table.issues {
      if case .raggedRow(let expected, let found) = issue.kind, found < expected { continue }
      badLines.insert(issue.line)
      failures.append(
        IngestFailure(path: path, line: issue.line, reason: "\(issue.message); row ignored"))
    }
    let names = table.header.map { $0.text.trimmingCharacters(in: .whitespaces) }
    var manifest = Manifest()
    for row in table.rows where !badLines.contains(row.line) {
      var file = row[fileColumn]?.text.trimmingCharacters(in: .whitespaces) ?? ""
      while file.hasPrefix("./") { file.removeFirst(2) }
      guard !file.isEmpty else {
        failures.append(
          IngestFailure(path: path, line: row.line, reason: "no file name; row ignored"))
        continue
      }
      if let first = manifest.entries[file] {
        failures.append(
          IngestFailure(
            path: path, line: row.line,
            reason: "\"\(file)\" is already listed on line \(first.line); row ignored"))
        continue
      }
      var metadata = Metadata()
      for (column, name) in names.enumerated() where column != fileColumn && !name.isEmpty {
        guard let cell = row[column]?.text.trimmingCharacters(in: .whitespaces), !cell.isEmpty
        else { continue }
        switch name.lowercased() {
        case "title": metadata.title = cell
        case "author": metadata.author = cell
        case "date": metadata.date = cell
        case "publication": metadata.publication = cell
        case "url": metadata.url = cell
        default: metadata.extra[name] = cell
        }
      }
      manifest.entries[file] = Entry(metadata: metadata, line: row.line)
    }
    return (manifest, failures)
  }
}
