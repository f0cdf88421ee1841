/// Finds the figures an article cites: counts, percentages, years, durations, differences,
/// ordinals and money, each with its exact value, unit, hedge and, for a difference, its
/// direction and what it is compared with.
///
/// One pass over the tokens. A digit token or a number word starts a numeral (`NumberGrammar`);
/// the few tokens around it give its currency, range, unit or counted noun, hedge, change
/// context and comparison. Words are matched by folding their bytes into a hashed key
/// (`NumberLexicon`): no regex, no `String` per token.
///
/// Nothing numeric is dropped silently: every number token ends up inside a figure or a
/// `Finding` (a date's day, a time, a name such as "Article 50", a score such as "3-2", digits
/// too long to read exactly), and so does a word that starts with a digit but is not a number.
///
/// Complexity: O(n) in the number of tokens; a few table lookups per word.
public struct FigureExtractor: Sendable {
  /// Creates an extractor.
  public init() {}

  /// The figures in a tokenized text, in text order, and findings for numbers that are not
  /// figures or could not be read.
  public func figures(in text: SourceText, tokens: TokenizedText) -> (
    figures: [Figure], findings: [Finding]
  ) {
    text.bytes.withUnsafeBufferPointer { bytes in
      tokens.tokens.withUnsafeBufferPointer { buffer in
        var reader = FigureReader(
          grammar: NumberGrammar(bytes: bytes, tokens: buffer), sentences: tokens.sentences,
          paragraphs: tokens.paragraphs)
        reader.read()
        return (reader.figures, reader.findings)
      }
    }
  }
}

/// The extractor's state for one text.
struct FigureReader {
  let grammar: NumberGrammar
  let sentences: [Segment]
  let paragraphs: [Segment]
  var sentenceIndex = 0
  var paragraphIndex = 0
  var figures: [Figure] = []
  var findings: [Finding] = []
  /// The electoral units named in the sentence `unitsSentence`, in token order, listed once
  /// per sentence for `inferredUnit(near:)` rather than once per figure.
  var sentenceUnits: [(index: Int, unit: FigureUnit)] = []
  var unitsSentence: Range<Int>?
  /// The last electoral unit named before token `unitCursor`, which only moves forward.
  var unitCursor = 0
  var unitBeforeCursor: (index: Int, unit: FigureUnit)?

  var bytes: UnsafeBufferPointer<UInt8> { grammar.bytes }
  var tokens: UnsafeBufferPointer<Token> { grammar.tokens }

  init(grammar: NumberGrammar, sentences: [Segment], paragraphs: [Segment]) {
    self.grammar = grammar
    self.sentences = sentences
    self.paragraphs = paragraphs
  }

  /// The token indices of the sentence being read.
  var sentence: Range<Int> {
    sentenceIndex < sentences.count ? sentences[sentenceIndex].tokens : 0..<tokens.count
  }

  /// The token indices of the paragraph being read.
  var paragraph: Range<Int> {
    paragraphIndex < paragraphs.count ? paragraphs[paragraphIndex].tokens : 0..<tokens.count
  }

