/// What kind of claim a figure makes: its category (election result, poll, division, party
/// ballot, money), the measure and the figure's role.
extension ClaimReader {
  /// Words that make a sentence about a poll.
  static let pollWords: Set<String> = [
    "survey", "surveys", "surveyed", "pollster", "pollsters", "yougov", "icm", "ipsos", "mori",
    "comres", "survation", "opinium", "bmg", "panelbase", "orb", "kantar", "deltapoll",
    "populus", "tns", "gallup", "respondents", "sample", "polling",
  ]
  /// Words after "poll"/"polls" that make it an opinion poll, not polling day.
  static let pollVerbs: Set<String> = [
    "shows", "showed", "show", "suggests", "suggested", "suggest", "puts", "put", "gives", "gave",
    "give", "found", "finds", "find", "has", "had", "have", "for", "of", "by", "conducted",
    "published", "carried", "says", "said", "predicts", "predicted", "lead", "leads",
  ]
  /// Words before "poll"/"polls" that make it an opinion poll.
  static let pollQualifiers: Set<String> = [
    "opinion", "latest", "new", "a", "one", "recent", "another", "exit", "telephone", "online",
    "snap", "weekend", "national", "private", "internal", "constituency", "marginals", "two",
    "three", "several", "many", "most", "all",
  ]
  /// The chambers whose votes are divisions.
  static let chamberWords: Set<String> = ["mps", "commons", "peers", "lords", "msps", "ams"]
  /// Words of a division in a chamber.
  static let divisionWords: Set<String> = [
    "voted", "division", "amendment", "bill", "motion", "reading", "ayes", "noes", "rebels",
    "rebelled", "rebellion", "whip", "whipped", "abstained",
  ]
  /// Words of a party's internal ballot.
  static let partyBallotWords: Set<String> = [
    "hustings", "selection", "nominations", "nominated", "shortlist", "shortlisted",
    "membership", "members", "supporters", "affiliates", "affiliated",
  ]
  /// Words of a leadership contest (with "leadership").
  static let leadershipWords: Set<String> = [
    "contest", "election", "race", "ballot", "vote", "bid", "challenge", "challenger",
  ]
  /// Words that put a figure in view of an election.
  static let electionWords: Set<String> = [
    "election", "elections", "vote", "votes", "voted", "voters", "seats", "seat", "councillors",
    "council", "councils", "mayoral", "mayoralty", "majority", "turnout", "constituency",
    "constituencies", "ballot", "won", "lost", "gained", "polled", "elected", "referendum",
    "count", "victories", "victory", "defeat", "mps", "msps",
  ]
  /// Counted nouns meaning elections won.
  static let victoryNouns: Set<String> = ["victories", "victory", "wins", "win", "terms", "term"]
  /// Words that put a "for N years" into the negative: a period claim.
  static let negationWords: Set<String> = [
    "no", "not", "never", "n't", "nobody", "none", "first", "last", "since",
  ]
  /// Verbs of holding an office, for "has been Tory for eight years".
  static let tenureWords: Set<String> = [
    "been", "held", "run", "ran", "controlled", "governed", "ruled", "led", "power", "office",
    "government", "charge",
  ]

  /// The category, measure and role of a figure in its sentence.
  func classify(
    _ figure: Figure, span: Range<Int>, words: SentenceWords, clause: SentenceWords
  ) -> (Claim.Category, Claim.Measure, Claim.Role) {
    let role = self.role(of: figure)
    if figure.kind == .money { return (.money, .money, .value) }
    if isPoll(figure, words: clause) { return (.poll, .pollFigure, role) }
    if isDivision(clause) { return (.division, .votes, .value) }
    if isPartyBallot(clause) {
      return (.partyBallot, figure.unit == "percent" ? .share : .votes, role)
    }
    var measure = self.measure(of: figure, span: span, words: words)
    var claimRole = role
    if measure == .tenure || measure == .years, figure.kind == .duration {
      if isPeriod(span: span, words: words) {
        claimRole = .period
        measure = periodMeasure(words)
      }
    }
    if isShortOfMajority(span, words: words) {
      return (.electionResult, .majority, .difference)
    }
    if measure == .majority, claimRole != .value, figure.direction != .up,
      figure.direction != .down
    {
      claimRole = .value  // "a majority of 12" is the majority, not a change in it
    }
    switch measure {
    case .seats where claimRole == .change: measure = .seatChange
    case .councillors where claimRole == .change: measure = .councillorChange
    default: break
    }
    let category: Claim.Category
    switch measure {
    case .years:
      category = .other
    case .other:
      // A bare number among election words looks like a result; a count of something else
      // ("more than one election") does not.
      category =
        figure.kind == .count && figure.unit == nil && words.containsAny(Self.electionWords)
        ? .electionResult : .other
    case .money: category = .money
    case .pollFigure: category = .poll
    default: category = .electionResult
    }
    return (category, measure, claimRole)
  }

