import Testing

@testable import Psephos

/// Tokenizes `string` and returns each token as (kind, text).
private func tokens(_ string: String) -> [(Token.Kind, String)] {
  let text = SourceText(string)
  return Tokenizer().tokenize(text).tokens.map { ($0.kind, text.string($0.range)) }
}

private func texts(_ string: String) -> [String] { tokens(string).map(\.1) }

private func token(_ text: String, in string: String) -> Token? {
  let source = SourceText(string)
  return Tokenizer().tokenize(source).tokens.first { source.string($0.range) == text }
}

private func sentences(_ string: String) -> [String] {
  let text = SourceText(string)
  return Tokenizer().tokenize(text).sentences.map { text.string($0.range) }
}

@Suite struct TokenizerTests {
  // MARK: Quotes and apostrophes

  @Test(arguments: [
    ("Labour\u{2019}s vote", ["Labour", "\u{2019}s", "vote"]),
    ("Labour's vote", ["Labour", "'s", "vote"]),
    ("don\u{2019}t", ["don\u{2019}t"]),
    ("didn't work", ["didn't", "work"]),
    ("O\u{2019}Brien", ["O\u{2019}Brien"]),
    ("in the 1980\u{2019}s.", ["in", "the", "1980\u{2019}s", "."]),
    ("in the 1980's", ["in", "the", "1980's"]),
    ("the \u{2019}80s", ["the", "\u{2019}80s"]),
    ("the Tories\u{2019} vote", ["the", "Tories", "\u{2019}", "vote"]),
  ])
  func keepsApostrophesInsideWordsAndSplitsPossessives(input: String, expected: [String]) {
    #expect(texts(input) == expected)
  }

  @Test func marksPossessiveClitics() throws {
    let possessive = try #require(token("\u{2019}s", in: "Khan\u{2019}s win"))
    #expect(possessive.flags.contains(.possessive))
    let plural = try #require(token("\u{2019}", in: "the Tories\u{2019} vote"))
    #expect(plural.flags.contains(.possessive))
    #expect(plural.kind == .punctuation)
  }

  @Test func pairsCurlyQuotesAndMarksTheWordsInside() {
    let string = "He said \u{2018}Yes, Goldsmith lost\u{2019} and left."
    let text = SourceText(string)
    let result = Tokenizer().tokenize(text)
    let opening = result.tokens.first { text.string($0.range) == "\u{2018}" }
    let closing = result.tokens.first { text.string($0.range) == "\u{2019}" }
    #expect(opening?.kind == .quote && opening?.flags.contains(.opening) == true)
    #expect(closing?.kind == .quote && closing?.flags.contains(.closing) == true)
    let inside = result.tokens.filter { $0.flags.contains(.insideQuotes) }.map {
      text.string($0.range)
    }
    #expect(inside == ["Yes", ",", "Goldsmith", "lost"])
  }

  @Test func pairsStraightDoubleQuotesByPosition() {
    let string = "a \"senior Conservative\" said"
    let text = SourceText(string)
    let result = Tokenizer().tokenize(text)
    let quotes = result.tokens.filter { $0.kind == .quote }
    #expect(quotes.count == 2)
    #expect(quotes[0].flags.contains(.opening))
    #expect(quotes[1].flags.contains(.closing))
    let inside = result.tokens.filter { $0.flags.contains(.insideQuotes) }.map {
      text.string($0.range)
    }
    #expect(inside == ["senior", "Conservative"])
  }

  @Test func pairsStraightSingleQuotesAroundAPhrase() {
    let string = "the 'Not-Jeremy-Corbyn' candidate"
    let result = tokens(string)
    #expect(result.map(\.1) == ["the", "'", "Not-Jeremy-Corbyn", "'", "candidate"])
    #expect(result[1].0 == .quote && result[3].0 == .quote)
  }

  @Test func forgetsAnUnclosedQuoteAtTheParagraphEnd() {
    let string = "\u{201C}An open quote\n\nNew paragraph\u{201D} here"
    let text = SourceText(string)
    let result = Tokenizer().tokenize(text)
    #expect(result.tokens.allSatisfy { !$0.flags.contains(.insideQuotes) })
  }

  // MARK: Numbers

