/// Finds sentences and paragraphs in a token sequence, and marks sentence-initial tokens.
///
/// A paragraph ends at a blank line, or at a line break before a line that does not start in
/// lower case (text with one paragraph per line). A sentence ends at a paragraph end, or after
/// ".", "!", "?" or an ellipsis (with any closing quotes and brackets after it) when the next
/// token starts a sentence: a capitalised word, a number, an opening quote or bracket.
/// Abbreviations and initials keep their stops inside their tokens, so they never end one.
/// A sentence that reaches `maximumSentenceTokens` tokens also ends, before the next token
/// that is not a closing quote or bracket; that token is not marked sentence-initial.
///
/// Complexity: O(tokens).
struct SegmentFinder {
  /// The most tokens a sentence holds before it is cut (the longest in the bundled articles
  /// has 47). Later stages read the whole sentence around each figure, so a megabyte of text
  /// without a full stop (one long line of minified or pasted text) would otherwise be one
  /// sentence and make them quadratic: 100 KB took minutes, 10 MB would never finish.
  static let maximumSentenceTokens = 256

  let bytes: [UInt8]

  func segment(_ input: consuming [Token]) -> TokenizedText {
    var tokens = input
    var sentences: [Segment] = []
    var paragraphs: [Segment] = []
    var sentenceStart = 0
    var paragraphStart = 0
    var awaitingFirstWord = true
    /// Whether the sentence so far ends with ".", "!", "?" or an ellipsis and then only closing
    /// quotes and brackets: kept up to date token by token, so that a long run of closers is
    /// not rescanned before every token (which made ")))...)" quadratic).
    var afterTerminal = false

    func close(_ segments: inout [Segment], from start: Int, to end: Int) {
      guard end > start else { return }
      segments.append(
        Segment(
          range: ByteRange(tokens[start].range.start, tokens[end - 1].range.end),
          tokens: start..<end))
    }

    for index in tokens.indices {
      if index > sentenceStart {
        if tokens[index].flags.contains(.paragraphBreakBefore) {
          close(&sentences, from: sentenceStart, to: index)
          close(&paragraphs, from: paragraphStart, to: index)
          sentenceStart = index
          paragraphStart = index
          awaitingFirstWord = true
        } else if afterTerminal, startsSentence(tokens[index]) {
          close(&sentences, from: sentenceStart, to: index)
          sentenceStart = index
          awaitingFirstWord = true
        } else if index - sentenceStart >= Self.maximumSentenceTokens, !isCloser(tokens[index]) {
          close(&sentences, from: sentenceStart, to: index)
          sentenceStart = index
          awaitingFirstWord = false
        }
      }
      // A sentence's first token counts even if it is a closer; later closers change nothing.
      if index == sentenceStart || !isCloser(tokens[index]) {
        afterTerminal = isTerminal(tokens[index])
      }
      if awaitingFirstWord, tokens[index].kind == .word || tokens[index].kind == .number {
        tokens[index].flags.insert(.sentenceInitial)
        awaitingFirstWord = false
      }
    }
    close(&sentences, from: sentenceStart, to: tokens.count)
    close(&paragraphs, from: paragraphStart, to: tokens.count)
    return TokenizedText(tokens: tokens, sentences: sentences, paragraphs: paragraphs)
  }

  private func isTerminal(_ token: Token) -> Bool {
    guard token.kind == .punctuation else { return false }
    let first = bytes[token.range.start]
    return first == UInt8(ascii: ".") || first == UInt8(ascii: "!") || first == UInt8(ascii: "?")
      || (first == 0xE2 && token.range.count == 3 && bytes[token.range.start + 1] == 0x80
        && bytes[token.range.start + 2] == 0xA6)  // U+2026 …
  }

  private func isCloser(_ token: Token) -> Bool {
    if token.kind == .quote { return !token.flags.contains(.opening) }
    guard token.kind == .punctuation, token.range.count == 1 else { return false }
    let byte = bytes[token.range.start]
    return byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]")
  }

  private func startsSentence(_ token: Token) -> Bool {
    switch token.kind {
    case .word:
      // Capitalised, or a letter without case (CJK); not a lower-case word ("e.g. this").
      let first = bytes[token.range.start]
      if first < 0x80 { return token.flags.contains(.capitalized) }
      return token.flags.contains(.capitalized)
        || !token.flags.contains(.possessive)
          && !startsLowercase(token)
    case .number, .symbol, .handle, .hashtag, .url, .email: return true
    case .quote: return token.flags.contains(.opening)
    case .punctuation:
      let byte = bytes[token.range.start]
      return byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[")
    }
  }

  private func startsLowercase(_ token: Token) -> Bool {
    let scalar = String(
      decoding: bytes[token.range.start..<min(token.range.end, token.range.start + 4)],
      as: UTF8.self
    )
    .unicodeScalars.first
    return scalar?.properties.isLowercase ?? false
  }
}
