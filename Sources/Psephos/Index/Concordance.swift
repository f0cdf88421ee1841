/// Keyword-in-context lines: every occurrence of a term, or every span given (such as every
/// mention of one entity under any alias), with the text on either side.
///
/// Contexts are `width` Unicode code points on each side (not bytes, not grapheme clusters),
/// with every run of whitespace (spaces, tabs, line and paragraph breaks, no-break spaces)
/// shown as one space; a context stops at the start or end of the document. The keyword itself
/// is the matched text with its whitespace shown the same way.
public struct Concordance: Sendable {
  /// The order of concordance lines.
  public enum Order: String, Hashable, Sendable, CaseIterable {
    /// By document (as given), then position.
    case document
    /// By the left context read backwards from the keyword: the nearest word first.
    case left
    /// By the right context read forwards from the keyword.
    case right
  }

  /// One occurrence and its context.
  public struct Line: Hashable, Sendable {
    /// The document's id.
    public var document: String
    /// The keyword's bytes in the document's text.
    public var range: ByteRange
    /// The keyword's Unicode code-point offsets (the JSON contract's `start` and `end`).
    public var codePoints: Range<Int>
    /// Up to `width` code points before the keyword.
    public var left: String
    /// The keyword as it appears in the text.
    public var keyword: String
    /// Up to `width` code points after the keyword.
    public var right: String

    /// Creates a line.
    public init(
      document: String, range: ByteRange, codePoints: Range<Int>, left: String, keyword: String,
      right: String
    ) {
      self.document = document
      self.range = range
      self.codePoints = codePoints
      self.left = left
      self.keyword = keyword
      self.right = right
    }
  }

  /// Code points of context on each side.
  public var width: Int
  private let tokenizer = Tokenizer()

  /// Creates a concordancer showing `width` code points on each side.
  public init(width: Int = 40) {
    precondition(width >= 0, "width must not be negative")
    self.width = width
  }

  /// Every occurrence of a word or phrase in a document, in document order.
  ///
  /// The term is tokenized like the text and matched on whole tokens ignoring case
  /// (`TermFolding`): "council tax" finds "Council Tax" and "council\ntax" but not
  /// "councillor"; "Labour" finds "Labour" in "Labour’s", whose "’s" is its own token.
  ///
  /// Complexity: O(tokens × words in the term).
  public func lines(for term: String, in document: Document, tokens: TokenizedText) -> [Line] {
    let termText = SourceText(term)
    let pattern = tokenizer.tokenize(termText).tokens.map {
      TermFolding.folded(termText.string($0.range))
    }
    guard !pattern.isEmpty else { return [] }
    var ranges: [ByteRange] = []
    document.text.bytes.withUnsafeBufferPointer { bytes in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ThemeMatcher.longestToken) {
        scratch in
        let buffer = scratch.baseAddress!
        func matches(_ token: Token, _ word: [UInt8]) -> Bool {
          guard token.range.count >= word.count, token.range.count <= ThemeMatcher.longestToken
          else { return false }
          let count = TermFolding.fold(
            bytes, from: token.range.start, to: token.range.end, into: buffer
          ).count
          return count == word.count
            && word.withUnsafeBufferPointer { word in
              (0..<count).allSatisfy { buffer[$0] == word[$0] }
            }
        }
        let all = tokens.tokens
        var index = 0
        while index + pattern.count <= all.count {
          if (0..<pattern.count).allSatisfy({ matches(all[index + $0], pattern[$0]) }) {
            ranges.append(
              ByteRange(all[index].range.start, all[index + pattern.count - 1].range.end))
            index += pattern.count
          } else {
            index += 1
          }
        }
      }
    }
    return lines(for: ranges, in: document)
  }

  /// A line for each span, in document order (duplicates removed): the entity-aware mode passes
  /// the byte range of every mention of one entity.
  ///
  /// Each range must lie inside the text and start and end on scalar boundaries.
  ///
  /// Complexity: O(spans × width) plus the sort.
  public func lines(for ranges: [ByteRange], in document: Document) -> [Line] {
    let text = document.text
    return Set(ranges).sorted().map { range in
      precondition(range.end <= text.bytes.count, "span \(range) is outside the text")
      return Line(
        document: document.id, range: range, codePoints: text.codePointRange(range),
        left: context(in: text.bytes, before: range.start),
        keyword: Self.collapsingWhitespace(text.bytes[range.start..<range.end]),
        right: context(in: text.bytes, after: range.end))
    }
  }

  /// Lines in the given order. `.document` groups lines by document, in the order documents
  /// first appear in `lines`, then by position; `.left` and `.right` compare context words
  /// (lower-cased, UTF-8 byte order) and keep the input order for ties.
  ///
  /// Complexity: O(l log l) comparisons of context words.
  public static func sorted(_ lines: [Line], by order: Order) -> [Line] {
    guard order != .document else {
      var documentRank: [String: Int] = [:]
      for line in lines where documentRank[line.document] == nil {
        documentRank[line.document] = documentRank.count
      }
      return lines.sorted { left, right in
        let (leftRank, rightRank) = (documentRank[left.document]!, documentRank[right.document]!)
        return leftRank != rightRank ? leftRank < rightRank : left.range < right.range
      }
    }
    let keyed = lines.enumerated().map { offset, line in
      let words = sortWords(order == .left ? line.left : line.right)
      return (key: order == .left ? Array(words.reversed()) : words, offset: offset, line: line)
    }
    return keyed.sorted { left, right in
      if left.key != right.key {
        return left.key.lexicographicallyPrecedes(right.key) {
          $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
      }
      return left.offset < right.offset
    }.map(\.line)
  }

  /// The words of a context for sorting: lower-cased, split at spaces, without punctuation at
  /// either end; empty words dropped.
  private static func sortWords(_ context: String) -> [String] {
    context.lowercased().split(separator: " ").compactMap { word in
      let trimmed = word.unicodeScalars.drop { !isWordScalar($0) }
      let end = trimmed.lastIndex(where: isWordScalar)
      guard let end else { return nil }
      return String(String.UnicodeScalarView(trimmed[...end]))
    }
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
}
