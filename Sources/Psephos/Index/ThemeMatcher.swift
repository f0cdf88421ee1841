/// A taxonomy compiled for matching: a table of the dictionary's folded words, a trie of phrases
/// over word ids, and a table of stems behind a filter of which stem lengths can follow a
/// word's first two bytes.
///
/// Terms with the same folded pattern in different themes share one trie node (a "group"), so a
/// phrase is matched once and credited to each of its themes.
struct ThemeMatcher: Sendable {
  /// One match: which group of terms, over which bytes.
  struct Hit: Hashable, Sendable {
    var group: Int
    var range: ByteRange
  }

  /// Tokens longer than this many bytes are never looked up (no term is that long).
  static let longestToken = 255

  private var words = FoldedTermTable(capacity: 2048)
  /// The trie node reached from the root by each word id, or -1.
  private var rootChild: [Int32] = []
  /// Trie edges below the first word.
  private var edges = EdgeTable()
  /// Per node: the group of terms ending there, or -1.
  private var terminal: [Int32] = [-1]
  /// Per node: whether any edge leaves it.
  private var hasChildren: [Bool] = [false]
  /// Per group: its term indices into `ThemeTaxonomy.terms` (only while compiling).
  private var groups: [[Int]] = []
  /// Where each group's terms start in the flat per-term arrays below; groups + 1 entries.
  private var groupStarts: [Int32] = []
  /// Per slot (the terms of group 0, then group 1, ...): the term index, its theme, its weight
  /// in hundredths.
  private var slotTerms: [Int32] = []
  private var slotThemes: [Int32] = []
  private var slotWeights: [Int32] = []
  private var stems = FoldedTermTable(capacity: 256)
  /// Per stem: its group.
  private var stemGroup: [Int32] = []
  /// Per pair of first two bytes (5 low bits of each): bit n set when a stem with such a start
  /// is n bytes long. Letters never share a slot; other bytes may, which only costs a probe.
  private var stemLengths = [UInt64](repeating: 0, count: 1024)

  init(taxonomy: ThemeTaxonomy) {
    var groupOfNode: [Int32: Int] = [:]
    var groupOfStem: [Int: Int] = [:]
    for (termIndex, term) in taxonomy.terms.enumerated() {
      if term.isPrefix {
        let stem = term.words[0]
        let (index, inserted) = stem.withUnsafeBufferPointer {
          stems.insert($0, hash: TermFolding.hash(folded: stem))
        }
        if inserted {
          groups.append([])
          groupOfStem[index] = groups.count - 1
          stemGroup.append(Int32(groups.count - 1))
          stemLengths[Self.pairSlot(stem[0], stem[1])] |= 1 << UInt64(stem.count)
        }
        groups[groupOfStem[index]!].append(termIndex)
        continue
      }
      var node: Int32 = 0
      for (position, word) in term.words.enumerated() {
        let (wordID, inserted) = word.withUnsafeBufferPointer {
          words.insert($0, hash: TermFolding.hash(folded: word))
        }
        if inserted { rootChild.append(-1) }
        node = child(of: node, word: wordID, atRoot: position == 0)
      }
      if let group = groupOfNode[node] {
        groups[group].append(termIndex)
      } else {
        groups.append([termIndex])
        groupOfNode[node] = groups.count - 1
        terminal[Int(node)] = Int32(groups.count - 1)
      }
    }
    for group in groups {
      groupStarts.append(Int32(slotTerms.count))
      for term in group {
        slotTerms.append(Int32(term))
        slotThemes.append(Int32(taxonomy.terms[term].theme))
        slotWeights.append(Int32(taxonomy.terms[term].weightHundredths))
      }
    }
    groupStarts.append(Int32(slotTerms.count))
    groups = []
  }

  /// The child of `node` along `word`, created if missing.
  private mutating func child(of node: Int32, word: Int, atRoot: Bool) -> Int32 {
    if atRoot, rootChild[word] >= 0 { return rootChild[word] }
    if !atRoot, let existing = edges.child(of: Int(node), word: word) { return Int32(existing) }
    let created = Int32(terminal.count)
    terminal.append(-1)
    hasChildren.append(false)
    if atRoot {
      rootChild[word] = created
    } else {
      edges.insert(node: Int(node), word: word, child: Int(created))
      hasChildren[Int(node)] = true
    }
    return created
  }

