/// Whose result a figure is, and what it is compared with.
extension ClaimReader {
  /// Pronouns that stand for a person.
  static let personPronouns: Set<String> = ["he", "she", "him", "his", "her"]
  /// Pronouns that stand for a party.
  static let partyPronouns: Set<String> = ["they", "their", "them"]
  /// Nouns that stand for a place named earlier ("a region that voted 60 per cent remain").
  static let placeNouns: Set<String> = [
    "region", "city", "country", "nation", "area", "constituency", "borough", "county",
    "capital", "town", "ward", "seat",
  ]
  /// Tokens at most this far before a figure make a frame ("Labour gained 823").
  static let frameDistance = 4

  /// The subject of the figure at `span`: bracketed, framed, a pronoun, or the nearest
  /// suitable mention in the sentence; nil if the sentence has none.
  func subject(
    for figure: Figure, span: Range<Int>, measure: Claim.Measure, words: SentenceWords,
    option: String?
  ) -> Claim.EntityReference? {
    var kinds = suitableKinds(for: measure)
    if option != nil { kinds.insert(.place) }
    let sentence = words.tokens
    let comparison = figure.comparison.map(tokenSpan(of:))

    // "Goldsmith (994,614)", "Labour’s (1,545,080)".
    if isByte(span.lowerBound - 1, UInt8(ascii: "(")), isByte(span.upperBound, UInt8(ascii: ")")) {
      var before = span.lowerBound - 2
      if before >= sentence.lowerBound, tokens[before].flags.contains(.possessive) { before -= 1 }
      if let mention = mentionIndex(endingAt: before), kinds.contains(mentions[mention].kind) {
        return reference(mention, .parenthetical)
      }
    }

    // "56 of Scotland’s 59 seats": the total of a place, or of the count in view.
    if let total = totalFrame(before: span.lowerBound, in: sentence) { return total }

    // Leftwards: the nearest suitable mention or pronoun.
    var index = span.lowerBound - 1
    while index >= sentence.lowerBound {
      if isByte(index, UInt8(ascii: ")")), let open = openingBracket(before: index, in: sentence) {
        index = open - 1
        continue
      }
      if isDash(index), let open = earlierDash(before: index, in: sentence) {
        index = open - 1  // a dash-delimited aside
        continue
      }
      if let mention = mentionIndex(endingAt: index) {
        if kinds.contains(mentions[mention].kind), !mentions[mention].isMetonymy {
          let distance = span.lowerBound - index
          return reference(mention, distance <= Self.frameDistance ? .frame : .nearest)
        }
        index = mentionTokens[mention].lowerBound - 1
        continue
      }
      let word = words[index]
      // "his party’s vote share": the party named last before it.
      if word == "party", kinds.contains(.party),
        ["his", "her", "their"].contains(words[index - 1]),
        let resolved = antecedent(of: index, kinds: [.party])
      {
        return resolved
      }
      if kinds.contains(.person), Self.personPronouns.contains(word),
        let resolved = antecedent(of: index, kinds: [.person])
      {
        return resolved
      }
      if kinds.contains(.party), Self.partyPronouns.contains(word),
        let resolved = antecedent(of: index, kinds: [.party])
      {
        return resolved
      }
      if Self.placeNouns.contains(word), kinds.contains(.place) || option != nil,
        ["a", "an", "this", "that", "the"].contains(words[index - 1]),
        let resolved = antecedent(of: index, kinds: [.place])
      {
        return resolved  // "a region that voted 60 per cent remain"
      }
      index -= 1
    }

    // Rightwards, outside the comparison: "60 per cent of Scots", "votes for Labour".
    index = span.upperBound
    while index < sentence.upperBound {
      if let comparison, comparison.contains(index) {
        index = comparison.upperBound
        continue
      }
      if isByte(index, UInt8(ascii: "(")), let close = closingBracket(after: index, in: sentence) {
        index = close + 1
        continue
      }
      if mentionOfToken[index] >= 0 {
        let mention = Int(mentionOfToken[index])
        if kinds.contains(mentions[mention].kind), !mentions[mention].isMetonymy {
          let isFramed = words[span.upperBound] == "for" || index - span.upperBound <= 1
          return reference(mention, isFramed ? .frame : .nearest)
        }
        index = mentionTokens[mention].upperBound
        continue
      }
      index += 1
    }
    return nil
  }

