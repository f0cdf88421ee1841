import Foundation

/// Links the entities a claim names to the records of the results data.
///
/// - People: a candidate's full name, folded (case, accents, "St"/"Saint", "&"/"and"); else the
///   surname (the `surname` column or the last word of the name) when the first names agree or
///   one is short for the other ("Zac", "Zachary"), or the first name when the text gives only
///   one name ("Boris"), within the elections the data holds.
/// - Parties: the party name folded; the party's short code, taken from records that spell the
///   canonical name exactly ("Conservative Party" is `Con`, so "Scottish Conservative and
///   Unionist Party" and "Welsh Conservative Party" link too); or whole words of one name
///   inside the other ("Labour" in a control result, "Green Party" in "Green Party (all Green
///   parties)").
/// - Places: the area name folded, without a bracketed qualifier ("England (124 councils with
///   elections)" is "England"), equal to the place or containing its words ("London" is in
///   "Greater London"); or the area's GSS code.
///
/// Complexity: O(n) in the records for a place, O(p) in the distinct party spellings for a
/// party, O(1) expected for a person, the first time; each answer is remembered, since a
/// corpus's claims name the same few parties and people again and again.
struct EntityLinker {
  let store: ResultsStore
  /// Each distinct party name and code of the store, folded once.
  private let folded: [String: FoldedName]
  /// Each distinct area name of the store, without its bracketed qualifier, folded once.
  private let areas: [String: FoldedName]
  /// The records of each distinct party name and code, so that linking a party scores each
  /// name once rather than every record.
  private let parties: [PartyRows]

  /// What this linker has already looked up, shared by the workers of a run.
  private let memo = Memo()

  /// Answers already computed, behind a lock: each is a pure function of the store (and of
  /// its key), so a worker that finds one uses it, and two workers that compute the same one
  /// agree. Keys of different types never meet, so each kind of answer has its own key type.
  private final class Memo: @unchecked Sendable {
    /// The answers for one type of key.
    private final class Table<Key: Hashable, Value> {
      var answers: [Key: Value] = [:]
    }

    private let lock = NSLock()
    /// One table per key type (each key type is only ever used with one type of answer).
    private var tables: [ObjectIdentifier: AnyObject] = [:]

    /// The answer remembered for `key`, made (outside the lock) the first time it is asked.
    func answer<Key: Hashable, Value>(_ key: Key, make: () -> Value) -> Value {
      if let known = lock.withLock({ table(Key.self, Value.self).answers[key] }) { return known }
      let made = make()
      lock.withLock { table(Key.self, Value.self).answers[key] = made }
      return made
    }

    /// The table of `Key`; called with the lock held.
    private func table<Key, Value>(_: Key.Type, _: Value.Type) -> Table<Key, Value> {
      let id = ObjectIdentifier(Key.self)
      if let table = tables[id] { return table as! Table<Key, Value> }
      let table = Table<Key, Value>()
      tables[id] = table
      return table
    }
  }

  /// Remembers an answer that depends only on the store and `key`, for every worker of the
  /// run: `make` runs the first time a key is asked.
  func remembered<Key: Hashable, Value>(_ key: Key, make: () -> Value) -> Value {
    memo.answer(key, make: make)
  }

  private struct MatcherKey: Hashable { var canonical: String }
  private struct EntityKey: Hashable {
    var kind: Mention.Kind
    var canonical: String
  }
  private struct BestPartyKey: Hashable { var canonical: String }
  private struct NoteKey: Hashable { var note: String }
  private struct ReadingKey: Hashable {
    var record: ResultRecord.Provenance
    var measure: Claim.Measure
    var isChange: Bool
  }

  /// The records (indices into the store) that spell a party the same way.
  private struct PartyRows {
    var name: FoldedName
    var short: FoldedName?
    var rows: [Int]
  }

