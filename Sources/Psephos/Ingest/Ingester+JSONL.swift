import Foundation

/// JSON Lines input: one document per line.
///
/// Each non-blank line is a JSON object with `text` (a string, required) and `id` (a string or
/// a number; the line number, as `line-7`, when absent). `title`, `author`, `date`,
/// `publication` and `url` fill the metadata when they are strings; any other string field goes
/// to `extra`. A line that is not JSON, not an object, has no `text`, a `text` that is not a
/// string, a repeated `id` or more than `maxDocumentBytes` bytes is a failure naming
/// `file:line`; the other lines go on. A document's SHA-256 is of its line's bytes (without the
/// line ending); its text is normalised like any other (LF, NFC), with no front matter.
extension Ingester {
  /// Reads JSON Lines already in memory (a file's contents, or one line of a stream).
  ///
  /// Record ids become `idPrefix#id`, or the record's `id` alone when `idPrefix` is nil.
  /// `firstLine` numbers the first line, for a caller feeding a stream line by line.
  ///
  /// Complexity: O(n) in the number of bytes.
  public func documents(
    jsonl bytes: [UInt8], path: String, idPrefix: String?, firstLine: Int = 1,
    metadata: Metadata = Metadata()
  ) -> [Result<Document, IngestFailure>] {
    var records = JSONLRecords(ingester: self, path: path, idPrefix: idPrefix, defaults: metadata)
    var results: [Result<Document, IngestFailure>] = []
    var number = firstLine
    var start = 0
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      if end - start > options.maxDocumentBytes {
        results.append(.failure(records.tooLong(end - start, line: number)))
      } else if let result = records.record(bytes[start..<end], line: number) {
        results.append(result)
      }
      number += 1
      start = end + 1
    }
    return results
  }

  /// Streams a JSONL file or standard input through `body`, line by line.
  func readJSONL(_ input: Input, each body: (Result<Document, IngestFailure>) -> Void) {
    var records = JSONLRecords(
      ingester: self, path: input.path, idPrefix: input.isStandardInput ? nil : input.id,
      defaults: input.metadata)
    let stopped = FileSystem.lines(
      of: input.isStandardInput ? nil : input.path, limit: options.maxDocumentBytes
    ) { line, number in
      switch line {
      case .bytes(let bytes):
        if let result = records.record(bytes, line: number) { body(result) }
      case .tooLong(let count):
        body(.failure(records.tooLong(count, line: number)))
      }
    }
    if let stopped {
      body(.failure(IngestFailure(path: input.path, reason: "cannot read: \(stopped.text)")))
    }
  }
}

/// The state of one JSONL input: the ids seen so far.
struct JSONLRecords {
  let ingester: Ingester
  let path: String
  let idPrefix: String?
  let defaults: Metadata
  /// The line on which each record id was first seen.
  var seen: [String: Int] = [:]

  /// The metadata field a record key fills, if it is one of the five.
  private static func field(_ key: String) -> WritableKeyPath<Metadata, String?>? {
    switch key {
    case "title": \.title
    case "author": \.author
    case "date": \.date
    case "publication": \.publication
    case "url": \.url
    default: nil
    }
  }

  func tooLong(_ count: Int, line: Int) -> IngestFailure {
    IngestFailure(
      path: path, line: line,
      reason: FileSystem.tooLarge(count, limit: ingester.options.maxDocumentBytes))
  }

  /// The document on one line, a failure naming the line, or nil for a blank line.
  mutating func record(_ raw: ArraySlice<UInt8>, line: Int) -> Result<Document, IngestFailure>? {
    var bytes = raw
    if bytes.last == 0x0D { bytes = bytes.dropLast() }
    if line == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
    func failure(_ reason: String) -> Result<Document, IngestFailure> {
      .failure(IngestFailure(path: path, line: line, reason: reason))
    }
    // Long runs of combining marks, raw or escaped, are broken before parsing, which hashes
    // the keys, and before the id is hashed.
    var json = Array(bytes)
    var findings: [Finding] = []
    ingester.noteBrokenCombiningRuns(
      CombiningMarks.breakLongRuns(&json, jsonEscapes: true), in: &findings)
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(json))
    } catch {
      let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
      return failure("not valid JSON" + (detail.map { ": \($0)" } ?? ""))
    }
    guard let record = object as? [String: Any] else {
      return failure("not a JSON object (a JSONL record is {\"id\": ..., \"text\": ...})")
    }
    guard let textValue = record["text"] else { return failure("no \"text\" field") }
    guard let string = textValue as? String else {
      return failure("\"text\" is \(Self.describe(textValue)), not a string")
    }
    var recordID = "line-\(line)"
    if let value = record["id"] {
      if let id = value as? String, !id.isEmpty {
        recordID = id
      } else if let number = value as? NSNumber, !(value is Bool) {
        recordID = number.stringValue
      } else {
        return failure("\"id\" is \(Self.describe(value)), not a non-empty string or a number")
      }
    }
    if let first = seen[recordID] {
      return failure("id \"\(recordID)\" was already used on line \(first)")
    }
    seen[recordID] = line

    var metadata = Metadata()
    for (key, value) in record where key != "id" && key != "text" {
      let field = Self.field(key)
      guard let string = value as? String else {
        if field != nil {
          findings.append(
            Finding(.warning, "field \"\(key)\" is \(Self.describe(value)), not a string; ignored"))
        }
        continue
      }
      if let field {
        metadata[keyPath: field] = string.isEmpty ? nil : string
      } else {
        metadata.extra[key] = string
      }
    }
    findings.sort { $0.message < $1.message }

    var text = Array(string.utf8)
    TextNormalizer.normalizeLineEndings(&text)
    text = TextNormalizer.normalizeNFC(text)
    ingester.finishText(&text, wasEmpty: string.isEmpty, format: .jsonl, findings: &findings)
    let id = idPrefix.map { "\($0)#\(recordID)" } ?? recordID
    return .success(
      Document(
        id: id, path: path, sha256: SHA256.hex(bytes), metadata: metadata.merged(over: defaults),
        text: SourceText(normalizedUTF8: text), findings: findings))
  }

  /// "a number", "an array", ... for messages.
  private static func describe(_ value: Any) -> String {
    switch value {
    case is Bool: "a boolean"
    case is NSNumber: "a number"
    case is String: "a string"
    case is [Any]: "an array"
    case is [String: Any]: "an object"
    case is NSNull: "null"
    default: "not a string"
    }
  }
}
