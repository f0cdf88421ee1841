import Foundation

@testable import Psephos

/// Checks shared by the fuzz targets. A failed check prints what broke and aborts, which
/// libFuzzer reports as a crash with the input saved as a reproducer.
enum FuzzCheck {
  /// Aborts with `message` unless `condition` holds.
  static func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String
  ) {
    guard !condition() else { return }
    FileHandle.standardError.write(Data(("fuzz check failed: " + message() + "\n").utf8))
    abort()
  }

  /// The bytes libFuzzer hands over.
  static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// Whether `bytes` are well-formed UTF-8.
  static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { TextNormalizer.firstInvalidUTF8Offset($0) == nil }
  }

  /// Whether `offset` starts a scalar (or is the end) in valid UTF-8.
  static func isScalarBoundary(_ bytes: [UInt8], _ offset: Int) -> Bool {
    offset == bytes.count || bytes[offset] & 0xC0 != 0x80
  }

  /// Checks the tokenizer's contract on `text`: tokens non-empty, in order, non-overlapping and
  /// inside the text; sentences and paragraphs cover the tokens in order without gaps, and
  /// every paragraph break is a sentence break. For valid UTF-8 (`validUTF8`), also that tokens
  /// start and end on scalar boundaries and that code-point offsets increase with them.
  static func checkTokens(_ tokenized: TokenizedText, in text: SourceText, validUTF8: Bool) {
    let bytes = text.bytes
    let tokens = tokenized.tokens
    var previousEnd = 0
    for (index, token) in tokens.enumerated() {
      let range = token.range
      require(range.start < range.end, "token \(index) is empty: \(range)")
      require(range.start >= previousEnd, "token \(index) \(range) overlaps \(previousEnd)")
      require(range.end <= bytes.count, "token \(index) \(range) ends after \(bytes.count)")
      if validUTF8 {
        require(
          isScalarBoundary(bytes, range.start) && isScalarBoundary(bytes, range.end),
          "token \(index) \(range) splits a scalar")
      }
      previousEnd = range.end
    }
    checkSegments(tokenized.sentences, "sentence", tokens)
    checkSegments(tokenized.paragraphs, "paragraph", tokens)
    let sentenceStarts = Set(tokenized.sentences.map(\.tokens.lowerBound))
    for paragraph in tokenized.paragraphs {
      require(
        sentenceStarts.contains(paragraph.tokens.lowerBound),
        "paragraph at token \(paragraph.tokens.lowerBound) starts inside a sentence")
    }
    if validUTF8 {
      var previous = 0
      for token in tokens {
        let offsets = text.codePointRange(token.range)
        require(
          offsets.lowerBound >= previous && offsets.upperBound <= text.codePointCount,
          "code-point offsets \(offsets) out of order")
        previous = offsets.upperBound
      }
    }
  }

  private static func checkSegments(_ segments: [Segment], _ what: String, _ tokens: [Token]) {
    var next = 0
    for segment in segments {
      require(
        segment.tokens.lowerBound == next && !segment.tokens.isEmpty,
        "\(what) tokens \(segment.tokens) do not follow \(next)")
      require(segment.tokens.upperBound <= tokens.count, "\(what) \(segment.tokens) past the end")
      let first = tokens[segment.tokens.lowerBound]
      let last = tokens[segment.tokens.upperBound - 1]
      let expected = ByteRange(first.range.start, last.range.end)
      require(segment.range == expected, "\(what) range \(segment.range) is not \(expected)")
      next = segment.tokens.upperBound
    }
    require(next == tokens.count, "\(what)s cover \(next) of \(tokens.count) tokens")
  }
}
