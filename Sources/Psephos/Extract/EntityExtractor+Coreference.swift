extension EntityScan {
  // MARK: Within-document resolution

  /// Names every person mention canonically and finds the surnames and given names that refer
  /// back (or forward) to a person the document names in full.
  ///
  /// Complexity: O(tokens + mentions).
  mutating func resolveWithinDocument() {
    var surnames: [UInt64: String?] = [:]
    var givenNames: [UInt64: String?] = [:]

    func note(_ key: UInt64, _ canonical: String, in table: inout [UInt64: String?]) {
      if let existing = table[key] {
        if existing != canonical { table[key] = .some(nil) }  // two people: ambiguous
      } else {
        table[key] = canonical
      }
    }

    // 1. Full names: canonical names and their parts.
    for index in found.indices where found[index].kind == .person {
      let item = found[index]
      let nameTokens = item.nameStart..<item.endToken
      let isPeer = item.rule == .peer
      var canonical: String
      if let sense = item.sense, knowledge.senses[Int(sense)].origin == .person {
        canonical = knowledge.senses[Int(sense)].canonical
      } else if item.rule == .hyphenPart {
        continue
      } else if item.rule == .givenName || item.rule == .context {
        // A known full name would have matched the gazetteer first, and wins a tie.
        canonical = text(of: item.range)
      } else {
        canonical = knownName(tokens: nameTokens) ?? text(of: item.range)
      }
      let personTokens = isPeer ? (item.nameStart + 1)..<item.endToken : nameTokens
      // "Baroness Thatcher" is Margaret Thatcher when the surname is a known short form.
      if isPeer, let known = knownName(tokens: personTokens) { canonical = known }
      guard personTokens.count >= 2 || isPeer && personTokens.count == 1 else { continue }
      found[index].canonical = canonical
      note(hash(personTokens.last!), canonical, in: &surnames)
      if !isPeer { note(hash(personTokens.first!), canonical, in: &givenNames) }
    }

    // 2. One-word people (titles, known short forms): the document's full name first.
    for index in found.indices where found[index].kind == .person && found[index].canonical == nil {
      let item = found[index]
      let nameTokens = item.nameStart..<item.endToken
      guard nameTokens.count == 1, item.rule != .hyphenPart else {
        if item.rule != .hyphenPart {
          found[index].canonical = knownName(tokens: nameTokens) ?? text(of: item.range)
        }
        continue
      }
      let key = hash(item.nameStart)
      if case .some(.some(let canonical)) = surnames[key] {
        found[index].canonical = canonical
      } else if case .some(.some(let canonical)) = givenNames[key] {
        found[index].canonical = canonical
      } else {
        found[index].canonical = knownName(tokens: nameTokens) ?? text(of: item.range)
      }
    }

    // 3. One-word party or place mentions that are really a named person's surname
    // ("Green" after "Damian Green", "Preston" after "John Preston").
    for index in found.indices where found[index].tokenCount == 1 && found[index].rule == .gazetteer
    {
      let item = found[index]
      guard item.kind == .party || item.kind == .place,
        case .some(.some(let canonical)) = surnames[hash(item.firstToken)]
      else { continue }
      if item.kind == .party && isWord(item.endToken, in: Cues.partyContext) { continue }
      if item.kind == .place && isWord(item.firstToken - 1, in: Cues.locative) { continue }
      found[index].kind = .person
      found[index].sense = nil
      found[index].rule = .coreference
      found[index].canonical = canonical
    }

    // 4. Bare surnames and given names nothing else claimed.
    var keys = HashSet64()
    for key in surnames.keys { keys.insert(key) }
    for key in givenNames.keys { keys.insert(key) }
    var covered = Array(repeating: false, count: tokens.count)
    for item in found where item.rule != .hyphenPart {
      for index in item.firstToken..<item.endToken { covered[index] = true }
    }
    for index in tokens.indices where !covered[index] && isCapitalized(index) {
      let key = hash(index)
      guard keys.contains(key) else {
        if isLoneGivenName(at: index) {
          found.append(
            Found(
              firstToken: index, endToken: index + 1, range: tokens[index].range, kind: .person,
              sense: nil, rule: .coreference, nameStart: index,
              canonical: text(of: tokens[index].range)))
        }
        continue
      }
      var resolved: String?
      if case .some(.some(let canonical)) = surnames[key] {
        resolved = canonical
      } else if case .some(.some(let canonical)) = givenNames[key],
        !(isSentenceInitial(index) && isCommonWord(index))
      {
        // "Will Labour win?" is not Will Straw, even in an article that names him.
        resolved = canonical
      }
      guard let canonical = resolved, acceptsBareName(at: index) else { continue }
      found.append(
        Found(
          firstToken: index, endToken: index + 1, range: tokens[index].range, kind: .person,
          sense: nil, rule: .coreference, nameStart: index, canonical: canonical))
    }
  }

  /// Whether an unclaimed capitalised word is a person named by one name on its own ("than
  /// Boris in 2012", "a Khan victory", "Corbyn’s Labour"): a name from the given-names list that
  /// is not an ordinary word, inside a sentence, with no capitalised word beside it.
  private mutating func isLoneGivenName(at index: Int) -> Bool {
    let wordClass = wordClass(index)
    guard wordClass.contains(.givenName), !isSentenceInitial(index), !shouting[index],
      !tokens[index].flags.contains(.allCaps), !tokens[index].flags.contains(.hyphenated)
    else { return false }
    let excluded: Knowledge.WordClass = [
      .commonWord, .nonName, .notGiven, .title, .peerage, .postnominal, .month,
    ]
    guard wordClass.isDisjoint(with: excluded) else { return false }
    return !isCapitalized(index - 1) && !isCapitalized(index + 1)
  }

  /// Whether a capitalised word that spells a named person's surname or given name is that
  /// person here, not a month, a cue word or a headline.
  private mutating func acceptsBareName(at index: Int) -> Bool {
    let wordClass = wordClass(index)
    if wordClass.contains(.nonName) || wordClass.contains(.title) { return false }
    if shouting[index] && wordClass.contains(.commonWord) { return false }
    if wordClass.contains(.month),
      isWord(index - 1, in: Cues.beforeDate) || isNumber(index + 1) || isNumber(index - 1)
    {
      return false
    }
    return true
  }

  /// The canonical name of a known person spelled by `tokens`, if the gazetteer has one.
  private mutating func knownName(tokens range: Range<Int>) -> String? {
    guard !range.isEmpty else { return nil }
    var hasher = FoldedHasher()
    for index in range {
      if index > range.lowerBound { hasher.addSeparator() }
      hasher.add(bytes, tokens[index].range)
    }
    let ranges = tokens[range].lazy.map(\.range)
    guard let entry = knowledge.phrases.entry(hash: hasher.value, ranges: ranges, in: bytes)
    else { return nil }
    for sense in knowledge.phrases.payloads(of: entry) {
      let info = knowledge.senses[Int(sense)]
      if info.kind == .person { return info.canonical }
    }
    return nil
  }

  /// The text of a range, with line breaks and no-break spaces as plain spaces.
  func text(of range: ByteRange) -> String {
    let raw = String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    guard raw.contains(where: { $0 == "\n" || $0 == "\u{00A0}" }) else { return raw }
    return String(raw.map { $0 == "\n" || $0 == "\u{00A0}" ? " " : $0 })
  }
}
