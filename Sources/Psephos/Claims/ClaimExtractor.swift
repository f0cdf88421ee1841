/// Turns the figures an article cites into claims: whose result each figure is, which
/// quantity, in which election, compared with what, and who said it; and finds the claims about
/// council control that need no figure ("Labour lost control in Dudley").
///
/// For each figure, within its sentence:
/// 1. Category, from cues in the figure's clause: a poll ("lead by 39% to 34%", YouGov, survey,
///    "in the polls"), a Commons division ("MPs voted 310 to 219"), a party ballot (leadership
///    contest, members), money, or an election result.
/// 2. Measure and role: votes, share, seats, councillors, majority ("a majority of 12", "won by
///    2,000 votes", "eight short of a majority"), turnout, tenure ("Tory for eight years"),
///    victories; the figure as a value, a gap ("238,000 fewer", "beat X by"), a net change
///    ("gained 823 councillors"), a period ("for thirty years") or a contest excepted ("every
///    contest except 2008"). A bare number in brackets after a name counts votes (seats below
///    1,000).
/// 3. Subject: the mention before a bracketed figure ("Goldsmith (994,614)"); the winner of "X
///    beat Y by N"; the place of a total ("56 of Scotland’s 59 seats"); else the nearest
///    suitable mention before the figure in a verb or possessive frame ("Labour gained",
///    "Boris’s two mayoral victories"), skipping bracketed figures and dash-delimited asides; a
///    pronoun resolves to the last person (he, she) or party (they, "his party") before it; "a
///    region that" to the last place; else the nearest suitable mention after it; else the
///    last suitable mention in the three sentences before, within the previous paragraph at
///    most. A referendum answer or a turnout with no place named is the United Kingdom's.
/// 4. Comparison: the mention in the figure's "than ..." words, with its bracketed figure and
///    its own year ("than Boris in 2012"), or the beaten in "beat Y by N".
/// 5. Election context: the year nearest in the figure's clause (after it on a tie, not past
///    another figure), kind words ("mayoral", "general election", "City Hall"), place ("Across
///    London" also scopes the rest of the paragraph; a demonym only before an election word),
///    count ("first preferences"), relative references ("last night's results", "the last time
///    these councils elected", "up from 30.4%", "of their 56 seats").
/// 6. Attribution: reported speech in the sentence ("as a senior Conservative contacted me to
///    point out"), and the speaker of a quotation the claim sits in ("As Tim Shipman noted").
///
/// A year used as context, a day, a decade is not a claim of its own. Every other figure becomes
/// a claim, even when its subject or measure could not be worked out: `Claim.issues` says what
/// is missing.
///
/// Complexity: O(t + f × s) for t tokens, f figures and s tokens per sentence; words are
/// compared as bytes except inside sentences that hold a figure or a control phrase.
public struct ClaimExtractor: Sendable {
  /// Creates an extractor.
  public init() {}

  /// The claims of a tokenized text, in text order.
  ///
  /// `mentions` and `figures` are the entity and figure extractors' output for the same text;
  /// `metadata` gives the article's date where known.
  public func claims(
    in text: SourceText, tokens: TokenizedText, mentions: [Mention], figures: [Figure],
    metadata: Metadata = Metadata()
  ) -> [Claim] {
    var reader = ClaimReader(
      text: text, tokenized: tokens, mentions: mentions.sorted { $0.range < $1.range },
      figures: figures.sorted { $0.range < $1.range }, metadata: metadata)
    return reader.read()
  }
}

/// The extractor's indexes and state for one text.
struct ClaimReader {
  let text: SourceText
  let tokens: [Token]
  let sentences: [Segment]
  let paragraphs: [Segment]
  let mentions: [Mention]
  let figures: [Figure]
  let metadata: Metadata
  /// For each token, the mention it belongs to, or -1.
  var mentionOfToken: [Int32]
  /// For each token, the figure it belongs to, or -1.
  var figureOfToken: [Int32]
  /// The tokens of each mention and figure.
  var mentionTokens: [Range<Int>] = []
  var figureTokens: [Range<Int>] = []

