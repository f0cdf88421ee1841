/// Cue words the gazetteer rules look at, compared by folded hash.
enum Cues {
  static let the = HashedWordSet(["the"])
  static let indefinite = HashedWordSet(["a", "an"])
  /// Words after which "Independent" is a candidate's label: "an Independent", "as an Independent".
  static let independentBefore = HashedWordSet(["an", "as"])
  /// Nouns after a party word that make it the party ("Green MP", "Independent councillor").
  static let partyContext = HashedWordSet([
    "mp", "mps", "msp", "msps", "mep", "meps", "am", "ams", "mla", "mlas", "peer", "peers",
    "councillor", "councillors", "candidate", "candidates", "party", "leader", "leaders",
    "co-leader", "co-leaders", "member", "members", "group", "groups", "voters", "vote", "votes",
    "supporters", "activists", "campaign", "campaigners", "council", "councils", "gain", "gains",
    "hold", "holds", "seat", "seats", "mayor", "government", "administration", "manifesto",
    "spokesman", "spokeswoman", "spokesperson", "surge", "share", "majority", "win", "victory",
  ])
  /// Words that follow a party code in results tables: "Con gain", "LD hold".
  static let codeContext = HashedWordSet(["gain", "hold", "majority", "win"])
  /// Lower-case words after "Labour" that make it the ordinary noun: "Labour market".
  static let labourNoun = HashedWordSet([
    "market", "markets", "force", "forces", "cost", "costs", "shortage", "shortages", "supply",
    "mobility", "productivity", "camp", "camps", "law", "laws", "relations", "intensive",
    "saving", "exchange", "exchanges", "pains", "ward", "standards", "rights", "movement",
  ])
  /// Lower-case words after "Green" that make it the colour or the idea: "Green belt".
  static let greenNoun = HashedWordSet([
    "belt", "belts", "energy", "space", "spaces", "light", "paper", "papers", "economy",
    "investment", "jobs", "technology", "technologies", "revolution", "homes", "growth",
    "recovery", "bonds", "finance", "agenda", "deal", "new", "card", "issues", "policies",
  ])
  /// Lower-case words after "Conservative"/"Liberal" at a sentence start that make it the
  /// ordinary adjective: "Conservative estimates suggest".
  static let adjectiveNoun = HashedWordSet([
    "estimate", "estimates", "values", "thinking", "approach", "figures", "assumptions",
    "democracy", "democracies", "values", "attitudes", "views", "opinion", "elite", "elites",
  ])
  /// Capitalised words after "Reform" that make it a law or a club, not the party.
  static let reformNoun = HashedWordSet(["act", "acts", "bill", "club", "treaty", "group"])
  /// Words after a place that show it is the subject of a sentence ("Reading voted").
  static let placeVerb = HashedWordSet([
    "is", "was", "has", "had", "voted", "votes", "will", "council", "remains", "returned",
    "elected", "swung", "went", "stayed", "backed", "and", "or",
  ])
  /// Locative prepositions before a place ("in Preston"), which keep it a place when the text
  /// also names a person with that surname.
  static let locative = HashedWordSet([
    "in", "at", "from", "to", "across", "around", "near", "outside", "of", "into", "through",
    "throughout", "towards", "via", "within",
  ])
  static let of = HashedWordSet(["of"])
  /// Capitalised nouns after a place that name a body ("Strathclyde University"). Councils are
  /// not here: a council named by its town is the place.
  static let organizationHead = HashedWordSet([
    "university", "college", "polytechnic", "hospital", "airport", "police", "constabulary",
    "fc", "chamber", "museum", "cathedral", "prison", "infirmary",
  ])
  static let who = HashedWordSet(["who", "whose"])
  static let according = HashedWordSet(["according"])
  static let to = HashedWordSet(["to"])
  static let have = HashedWordSet(["has", "had", "have"])
  /// Words before a month name that make it a date ("in May").
  static let beforeDate = HashedWordSet([
    "in", "since", "until", "till", "by", "of", "last", "next", "this", "early", "late", "mid",
    "before", "after", "during", "from", "on", "through", "between", "and", "or",
  ])
  /// Words that may stand between a comma and a role in an apposition ("X, the former leader").
  static let appositionFiller = HashedWordSet([
    "the", "a", "an", "former", "then", "its", "his", "her", "their", "now", "current",
    "new", "outgoing", "incoming", "acting", "interim", "deputy", "shadow", "senior", "veteran",
    "of", "for", "and", "in",
  ])
}

