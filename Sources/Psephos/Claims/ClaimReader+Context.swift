/// Which election a claim is about, and who made it.
extension ClaimReader {
  /// Phrases naming a kind of election, most specific first.
  static let kindPhrases: [(phrase: [String], kind: ResultRecord.Election.Kind)] = [
    (["general", "election"], .general), (["general", "elections"], .general),
    (["westminster"], .general), (["london", "assembly"], .londonAssembly),
    (["scottish", "parliament"], .scottishParliament), (["holyrood"], .scottishParliament),
    (["welsh", "assembly"], .welshAssembly), (["senedd"], .welshAssembly),
    (["national", "assembly", "for", "wales"], .welshAssembly),
    (["european", "elections"], .european), (["european", "election"], .european),
    (["european", "parliament"], .european), (["euro", "elections"], .european),
    (["meps"], .european), (["referendum"], .referendum), (["mayoral"], .mayoral),
    (["mayoralty"], .mayoral), (["mayor"], .mayoral), (["local", "elections"], .local),
    (["local", "election"], .local), (["council", "elections"], .local),
    (["councillors"], .local), (["councils"], .local), (["council"], .local),
  ]
  /// Phrases naming a count.
  static let roundPhrases: [(phrase: [String], round: ElectionContext.Round)] = [
    (["first", "preferences"], .first), (["first", "preference"], .first),
    (["first-preference"], .first), (["first", "round"], .first), (["first", "count"], .first),
    (["second", "preferences"], .final), (["final", "round"], .final), (["run-off"], .final),
    (["final", "count"], .final), (["second", "round"], .final), (["list", "vote"], .list),
    (["list", "ballot"], .list), (["regional", "list"], .list), (["list", "votes"], .list),
    (["constituency", "vote"], .constituency), (["constituency", "ballot"], .constituency),
    (["constituency", "votes"], .constituency),
  ]
  /// Phrases naming an election relative to the article.
  static let relativePhrases: [(phrase: [String], relative: ElectionContext.Relative)] = [
    (["this", "week", "'s"], .current), (["last", "night", "'s"], .current),
    (["yesterday", "'s"], .current), (["thursday", "'s"], .current), (["today", "'s"], .current),
    (["this", "year", "'s"], .current), (["last", "night", "results"], .current),
    (["the", "last", "time"], .previous), (["last", "time"], .previous),
    (["previous", "election"], .previous), (["four", "years", "ago"], .previous),
    (["next", "year"], .next), (["next", "time"], .next), (["up", "for", "election"], .next),
  ]
  /// Nouns after a demonym that make it the place of an election.
  static let electionNouns: Set<String> = [
    "local", "elections", "election", "parliament", "assembly", "councils", "council",
    "referendum", "voters", "seats", "constituencies", "electorate", "results", "vote",
  ]
  /// Words that open a scope for the rest of a paragraph: "Across London, ...".
  static let scopeWords: Set<String> = ["across", "throughout", "in", "outside", "within"]
  /// Verbs of saying.
  static let speechVerbs: Set<String> = [
    "said", "says", "say", "noted", "notes", "argued", "argues", "told", "tells", "wrote",
    "writes", "claimed", "claims", "insisted", "insists", "warned", "warns", "added", "adds",
    "explained", "observed", "remarked", "suggested", "suggests", "reported", "reports",
    "pointed", "point", "points", "admitted", "conceded", "boasted", "declared",
  ]