  init(
    text: SourceText, tokenized: TokenizedText, mentions: [Mention], figures: [Figure],
    metadata: Metadata
  ) {
    self.text = text
    self.tokens = tokenized.tokens
    self.sentences = tokenized.sentences
    self.paragraphs = tokenized.paragraphs
    self.mentions = mentions
    self.figures = figures
    self.metadata = metadata
    mentionOfToken = Array(repeating: -1, count: tokens.count)
    figureOfToken = Array(repeating: -1, count: tokens.count)
    for (index, mention) in mentions.enumerated() {
      let span = tokenSpan(of: mention.range)
      mentionTokens.append(span)
      for token in span where mentionOfToken[token] < 0 { mentionOfToken[token] = Int32(index) }
    }
    for (index, figure) in figures.enumerated() {
      let span = tokenSpan(of: figure.range)
      figureTokens.append(span)
      for token in span where figureOfToken[token] < 0 { figureOfToken[token] = Int32(index) }
    }
  }

  // MARK: Positions

  /// The index of the first token that ends after `offset`.
  ///
  /// Complexity: O(log t).
  func tokenIndex(atByte offset: Int) -> Int {
    var low = 0
    var high = tokens.count
    while low < high {
      let middle = (low + high) / 2
      if tokens[middle].range.end <= offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The tokens overlapping a byte range (a mention may cover part of a hyphenated token).
  func tokenSpan(of range: ByteRange) -> Range<Int> {
    let first = tokenIndex(atByte: range.start)
    var end = first
    while end < tokens.count, tokens[end].range.start < range.end { end += 1 }
    return first..<max(end, first)
  }

  /// The index of the segment holding token `index`.
  func segment(of index: Int, in segments: [Segment]) -> Int {
    var low = 0
    var high = segments.count
    while low < high {
      let middle = (low + high) / 2
      if segments[middle].tokens.upperBound <= index { low = middle + 1 } else { high = middle }
    }
    return min(low, max(segments.count - 1, 0))
  }

  /// The indices of the mentions that start inside `range`.
  ///
  /// Complexity: O(log m).
  func mentions(in range: ByteRange) -> Range<Int> {
    func first(atOrAfter offset: Int) -> Int {
      var low = 0
      var high = mentions.count
      while low < high {
        let middle = (low + high) / 2
        if mentions[middle].range.start < offset { low = middle + 1 } else { high = middle }
      }
      return low
    }
    return first(atOrAfter: range.start)..<first(atOrAfter: range.end)
  }

  /// The indices of the figures that start inside `range`.
  ///
  /// Complexity: O(log f).
  func figures(in range: ByteRange) -> Range<Int> {
    func first(atOrAfter offset: Int) -> Int {
      var low = 0
      var high = figures.count
      while low < high {
        let middle = (low + high) / 2
        if figures[middle].range.start < offset { low = middle + 1 } else { high = middle }
      }
      return low
    }
    return first(atOrAfter: range.start)..<first(atOrAfter: range.end)
  }

  /// The mention whose last token is `index`, if any.
  func mentionIndex(endingAt index: Int) -> Int? {
    guard index >= 0, index < tokens.count, mentionOfToken[index] >= 0 else { return nil }
    let mention = Int(mentionOfToken[index])
    return mentionTokens[mention].upperBound - 1 == index ? mention : nil
  }

  /// The figure whose first token is `index`, if any.
  func figureIndex(startingAt index: Int) -> Int? {
    guard index >= 0, index < tokens.count, figureOfToken[index] >= 0 else { return nil }
    let figure = Int(figureOfToken[index])
    return figureTokens[figure].lowerBound == index ? figure : nil
  }

  // MARK: Reading

  /// Every claim, in text order.
  mutating func read() -> [Claim] {
    var claims: [Claim] = []
    var sentenceWords: (sentence: Int, words: SentenceWords)?
    for index in figures.indices {
      if let claim = claim(forFigure: index, sentenceWords: &sentenceWords) {
        claims.append(claim)
      }
    }
    claims += controlClaims()
    return claims.sorted {
      ($0.keyRange.start, $0.range.start) < ($1.keyRange.start, $1.range.start)
    }
  }

  /// The claim a figure makes, or nil for a figure that is only context (a year, a decade).
  ///
  /// `sentenceWords` keeps the words of the last sentence read, for the next figure in it.
  func claim(forFigure index: Int, sentenceWords: inout (sentence: Int, words: SentenceWords)?)
    -> Claim?
  {
    let figure = figures[index]
    let span = figureTokens[index]
    guard !span.isEmpty else { return nil }
    let sentenceIndex = segment(of: span.lowerBound, in: sentences)
    let sentence = sentences[sentenceIndex]
    var exceptedYears: [Int] = []
    if figure.kind == .year {
      // A year is context, except as the contest a comparison leaves out.
      guard let years = exceptionYears(startingAt: span.lowerBound, in: sentence) else {
        return nil
      }
      exceptedYears = years
    }
    if sentenceWords?.sentence != sentenceIndex {
      sentenceWords = (sentenceIndex, SentenceWords(reader: self, sentence: sentence))
    }
    let words = sentenceWords!.words
    var (category, measure, role) = classify(
      figure, span: span, words: words, clause: clauseWords(around: span, in: words))
    if !exceptedYears.isEmpty {
      category = .electionResult
      measure = .votes
      role = .exception
    }
    var issues: [String] = []
    var option =
      [.share, .votes, .majority].contains(measure) ? referendumOption(words: words) : nil
    let isLosing = measure == .share && isLosingShare(span)
    if isLosing, let winner = option { option = winner == "Leave" ? "Remain" : "Leave" }
    let beaten = category == .electionResult ? beatFrame(before: span, words: words) : nil
    if beaten != nil {
      role = .difference
      if measure != .share { measure = .votes }
    } else if role == .change || role == .difference, figure.direction != .up,
      figure.direction != .down, figure.comparison == nil,
      measure == .votes || measure == .other, isMargin(span)
    {
      // "won by 315,529 votes": a winning margin.
      measure = .majority
      role = .value
    }
    var subject =
      isLosing && option == nil
      ? nil
      : beaten?.subject
        ?? subject(for: figure, span: span, measure: measure, words: words, option: option)
    if isLosing, option == nil {
      issues.append("the second share of \"by … to …\" is an opponent the text does not name")
    }
    if subject == nil, category == .electionResult, measure != .turnout, option == nil, !isLosing,
      let inferred = subjectFromEarlierSentences(before: sentenceIndex, measure: measure)
    {
      subject = inferred
    }
    let comparison = beaten?.comparison ?? comparison(for: figure, span: span, sentence: sentence)
    var context = electionContext(
      for: span, figure: figure, sentenceIndex: sentenceIndex, words: words,
      excluding: comparison?.range, subject: subject)
    if !exceptedYears.isEmpty { context.year = nil }
    if isBaseline(span, words: words) {
      // "up from 30.4%": the election before the sentence's.
      context.relativeTo = context.year
      context.year = nil
      context.relative = .previous
    }
    if subject == nil, category == .electionResult, measure == .turnout || option != nil {
      // "Turnout was 72.2%", "Leave won 51.9%": the place in view, else the whole country.
      subject = Claim.EntityReference(
        canonical: context.place ?? "United Kingdom", kind: .place, range: nil,
        resolution: .context)
    }
    if subject == nil, category == .electionResult, !isLosing {
      issues.append("no \(suitableKindsDescription(measure)) found for this figure")
    }
    if category == .electionResult, measure == .other {
      issues.append("could not tell which quantity \"\(text.string(figure.range))\" counts")
    }
    var subjectFigure: Figure?
    if role == .difference, let subject, let range = subject.range {
      subjectFigure = bracketedFigure(after: tokenIndex(atByte: range.end - 1))
    }
    let keyStart = min(subject?.range?.start ?? figure.range.start, figure.range.start)
    var keyEnd = max(figure.range.end, comparison?.range.end ?? figure.range.end)
    if subject?.resolution == .parenthetical, isByte(span.upperBound, UInt8(ascii: ")")) {
      keyEnd = tokens[span.upperBound].range.end  // "Goldsmith (994,614)"
    }
    return Claim(
      range: sentence.range,
      keyRange: ByteRange(keyStart, max(keyEnd, keyStart)),
      figure: figure, figureText: text.string(figure.range), subject: subject,
      subjectFigure: subjectFigure, measure: measure,
      role: role, election: context, comparedWith: comparison,
      attribution: attribution(for: span.lowerBound, sentence: sentence), category: category,
      option: option, exceptedYears: exceptedYears, issues: issues)
  }

  /// Conjunctions that open a new clause after a comma: "..., but the Conservatives won".
  static let clauseConjunctions: Set<String> = [
    "but", "while", "whereas", "yet", "although", "though", "whilst",
  ]

  /// The words of the clause around `span`: the sentence cut at semicolons, colons, spaced
  /// dashes and a comma before "but", "while" and the like.
  func clauseWords(around span: Range<Int>, in sentence: SentenceWords) -> SentenceWords {
    func isBoundary(_ index: Int) -> Bool {
      isByte(index, UInt8(ascii: ";")) || isByte(index, UInt8(ascii: ":")) || isDash(index)
        || (isByte(index, UInt8(ascii: ","))
          && Self.clauseConjunctions.contains(sentence[index + 1]))
    }
    var start = span.lowerBound
    while start > sentence.tokens.lowerBound, !isBoundary(start - 1) { start -= 1 }
    var end = span.upperBound
    while end < sentence.tokens.upperBound, !isBoundary(end) { end += 1 }
    return sentence.slice(start..<end)
  }

  /// The years after "except" when the figure at `index` is the first of them ("every
  /// mayoral contest except 2008", "except 2008 and 2012"); nil otherwise.
  func exceptionYears(startingAt index: Int, in sentence: Segment) -> [Int]? {
    guard index > sentence.tokens.lowerBound, isWord(index - 1, "except") else { return nil }
    var years: [Int] = []
    var position = index
    while position < sentence.tokens.upperBound {
      guard let figureIndex = figureIndex(startingAt: position), figures[figureIndex].kind == .year,
        let year = figures[figureIndex].value.integerValue
      else { break }
      years.append(year)
      position = figureTokens[figureIndex].upperBound
      if position < sentence.tokens.upperBound,
        isWord(position, "and") || isByte(position, UInt8(ascii: ","))
      {
        position += 1
      } else {
        break
      }
    }
    return years.isEmpty ? nil : years
  }

  /// Verbs and nouns of change before "from" in "up from 30.4%".
  static let changeWords: Set<String> = [
    "up", "down", "rose", "fell", "risen", "fallen", "increased", "decreased", "climbed",
    "dropped", "slipped", "jumped", "rising", "falling", "increase", "rise", "fall", "drop",
    "change", "grew", "shrank",
  ]

  /// "up from 30.4%", "down from 330 seats", "21 of their 56 seats": a figure for the previous
  /// election, unless a year follows it ("up from 30.4% in 2015").
  func isBaseline(_ span: Range<Int>, words: SentenceWords) -> Bool {
    let first = span.lowerBound
    let isFrom = words[first - 1] == "from" && Self.changeWords.contains(words[first - 2])
    let isTheirs =
      ["their", "its", "his", "her"].contains(words[first - 1]) && words[first - 2] == "of"
      && first >= 3 && figureOfToken[first - 3] >= 0
    guard isFrom || isTheirs else { return false }
    let after = span.upperBound
    return
      !((words[after] == "in" || words[after] == "at")
      && figureIndex(startingAt: after + 1).map { figures[$0].kind == .year } == true)
  }

  /// Whether "by" comes before the figure at `span`, a hedge aside ("by almost 140,000").
  func isMargin(_ span: Range<Int>) -> Bool {
    var index = span.lowerBound - 1
    while index >= 0, span.lowerBound - index <= 3, tokens[index].kind == .word {
      if isWord(index, "by") { return true }
      index -= 1
    }
    return false
  }

  /// The figure in brackets right after token `index` ("Goldsmith (994,614)"), if any.
  func bracketedFigure(after index: Int) -> Figure? {
    var position = index + 1
    if position < tokens.count, tokens[position].flags.contains(.possessive) { position += 1 }
    guard isByte(position, UInt8(ascii: "(")),
      let figureIndex = figureIndex(startingAt: position + 1),
      isByte(figureTokens[figureIndex].upperBound, UInt8(ascii: ")"))
    else { return nil }
    return figures[figureIndex]
  }
}
