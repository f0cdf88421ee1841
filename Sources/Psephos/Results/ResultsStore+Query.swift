extension ResultsStore {
  /// The records matching every condition of `query`, in load order.
  ///
  /// Complexity: O(k) in the records of the query's election (or year, or kind, or all records
  /// when it names none of those), each compared in O(length of its names).
  public func records(matching query: ResultsQuery) -> [ResultRecord] {
    let matcher = Matcher(query)
    return candidatePositions(for: query).filter { matcher.matches(records[$0], keys[$0]) }.map {
      records[$0]
    }
  }
}

/// A query with its names folded once.
private struct Matcher {
  let query: ResultsQuery
  let candidate: FoldedName?
  let party: FoldedName?
  let area: FoldedName?
  let round: FoldedName?
  let option: FoldedName?

  init(_ query: ResultsQuery) {
    self.query = query
    candidate = query.candidate.map(FoldedName.init)
    party = query.party.map(FoldedName.init)
    area = query.area.map(FoldedName.init)
    round = query.round.map(FoldedName.init)
    option = query.option.map(FoldedName.init)
  }

  func matches(_ record: ResultRecord, _ keys: ResultsStore.Keys) -> Bool {
    if let election = query.election, keys.electionID != election.lowercased() { return false }
    if let year = query.year, record.election.year != year { return false }
    if let kind = query.kind, record.election.kind != kind { return false }
    if let round, keys.round != round { return false }
    if let option, keys.option != option { return false }
    if let candidate, keys.candidate.isEmpty || !keys.candidate.contains(candidate) {
      return false
    }
    if let party,
      keys.partyShort != party, keys.party.isEmpty || !keys.party.containsWords(of: party)
    {
      return false
    }
    if let area, keys.areaCode != area, !keys.area.containsWords(of: area) { return false }
    return true
  }
}