  @Test(arguments: [
    ("994,614", "994,614"), ("1,310,143", "1,310,143"), ("2.5", "2.5"), ("3bn", "3bn"),
    ("1980s", "1980s"), ("3rd", "3rd"), ("10k", "10k"), ("60pc", "60pc"), ("2.36m", "2.36m"),
    ("1.2trn", "1.2trn"),
  ])
  func readsANumberAsOneToken(input: String, expected: String) {
    let result = tokens("about \(input) here")
    #expect(result.count == 3)
    #expect(result[1].0 == .number)
    #expect(result[1].1 == expected)
  }

  @Test func splitsPercentSignFromItsNumber() {
    #expect(tokens("60% of").map(\.1) == ["60", "%", "of"])
    #expect(tokens("60% of").map(\.0) == [.number, .symbol, .word])
  }

  @Test func splitsCurrencySymbolFromAmountWithMagnitude() {
    #expect(tokens("\u{00A3}2.36m").map(\.0) == [.symbol, .number])
    #expect(texts("\u{00A3}2.36m") == ["\u{00A3}", "2.36m"])
  }

  @Test(arguments: [
    ("2008\u{2013}2012", ["2008", "\u{2013}", "2012"]),
    ("a 3-2 win", ["a", "3", "-", "2", "win"]),
  ])
  func keepsRangesAndScoresAsNumberDashNumber(input: String, expected: [String]) {
    let result = tokens(input)
    #expect(result.map(\.1) == expected)
    #expect(result.filter { $0.0 == .number }.count == 2)
  }

  @Test(arguments: ["fell \u{2013}5 points", "fell -5 points", "rose +3 points"])
  func readsASignAtThePhraseStartAsPartOfTheNumber(input: String) throws {
    let result = tokens(input)
    #expect(result.count == 3)
    #expect(result[1].0 == .number)
    let signed = try #require(token(result[1].1, in: input))
    #expect(signed.flags.contains(.signed))
  }

  @Test func doesNotTakeAListCommaAsAThousandsSeparator() {
    #expect(texts("1,2 and 12,34") == ["1", ",", "2", "and", "12", ",", "34"])
  }

  @Test func readsDigitsGluedToOtherLettersAsAWord() {
    #expect(tokens("4G and M25").map(\.0) == [.word, .word, .word])
  }

  // MARK: Words