  /// The election context of the claim at `span`: the sentence's years (outside comparisons
  /// and exceptions), kind words, place, count and relative references.
  func electionContext(
    for span: Range<Int>, figure: Figure, sentenceIndex: Int, words: SentenceWords,
    excluding comparison: ByteRange?, subject: Claim.EntityReference?
  ) -> ElectionContext {
    var context = ElectionContext()
    let sentence = sentences[sentenceIndex]
    // Comparisons of every figure in the sentence own their years ("than Boris in 2012").
    let comparisons = figures[figures(in: sentence.range)].compactMap(\.comparison).filter {
      sentence.range.start <= $0.start && $0.end <= sentence.range.end
    }
    // Years of the figure's clause (between semicolons) come before the rest of the sentence.
    var clause = sentence.tokens
    let figureStart = max(span.lowerBound, clause.lowerBound)
    let figureEnd = min(max(span.upperBound, figureStart), clause.upperBound)
    if let semicolon = clause[..<figureStart].last(where: { isByte($0, UInt8(ascii: ";")) }) {
      clause = (semicolon + 1)..<clause.upperBound
    }
    if let semicolon = clause[figureEnd...].first(where: { isByte($0, UInt8(ascii: ";")) }) {
      clause = clause.lowerBound..<semicolon
    }
    var bestDistance = Int.max
    for index in sentence.tokens {
      guard let figureIndex = figureIndex(startingAt: index) else { continue }
      let candidate = figures[figureIndex]
      guard candidate.kind == .year, candidate.range != figure.range,
        let year = candidate.value.integerValue,
        !comparisons.contains(where: {
          $0.start <= candidate.range.start && candidate.range.end <= $0.end
        }),
        exceptionYears(startingAt: index, in: sentence) == nil,
        !isDecade(candidate), !(isWord(index - 1, "since") || isWord(index - 1, "until"))
      else { continue }
      // Nearest in the clause; after the figure on a tie ("to 36.9% in 2017"); not past
      // another figure, whose year it is ("from 50% in 2015 to 36.9%").
      let before = index < span.lowerBound
      let between = before ? (index + 1)..<span.lowerBound : span.upperBound..<index
      let crossesFigure = between.contains {
        figureOfToken[$0] >= 0 && figures[Int(figureOfToken[$0])].kind != .year
      }
      let gap = before ? span.lowerBound - index : index - (span.upperBound - 1)
      let distance =
        2 * gap + (before ? 1 : 0) + (clause.contains(index) ? 0 : 1000) + (crossesFigure ? 100 : 0)
      if distance < bestDistance {
        if let previous = context.year, previous != year {
          context.cues.removeAll { text.string($0) == String(previous) }
        }
        bestDistance = distance
        context.year = year
        context.cues.append(candidate.range)
      }
    }
    for (phrase, kind) in Self.kindPhrases {
      if let index = words.index(ofPhrase: phrase) {
        context.kind = kind
        context.cues.append(
          ByteRange(tokens[index].range.start, tokens[index + phrase.count - 1].range.end))
        break
      }
    }
    for (phrase, round) in Self.roundPhrases {
      if let index = words.index(ofPhrase: phrase) {
        context.round = round
        context.cues.append(
          ByteRange(tokens[index].range.start, tokens[index + phrase.count - 1].range.end))
        break
      }
    }
    for (phrase, relative) in Self.relativePhrases {
      if let index = words.index(ofPhrase: phrase) {
        context.relative = relative
        context.cues.append(
          ByteRange(tokens[index].range.start, tokens[index + phrase.count - 1].range.end))
        break
      }
    }
    // Places: a place named in the sentence (not the subject, not in the comparison), or a
    // metonym standing for one ("City Hall").
    for mentionIndex in mentions(in: sentence.range)
    where mentions[mentionIndex].range.end <= sentence.range.end {
      let mention = mentions[mentionIndex]
      if let comparison, comparison.start <= mention.range.start,
        mention.range.end <= comparison.end
      {
        continue
      }
      if mention.range == subject?.range { continue }
      if mention.isMetonymy, let refersTo = mention.refersTo, refersTo.contains("Mayor of London") {
        if context.kind == nil { context.kind = .mayoral }
        if context.place == nil { context.place = "London" }
        context.cues.append(mention.range)
        continue
      }
      // A demonym is a place only before an election word ("English local elections"), not
      // in "British history".
      let isElectionAdjective =
        mention.kind == .placeAdjective && !mention.canonical.hasPrefix("Europe")
        && Self.electionNouns.contains(words[mentionTokens[mentionIndex].upperBound])
      if context.place == nil, mention.kind == .place || isElectionAdjective,
        subject?.kind != .place || subject?.canonical != mention.canonical
      {
        context.place = mention.canonical
        context.cues.append(mention.range)
      }
    }
    if context.place == nil, let scope = scopedPlace(before: sentenceIndex) {
      context.place = scope
      context.isPlaceInherited = true
    }
    if context.kind == nil, figure.unit == "councillors" || figure.unit == "councils" {
      context.kind = .local
    }
    if context.kind == nil, referendumOption(words: words) != nil { context.kind = .referendum }
    // "six years into Government": an office won at general elections.
    if figure.kind == .duration, words[span.upperBound] == "into" || words[span.upperBound] == "in",
      words[span.upperBound + 1] == "government"
    {
      context.kind = .general
    }
    context.cues.sort()
    return context
  }

  /// "1980s", "1980's": a decade is not one election's year.
  func isDecade(_ figure: Figure) -> Bool {
    let last = text.bytes[figure.range.end - 1]
    return last == UInt8(ascii: "s") || last == UInt8(ascii: "S")
  }

  /// The place a sentence earlier in the same paragraph put in scope by opening with "Across
  /// London," or "In Scotland,", if no sentence since has opened another scope.
  func scopedPlace(before sentenceIndex: Int) -> String? {
    guard sentenceIndex > 0 else { return nil }
    let paragraph = segment(of: sentences[sentenceIndex].tokens.lowerBound, in: paragraphs)
    var index = sentenceIndex - 1
    while index >= 0, segment(of: sentences[index].tokens.lowerBound, in: paragraphs) == paragraph {
      let first = sentences[index].tokens.lowerBound
      if Self.scopeWords.contains(lower(first)),
        let mention = mentionIndex(endingAt: mentionEnd(from: first + 1)),
        mentions[mention].kind == .place,
        isByte(mentionTokens[mention].upperBound, UInt8(ascii: ","))
      {
        return mentions[mention].canonical
      }
      index -= 1
    }
    return nil
  }

