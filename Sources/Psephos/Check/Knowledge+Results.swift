extension Knowledge {
  /// The bundled knowledge plus every candidate and party the results data names, so that
  /// "Goldsmith" or "Siân Berry" in an article links to the candidate the data counts.
  ///
  /// Complexity: O(r) in the records, plus loading the bundled data.
  public init(addingNamesFrom store: ResultsStore) throws(KnowledgeError) {
    var people: [String] = []
    var parties: [String] = []
    var seen: Set<String> = []
    for record in store.records {
      if let candidate = record.candidate, seen.insert("p:" + candidate).inserted {
        people.append(candidate)
      }
      if let party = record.party, seen.insert("q:" + party).inserted { parties.append(party) }
    }
    try self.init(people: people, parties: parties)
  }
}