extension EntityScan {
  // MARK: Gazetteer

  /// The longest gazetteer phrase starting at token `start` that has a sense the context allows.
  mutating func gazetteerMatch(at start: Int) -> Found? {
    let phrases = knowledge.phrases
    var hasher = FoldedHasher()
    // Most capitalised words match one phrase or none: keep the first match out of the heap.
    var firstMatch: (end: Int, entry: Int)?
    var moreMatches: [(end: Int, entry: Int)] = []
    var end = start
    let limit = min(tokens.count, start + phrases.maxTokens)
    while end < limit {
      if end > start {
        // Phrases never span a sentence or paragraph break.
        if tokens[end].flags.contains(.paragraphBreakBefore)
          || tokens[end].flags.contains(.sentenceInitial)
        {
          break
        }
        hasher.addSeparator()
      }
      hasher.add(bytes, tokens[end].range)
      let ranges = tokens[start...end].lazy.map(\.range)
      if let entry = phrases.entry(hash: hasher.value, ranges: ranges, in: bytes),
        caseAgrees(phrases.entries[entry], from: start)
      {
        if firstMatch == nil {
          firstMatch = (end + 1, entry)
        } else {
          moreMatches.append((end + 1, entry))
        }
      }
      guard phrases.hasPrefix(hasher.value) else { break }
      end += 1
    }
    guard let firstMatch else { return nil }
    for match in moreMatches.reversed() {
      if let found = found(start: start, match: match) { return found }
    }
    return found(start: start, match: firstMatch)
  }

  private mutating func found(start: Int, match: (end: Int, entry: Int)) -> Found? {
    guard let sense = bestSense(entry: match.entry, start: start, end: match.end) else {
      return nil
    }
    let info = knowledge.senses[Int(sense)]
    return Found(
      firstToken: start, endToken: match.end,
      range: ByteRange(tokens[start].range.start, tokens[match.end - 1].range.end),
      kind: info.kind, sense: sense, rule: .gazetteer, nameStart: start)
  }

  /// Whether the text's capitals agree with the phrase's: capitalised phrase words must be
  /// capitalised in the text, and short acronyms must be in capitals.
  private func caseAgrees(_ entry: Gazetteer.Entry, from start: Int) -> Bool {
    for offset in 0..<Int(entry.tokenCount) {
      let flags = tokens[start + offset].flags
      let bit = UInt16(1) << UInt16(offset)
      if entry.capitals & bit != 0, !flags.contains(.capitalized) { return false }
      if entry.acronyms & bit != 0, !flags.contains(.allCaps),
        !isUppercaseLetters(tokens[start + offset].range)
      {
        return false
      }
    }
    return true
  }

  /// Whether every ASCII letter in `range` is a capital ("U.K.", whose letters the tokenizer
  /// counts before it absorbs the inner stops).
  private func isUppercaseLetters(_ range: ByteRange) -> Bool {
    var letters = 0
    for index in range.start..<range.end {
      let byte = bytes[index]
      if byte >= 0x61 && byte <= 0x7A { return false }
      if byte >= 0x41 && byte <= 0x5A { letters += 1 }
    }
    return letters >= 2
  }

  /// Sense priority on a tie: a full person, a party, an organisation, a place, a demonym, then
  /// a person's short form and a party code.
  private static func rank(_ origin: Knowledge.Origin) -> Int {
    switch origin {
    case .person: 8
    case .party: 7
    case .organization: 6
    case .place: 5
    case .informalPlace: 4
    case .placeAdjective: 3
    case .personAlone: 2
    case .partyCode: 1
    }
  }

