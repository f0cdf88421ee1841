/// Claims about council control, which need no figure: "Labour lost control in Dudley",
/// "losing Worcester to No Overall Control", "the Tories gained control of Trafford",
/// "Thurrock fell to the Conservatives".
extension ClaimReader {
  /// One claim per control phrase, in text order.
  ///
  /// Complexity: O(t) byte comparisons over the tokens, plus the phrase's sentence.
  func controlClaims() -> [Claim] {
    var claims: [Claim] = []
    var index = 0
    while index < tokens.count {
      // The verb is looked up first: most tokens are not one, and a claim is large to return.
      if tokens[index].kind == .word, let verb = controlVerb(at: index),
        let found = controlPhrase(at: index, verb: verb)
      {
        claims.append(found.claim)
        index = found.next
      } else {
        index += 1
      }
    }
    return claims
  }

  /// Words that may follow a place a control verb takes: the end of the clause or a
  /// preposition ("held Harlow.", "took Kensington from the Conservatives").
  static let afterPlaceWords: Set<String> = [
    "from", "to", "in", "on", "at", "for", "and", "with", "after", "despite", "while", "but",
    "by", "council", "this", "last", "again", "too", "also", "easily", "comfortably", "narrowly",
  ]
  /// The control verbs and the change each states, keyed by their letters packed into an
  /// integer (`packed`), so that testing a token costs one lookup and no allocation.
  static let controlVerbs: [UInt64: Claim.ControlChange] = {
    let words: [(Claim.ControlChange, [String])] = [
      (.lost, ["lost", "lose", "loses", "losing"]),
      (
        .gained,
        ["gained", "gain", "gains", "took", "take", "takes", "seized", "captured", "snatched"]
      ),
      (.won, ["won", "win", "wins"]),
      (.held, ["held", "kept", "retained", "hold", "keep", "retain", "holds", "keeps", "retains"]),
    ]
    var verbs: [UInt64: Claim.ControlChange] = [:]
    for (change, list) in words {
      for word in list { verbs[packed(Array(word.utf8))!] = change }
    }
    return verbs
  }()
  /// "fell", packed.
  static let fell = packed(Array("fell".utf8))!