  /// For "N of [PLACE’s] M seats" at token `index` (the M), the place whose total M is; nil
  /// when the figure is not such a total or names no place (the total is then of the count in
  /// view, which the caller leaves to the context).
  func totalFrame(before index: Int, in sentence: Range<Int>) -> Claim.EntityReference? {
    var position = index - 1
    var place: Int?
    if position >= sentence.lowerBound, tokens[position].flags.contains(.possessive) {
      position -= 1
    }
    if let mention = mentionIndex(endingAt: position), mentions[mention].kind == .place {
      place = mention
      position = mentionTokens[mention].lowerBound - 1
    }
    guard isWord(position, "of"), position - 1 >= sentence.lowerBound,
      figureOfToken[position - 1] >= 0, let place
    else { return nil }
    return reference(place, .frame)
  }

  /// Verbs of one candidate or party finishing ahead of another by a margin.
  static let beatVerbs: Set<String> = [
    "beat", "beats", "beating", "defeated", "defeats", "defeating", "edged", "pipped",
    "trounced", "thrashed", "outpolled", "outpolls", "led", "leads", "trailed", "trails", "lost",
    "loses", "lose",
  ]

  /// "Boris Johnson beat Ken Livingstone by almost 140,000 votes", "Goldsmith lost to Khan by
  /// 315,529": the subject before the verb and the one compared with after it.
  func beatFrame(before span: Range<Int>, words: SentenceWords) -> (
    subject: Claim.EntityReference, comparison: Claim.Comparison
  )? {
    var by = span.lowerBound - 1
    while by > words.start, span.lowerBound - by <= 3, !isWord(by, "by"),
      tokens[by].kind == .word, mentionOfToken[by] < 0
    {
      by -= 1  // a hedge between "by" and the number: "by almost 140,000"
    }
    guard isWord(by, "by"), let beaten = mentionIndex(endingAt: by - 1),
      [.person, .party].contains(mentions[beaten].kind)
    else { return nil }
    var verb = mentionTokens[beaten].lowerBound - 1
    if isWord(verb, "the") { verb -= 1 }
    if isWord(verb, "to") { verb -= 1 }
    guard verb >= words.start, Self.beatVerbs.contains(words[verb]) else { return nil }
    var position = verb - 1
    while position >= words.start, verb - position <= 4 {
      if let mention = mentionIndex(endingAt: position),
        [.person, .party].contains(mentions[mention].kind)
      {
        let comparison = Claim.Comparison(
          range: mentions[beaten].range, entity: reference(beaten, .comparison),
          figure: bracketedFigure(after: by - 1))
        return (reference(mention, .frame), comparison)
      }
      if Self.personPronouns.contains(words[position]),
        let resolved = antecedent(of: position, kinds: [.person])
      {
        let comparison = Claim.Comparison(
          range: mentions[beaten].range, entity: reference(beaten, .comparison))
        return (resolved, comparison)
      }
      position -= 1
    }
    return nil
  }

  /// The last suitable mention in the three sentences before `sentenceIndex` (reaching back
  /// into the previous paragraph at most), for a subject the sentence leaves implicit.
  func subjectFromEarlierSentences(before sentenceIndex: Int, measure: Claim.Measure)
    -> Claim.EntityReference?
  {
    guard sentenceIndex > 0 else { return nil }
    let kinds = suitableKinds(for: measure)
    let paragraph = segment(of: sentences[sentenceIndex].tokens.lowerBound, in: paragraphs)
    let earliest = max(0, sentenceIndex - 3)
    for index in stride(from: sentenceIndex - 1, through: earliest, by: -1) {
      let sentence = sentences[index]
      if paragraph - segment(of: sentence.tokens.lowerBound, in: paragraphs) > 1 { break }
      let found = mentions(in: sentence.range).last { mention in
        kinds.contains(mentions[mention].kind) && !mentions[mention].isMetonymy
      }
      if let found {
        var reference = reference(found, .context)
        reference.range = nil
        return reference
      }
    }
    return nil
  }