  /// The best sense of a matched phrase that the context allows.
  mutating func bestSense(entry: Int, start: Int, end: Int) -> Int32? {
    let entryRecord = knowledge.phrases.entries[entry]
    let first = knowledge.senses[Int(entryRecord.payload)]
    if entryRecord.extra < 0 {
      return accepts(first, start: start, end: end) ? entryRecord.payload : nil
    }
    var best: Int32?
    var bestRank = -1
    for sense in knowledge.phrases.payloads(of: entry) {
      let info = knowledge.senses[Int(sense)]
      let rank = Self.rank(info.origin)
      guard rank > bestRank, accepts(info, start: start, end: end) else { continue }
      best = sense
      bestRank = rank
    }
    return best
  }

  /// Whether the context allows reading tokens `start..<end` with `sense`.
  mutating func accepts(_ sense: Knowledge.Sense, start: Int, end: Int) -> Bool {
    let single = end - start == 1
    let initial = isSentenceInitial(start)
    let loud = shouting[start]
    let common = single && isCommonWord(start)
    if loud && common && sense.origin != .party && sense.origin != .placeAdjective { return false }
    switch sense.origin {
    case .partyCode:
      return isPunctuation(start - 1, "(") && isPunctuation(end, ")")
        || isWord(end, in: Cues.codeContext)
    case .party:
      guard single else { return true }
      return acceptsPartyWord(sense, at: start)
    case .place:
      guard common else { return true }
      if isWord(start - 1, in: Cues.indefinite) { return false }
      if initial {
        return tokens.indices.contains(end)
          && (tokens[end].flags.contains(.possessive) || isWord(end, in: Cues.placeVerb))
      }
      return true
    case .informalPlace:
      guard single else { return true }
      return isWord(start - 1, in: Cues.the) && !isWord(end, in: Cues.of) && !isCapitalized(end)
    case .placeAdjective:
      return true
    case .organization:
      if sense.needsThe { return isWord(start - 1, in: Cues.the) }
      if common && initial { return isWord(start - 1, in: Cues.the) }
      return true
    case .person:
      return true
    case .personAlone:
      guard single else { return true }
      if common {
        // An ordinary word ("Goldsmith", "Castle") names a person only on its own, inside a
        // sentence: not in "Windsor Castle" or "Field Marshal".
        if initial || loud || isNameNeighbour(start - 1) || isNameNeighbour(end) { return false }
        if wordClass(start).contains(.month),
          isWord(start - 1, in: Cues.beforeDate) || isNumber(end) || isNumber(start - 1)
        {
          return false
        }
      }
      return true
    }
  }

  /// Whether token `index` is a capitalised word that could belong to a longer name (not "A",
  /// "The" or another cue word).
  mutating func isNameNeighbour(_ index: Int) -> Bool {
    isCapitalized(index) && !wordClass(index).contains(.nonName)
  }

  func isNumber(_ index: Int) -> Bool {
    index >= 0 && index < tokens.count && tokens[index].kind == .number
  }

  /// Party words that are also ordinary words: "Labour market", "Green belt", "Independent
  /// experts", "Conservative estimates", "Reform Act".
  private mutating func acceptsPartyWord(_ sense: Knowledge.Sense, at index: Int) -> Bool {
    let next = index + 1
    let initial = isSentenceInitial(index)
    let partyContext = isWord(next, in: Cues.partyContext)
    switch sense.canonical {
    case "Labour Party":
      return !(isLowercaseWord(next) && isWord(next, in: Cues.labourNoun))
    case "Green Party":
      if isLowercaseWord(next) && isWord(next, in: Cues.greenNoun) { return false }
      if initial {
        return partyContext
          || tokens.indices.contains(next)
            && tokens[next].flags.contains(.possessive)
      }
      // "Green Paper", "Green Investment Bank": another capitalised word that is not a name cue.
      if isCapitalized(next) && !partyContext { return false }
      return true
    case "Independent":
      if isPunctuation(index - 1, "(") && isPunctuation(next, ")") { return true }
      return isWord(index - 1, in: Cues.independentBefore) || partyContext
    case "Reform UK":
      return !initial && !isWord(next, in: Cues.reformNoun) && !isWord(index - 1, in: Cues.the)
    case "Liberal Party", "Conservative Party":
      if initial && isLowercaseWord(next) && isWord(next, in: Cues.adjectiveNoun) { return false }
      return true
    default:
      return true
    }
  }