  /// The slot of a stem's first two bytes in `stemLengths`.
  @inline(__always)
  static func pairSlot(_ first: UInt8, _ second: UInt8) -> Int {
    Int(first & 31) << 5 | Int(second & 31)
  }

  /// The slots of a group's terms (see `term(_:)`, `termTheme(_:)`, `termWeight(_:)`).
  @inline(__always)
  func termSlots(of group: Int) -> Range<Int> {
    Int(groupStarts[group])..<Int(groupStarts[group + 1])
  }

  /// The index in `ThemeTaxonomy.terms` of the term in a slot.
  @inline(__always)
  func term(_ slot: Int) -> Int { Int(slotTerms[slot]) }

  /// The theme index of the term in a slot.
  @inline(__always)
  func termTheme(_ slot: Int) -> Int { Int(slotThemes[slot]) }

  /// The weight in hundredths of the term in a slot.
  @inline(__always)
  func termWeight(_ slot: Int) -> Int { Int(slotWeights[slot]) }

  /// Every match in a text, in document order.
  ///
  /// Complexity: O(tokens) expected.
  func match(_ text: SourceText, _ tokens: [Token]) -> [Hit] {
    var hits: [Hit] = []
    text.bytes.withUnsafeBufferPointer { bytes in
      tokens.withUnsafeBufferPointer { tokens in
        rootChild.withUnsafeBufferPointer { rootChild in
          terminal.withUnsafeBufferPointer { terminal in
            hasChildren.withUnsafeBufferPointer { hasChildren in
              words.withView { words in
                stems.withView { stems in
                  withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longestToken * 2) {
                    scratch in
                    let scan = Scan(
                      matcher: self, text: text, bytes: bytes, tokens: tokens,
                      rootChild: rootChild, terminal: terminal, hasChildren: hasChildren,
                      words: words, stems: stems, first: scratch.baseAddress!,
                      next: scratch.baseAddress! + Self.longestToken)
                    scan.run(into: &hits)
                  }
                }
              }
            }
          }
        }
      }
    }
    return hits
  }

  /// One pass over one document's tokens, with every table open as an unsafe buffer.
  private struct Scan {
    let matcher: ThemeMatcher
    let text: SourceText
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<Token>
    let rootChild: UnsafeBufferPointer<Int32>
    let terminal: UnsafeBufferPointer<Int32>
    let hasChildren: UnsafeBufferPointer<Bool>
    let words: FoldedTermTable.View
    let stems: FoldedTermTable.View
    /// Folded bytes of the token a match may start at.
    let first: UnsafeMutablePointer<UInt8>
    /// Folded bytes of a token further along a phrase.
    let next: UnsafeMutablePointer<UInt8>

    /// The word id of the token's folded bytes (left in `buffer`), or -1.
    @inline(__always)
    func wordID(_ range: ByteRange, into buffer: UnsafeMutablePointer<UInt8>) -> (Int, Int) {
      guard range.count <= ThemeMatcher.longestToken else { return (-1, 0) }
      let (count, hash) = TermFolding.fold(bytes, from: range.start, to: range.end, into: buffer)
      return (words.index(of: buffer, count: count, hash: hash) ?? -1, count)
    }

    func run(into hits: inout [Hit]) {
      var index = 0
      while index < tokens.count {
        let token = tokens[index]
        switch token.kind {
        case .url, .email, .handle:
          index += 1
          continue
        case .hashtag:
          // "#Brexit": the word after the sign, as a one-word term or stem.
          if token.range.count > 1, token.range.count <= ThemeMatcher.longestToken {
            matchWord(ByteRange(token.range.start + 1, token.range.end), into: &hits)
          }
          index += 1
          continue
        default:
          break
        }
        let (word, count) = wordID(token.range, into: first)
        if word >= 0, let phrase = longestPhrase(from: index, firstWord: word) {
          let range = ByteRange(token.range.start, tokens[phrase.end - 1].range.end)
          hits.append(Hit(group: phrase.group, range: range))
          index = phrase.end
          continue
        }
        if count >= 3, let group = longestStem(first, count: count) {
          hits.append(Hit(group: group, range: token.range))
        } else if token.flags.contains(.hyphenated), token.range.count <= ThemeMatcher.longestToken
        {
          matchParts(of: token, into: &hits)
        }
        index += 1
      }
    }

    /// The group and end token index of the longest phrase starting at `start`.
    @inline(__always)
    func longestPhrase(from start: Int, firstWord: Int) -> (group: Int, end: Int)? {
      var node = Int(rootChild[firstWord])
      guard node >= 0 else { return nil }
      var best: (group: Int, end: Int)? =
        terminal[node] >= 0 ? (Int(terminal[node]), start + 1) : nil
      var position = start + 1
      while hasChildren[node], position < tokens.count,
        !tokens[position].flags.contains(.paragraphBreakBefore)
      {
        let (word, _) = wordID(tokens[position].range, into: next)
        guard word >= 0, let child = matcher.edges.child(of: node, word: word) else { break }
        node = child
        position += 1
        if terminal[node] >= 0 { best = (Int(terminal[node]), position) }
      }
      return best
    }

    /// The group of the longest stem that `count` folded bytes at `folded` start with.
    @inline(__always)
    func longestStem(_ folded: UnsafeMutablePointer<UInt8>, count: Int) -> Int? {
      let longest = min(count, 63)
      let lengths =
        matcher.stemLengths[ThemeMatcher.pairSlot(folded[0], folded[1])]
        & (UInt64.max >> UInt64(63 - longest))
      guard lengths != 0 else { return nil }
      let last = 63 - lengths.leadingZeroBitCount
      var hash = TermFolding.emptyHash
      var best: Int?
      for length in 1...last {
        hash = TermFolding.hash(hash, folded[length - 1])
        if lengths & (1 << UInt64(length)) != 0,
          let stem = stems.index(of: folded, count: length, hash: hash)
        {
          best = Int(matcher.stemGroup[stem])
        }
      }
      return best
    }

    /// Matches each part of a hyphenated word as a one-word term or stem.
    func matchParts(of token: Token, into hits: inout [Hit]) {
      for part in token.hyphenParts(in: text) { matchWord(part, into: &hits) }
    }

    /// Matches a range as a one-word term, or else the longest stem it starts with.
    func matchWord(_ range: ByteRange, into hits: inout [Hit]) {
      let (word, count) = wordID(range, into: next)
      let node = word >= 0 ? Int(rootChild[word]) : -1
      if node >= 0, terminal[node] >= 0 {
        hits.append(Hit(group: Int(terminal[node]), range: range))
      } else if count >= 3, let group = longestStem(next, count: count) {
        hits.append(Hit(group: group, range: range))
      }
    }
  }
}