  /// The figure's role from its kind and direction.
  func role(of figure: Figure) -> Claim.Role {
    guard figure.kind == .difference else {
      if let measure = figure.measure, ["lead", "margin", "gap", "deficit"].contains(measure) {
        return .difference
      }
      return .value
    }
    switch figure.direction {
    case .gained, .lost, .up, .down: return .change
    case .fewer, .more: return .difference
    case nil: return figure.comparison == nil ? .change : .difference
    }
  }

  /// The quantity a figure measures, from its unit, its measure word and the words around it.
  func measure(of figure: Figure, span: Range<Int>, words: SentenceWords) -> Claim.Measure {
    switch figure.measure {
    case "majority", "margin": return .majority
    case "turnout": return .turnout
    case "share": return .share
    case "swing": return .swing
    default: break
    }
    if figure.kind == .ordinal { return .position }
    switch figure.unit {
    case "votes": return .votes
    case "percent", "points", "fraction":
      let near = max(words.start, span.lowerBound - 4)..<span.lowerBound
      let before = words.start..<span.lowerBound
      if near.contains(where: { words[$0] == "turnout" }) || words[span.upperBound] == "turnout"
        || (before.contains { words[$0] == "turnout" }
          && !words.containsAny(["share", "vote", "votes"]))
      {
        return .turnout
      }
      return .share
    case "seats", "mps", "msps", "ams", "members": return .seats
    case "councillors": return .councillors
    case "councils": return .councils
    default: break
    }
    if figure.kind == .duration { return isTenure(span: span, words: words) ? .tenure : .years }
    if figure.kind == .count {
      // A bare number in brackets after a name: "Goldsmith (994,614)", "Labour (232)".
      if figure.unit == nil, isByte(span.lowerBound - 1, UInt8(ascii: "(")),
        isByte(span.upperBound, UInt8(ascii: ")")),
        mentionIndex(endingAt: span.lowerBound - 2) != nil
          || tokens[max(0, span.lowerBound - 2)].flags.contains(.possessive)
      {
        return figure.value >= 1000 ? .votes : .seats
      }
      if let last = span.last, Self.victoryNouns.contains(words[last]) { return .victories }
      let next = words[span.upperBound]
      if Self.victoryNouns.contains(next) { return .victories }
      if next == "seats" || next == "mps" { return .seats }
      if next == "votes" { return .votes }
    }
    return .other
  }

  /// "eight short of a majority", "nine seats short of an overall majority".
  func isShortOfMajority(_ span: Range<Int>, words: SentenceWords) -> Bool {
    var index = span.upperBound
    if words[index] == "seats" { index += 1 }
    guard words[index] == "short", words[index + 1] == "of" else { return false }
    let rest = (index + 2)..<min(index + 5, words.tokens.upperBound)
    return rest.contains { words[$0] == "majority" }
  }

  /// "has been Tory for eight years", "six years into Government", "in power for 13 years".
  func isTenure(span: Range<Int>, words: SentenceWords) -> Bool {
    let after = span.upperBound
    if words[after] == "into" || words[after] == "in",
      ["government", "power", "office", "charge"].contains(words[after + 1])
    {
      return true
    }
    guard words[span.lowerBound - 1] == "for" else { return false }
    let before = words.start..<(span.lowerBound - 1)
    return before.contains { Self.tenureWords.contains(words[$0]) }
      && !isPeriod(span: span, words: words)
  }

  /// "no opposition has lost seats like this for thirty years": "for N years" in a negative
  /// or superlative sentence.
  func isPeriod(span: Range<Int>, words: SentenceWords) -> Bool {
    guard words[span.lowerBound - 1] == "for" || words[span.lowerBound - 1] == "in" else {
      return false
    }
    let before = words.start..<span.lowerBound
    return before.contains { Self.negationWords.contains(words[$0]) || words[$0].hasSuffix("n't") }
  }

