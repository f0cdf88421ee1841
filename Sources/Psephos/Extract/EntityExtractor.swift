/// Finds the people, parties, places, place adjectives and organisations a document mentions,
/// and names the entity behind each mention.
///
/// Three steps over the tokens:
/// 1. Left to right, at each capitalised word: the longest gazetteer match (parties, places,
///    demonyms, organisations, known people), a person after a title ("Mr Blair" -> "Blair",
///    "Lord Ashcroft"), a given name followed by capitalised surnames ("Tim Montgomerie"), or
///    capitalised words that context marks as a name ("Priti Patel said", "X, the chief
///    executive of Y", "Home Secretary X"). The longest candidate wins; on a tie a gazetteer
///    entry beats a name found by its shape. Hyphenated words are searched part by part
///    ("London-centric", "anti-Tory").
/// 2. Within the document, surnames and given names of the people it names in full refer to
///    them ("Goldsmith", "Zac", "Mr Goldsmith" -> "Zac Goldsmith"), before or after the full name.
/// 3. Each mention gets its canonical name.
///
/// Complexity: O(tokens × longest phrase) with one hash per looked-up token; no `String` is made
/// on the hot path except for canonical names of people no list knows.
public struct EntityExtractor: Sendable {
  /// The reference data in use.
  public let knowledge: Knowledge

  /// Creates an extractor over `knowledge` (the bundled data by default).
  public init(knowledge: Knowledge = .standard) {
    self.knowledge = knowledge
  }

  /// The mentions in a tokenized text, sorted by position and never overlapping.
  public func mentions(in text: SourceText, tokens: TokenizedText) -> [Mention] {
    text.bytes.withUnsafeBufferPointer { bytes in
      var scan = EntityScan(knowledge: knowledge, bytes: bytes, tokenized: tokens)
      scan.run()
      return scan.mentions()
    }
  }
}

/// A candidate or accepted mention inside one scan, in token indices.
struct Found {
  /// The first and one-past-last token of the whole match (including a courtesy title).
  var firstToken: Int
  var endToken: Int
  /// The bytes of the mention itself.
  var range: ByteRange
  var kind: Mention.Kind
  /// The sense behind a gazetteer match.
  var sense: Int32?
  /// How it was found.
  var rule: Rule
  /// The first token of the name proper (after a title), for people.
  var nameStart: Int
  /// The canonical name once resolved.
  var canonical: String?

  enum Rule: UInt8 {
    case gazetteer, titled, peer, givenName, context, coreference, hyphenPart
  }

  var tokenCount: Int { endToken - firstToken }
}

/// The per-document state of `EntityExtractor.mentions(in:tokens:)`.
struct EntityScan {
  let knowledge: Knowledge
  let bytes: UnsafeBufferPointer<UInt8>
  let tokens: [Token]
  let sentences: [Segment]
  /// Folded hash of each word token, computed on demand (0 = not yet).
  var hashes: [UInt64]
  /// Word classes, computed on demand (`known` bit set once looked up).
  var classes: [Knowledge.WordClass]
  /// Whether each token's sentence is written in capitals (a headline).
  var shouting: [Bool]
  var found: [Found] = []

  static let looked = Knowledge.WordClass(rawValue: 1 << 15)

  init(knowledge: Knowledge, bytes: UnsafeBufferPointer<UInt8>, tokenized: TokenizedText) {
    self.knowledge = knowledge
    self.bytes = bytes
    self.tokens = tokenized.tokens
    self.sentences = tokenized.sentences
    hashes = Array(repeating: 0, count: tokens.count)
    classes = Array(repeating: [], count: tokens.count)
    shouting = Array(repeating: false, count: tokens.count)
    markShouting()
  }

  /// Marks sentences of three or more words that are nearly all in capitals.
  private mutating func markShouting() {
    for sentence in sentences {
      var words = 0
      var capitals = 0
      for index in sentence.tokens where tokens[index].kind == .word {
        let flags = tokens[index].flags
        if flags.contains(.possessive) { continue }
        words += 1
        if flags.contains(.allCaps) { capitals += 1 }
      }
      guard words >= 3, capitals * 10 >= words * 7 else { continue }
      for index in sentence.tokens { shouting[index] = true }
    }
  }

  // MARK: Token facts

  /// The folded hash of token `index`.
  @inline(__always) mutating func hash(_ index: Int) -> UInt64 {
    let cached = hashes[index]
    if cached != 0 { return cached }
    var hasher = FoldedHasher()
    hasher.add(bytes, tokens[index].range)
    hashes[index] = hasher.value
    return hasher.value
  }

