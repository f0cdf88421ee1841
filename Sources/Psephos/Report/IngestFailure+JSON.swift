extension IngestFailure {
  /// The failure as an entry of a report's `errors[]`: `path`, `reason` and, for a JSONL
  /// record or a manifest row, `line`.
  public var json: JSONValue {
    var members: [String: JSONValue] = ["path": .string(path), "reason": .string(reason)]
    if let line { members["line"] = .integer(line) }
    return .object(members)
  }
}
