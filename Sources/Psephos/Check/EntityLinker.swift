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
/// Complexity: O(n) in the records for a party or place, O(1) expected for a person.
struct EntityLinker {
  let store: ResultsStore

  /// How well a record's party matches a party's canonical name: 3 same name, 2 same short
  /// code, 1 one name's words inside the other, 0 no match.
  func partyScore(_ canonical: String, _ record: ResultRecord, codes: Set<String>) -> Int {
    guard let party = record.party ?? record.partyShort else { return 0 }
    return partyScore(canonical, party: party, short: record.partyShort, codes: codes)
  }

  /// The same score for a party name and code as written.
  func partyScore(_ canonical: String, party: String, short: String?, codes: Set<String>) -> Int {
    let wanted = FoldedName(canonical)
    let name = FoldedName(party)
    if name == wanted { return 3 }
    if let short, codes.contains(FoldedName(short).key) { return 2 }
    if name.containsWords(of: wanted) || wanted.containsWords(of: name) { return 1 }
    // "Labour Party" and "Labour": the name without "Party".
    let bare = FoldedName(
      wanted.words.filter { $0 != "party" }.joined(separator: " "))
    return !bare.isEmpty && name.containsWords(of: bare) ? 1 : 0
  }

  /// The short codes of records whose party is spelled as `canonical`.
  func partyCodes(_ canonical: String) -> Set<String> {
    Set(store.records(forParty: canonical).compactMap { $0.partyShort.map { FoldedName($0).key } })
  }

  /// Every record of the party, best matches first within each contest.
  func records(forParty canonical: String) -> [ResultRecord] {
    let codes = partyCodes(canonical)
    return store.records.filter { partyScore(canonical, $0, codes: codes) > 0 }
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
    let wanted = FoldedName(place)
    if let code = record.area.code, FoldedName(code) == wanted { return true }
    let name = FoldedName(Self.withoutQualifier(record.area.name))
    return name == wanted || name.containsWords(of: wanted)
  }

  /// "England (124 councils with elections)" -> "England".
  static func withoutQualifier(_ name: String) -> String {
    guard let open = name.firstIndex(of: "(") else { return name }
    let stripped = name[..<open].trimmingCharacters(in: .whitespaces)
    return stripped.isEmpty ? name : String(stripped)
  }

  /// Every record of the entity: a person's candidacies, a party's rows, a place's areas.
  func records(for entity: Claim.EntityReference) -> [ResultRecord] {
    switch entity.kind {
    case .person: return records(forPerson: entity.canonical)
    case .party: return records(forParty: entity.canonical)
    case .place, .placeAdjective:
      return store.records.filter { area($0, matches: entity.canonical) }
    case .organization: return []
    }
  }
}