  /// The election quantity a period claim is about: the seats, councils or votes words in the
  /// sentence.
  func periodMeasure(_ words: SentenceWords) -> Claim.Measure {
    let changes = words.containsAny(["lost", "lose", "losing", "gained", "gain", "won", "win"])
    if words.containsAny(["seats", "seat"]) { return changes ? .seatChange : .seats }
    if words.containsAny(["councillors"]) { return changes ? .councillorChange : .councillors }
    if words.containsAny(["councils", "council"]) { return .councils }
    if words.containsAny(["votes", "vote"]) { return .votes }
    if words.containsAny(["share"]) { return .share }
    return .other
  }

  /// An opinion poll: a pollster or survey word, "poll(s)" as a poll rather than polling day,
  /// or a present-tense lead of one percentage over another ("lead by 39% to 34%").
  func isPoll(_ figure: Figure, words: SentenceWords) -> Bool {
    if words.containsAny(Self.pollWords) { return true }
    if words.contains("voting intention") || words.contains("in the polls")
      || words.contains("poll lead") || words.contains("opinion polls")
    {
      return true
    }
    for offset in words.words.indices
    where words.words[offset] == "poll" || words.words[offset] == "polls" {
      let index = words.start + offset
      if words[index + 1] == "closed" || words[index + 1] == "opened" || words[index + 1] == "close"
      {
        continue
      }
      if Self.pollQualifiers.contains(words[index - 1]) || Self.pollVerbs.contains(words[index + 1])
      {
        return true
      }
    }
    if figure.unit == "percent" || figure.unit == "points",
      words.containsAny(["lead", "leads", "leading", "ahead", "trail", "trails", "trailing"]),
      !words.containsAny(["won", "polled", "got", "took", "result", "results", "election"])
    {
      return true
    }
    return false
  }

  /// A vote in a chamber: "MPs voted 310 to 219", "the Commons division".
  func isDivision(_ words: SentenceWords) -> Bool {
    let chamber =
      words.containsAny(Self.chamberWords) || words.contains("the house")
      || words.contains("house of commons")
    return chamber && words.containsAny(Self.divisionWords)
  }

  /// A party's own ballot: a leadership contest, a selection, a members' vote.
  func isPartyBallot(_ words: SentenceWords) -> Bool {
    if words.containsAny(["leadership"]), words.containsAny(Self.leadershipWords) { return true }
    return words.containsAny(Self.partyBallotWords)
      && words.containsAny(["voted", "vote", "votes", "ballot", "backed", "nominated", "support"])
      && !words.containsAny(["election", "elections", "referendum"])
  }

  /// Whether the figure at `span` is the second of "by 52% to 48%": the loser's share.
  func isLosingShare(_ span: Range<Int>) -> Bool {
    guard isWord(span.lowerBound - 1, "to"), span.lowerBound >= 2,
      figureOfToken[span.lowerBound - 2] >= 0
    else { return false }
    let first = figureTokens[Int(figureOfToken[span.lowerBound - 2])]
    return isWord(first.lowerBound - 1, "by")
  }

  /// "Remain" or "Leave" when a share is of a referendum answer ("voted 60 per cent remain").
  func referendumOption(words: SentenceWords) -> String? {
    // "Leave won 51.9%", "Remain’s 48.1%": the answer capitalised as a name.
    for index in words.tokens where tokens[index].flags.contains(.capitalized) {
      if words[index] == "leave", !isWord(index + 1, "to"), !isWord(index + 1, "the") {
        return "Leave"
      }
      if words[index] == "remain", !isWord(index + 1, "to"), !isWord(index + 1, "in") {
        return "Remain"
      }
    }
    if words.containsAny(["remain", "remainers"]) { return "Remain" }
    if words.contains("voted leave") || words.contains("voted to leave")
      || words.contains("per cent leave") || words.contains("% leave")
    {
      return "Leave"
    }
    return nil
  }

  /// "person or party", "party", "place": what a subject of `measure` can be, for messages.
  func suitableKindsDescription(_ measure: Claim.Measure) -> String {
    let kinds = suitableKinds(for: measure)
    if kinds == [.party] { return "party" }
    if kinds == [.place] { return "place" }
    if kinds.contains(.person) && kinds.contains(.party) { return "candidate or party" }
    return "subject"
  }

  /// The entity kinds that can be the subject of `measure`.
  func suitableKinds(for measure: Claim.Measure) -> Set<Mention.Kind> {
    switch measure {
    case .votes, .share, .majority, .position, .victories, .swing:
      return [.person, .party]
    case .seats, .seatChange, .councillors, .councillorChange, .councils, .councilControl:
      return [.party]
    case .tenure:
      return [.party, .person]
    case .turnout:
      return [.place]
    case .pollFigure, .money, .years, .other:
      return [.person, .party, .place, .organization]
    }
  }
}
