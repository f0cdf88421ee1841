import Foundation
import Testing

@testable import Psephos

/// The ingest suites, nested so that `swift test --filter Ingest` selects them all.
@Suite enum IngestTests {}

/// Helpers for the ingest tests, in one namespace so they cannot clash with other suites'.
enum IngestFixtures {
  /// A temporary folder for file-system tests, removed by `remove()`.
  struct Folder {
    let path: String

    init() throws {
      let base = FileManager.default.temporaryDirectory.path
      path = base + "/psephos-ingest-" + UUID().uuidString
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` at `relative`, creating folders as needed; returns the full path.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
      let full = path + "/" + relative
      let directory = (full as NSString).deletingLastPathComponent
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: full))
      return full
    }

    /// Writes UTF-8 text at `relative`; returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
      try write(relative, Array(text.utf8))
    }

    /// Deletes the folder and everything in it.
    func remove() {
      _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
      try? FileManager.default.removeItem(atPath: path)
    }
  }

  /// The repository's root, found from this file's path.
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// Decodes bytes as a document with id and path `t.txt`.
  static func document(
    _ bytes: [UInt8], format: Input.Format = .text, options: Ingester.Options = .init()
  ) -> Result<Document, IngestFailure> {
    Ingester(options: options).document(id: "t.txt", path: "t.txt", bytes: bytes, format: format)
  }

  /// The text of a document decoded from bytes, or nil when ingest refused it.
  static func text(_ bytes: [UInt8], format: Input.Format = .text) -> String? {
    guard case .success(let document) = document(bytes, format: format) else { return nil }
    return document.text.string
  }

  /// The text extracted from HTML.
  static func html(_ html: String) -> String {
    String(decoding: HTMLTextExtractor.extract(Array(html.utf8)).text, as: UTF8.self)
  }
}

extension Result where Success == Document, Failure == IngestFailure {
  /// The document, or nil.
  var ingested: Document? {
    if case .success(let document) = self { return document }
    return nil
  }

  /// The failure, or nil.
  var ingestFailure: IngestFailure? {
    if case .failure(let failure) = self { return failure }
    return nil
  }
}
