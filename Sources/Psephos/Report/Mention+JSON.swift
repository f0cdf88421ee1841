extension Mention {
  /// The DESIGN.md entity object: `start`, `end` (code points), `text`, `type`, `canonical`,
  /// plus `metonymy` and `refers_to` for a place or building standing for an institution.
  public func json(in text: SourceText) -> JSONValue {
    var members = range.json(in: text)
    members["type"] = .string(kind.rawValue)
    members["canonical"] = .string(canonical)
    if isMetonymy {
      members["metonymy"] = .bool(true)
      members["refers_to"] = .string(refersTo)
    }
    return .object(members)
  }
}
