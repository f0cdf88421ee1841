/// A taxonomy compiled for matching: a table of the dictionary's folded words, a trie of phrases
/// over word ids, and a table of stems with a two-byte filter in front of it.
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
  /// Trie edges below the first word: (node << 32 | word id) -> node.
  private var edges: [UInt64: Int32] = [:]
  /// Per node: the group of terms ending there, or -1.
  private var terminal: [Int32] = [-1]
  /// Per node: whether any edge leaves it.
  private var hasChildren: [Bool] = [false]
  /// Per group: its term indices into `ThemeTaxonomy.terms`.
  private var groups: [[Int]] = []
  private var stems = FoldedTermTable(capacity: 256)
  /// Per stem: its group.
  private var stemGroup: [Int32] = []
  /// Bit n set when some stem is n bytes long.
  private var stemLengths: UInt64 = 0
  /// 65,536 bits, one per pair of first two folded bytes of a stem.
  private var stemStarts = [UInt64](repeating: 0, count: 1024)

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
          stemLengths |= 1 << UInt64(stem.count)
          let pair = Int(stem[0]) << 8 | Int(stem[1])
          stemStarts[pair >> 6] |= 1 << UInt64(pair & 63)
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
  }

  /// The child of `node` along `word`, created if missing.
  private mutating func child(of node: Int32, word: Int, atRoot: Bool) -> Int32 {
    if atRoot, rootChild[word] >= 0 { return rootChild[word] }
    let key = UInt64(node) << 32 | UInt64(word)
    if !atRoot, let existing = edges[key] { return existing }
    let created = Int32(terminal.count)
    terminal.append(-1)
    hasChildren.append(false)
    if atRoot {
      rootChild[word] = created
    } else {
      edges[key] = created
      hasChildren[Int(node)] = true
    }
    return created
  }

  /// The term indices of a group.
  func terms(of group: Int) -> [Int] { groups[group] }

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
                    var scan = Scan(
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

    mutating func run(into hits: inout [Hit]) {
      var index = 0
      while index < tokens.count {
        let token = tokens[index]
        switch token.kind {
        case .url, .email, .handle, .hashtag:
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
        guard word >= 0, let child = matcher.edges[UInt64(node) << 32 | UInt64(word)] else {
          break
        }
        node = Int(child)
        position += 1
        if terminal[node] >= 0 { best = (Int(terminal[node]), position) }
      }
      return best
    }

    /// The group of the longest stem that `count` folded bytes at `folded` start with.
    @inline(__always)
    func longestStem(_ folded: UnsafeMutablePointer<UInt8>, count: Int) -> Int? {
      let pair = Int(folded[0]) << 8 | Int(folded[1])
      guard matcher.stemStarts[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return nil }
      var hash = TermFolding.emptyHash
      var best: Int?
      for length in 1...min(count, 63) {
        hash = TermFolding.hash(hash, folded[length - 1])
        if matcher.stemLengths & (1 << UInt64(length)) != 0,
          let stem = stems.index(of: folded, count: length, hash: hash)
        {
          best = Int(matcher.stemGroup[stem])
        }
      }
      return best
    }

    /// Matches each part of a hyphenated word as a one-word term or stem.
    func matchParts(of token: Token, into hits: inout [Hit]) {
      for part in token.hyphenParts(in: text) {
        let (word, count) = wordID(part, into: next)
        let node = word >= 0 ? Int(rootChild[word]) : -1
        if node >= 0, terminal[node] >= 0 {
          hits.append(Hit(group: Int(terminal[node]), range: part))
        } else if count >= 3, let group = longestStem(next, count: count) {
          hits.append(Hit(group: group, range: part))
        }
      }
    }
  }
}