  /// Prepares the folded names of `store`.
  ///
  /// Complexity: O(r) in the records; each distinct name is folded once.
  init(store: ResultsStore) {
    self.store = store
    var folded: [String: FoldedName] = [:]
    var areas: [String: FoldedName] = [:]
    var parties: [PartyRows] = []
    var partyPositions: [[String?]: Int] = [:]
    for index in store.records.indices {
      if let party = store.records[index].party, folded[party] == nil {
        folded[party] = FoldedName(party)
      }
      if let short = store.records[index].partyShort, folded[short] == nil {
        folded[short] = FoldedName(short)
      }
      let record = store.records[index]
      if let party = record.party ?? record.partyShort {
        let spelling = [party, record.partyShort]
        if let position = partyPositions[spelling] {
          parties[position].rows.append(index)
        } else {
          partyPositions[spelling] = parties.count
          parties.append(
            PartyRows(
              name: folded[party]!, short: record.partyShort.map { folded[$0]! }, rows: [index]))
        }
      }
      let area = store.records[index].area.name
      if areas[area] == nil { areas[area] = FoldedName(Self.withoutQualifier(area)) }
    }
    self.folded = folded
    self.areas = areas
    self.parties = parties
  }

  private func fold(_ name: String) -> FoldedName { folded[name] ?? FoldedName(name) }

  /// How well a record's party matches a party's canonical name: 3 same name, 2 same short
  /// code, 1 one name's words inside the other, 0 no match.
  func partyScore(_ canonical: String, _ record: ResultRecord, codes: Set<String>) -> Int {
    guard let party = record.party ?? record.partyShort else { return 0 }
    return partyScore(canonical, party: party, short: record.partyShort, codes: codes)
  }

  /// The same score for a party name and code as written.
  func partyScore(_ canonical: String, party: String, short: String?, codes: Set<String>) -> Int {
    PartyMatcher(canonical, codes: codes).score(fold(party), short: short.map(fold))
  }

  /// A party's canonical name folded once, for scoring many records.
  struct PartyMatcher {
    let wanted: FoldedName
    let bare: FoldedName
    let codes: Set<String>

    init(_ canonical: String, codes: Set<String>) {
      wanted = FoldedName(canonical)
      bare = FoldedName(wanted.words.filter { $0 != "party" }.joined(separator: " "))
      self.codes = codes
    }

    func score(_ name: FoldedName, short: FoldedName?) -> Int {
      if name == wanted { return 3 }
      if let short, codes.contains(short.key) { return 2 }
      if Self.contains(name.key, wanted.key) || Self.contains(wanted.key, name.key) { return 1 }
      // "Labour Party" and "Labour": the name without "Party".
      return !bare.isEmpty && Self.contains(name.key, bare.key) ? 1 : 0
    }