  /// The last token of the mention starting at token `index`, or `index` itself.
  private func mentionEnd(from index: Int) -> Int {
    guard index < tokens.count, mentionOfToken[index] >= 0 else { return index }
    return mentionTokens[Int(mentionOfToken[index])].upperBound - 1
  }

  // MARK: Attribution

  /// Who made the claim at token `index`: reported speech in its sentence ("as a senior
  /// Conservative contacted me to point out"), and the speaker of the quotation it is in ("As
  /// Tim Shipman noted in this morning’s Red Box email: ‘...’").
  func attribution(for index: Int, sentence: Segment) -> Claim.Attribution? {
    let inner = speaker(in: sentence.tokens)
    let isQuoted = tokens[index].flags.contains(.insideQuotes)
    let outer = isQuoted ? quotationSpeaker(for: index) : nil
    if let inner {
      let reporter = outer?.name == inner.name ? nil : outer?.name
      return Claim.Attribution(
        speaker: inner.name, range: inner.range, reportedBy: reporter, isQuotation: isQuoted)
    }
    if let outer {
      return Claim.Attribution(
        speaker: outer.name, range: outer.range, reportedBy: nil, isQuotation: true)
    }
    return nil
  }

  /// A speaker in `span`: a person, organisation or party member ("a senior Conservative")
  /// within four tokens before a verb of saying, or after "according to".
  func speaker(in span: Range<Int>) -> (name: String, range: ByteRange)? {
    for index in span {
      let word = lower(index)
      if word == "according", isWord(index + 1, "to") {
        // "according to the Electoral Commission".
        let name = isWord(index + 2, "the") ? index + 3 : index + 2
        if name < span.upperBound, mentionOfToken[name] >= 0 {
          return speakerPhrase(Int(mentionOfToken[name]))
        }
      }
      guard Self.speechVerbs.contains(word) else { continue }
      if word == "point" || word == "pointed" || word == "points" {
        guard isWord(index + 1, "out") else { continue }
      }
      var position = index - 1
      while position >= max(span.lowerBound, index - 5) {
        if let mention = mentionIndex(endingAt: position),
          [.person, .organization, .party].contains(mentions[mention].kind)
        {
          if mentions[mention].kind == .party, !isMemberNoun(mention) { break }
          return speakerPhrase(mention)
        }
        position -= 1
      }
      // "..., said Tim Shipman."
      if index + 1 < span.upperBound,
        let mention = mentionIndex(endingAt: mentionEnd(from: index + 1)),
        mentions[mention].kind == .person
      {
        return speakerPhrase(mention)
      }
    }
    return nil
  }

  /// Whether a party mention names a member ("a senior Conservative", "one Tory source"),
  /// not the party.
  func isMemberNoun(_ mention: Int) -> Bool {
    let first = mentionTokens[mention].lowerBound
    let next = mentionTokens[mention].upperBound
    return ["a", "an", "one", "senior", "leading", "prominent", "veteran", "another"].contains(
      lower(max(0, first - 1)))
      || ["source", "sources", "mp", "insider", "official", "spokesman", "spokeswoman"].contains(
        next < tokens.count ? lower(next) : "")
  }

  /// The speaker's words: the mention, with a determiner and adjectives before it and a noun
  /// such as "source" after it ("a senior Conservative", "an unnamed Tory source").
  func speakerPhrase(_ mention: Int) -> (name: String, range: ByteRange) {
    var start = mentionTokens[mention].lowerBound
    var end = mentionTokens[mention].upperBound
    if mentions[mention].kind == .party {
      var position = start - 1
      while position >= 0, start - position <= 3, tokens[position].kind == .word,
        !tokens[position].flags.contains(.capitalized)
          || tokens[position].flags.contains(.sentenceInitial)
      {
        let word = lower(position)
        start = position
        if ["a", "an", "one", "the"].contains(word) { break }
        position -= 1
      }
      if end < tokens.count,
        ["source", "sources", "mp", "insider", "official"].contains(lower(end))
      {
        end += 1
      }
    }
    let range = ByteRange(tokens[start].range.start, tokens[end - 1].range.end)
    let name = mentions[mention].kind == .person ? mentions[mention].canonical : text.string(range)
    return (name, range)
  }

  /// The speaker of the quotation that token `index` is in: a verb of saying in the 30 tokens
  /// before the opening mark, or right after the closing one.
  func quotationSpeaker(for index: Int) -> (name: String, range: ByteRange)? {
    var open = index
    while open >= 0, !(tokens[open].kind == .quote && tokens[open].flags.contains(.opening)) {
      open -= 1
    }
    if open > 0, let found = speaker(in: max(0, open - 30)..<open) { return found }
    var close = index
    while close < tokens.count,
      !(tokens[close].kind == .quote && tokens[close].flags.contains(.closing))
    {
      close += 1
    }
    if close + 1 < tokens.count {
      return speaker(in: (close + 1)..<min(tokens.count, close + 8))
    }
    return nil
  }
}
