extension EntityScan {
  // MARK: Name shapes

  /// Whether token `index` can be part of a surname: a capitalised word that is not a cue word,
  /// not a party or organisation, and does not start a longer non-person name.
  mutating func isSurnameLike(_ index: Int) -> Bool {
    guard isCapitalized(index), !isSentenceInitial(index) else { return false }
    let wordClass = wordClass(index)
    if wordClass.contains(.nonName) || wordClass.contains(.title)
      || wordClass.contains(.peerage) || wordClass.contains(.postnominal)
    {
      return false
    }
    if let match = gazetteerMatch(at: index) {
      let info = knowledge.senses[Int(match.sense!)]
      switch info.origin {
      case .person, .personAlone: return true
      case .place: return match.tokenCount == 1
      // "Kate Green", "Andrew Reform": a one-word party that is also a surname.
      case .party: return match.tokenCount == 1 && wordClass.contains(.notGiven)
      default: return false
      }
    }
    return true
  }

  /// Whether token `index` is a middle initial ("W.") or a surname particle followed by a
  /// capitalised word ("von der Leyen", "ap Iorwerth").
  mutating func isNameFiller(_ index: Int) -> Bool {
    guard isWord(index) else { return false }
    let token = tokens[index]
    if token.flags.contains(.abbreviation), token.flags.contains(.capitalized),
      token.range.count == 2
    {
      return true
    }
    return !token.flags.contains(.capitalized) && wordClass(index).contains(.particle)
  }

  /// The end of a run of up to `limit` surname tokens starting at `start` (with initials and
  /// particles between them), and whether any of them is an ordinary English word.
  mutating func surnameRun(from start: Int, limit: Int) -> (end: Int, names: Int, common: Bool) {
    var index = start
    var end = start
    var names = 0
    var common = false
    while index < tokens.count, names < limit {
      if isNameFiller(index) {
        index += 1
        continue
      }
      guard isSurnameLike(index) else { break }
      if isCommonWord(index) { common = true }
      names += 1
      index += 1
      end = index
    }
    return (end, names, common)
  }

  /// A person after a courtesy title ("Mr Blair" -> "Blair", "Rt Hon Sir Keir Starmer MP") or
  /// a peer's title, which stays inside the name ("Lord Ashcroft", "Baroness Warsi").
  mutating func titledPerson(at start: Int) -> Found? {
    let wordClass = wordClass(start)
    if wordClass.contains(.peerage) {
      let run = surnameRun(from: start + 1, limit: 2)
      guard run.names >= 1, !shouting[start] else { return nil }
      return Found(
        firstToken: start, endToken: run.end,
        range: ByteRange(tokens[start].range.start, tokens[run.end - 1].range.end), kind: .person,
        sense: nil, rule: .peer, nameStart: start)
    }
    guard wordClass.contains(.title) else { return nil }
    var nameStart = start + 1
    while nameStart < tokens.count, isWord(nameStart),
      self.wordClass(nameStart).contains(.courtesy)
    {
      nameStart += 1
    }
    guard nameStart < tokens.count, isCapitalized(nameStart) else { return nil }
    let nameClass = self.wordClass(nameStart)
    if nameClass.contains(.nonName) || nameClass.contains(.peerage) || nameClass.contains(.role) {
      return nil
    }
    let strong = wordClass.contains(.courtesy)
    // "President Obama", "Chancellor Philip Hammond": a title that is also an office needs a
    // name that is clearly one.
    if !strong && isCommonWord(nameStart) && !nameClass.contains(.givenName) { return nil }
    if let match = gazetteerMatch(at: nameStart) {
      let info = knowledge.senses[Int(match.sense!)]
      if info.origin != .person && info.origin != .personAlone && info.origin != .place {
        return nil
      }
    }
    var end = nameStart + 1
    let run = surnameRun(from: end, limit: 2)
    if run.names > 0 { end = run.end }
    return Found(
      firstToken: start, endToken: end,
      range: ByteRange(tokens[nameStart].range.start, tokens[end - 1].range.end), kind: .person,
      sense: nil, rule: .titled, nameStart: nameStart)
  }