/// Trie edges: (node, word id) -> child node, in an open-addressing table with a multiplicative
/// hash (cheaper than `Dictionary`'s seeded hashing on the hot path).
struct EdgeTable: Sendable {
  /// `node << 32 | word`, or 0 where empty (edges never leave the root, node 0, through here).
  private var keys = [UInt64](repeating: 0, count: 16)
  private var children = [Int32](repeating: 0, count: 16)
  private var count = 0

  @inline(__always)
  private static func slot(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// The child of `node` along `word`, or nil.
  @inline(__always)
  func child(of node: Int, word: Int) -> Int? {
    let key = UInt64(node) << 32 | UInt64(word)
    let mask = keys.count - 1
    var slot = Self.slot(key, mask: mask)
    while true {
      let found = keys[slot]
      if found == key { return Int(children[slot]) }
      if found == 0 { return nil }
      slot = (slot + 1) & mask
    }
  }

  /// Adds an edge that is not yet present.
  mutating func insert(node: Int, word: Int, child: Int) {
    precondition(node > 0, "root edges live in rootChild")
    if (count + 1) * 2 > keys.count {
      let old = zip(keys, children).filter { $0.0 != 0 }
      keys = Array(repeating: 0, count: keys.count * 2)
      children = Array(repeating: 0, count: keys.count)
      count = 0
      for (key, child) in old { place(key, child) }
    }
    place(UInt64(node) << 32 | UInt64(word), Int32(child))
  }

  private mutating func place(_ key: UInt64, _ child: Int32) {
    let mask = keys.count - 1
    var slot = Self.slot(key, mask: mask)
    while keys[slot] != 0 { slot = (slot + 1) & mask }
    keys[slot] = key
    children[slot] = child
    count += 1
  }
}