  mutating func read() {
    var index = 0
    while index < tokens.count {
      while sentenceIndex < sentences.count, sentences[sentenceIndex].tokens.upperBound <= index {
        sentenceIndex += 1
      }
      while paragraphIndex < paragraphs.count,
        paragraphs[paragraphIndex].tokens.upperBound <= index
      {
        paragraphIndex += 1
      }
      let token = tokens[index]
      switch token.kind {
      case .number:
        index = readDigits(at: index)
      case .word:
        let first = bytes[token.range.start]
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") {
          findings.append(
            Finding(
              .note, "\"\(string(token.range))\" starts with digits but is not read as a number",
              range: token.range))
          index += 1
        } else if let numeral = grammar.words(at: index), let next = emit(numeral) {
          index = next
        } else {
          index += 1
        }
      default:
        index += 1
      }
    }
  }

  func string(_ range: ByteRange) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
  }

  /// Reads the digit token at `index` and what goes with it; returns the next token to read.
  private mutating func readDigits(at index: Int) -> Int {
    guard var numeral = grammar.digits(at: index) else {
      let range = tokens[index].range
      findings.append(
        Finding(
          .warning, "\"\(string(range))\" has more digits than can be read exactly", range: range))
      return index + 1
    }
    if let next = readNonFigure(numeral) { return next }
    if let fraction = grammar.fractionAfter(numeral) { numeral = fraction }
    if let next = emit(numeral) { return next }
    findings.append(
      Finding(
        .warning, "\"\(string(numeral.range))\" looks like a figure but could not be read",
        range: numeral.range))
    return numeral.tokens.upperBound
  }

  // MARK: Numbers that are not figures

  /// Reports a number that is part of a date, a time, a name or a score as a finding; returns
  /// the next token to read, or nil if the number is a figure.
  private mutating func readNonFigure(_ numeral: Numeral) -> Int? {
    let index = numeral.tokens.lowerBound
    let next = numeral.tokens.upperBound
    func note(_ message: String, through last: Int) -> Int {
      let range = ByteRange(tokens[index].range.start, tokens[last].range.end)
      findings.append(Finding(.note, "\"\(string(range))\" \(message)", range: range))
      return last + 1
    }
    if numeral.suffix == .time {
      return note("is a time of day, not a figure", through: index)
    }
    if grammar.isByte(next, UInt8(ascii: ":")), grammar.isGlued(next), grammar.isGlued(next + 1),
      next + 1 < tokens.count, tokens[next + 1].kind == .number
    {
      return note("is a time or ratio, not a figure", through: next + 1)
    }
    if grammar.isByte(next, UInt8(ascii: "/")), grammar.isGlued(next), grammar.isGlued(next + 1),
      next + 1 < tokens.count, tokens[next + 1].kind == .number, yearAfterSlash(numeral) == nil
    {
      return note(
        "is a date, fraction or code written with a slash, not a figure", through: next + 1)
    }
    if isDayOfMonth(numeral) {
      return note("is the day of the month in a date, not a figure", through: index)
    }
    if isPartOfName(numeral) {
      return note("is part of a name, not a figure", through: numeral.tokens.upperBound - 1)
    }
    if grammar.isByte(index - 1, UInt8(ascii: "[")), grammar.isByte(next, UInt8(ascii: "]")),
      grammar.isGlued(index), grammar.isGlued(next)
    {
      return note("is a footnote mark, not a figure", through: index)
    }
    return nil
  }

  /// A day number next to a capitalised month name: "5 May", "May 5", "5th of May".
  private func isDayOfMonth(_ numeral: Numeral) -> Bool {
    guard numeral.form == .digits, numeral.suffix == .none || numeral.suffix == .ordinal,
      !numeral.isSigned, !numeral.hasSeparatorOrPoint, !numeral.isShortYear,
      let day = numeral.integerValue, day >= 1, day <= 31
    else { return false }
    let index = numeral.tokens.lowerBound
    let next = numeral.tokens.upperBound
    if isMonth(next) { return true }
    if grammar.word(next) == .of, isMonth(next + 1) { return true }
    return isMonth(index - 1)
  }

  private func isMonth(_ index: Int) -> Bool {
    guard index >= 0, index < tokens.count, tokens[index].flags.contains(.capitalized) else {
      return false
    }
    return grammar.word(index)?.isMonth ?? false
  }

  /// "Article 50", "No 10", "Number 10", "the 1922 Committee", "Covid-19".
  private func isPartOfName(_ numeral: Numeral) -> Bool {
    guard numeral.form == .digits else { return false }
    if isDashGluedToName(numeral) { return true }
    let index = numeral.tokens.lowerBound
    if index > 0, tokens[index - 1].kind == .word {
      var range = tokens[index - 1].range
      if bytes[range.end - 1] == UInt8(ascii: ".") { range = ByteRange(range.start, range.end - 1) }
      if let head = grammar.word(in: range),
        tokens[index - 1].flags.contains(.capitalized)
          ? head.isIdentifierHead : head.isLowercaseIdentifierHead
      {
        return true
      }
    }
    // "the 1922 Committee", "10 Downing Street".
    let next = numeral.tokens.upperBound
    guard next < tokens.count, tokens[next].flags.contains(.capitalized) else { return false }
    if grammar.word(next) == .committee { return true }
    return next + 1 < tokens.count && tokens[next + 1].flags.contains(.capitalized)
      && grammar.word(next + 1)?.isStreet == true
  }

  /// A number glued by a hyphen to a capitalised word before it: "Covid-19".
  private func isDashGluedToName(_ numeral: Numeral) -> Bool {
    let index = numeral.tokens.lowerBound
    guard index >= 2, grammar.isGlued(index), grammar.isDash(index - 1),
      grammar.isGlued(index - 1), tokens[index - 2].kind == .word
    else { return false }
    return tokens[index - 2].flags.contains(.capitalized)
  }

  /// The year after a slash in "2016/17" or "2016/2017", if that is what follows.
  func yearAfterSlash(_ numeral: Numeral) -> Numeral? {
    let next = numeral.tokens.upperBound
    guard numeral.isYearShaped, numeral.suffix == .none, !numeral.isShortYear,
      grammar.isByte(next, UInt8(ascii: "/")), grammar.isGlued(next), grammar.isGlued(next + 1),
      next + 1 < tokens.count, tokens[next + 1].kind == .number,
      let second = grammar.digits(at: next + 1), second.suffix == .none, !second.isSigned,
      !second.hasSeparatorOrPoint, second.integerDigits == 2 || second.integerDigits == 4
    else { return nil }
    return second
  }
}