  @Test func keepsHyphenatedWordsWholeWithTheirPartsReachable() throws {
    let string = "the Not-Jeremy-Corbyn-candidate and London-centric Carr-West"
    let text = SourceText(string)
    let result = Tokenizer().tokenize(text)
    #expect(
      result.tokens.map { text.string($0.range) } == [
        "the", "Not-Jeremy-Corbyn-candidate", "and", "London-centric", "Carr-West",
      ])
    let compound = result.tokens[1]
    #expect(compound.flags.contains(.hyphenated))
    #expect(
      compound.hyphenParts(in: text).map(text.string) == ["Not", "Jeremy", "Corbyn", "candidate"])
    #expect(result.tokens[3].hyphenParts(in: text).map(text.string) == ["London", "centric"])
  }

  @Test func leavesAYearAfterAPrefixAsANumber() {
    #expect(tokens("pre-2016 levels").map(\.0) == [.word, .punctuation, .number, .word])
    #expect(tokens("COVID-19 rules").map(\.1) == ["COVID-19", "rules"])
  }

  @Test func flagsCapitalisedAndAllCapsWords() throws {
    let string = "UKIP and LGiU and Labour and \u{00C9}mile"
    #expect(try #require(token("UKIP", in: string)).flags.contains(.allCaps))
    #expect(try #require(token("LGiU", in: string)).flags.contains(.capitalized))
    #expect(try !#require(token("LGiU", in: string)).flags.contains(.allCaps))
    #expect(try #require(token("\u{00C9}mile", in: string)).flags.contains(.capitalized))
    #expect(try !#require(token("and", in: string)).flags.contains(.capitalized))
  }

  // MARK: Abbreviations and sentences

  @Test(arguments: [
    "Mr. Blair spoke. Then he left.",
    "Dr. Fox spoke. Then he left.",
    "St. Albans voted. Then it counted.",
    "Labour, e.g. in Dudley, lost. Then it counted.",
    "The U.K. Independence Party grew. Then it shrank.",
    "J. R. R. Tolkien wrote. Then he left.",
    "At No. 10 they waited. Then they left.",
  ])
  func doesNotEndASentenceAtAnAbbreviationOrInitial(input: String) {
    #expect(sentences(input).count == 2)
  }

  @Test func endsSentencesAfterClosingQuotesAndBrackets() {
    let string = "He said \u{2018}we lost.\u{2019} Then (as ever.) It went on."
    #expect(
      sentences(string) == [
        "He said \u{2018}we lost.\u{2019}", "Then (as ever.)", "It went on.",
      ])
  }

  @Test func doesNotEndASentenceBeforeALowerCaseWord() {
    #expect(sentences("It cost approx. three million... and more.").count == 1)
  }

  @Test func marksTheFirstWordOfEachSentence() {
    let string = "\u{2018}Yes, he lost. But not badly."
    let text = SourceText(string)
    let initial = Tokenizer().tokenize(text).tokens.filter { $0.flags.contains(.sentenceInitial) }
    #expect(initial.map { text.string($0.range) } == ["Yes", "But"])
  }

  @Test func findsParagraphsAtBlankLinesAndAtLinesThatStartAnew() {
    let string = "First para. Two.\n\nSecond para\ncontinues here.\nThird para.\n"
    let text = SourceText(string)
    let result = Tokenizer().tokenize(text)
    #expect(
      result.paragraphs.map { text.string($0.range) } == [
        "First para. Two.", "Second para\ncontinues here.", "Third para.",
      ])
    #expect(result.sentences.count == 4)
  }

  // MARK: Dashes, spaces and other characters

  @Test func separatesDashesEllipsesAndNoBreakSpaces() {
    let string = "London \u{2013} and\u{00A0}Wales\u{2014}won\u{2026} maybe..."
    #expect(
      tokens(string).map(\.1) == [
        "London", "\u{2013}", "and", "Wales", "\u{2014}", "won", "\u{2026}", "maybe", "...",
      ])
  }

  @Test func treatsNoBreakSpaceAsSpace() throws {
    let string = "Khan\u{00A0}(Lab)"
    let open = try #require(token("(", in: string))
    #expect(open.flags.contains(.spaceBefore))
  }

  @Test func splitsAtZeroWidthSpaceButKeepsJoinersInsideWords() {
    #expect(texts("Lab\u{200B}our") == ["Lab", "our"])
    #expect(texts("co\u{00AD}operation") == ["co\u{00AD}operation"])
  }

  @Test func keepsAnEmojiSequenceAsOneSymbol() {
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
    let result = tokens("Vote \(family)\u{1F44D}\u{1F3FD} now")
    #expect(result.map(\.1) == ["Vote", family, "\u{1F44D}\u{1F3FD}", "now"])
    #expect(result[1].0 == .symbol && result[2].0 == .symbol)
  }

  @Test(arguments: [
    (
      "see https://www.bbc.co.uk/news/uk-36220411.", Token.Kind.url,
      "https://www.bbc.co.uk/news/uk-36220411"
    ),
    ("see www.lgiu.org.uk today", .url, "www.lgiu.org.uk"),
    ("see bbc.co.uk today", .url, "bbc.co.uk"),
    ("mail press@lgiu.org.uk now", .email, "press@lgiu.org.uk"),
    ("ask @LGiU now", .handle, "@LGiU"),
    ("tagged #GE2017 now", .hashtag, "#GE2017"),
  ])
  func recognisesAddressesHandlesAndHashtags(input: String, kind: Token.Kind, text: String) {
    let result = tokens(input)
    #expect(result.contains { $0.0 == kind && $0.1 == text })
  }

  @Test func coversEveryNonSpaceByte() {
    let string =
      "Zac\u{2019}s \u{00A3}2.36m \u{2013} \u{201C}60%\u{201D} (Lab) \u{1F600} \u{0007} U.K.\n\n\u{05E9}\u{05DC}\u{05D5}\u{05DD}"
    let text = SourceText(string)
    let result = Tokenizer().tokenize(text)
    var covered = [Bool](repeating: false, count: text.bytes.count)
    for token in result.tokens {
      for index in token.range.start..<token.range.end { covered[index] = true }
    }
    let uncovered = text.bytes.indices.filter { !covered[$0] }.map { text.bytes[$0] }
    #expect(
      uncovered.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x07 || $0 == 0xC2 || $0 == 0xA0 })
    // Tokens are in order and never overlap.
    for (previous, next) in zip(result.tokens, result.tokens.dropFirst()) {
      #expect(previous.range.end <= next.range.start)
    }
  }

  @Test func neverTrapsOnMalformedUTF8() {
    let text = SourceText(normalizedUTF8: [0x41, 0xE2, 0x80, 0x20, 0xFF, 0xC3, 0x42, 0xF0, 0x9F])
    let result = Tokenizer().tokenize(text)
    #expect(!result.tokens.isEmpty)
  }
}