  /// The last mention of one of `kinds` before token `index`, within two paragraphs: what a
  /// pronoun or "a region that" refers to. The reference's range is the pronoun's.
  func antecedent(of index: Int, kinds: Set<Mention.Kind>) -> Claim.EntityReference? {
    let start = tokens[index].range.start
    let paragraph = segment(of: index, in: paragraphs)
    let limit = paragraphs.isEmpty ? 0 : paragraphs[max(0, paragraph - 1)].range.start
    var low = 0
    var high = mentions.count
    while low < high {
      let middle = (low + high) / 2
      if mentions[middle].range.end <= start { low = middle + 1 } else { high = middle }
    }
    var candidate = low - 1
    while candidate >= 0, mentions[candidate].range.start >= limit {
      let mention = mentions[candidate]
      if kinds.contains(mention.kind), !mention.isMetonymy {
        let isPlaceNoun = kinds == [.place]
        return Claim.EntityReference(
          canonical: mention.canonical, kind: mention.kind,
          range: isPlaceNoun ? nil : tokens[index].range,
          resolution: isPlaceNoun ? .context : .pronoun)
      }
      candidate -= 1
    }
    return nil
  }

  /// What the figure is compared with: the first person, party or place in its "than ..."
  /// words, the figure bracketed after it, and the year and place the words give.
  func comparison(for figure: Figure, span: Range<Int>, sentence: Segment) -> Claim.Comparison? {
    guard let range = figure.comparison else { return nil }
    let words = tokenSpan(of: range)
    var entity: Claim.EntityReference?
    var bracketed: Figure?
    var context = ElectionContext()
    for index in words {
      if entity == nil, let mention = mentionIndex(endingAt: index),
        [.person, .party, .place].contains(mentions[mention].kind)
      {
        entity = reference(mention, .comparison)
        bracketed = bracketedFigure(after: index)
      } else if let mention = mentionIndex(endingAt: index), mentions[mention].kind == .place {
        context.place = mentions[mention].canonical
        context.cues.append(mentions[mention].range)
      }
      if let figureIndex = figureIndex(startingAt: index), figures[figureIndex].kind == .year,
        let year = figures[figureIndex].value.integerValue
      {
        context.year = year
        context.cues.append(figures[figureIndex].range)
      }
    }
    if entity == nil, let last = words.last { bracketed = bracketedFigure(after: last) }
    return Claim.Comparison(range: range, entity: entity, figure: bracketed, election: context)
  }

  /// A reference to mention `index`.
  func reference(_ index: Int, _ resolution: Claim.EntityReference.Resolution)
    -> Claim.EntityReference
  {
    let mention = mentions[index]
    return Claim.EntityReference(
      canonical: mention.canonical, kind: mention.kind, range: mention.range,
      resolution: resolution)
  }

  /// The "(" matching the ")" at `close`, within the sentence.
  func openingBracket(before close: Int, in sentence: Range<Int>) -> Int? {
    var depth = 0
    var index = close
    while index >= sentence.lowerBound {
      if isByte(index, UInt8(ascii: ")")) { depth += 1 }
      if isByte(index, UInt8(ascii: "(")) {
        depth -= 1
        if depth == 0 { return index }
      }
      index -= 1
    }
    return nil
  }

  /// The ")" matching the "(" at `open`, within the sentence.
  func closingBracket(after open: Int, in sentence: Range<Int>) -> Int? {
    var depth = 0
    var index = open
    while index < sentence.upperBound {
      if isByte(index, UInt8(ascii: "(")) { depth += 1 }
      if isByte(index, UInt8(ascii: ")")) {
        depth -= 1
        if depth == 0 { return index }
      }
      index += 1
    }
    return nil
  }

  /// The dash that opens an aside closed by the dash at `index` ("– as a senior Conservative
  /// contacted me –"), if the sentence has one before it.
  func earlierDash(before index: Int, in sentence: Range<Int>) -> Int? {
    var position = index - 1
    while position >= sentence.lowerBound {
      if isDash(position) { return position }
      position -= 1
    }
    return nil
  }
}
