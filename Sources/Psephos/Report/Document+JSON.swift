extension Document {
  /// The members every per-document JSON object starts with: `id`, `path`, `sha256`,
  /// `metadata` (known fields, unknown ones `null`, plus `extra`) and `findings`.
  public var jsonMembers: [String: JSONValue] {
    [
      "id": .string(id),
      "path": .string(path),
      "sha256": .string(sha256),
      "metadata": metadata.json,
      "findings": .array(findings.map { $0.json(in: text) }),
    ]
  }
}

extension Metadata {
  /// `title`, `author`, `date`, `publication` and `url` (`null` where unknown) and `extra`.
  public var json: JSONValue {
    .object([
      "title": .string(title),
      "author": .string(author),
      "date": .string(date),
      "publication": .string(publication),
      "url": .string(url),
      "extra": .object(extra.mapValues(JSONValue.string)),
    ])
  }
}

extension Finding {
  /// `severity` and `message`, plus `start`, `end` (code points) and `text` when the finding
  /// has a span.
  public func json(in text: SourceText) -> JSONValue {
    var members: [String: JSONValue] = [
      "severity": .string(severity.rawValue),
      "message": .string(message),
    ]
    if let range {
      members.merge(range.json(in: text)) { _, new in new }
    }
    return .object(members)
  }
}

extension ByteRange {
  /// `start` and `end` in code points (end exclusive) and the covered `text`: the span
  /// contract of every machine-readable output.
  public func json(in text: SourceText) -> [String: JSONValue] {
    let codePoints = text.codePointRange(self)
    return [
      "start": .integer(codePoints.lowerBound),
      "end": .integer(codePoints.upperBound),
      "text": .string(text.string(self)),
    ]
  }
}
