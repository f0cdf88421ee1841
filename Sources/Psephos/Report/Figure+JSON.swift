extension Figure {
  /// The DESIGN.md figure object: `start`, `end` (code points), `text`, `value`, `unit`,
  /// `kind`, `hedge`, plus `vague`, and where known `bounds`, `direction`, `compared_with` and
  /// `measure`.
  public func json(in text: SourceText) -> JSONValue {
    var members = range.json(in: text)
    members["value"] = .decimal(value)
    members["unit"] = .string(unit)
    members["kind"] = .string(kind.rawValue)
    members["hedge"] = .string(hedge?.rawValue)
    members["vague"] = .bool(isVague)
    if let bounds {
      members["bounds"] = .array([.decimal(bounds.lower), .decimal(bounds.upper)])
    }
    if let direction { members["direction"] = .string(direction.rawValue) }
    if let comparison { members["compared_with"] = .object(comparison.json(in: text)) }
    if let measure { members["measure"] = .string(measure) }
    return .object(members)
  }
}
