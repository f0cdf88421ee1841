/// Every loaded result record, indexed by election, party, candidate, area, kind and year.
///
/// Built once per run and shared read-only by all workers. Lookups hash a folded key
/// (`FoldedName`) and return records in load order (files sorted, then line order).
public struct ResultsStore: Sendable {
  /// Every record, in load order.
  public let records: [ResultRecord]
  /// Warnings and notes from loading (errors stop loading instead).
  public let diagnostics: [ResultsDiagnostic]

  /// The folded names of each record, parallel to `records`, for matching without re-folding.
  let keys: [Keys]
  private let byElection: [String: [Int]]
  private let byParty: [FoldedName: [Int]]
  private let byCandidate: [FoldedName: [Int]]
  private let byArea: [FoldedName: [Int]]
  private let byKind: [ResultRecord.Election.Kind: [Int]]
  private let byYear: [Int: [Int]]

  /// Indexes `records`.
  ///
  /// Complexity: O(n) in the number of records (each name folded once).
  public init(records: [ResultRecord], diagnostics: [ResultsDiagnostic] = []) {
    self.records = records
    self.diagnostics = diagnostics
    var keys: [Keys] = []
    keys.reserveCapacity(records.count)
    var byElection: [String: [Int]] = [:]
    var byParty: [FoldedName: [Int]] = [:]
    var byCandidate: [FoldedName: [Int]] = [:]
    var byArea: [FoldedName: [Int]] = [:]
    var byKind: [ResultRecord.Election.Kind: [Int]] = [:]
    var byYear: [Int: [Int]] = [:]
    func add<Key: Hashable>(_ key: Key, _ index: Int, to table: inout [Key: [Int]]) {
      if table[key]?.last != index { table[key, default: []].append(index) }
    }
    for (index, record) in records.enumerated() {
      let key = Keys(record)
      keys.append(key)
      add(key.electionID, index, to: &byElection)
      for name in [key.party, key.partyShort] where !name.isEmpty {
        add(name, index, to: &byParty)
      }
      for name in [key.candidate, key.surname] where !name.isEmpty {
        add(name, index, to: &byCandidate)
      }
      add(key.area, index, to: &byArea)
      if let code = record.area.code { add(FoldedName(code), index, to: &byArea) }
      add(record.election.kind, index, to: &byKind)
      if let year = record.election.year { add(year, index, to: &byYear) }
    }
    self.keys = keys
    self.byElection = byElection
    self.byParty = byParty
    self.byCandidate = byCandidate
    self.byArea = byArea
    self.byKind = byKind
    self.byYear = byYear
  }

  /// The distinct elections, in load order.
  ///
  /// Complexity: O(n) in the number of records.
  public var elections: [ResultRecord.Election] {
    var seen: Set<String> = []
    return records.compactMap {
      seen.insert($0.election.id.lowercased()).inserted ? $0.election : nil
    }
  }

  /// The records of the election with this id (case-insensitive).
  ///
  /// Complexity: O(1) expected, plus O(k) for the k records returned.
  public func records(forElection id: String) -> [ResultRecord] {
    pick(byElection[id.lowercased()])
  }

  /// The records of the party with this full name or short code (`Labour Party`, `lab`),
  /// compared folded.
  ///
  /// Complexity: O(1) expected, plus O(k) for the k records returned.
  public func records(forParty nameOrCode: String) -> [ResultRecord] {
    pick(byParty[FoldedName(nameOrCode)])
  }

  /// The records of the candidate with this full name or surname (`Zac Goldsmith`,
  /// `goldsmith`), compared folded.
  ///
  /// Complexity: O(1) expected, plus O(k) for the k records returned.
  public func records(forCandidate nameOrSurname: String) -> [ResultRecord] {
    pick(byCandidate[FoldedName(nameOrSurname)])
  }

  /// The records of the area with this name or GSS code, compared folded (so `St Albans`,
  /// `St. Albans` and `Saint Albans` agree, as do `&` and `and`).
  ///
  /// Complexity: O(1) expected, plus O(k) for the k records returned.
  public func records(inArea nameOrCode: String) -> [ResultRecord] {
    pick(byArea[FoldedName(nameOrCode)])
  }

  /// The records of elections of this kind, in this year if given.
  ///
  /// Complexity: O(1) expected, plus O(k) for the k records of that kind.
  public func records(ofKind kind: ResultRecord.Election.Kind, year: Int? = nil)
    -> [ResultRecord]
  {
    let indexes = byKind[kind] ?? []
    guard let year else { return pick(indexes) }
    return pick(indexes.filter { records[$0].election.year == year })
  }

  /// The records of elections held in `year`.
  ///
  /// Complexity: O(1) expected, plus O(k) for the k records returned.
  public func records(inYear year: Int) -> [ResultRecord] {
    pick(byYear[year])
  }

  /// Positions of the records a query could match, narrowed by its most selective index.
  func candidatePositions(for query: ResultsQuery) -> [Int] {
    if let election = query.election { return byElection[election.lowercased()] ?? [] }
    if let year = query.year { return byYear[year] ?? [] }
    if let kind = query.kind { return byKind[kind] ?? [] }
    return Array(records.indices)
  }

  private func pick(_ indexes: [Int]?) -> [ResultRecord] {
    (indexes ?? []).map { records[$0] }
  }
}

extension ResultsStore {
  /// A record's names, folded once when the store is built.
  struct Keys: Sendable {
    var electionID: String
    var party: FoldedName
    var partyShort: FoldedName
    var candidate: FoldedName
    var surname: FoldedName
    var option: FoldedName
    var area: FoldedName
    var areaCode: FoldedName
    var round: FoldedName

    init(_ record: ResultRecord) {
      electionID = record.election.id.lowercased()
      party = FoldedName(record.party ?? "")
      partyShort = FoldedName(record.partyShort ?? "")
      candidate = FoldedName(record.candidate ?? "")
      surname = FoldedName(record.candidateSurname ?? "")
      option = FoldedName(record.option ?? "")
      area = FoldedName(record.area.name)
      areaCode = FoldedName(record.area.code ?? "")
      round = FoldedName(record.round ?? "")
    }
  }
}