  /// A given name followed by capitalised surnames: "Tim Montgomerie", "Jonathan Carr-West",
  /// "Iain Duncan Smith".
  mutating func givenNamePerson(at start: Int) -> Found? {
    let wordClass = wordClass(start)
    guard wordClass.contains(.givenName), !wordClass.contains(.nonName),
      !wordClass.contains(.notGiven), !wordClass.contains(.title), !wordClass.contains(.peerage)
    else { return nil }
    guard isCapitalized(start + 1) || isNameFiller(start + 1) else { return nil }
    // An ordinary word as a given name ("Will", "Mark") is weak evidence only where every word
    // is capitalised anyway: at a sentence start or in a headline.
    let weak =
      wordClass.contains(.commonWord) && isSentenceInitial(start) || shouting[start]
    let run = surnameRun(from: start + 1, limit: 3)
    guard run.names >= 1 else { return nil }
    // "Will Straw", "Mark Field": an ordinary word followed by one is not enough on its own.
    if weak && run.common { return nil }
    return Found(
      firstToken: start, endToken: run.end,
      range: ByteRange(tokens[start].range.start, tokens[run.end - 1].range.end), kind: .person,
      sense: nil, rule: .givenName, nameStart: start)
  }

  /// Two or three capitalised words that the context marks as a name: "Priti Patel said",
  /// "Home Secretary Priti Patel", "Priti Patel, the Home Secretary", "Priti Patel MP".
  mutating func contextPerson(at start: Int, gazetteerFound: Bool) -> Found? {
    guard !gazetteerFound, isCapitalized(start + 1) || isNameFiller(start + 1) else { return nil }
    let wordClass = wordClass(start)
    guard !shouting[start], !wordClass.contains(.nonName), !wordClass.contains(.title),
      !wordClass.contains(.peerage),
      !wordClass.contains(.notGiven) || wordClass.contains(.givenName)
    else { return nil }
    let run = surnameRun(from: start + 1, limit: 2)
    guard run.names >= 1 else { return nil }
    guard hasPersonContext(before: start) || hasPersonContext(after: run.end) else { return nil }
    return Found(
      firstToken: start, endToken: run.end,
      range: ByteRange(tokens[start].range.start, tokens[run.end - 1].range.end), kind: .person,
      sense: nil, rule: .context, nameStart: start)
  }

  /// "said", "MP", "(Con)", ", who", ", the chief executive of" after a name.
  mutating func hasPersonContext(after end: Int) -> Bool {
    guard end < tokens.count else { return false }
    if isWord(end) {
      let next = wordClass(end)
      if next.contains(.speech) && !tokens[end].flags.contains(.capitalized) { return true }
      if next.contains(.postnominal) && tokens[end].flags.contains(.allCaps) { return true }
      if isWord(end, in: Cues.have) && end + 1 < tokens.count && isLowercaseWord(end + 1)
        && wordClass(end + 1).contains(.speech)
      {
        return true
      }
      return false
    }
    if isPunctuation(end, "("), end + 2 < tokens.count, isPunctuation(end + 2, ")"),
      let match = gazetteerMatch(at: end + 1), match.kind == .party
    {
      return true
    }
    if isPunctuation(end, ",") {
      if isWord(end + 1, in: Cues.who) { return true }
      var index = end + 1
      var words = 0
      while index < tokens.count, isWord(index), words < 8 {
        if wordClass(index).contains(.role) { return true }
        if !isWord(index, in: Cues.appositionFiller), gazetteerMatch(at: index) == nil {
          return false
        }
        words += 1
        index += 1
      }
    }
    return false
  }

  /// A role noun ("Labour leader X", "Home Secretary X"), "according to X" or "said X" before
  /// a name.
  mutating func hasPersonContext(before start: Int) -> Bool {
    let previous = start - 1
    guard previous >= 0 else { return false }
    // "Labour’s Angela Rayner", "Bristol West’s Thangam Debbonaire": a name after the possessive
    // of a party, place or body.
    if tokens[previous].flags.contains(.possessive), let last = found.last,
      last.endToken == previous, last.kind != .person
    {
      return true
    }
    guard isWord(previous) else { return false }
    let wordClass = wordClass(previous)
    if wordClass.contains(.role) { return true }
    if wordClass.contains(.speech) && isLowercaseWord(previous) {
      return previous >= 1
        && (isPunctuation(previous - 1, ",") || tokens[previous - 1].kind == .quote)
    }
    return isWord(previous, in: Cues.to) && isWord(previous - 1, in: Cues.according)
  }
}