    /// Whether `needle`'s words are a run of whole words of `haystack` (both folded): a byte
    /// search that checks word boundaries, without Foundation.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
      let hay = Array(haystack.utf8)
      let pin = Array(needle.utf8)
      guard !pin.isEmpty else { return true }
      guard pin.count <= hay.count else { return false }
      for start in 0...(hay.count - pin.count) where hay[start] == pin[0] {
        guard start == 0 || hay[start - 1] == 0x20 else { continue }
        let end = start + pin.count
        guard end == hay.count || hay[end] == 0x20 else { continue }
        if hay[start..<end].elementsEqual(pin) { return true }
      }
      return false
    }
  }

  /// A matcher for `canonical` with its short codes.
  func matcher(_ canonical: String) -> PartyMatcher {
    memo.answer(MatcherKey(canonical: canonical)) {
      PartyMatcher(canonical, codes: partyCodes(canonical))
    }
  }

  /// A record's score under a matcher.
  func score(_ record: ResultRecord, _ matcher: PartyMatcher) -> Int {
    guard let party = record.party ?? record.partyShort else { return 0 }
    return matcher.score(fold(party), short: record.partyShort.map(fold))
  }

  /// The short codes of records whose party is spelled as `canonical`.
  func partyCodes(_ canonical: String) -> Set<String> {
    Set(store.records(forParty: canonical).compactMap { $0.partyShort.map { FoldedName($0).key } })
  }

  /// Every record of the party, in load order.
  ///
  /// Complexity: O(p) in the distinct spellings of parties, plus O(k log k) for the k records.
  func records(forParty canonical: String) -> [ResultRecord] {
    let matcher = matcher(canonical)
    var rows: [Int] = []
    for party in parties where matcher.score(party.name, short: party.short) > 0 {
      rows += party.rows
    }
    return rows.sorted().map { store.records[$0] }
  }

  /// Every record of the person: by full name, else by surname or a lone first name.
  func records(forPerson canonical: String) -> [ResultRecord] {
    let exact = store.records(forCandidate: canonical)
    if !exact.isEmpty { return exact }
    let words = FoldedName(canonical).words
    guard let last = words.last else { return [] }
    if words.count > 1, let given = words.first {
      // A surname match must agree on the first name, or one be short for the other ("Zac",
      // "Zachary"), where the file gives one.
      return store.records(forCandidate: String(last)).filter { record in
        guard let first = record.candidate.map(FoldedName.init)?.words.first else { return true }
        return first.hasPrefix(given) || given.hasPrefix(first)
      }
    }
    let bySurname = store.records(forCandidate: String(last))
    if !bySurname.isEmpty { return bySurname }
    return store.records.filter { FoldedName($0.candidate ?? "").words.first == last }
  }

  /// Whether a record's area is the place (a canonical place name or a GSS code).
  func area(_ record: ResultRecord, matches place: String) -> Bool {
    area(record, matches: FoldedName(place))
  }

  /// The same test for a place already folded.
  func area(_ record: ResultRecord, matches wanted: FoldedName) -> Bool {
    if let code = record.area.code, code.count == wanted.key.count,
      code.lowercased() == wanted.key
    {
      return true
    }
    let name = areas[record.area.name] ?? FoldedName(Self.withoutQualifier(record.area.name))
    return name == wanted || PartyMatcher.contains(name.key, wanted.key)
  }

  /// "England (124 councils with elections)" -> "England".
  static func withoutQualifier(_ name: String) -> String {
    guard let open = name.firstIndex(of: "(") else { return name }
    let stripped = name[..<open].trimmingCharacters(in: .whitespaces)
    return stripped.isEmpty ? name : String(stripped)
  }

  /// Every record of the entity: a person's candidacies, a party's rows, a place's areas.
  func records(for entity: Claim.EntityReference) -> [ResultRecord] {
    records(for: entity.kind, entity.canonical)
  }

  private func records(for kind: Mention.Kind, _ canonical: String) -> [ResultRecord] {
    memo.answer(EntityKey(kind: kind, canonical: canonical)) {
      switch kind {
      case .person: return records(forPerson: canonical)
      case .party: return records(forParty: canonical)
      case .place, .placeAdjective:
        let wanted = FoldedName(canonical)
        return store.records.filter { area($0, matches: wanted) }
      case .organization: return []
      }
    }
  }

  /// A record's value of `measure` (`ClaimCheck.value(of:measure:)`), built once per record:
  /// the readings of a party or place are tried for claim after claim.
  func reading(
    of record: ResultRecord, measure: Claim.Measure, isChange: Bool, make: () -> Reading?
  ) -> Reading? {
    // Remembered by the record's `file:line`, and used only for an equal record.
    let known = memo.answer(
      ReadingKey(record: record.provenance, measure: measure, isChange: isChange)
    ) { (record: record, reading: make()) }
    return known.record == record ? known.reading : make()
  }

  /// The sentences of a record's notes (`ClaimCheck.sentences`), split once per note.
  func sentences(ofNote note: String) -> [String] {
    memo.answer(NoteKey(note: note)) { ClaimCheck.sentences(note) }
  }

  /// Within each contest, only the party's records whose party matches the name best (the
  /// Scottish Conservatives' row over a looser match in the same count).
  func bestRecords(forParty canonical: String) -> [ResultRecord] {
    memo.answer(BestPartyKey(canonical: canonical)) {
      let records = records(for: .party, canonical)
      let matcher = matcher(canonical)
      let scores = records.map { score($0, matcher) }
      var best: [CountKey: Int] = [:]
      for (record, score) in zip(records, scores) {
        best[CountKey(record)] = max(best[CountKey(record)] ?? 0, score)
      }
      return zip(records, scores).filter { $0.1 == best[CountKey($0.0)] }.map(\.0)
    }
  }
}