  /// Up to 8 ASCII letters, lower-cased, one per byte of an integer; nil for anything else.
  static func packed<Bytes: Collection<UInt8>>(_ letters: Bytes) -> UInt64? {
    guard letters.count <= 8 else { return nil }
    var value: UInt64 = 0
    for byte in letters {
      let lower = byte | 0x20
      guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return nil }
      value = value << 8 | UInt64(lower)
    }
    return value
  }

  /// Nouns standing for the place named elsewhere in the sentence ("lost the seat to Labour").
  static let seatNouns: Set<String> = [
    "seat", "constituency", "council", "mayoralty", "borough", "ward", "authority",
  ]

  /// What a control verb says: a change of control, or "fell to" (a place fell to a party).
  private enum ControlVerb {
    case change(Claim.ControlChange)
    case fellTo
  }

  /// The control verb at token `index`, if it is one.
  private func controlVerb(at index: Int) -> ControlVerb? {
    // Every verb is 3 to 8 letters.
    let range = tokens[index].range
    guard range.count >= 3, range.count <= 8,
      let word = Self.packed(text.bytes[range.start..<range.end])
    else { return nil }
    if word == Self.fell { return isWord(index + 1, "to") ? .fellTo : nil }
    return Self.controlVerbs[word].map(ControlVerb.change)
  }

  /// The control claim whose verb is token `index`, and the token after its phrase.
  private func controlPhrase(at index: Int, verb: ControlVerb) -> (claim: Claim, next: Int)? {
    let change: Claim.ControlChange
    switch verb {
    case .fellTo: return fellTo(at: index)
    case .change(let stated): change = stated
    }
    if isWord(index + 1, "control"), isWord(index + 2, "of") || isWord(index + 2, "in") {
      // "lost control in Dudley", "gained control of Trafford".
      var placeToken = index + 3
      if isWord(placeToken, "the") { placeToken += 1 }
      guard let place = placeMention(startingAt: placeToken) else { return nil }
      return makeClaim(
        verb: index, place: place, change: change, end: mentionTokens[place].upperBound)
    }
    var next = index + 1
    if isWord(next, "the") { next += 1 }
    if let place = placeMention(startingAt: next) {
      let after = mentionTokens[place].upperBound
      // "losing Worcester to No Overall Control".
      if change == .lost, isWord(after, "to"), isWord(after + 1, "no"),
        isWord(after + 2, "overall"), isWord(after + 3, "control")
      {
        return makeClaim(verb: index, place: place, change: change, end: after + 4)
      }
      if change == .lost, isWord(after, "to"), isWord(after + 1, "noc") {
        return makeClaim(verb: index, place: place, change: change, end: after + 2)
      }
      // "Labour held Southampton.", "took Kensington from the Conservatives".
      guard
        after >= tokens.count || tokens[after].kind == .punctuation
          || Self.afterPlaceWords.contains(lower(after))
      else { return nil }
      return makeClaim(verb: index, place: place, change: change, end: after)
    }
    // "the Conservatives lost the seat to Labour": the place named elsewhere in the sentence.
    guard next > index + 1, next < tokens.count, Self.seatNouns.contains(lower(next)),
      let place = placeInSentence(of: index)
    else { return nil }
    return makeClaim(verb: index, place: place, change: change, end: next + 1)
  }

  /// The first place mention in the sentence of token `index`.
  private func placeInSentence(of index: Int) -> Int? {
    let sentence = sentences[segment(of: index, in: sentences)]
    return mentions(in: sentence.range).first { mentions[$0].kind == .place }
  }

  /// "Thurrock fell to the Conservatives": the party after "to" gained the place before.
  private func fellTo(at index: Int) -> (claim: Claim, next: Int)? {
    guard let place = mentionIndex(endingAt: index - 1), mentions[place].kind == .place else {
      return nil
    }
    var partyToken = index + 2
    if isWord(partyToken, "the") { partyToken += 1 }
    guard partyToken < tokens.count, mentionOfToken[partyToken] >= 0 else { return nil }
    let party = Int(mentionOfToken[partyToken])
    guard mentions[party].kind == .party else { return nil }
    let end = mentionTokens[party].upperBound
    let sentenceIndex = segment(of: index, in: sentences)
    let sentence = sentences[sentenceIndex]
    var context = controlContext(place: place, sentenceIndex: sentenceIndex)
    context.cues.append(tokens[index].range)
    let claim = Claim(
      range: sentence.range,
      keyRange: ByteRange(mentions[place].range.start, tokens[end - 1].range.end), figure: nil,
      subject: reference(party, .frame), measure: .councilControl, election: context,
      attribution: attribution(for: index, sentence: sentence), control: .gained)
    return (claim, end)
  }

  /// The place mention that starts at token `index`.
  private func placeMention(startingAt index: Int) -> Int? {
    guard index < tokens.count, mentionOfToken[index] >= 0 else { return nil }
    let mention = Int(mentionOfToken[index])
    guard mentionTokens[mention].lowerBound == index, mentions[mention].kind == .place else {
      return nil
    }
    return mention
  }

  private func makeClaim(verb: Int, place: Int, change: Claim.ControlChange, end: Int) -> (
    claim: Claim, next: Int
  ) {
    let sentenceIndex = segment(of: verb, in: sentences)
    let sentence = sentences[sentenceIndex]
    var subject: Claim.EntityReference?
    var position = verb - 1
    while position >= sentence.tokens.lowerBound, verb - position <= 4 {
      if let mention = mentionIndex(endingAt: position),
        mentions[mention].kind == .party
          || (mentions[mention].kind == .person && (change == .won || change == .lost))
      {
        subject = reference(mention, .frame)
        break
      }
      position -= 1
    }
    var issues: [String] = []
    if subject == nil {
      subject = subjectFromEarlierSentences(before: sentenceIndex, measure: .councilControl)
      if subject == nil { issues.append("no party found for this change of control") }
    }
    let keyStart = subject?.range?.start ?? tokens[verb].range.start
    var context = controlContext(place: place, sentenceIndex: sentenceIndex)
    context.cues.append(tokens[verb].range)
    context.cues.sort()
    let claim = Claim(
      range: sentence.range, keyRange: ByteRange(keyStart, tokens[end - 1].range.end),
      figure: nil, subject: subject, measure: .councilControl, election: context,
      attribution: attribution(for: verb, sentence: sentence), control: change, issues: issues)
    return (claim, end)
  }

  /// A local-election context at the council's place, with the sentence's year and relative
  /// words.
  private func controlContext(place: Int, sentenceIndex: Int) -> ElectionContext {
    let sentence = sentences[sentenceIndex]
    let words = SentenceWords(reader: self, sentence: sentence)
    let span = mentionTokens[place]
    var context = electionContext(
      for: span, figure: Figure(range: mentions[place].range, value: 0, unit: nil, kind: .count),
      sentenceIndex: sentenceIndex, words: words, excluding: nil, subject: nil)
    context.place = mentions[place].canonical
    context.isPlaceInherited = false
    if context.kind == nil || context.kind == .mayoral { context.kind = .local }
    return context
  }
}
