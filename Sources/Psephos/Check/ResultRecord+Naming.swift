/// Readable names for records, elections and counts, for evidence and explanations.
extension ResultRecord {
  /// "Zac Goldsmith (Conservative Party)", "Labour Party", "Remain".
  var displaySubject: String {
    if let candidate {
      return party.map { "\(candidate) (\($0))" } ?? candidate
    }
    return party ?? partyShort ?? option ?? "?"
  }

  /// "Greater London", "London", "England".
  var displayArea: String { EntityLinker.withoutQualifier(area.name) }

  /// Whether the record's election counts more than once (supplementary vote rounds,
  /// additional-member ballots).
  var hasRound: Bool { round != nil && !(round ?? "").isEmpty }

  /// "final round (after second preferences)", "first preferences", "list ballot", or nil.
  var countName: String? {
    switch round?.lowercased() {
    case "first": return "first preferences"
    case "second": return "final round (after second preferences)"
    case "constituency": return "constituency ballot"
    case "list": return "list ballot"
    case "total": return "seat totals"
    case nil, "": return nil
    case let other?: return "\(other) count"
    }
  }

  /// "Zac Goldsmith (Conservative Party), final round (after second preferences), Greater
  /// London, london-mayor-2016".
  var label: String {
    [displaySubject, countName, displayArea, election.id].compactMap { $0 }.joined(
      separator: ", ")
  }
}

extension ResultRecord.Election {
  /// "the 2016 Mayor of London election (london-mayor-2016)".
  var displayName: String {
    var type = EntityLinker.withoutQualifier(self.type ?? id)
    if type.hasPrefix("Local ") { type = "local" + type.dropFirst(5) }
    let lower = type.lowercased()
    let noun = lower.contains("election") || lower.contains("referendum") ? "" : " election"
    let year = self.year.map { "\($0) " } ?? ""
    return "the \(year)\(type)\(noun) (\(id))"
  }
}

extension ElectionContext.Round {
  /// The `round` column values of this count.
  var recordRound: String {
    switch self {
    case .first: return "first"
    case .final: return "second"
    case .constituency: return "constituency"
    case .list: return "list"
    }
  }
}