  /// The word classes of token `index` (empty for non-words).
  @inline(__always) mutating func wordClass(_ index: Int) -> Knowledge.WordClass {
    let cached = classes[index]
    if cached.contains(Self.looked) { return cached }
    var result = Self.looked
    if tokens[index].kind == .word {
      result.formUnion(
        knowledge.wordClass(hash: hash(index), range: tokens[index].range, in: bytes))
    }
    classes[index] = result
    return result
  }

  func isWord(_ index: Int) -> Bool {
    index >= 0 && index < tokens.count && tokens[index].kind == .word
      && !tokens[index].flags.contains(.possessive)
  }

  func isCapitalized(_ index: Int) -> Bool {
    isWord(index) && tokens[index].flags.contains(.capitalized)
  }

  func isLowercaseWord(_ index: Int) -> Bool {
    isWord(index) && !tokens[index].flags.contains(.capitalized)
  }

  /// Whether token `index` is the one-byte punctuation `ascii`.
  func isPunctuation(_ index: Int, _ ascii: Unicode.Scalar) -> Bool {
    guard index >= 0, index < tokens.count, tokens[index].kind == .punctuation,
      tokens[index].range.count == 1
    else { return false }
    return bytes[tokens[index].range.start] == UInt8(ascii: ascii)
  }

  /// Whether token `index` is a word in `set`.
  mutating func isWord(_ index: Int, in set: HashedWordSet) -> Bool {
    guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return false }
    return set.contains(hash(index))
  }

  /// Whether a word is an ordinary English word (so its capital may only mark a sentence start).
  mutating func isCommonWord(_ index: Int) -> Bool {
    wordClass(index).contains(.commonWord)
  }

  func isSentenceInitial(_ index: Int) -> Bool {
    tokens[index].flags.contains(.sentenceInitial)
  }

  // MARK: The scan

  mutating func run() {
    var index = 0
    let count = tokens.count
    while index < count {
      let token = tokens[index]
      let startsName =
        token.kind == .word && token.flags.contains(.capitalized)
        || token.kind == .number && token.range.count == 4
      guard startsName || token.flags.contains(.hyphenated) else {
        index += 1
        continue
      }
      if startsName, let best = bestCandidate(at: index) {
        found.append(best)
        index = best.endToken
        continue
      }
      if token.flags.contains(.hyphenated) { searchHyphenParts(of: index) }
      index += 1
    }
    resolveWithinDocument()
  }

  /// The best mention starting at token `index`, if any: the longest candidate; on a tie the
  /// gazetteer entry (found first) wins.
  private mutating func bestCandidate(at index: Int) -> Found? {
    var best = gazetteerMatch(at: index)
    guard tokens[index].kind == .word else { return best }
    func consider(_ candidate: Found?) {
      guard let candidate else { return }
      if let current = best, candidate.tokenCount <= current.tokenCount { return }
      best = candidate
    }
    consider(titledPerson(at: index))
    consider(givenNamePerson(at: index))
    consider(contextPerson(at: index, gazetteerFound: best != nil))
    if let place = best, place.kind == .place, isWord(place.endToken, in: Cues.organizationHead),
      isCapitalized(place.endToken)
    {
      // "Strathclyde University", "Heathrow Airport", "Cumbria Police": a body named by a place.
      best = Found(
        firstToken: place.firstToken, endToken: place.endToken + 1,
        range: ByteRange(place.range.start, tokens[place.endToken].range.end),
        kind: .organization, sense: nil, rule: .gazetteer, nameStart: place.firstToken)
    }
    return best
  }

  mutating func mentions() -> [Mention] {
    found.sort { $0.range < $1.range }
    var result: [Mention] = []
    result.reserveCapacity(found.count)
    var lastEnd = 0
    for item in found where item.range.start >= lastEnd && !item.range.isEmpty {
      let sense = item.sense.map { knowledge.senses[Int($0)] }
      let canonical =
        item.canonical ?? sense?.canonical
        ?? String(decoding: bytes[item.range.start..<item.range.end], as: UTF8.self)
      result.append(
        Mention(
          range: item.range, kind: item.kind, canonical: canonical,
          isMetonymy: sense?.refersTo != nil && item.kind == .organization,
          refersTo: item.kind == .organization ? sense?.refersTo : nil))
      lastEnd = item.range.end
    }
    return result
  }
}

/// A small set of words compared by folded hash (function words and cue words in code).
struct HashedWordSet: Sendable {
  private let hashes: HashSet64

  init(_ words: [String]) {
    var set = HashSet64()
    for word in words {
      let bytes = Array(word.utf8)
      bytes.withUnsafeBufferPointer { buffer in
        var hasher = FoldedHasher()
        hasher.add(buffer, ByteRange(0, buffer.count))
        set.insert(hasher.value)
      }
    }
    hashes = set
  }

  @inline(__always) func contains(_ hash: UInt64) -> Bool { hashes.contains(hash) }
}
