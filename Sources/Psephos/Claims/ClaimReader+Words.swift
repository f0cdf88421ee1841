/// Comparing tokens with words: bytes for single tests, lower-cased strings inside the
/// sentences that hold a figure or a control phrase.
extension ClaimReader {
  /// Whether token `index` is the word `word` (ASCII, any case; a curly apostrophe in the
  /// token matches a straight one in `word`).
  func isWord(_ index: Int, _ word: StaticString) -> Bool {
    guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return false }
    let range = tokens[index].range
    var position = range.start
    var offset = 0
    let count = word.utf8CodeUnitCount
    while position < range.end {
      guard offset < count else { return false }
      var byte = text.bytes[position]
      if byte == 0xE2, position + 2 < range.end, text.bytes[position + 1] == 0x80,
        text.bytes[position + 2] == 0x99
      {
        byte = UInt8(ascii: "'")
        position += 2
      }
      if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
      guard byte == word.utf8Start[offset] else { return false }
      position += 1
      offset += 1
    }
    return offset == count
  }

  /// Whether token `index` is the one ASCII byte `byte`.
  func isByte(_ index: Int, _ byte: UInt8) -> Bool {
    guard index >= 0, index < tokens.count else { return false }
    let range = tokens[index].range
    return range.count == 1 && text.bytes[range.start] == byte
  }

  /// Whether token `index` is a spaced en or em dash, or a lone hyphen, between words.
  func isDash(_ index: Int) -> Bool {
    guard index >= 0, index < tokens.count, tokens[index].kind == .punctuation else {
      return false
    }
    let range = tokens[index].range
    if range.count == 1 {
      return text.bytes[range.start] == UInt8(ascii: "-")
        && tokens[index].flags.contains(.spaceBefore)
    }
    return range.count == 3 && text.bytes[range.start] == 0xE2
      && text.bytes[range.start + 1] == 0x80
      && (text.bytes[range.start + 2] == 0x93 || text.bytes[range.start + 2] == 0x94)
  }

  /// The token's text in lower case, with curly apostrophes straightened.
  func lower(_ index: Int) -> String {
    let range = tokens[index].range
    var bytes: [UInt8] = []
    bytes.reserveCapacity(range.count)
    var position = range.start
    while position < range.end {
      let byte = text.bytes[position]
      if byte == 0xE2, position + 2 < range.end, text.bytes[position + 1] == 0x80,
        text.bytes[position + 2] == 0x99 || text.bytes[position + 2] == 0x98
      {
        bytes.append(UInt8(ascii: "'"))
        position += 3
        continue
      }
      bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
      position += 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The lower-cased words of one sentence, for looking up cue words and phrases.
struct SentenceWords {
  /// The sentence's first token.
  let start: Int
  /// One string per token of the sentence.
  let words: [String]
  /// The same words as a set: most phrases looked for are absent, and their first word says
  /// so in one lookup rather than a pass over the sentence.
  private let vocabulary: Set<String>

  init(reader: ClaimReader, sentence: Segment) {
    self.init(reader: reader, tokens: sentence.tokens)
  }

  /// The words of a run of tokens (a clause).
  init(reader: ClaimReader, tokens: Range<Int>) {
    self.init(start: tokens.lowerBound, words: tokens.map { reader.lower($0) })
  }

  private init(start: Int, words: [String]) {
    self.start = start
    self.words = words
    vocabulary = Set(words)
  }

  /// The words of a run of this sentence's tokens (a clause), without lower-casing them again.
  func slice(_ tokens: Range<Int>) -> SentenceWords {
    SentenceWords(
      start: tokens.lowerBound,
      words: Array(words[(tokens.lowerBound - start)..<(tokens.upperBound - start)]))
  }

  /// The sentence's token indices.
  var tokens: Range<Int> { start..<(start + words.count) }

  /// The word of token `index`, or "" outside the sentence.
  subscript(_ index: Int) -> String {
    let offset = index - start
    return offset >= 0 && offset < words.count ? words[offset] : ""
  }

  /// Whether any word of the sentence is in `set`.
  func containsAny(_ set: Set<String>) -> Bool {
    !vocabulary.isDisjoint(with: set)
  }

  /// The token index of the first word in `set`, if any.
  func firstIndex(in set: Set<String>, from: Int? = nil) -> Int? {
    let begin = max(0, (from ?? start) - start)
    guard begin < words.count else { return nil }
    return words[begin...].firstIndex { set.contains($0) }.map { $0 + start }
  }

  /// The token index where `phrase` (lower-case words) starts, if the sentence has it.
  func index(ofPhrase phrase: [String]) -> Int? {
    guard !phrase.isEmpty, words.count >= phrase.count, vocabulary.contains(phrase[0]) else {
      return nil
    }
    for offset in 0...(words.count - phrase.count)
    where words[offset] == phrase[0]
      && words[offset..<(offset + phrase.count)].elementsEqual(phrase)
    {
      return offset + start
    }
    return nil
  }

  /// Whether the sentence has `phrase`, given as space-separated lower-case words.
  func contains(_ phrase: String) -> Bool {
    // Most sentences lack the first word: look for it before splitting the phrase.
    guard vocabulary.contains(String(phrase.prefix { $0 != " " })) else { return false }
    return index(ofPhrase: phrase.split(separator: " ").map(String.init)) != nil
  }
}