  // MARK: Hyphenated words

  /// Looks for names inside a hyphenated word: "London-centric", "anti-Tory",
  /// "Not-Jeremy-Corbyn-candidate".
  mutating func searchHyphenParts(of index: Int) {
    let token = tokens[index]
    var parts: [ByteRange] = []
    var partStart = token.range.start
    for position in token.range.start..<token.range.end
    where bytes[position] == UInt8(ascii: "-") {
      if position > partStart { parts.append(ByteRange(partStart, position)) }
      partStart = position + 1
    }
    if token.range.end > partStart { parts.append(ByteRange(partStart, token.range.end)) }
    guard parts.count >= 2 else { return }
    let phrases = knowledge.phrases
    var part = 0
    while part < parts.count {
      let first = bytes[parts[part].start]
      guard first >= 0x41 && first <= 0x5A else {
        part += 1
        continue
      }
      var hasher = FoldedHasher()
      var best: (end: Int, sense: Int32)?
      var end = part
      while end < parts.count {
        if end > part { hasher.addSeparator() }
        hasher.add(bytes, parts[end])
        if let entry = phrases.entry(hash: hasher.value, ranges: parts[part...end], in: bytes),
          partsAgree(phrases.entries[entry], parts[part...end]),
          let sense = partSense(entry: entry, parts: parts[part...end])
        {
          best = (end + 1, sense)
        }
        guard phrases.hasPrefix(hasher.value) else { break }
        end += 1
      }
      if let best {
        let info = knowledge.senses[Int(best.sense)]
        found.append(
          Found(
            firstToken: index, endToken: index + 1,
            range: ByteRange(parts[part].start, parts[best.end - 1].end), kind: info.kind,
            sense: best.sense, rule: .hyphenPart, nameStart: index))
        part = best.end
      } else {
        part += 1
      }
    }
  }

  private func partsAgree(_ entry: Gazetteer.Entry, _ parts: ArraySlice<ByteRange>) -> Bool {
    for (offset, part) in parts.enumerated() {
      let bit = UInt16(1) << UInt16(offset)
      let first = bytes[part.start]
      let upper = first >= 0x41 && first <= 0x5A
      if entry.capitals & bit != 0, !upper { return false }
      if entry.acronyms & bit != 0,
        !(part.start..<part.end).allSatisfy({ bytes[$0] >= 0x41 && bytes[$0] <= 0x5A })
      {
        return false
      }
    }
    return true
  }

  /// A sense for a name inside a hyphenated word: no codes, no informal one-word places, and no
  /// ordinary English words.
  private func partSense(entry: Int, parts: ArraySlice<ByteRange>) -> Int32? {
    var best: Int32?
    var bestRank = -1
    for sense in knowledge.phrases.payloads(of: entry) {
      let info = knowledge.senses[Int(sense)]
      switch info.origin {
      case .partyCode, .informalPlace: continue
      case .organization where info.needsThe: continue
      default: break
      }
      if parts.count == 1, info.origin != .party, info.origin != .placeAdjective,
        isCommonWordBytes(parts.first!)
      {
        continue
      }
      let rank = Self.rank(info.origin)
      if rank > bestRank {
        best = sense
        bestRank = rank
      }
    }
    return best
  }

  private func isCommonWordBytes(_ range: ByteRange) -> Bool {
    var hasher = FoldedHasher()
    hasher.add(bytes, range)
    return knowledge.wordClass(hash: hasher.value, range: range, in: bytes).contains(.commonWord)
  }
}
