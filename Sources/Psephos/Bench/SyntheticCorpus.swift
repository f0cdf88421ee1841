import Foundation

/// A deterministic corpus of any size made from real text: sentences of the source articles
/// recombined into new articles, with their digits and some capitalised words varied, so that
/// the benchmark measures prose like the users' without shipping gigabytes.
///
/// The same sources and seed always give the same bytes.
public struct SyntheticCorpus: Sendable {
  private let sentences: [[UInt8]]
  private let capitalizedWords: [[UInt8]]
  private let seed: UInt64

  /// Prepares a generator from source texts (at least one sentence among them).
  public init(sources: [SourceText], seed: UInt64 = 20_160_505) {
    let tokenizer = Tokenizer()
    var sentences: [[UInt8]] = []
    var words = Set<[UInt8]>()
    for text in sources {
      let tokenized = tokenizer.tokenize(text)
      for sentence in tokenized.sentences {
        sentences.append(Array(text.bytes[sentence.range.start..<sentence.range.end]))
      }
      for token in tokenized.tokens
      where token.kind == .word && token.flags.contains(.capitalized)
        && !token.flags.contains(.sentenceInitial) && !token.flags.contains(.hyphenated)
      {
        words.insert(Array(text.bytes[token.range.start..<token.range.end]))
      }
    }
    precondition(!sentences.isEmpty, "a synthetic corpus needs at least one source sentence")
    self.sentences = sentences
    self.capitalizedWords = words.sorted { $0.lexicographicallyPrecedes($1) }
    self.seed = seed
  }

  /// The bytes of article number `index`, about `approximateBytes` long.
  ///
  /// Complexity: O(approximateBytes).
  public func article(_ index: Int, approximateBytes: Int = 6_000) -> [UInt8] {
    var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
    var output: [UInt8] = []
    output.reserveCapacity(approximateBytes + 1_000)
    var sentencesInParagraph = 0
    while output.count < approximateBytes {
      if sentencesInParagraph > 0 {
        let paragraphEnds = sentencesInParagraph >= 2 && random.next(below: 3) == 0
        output.append(contentsOf: paragraphEnds ? [0x0A, 0x0A] : [0x20])
        if paragraphEnds { sentencesInParagraph = 0 }
      }
      append(sentences[random.next(below: sentences.count)], to: &output, random: &random)
      sentencesInParagraph += 1
    }
    output.append(0x0A)
    return output
  }

  /// Copies a sentence with each digit redrawn and about one capitalised word in eight
  /// (not the first) swapped for another from the sources.
  private func append(_ sentence: [UInt8], to output: inout [UInt8], random: inout SplitMix64) {
    var index = 0
    while index < sentence.count {
      let byte = sentence[index]
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        let previousIsDigit =
          index > 0 && sentence[index - 1] >= UInt8(ascii: "0")
          && sentence[index - 1] <= UInt8(ascii: "9")
        let digit = previousIsDigit ? random.next(below: 10) : 1 + random.next(below: 9)
        output.append(UInt8(ascii: "0") + UInt8(digit))
        index += 1
        continue
      }
      let startsWord = index > 0 && sentence[index - 1] == UInt8(ascii: " ")
      if startsWord, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z"),
        !capitalizedWords.isEmpty,
        random.next(below: 8) == 0
      {
        var end = index
        while end < sentence.count, sentence[end] >= 0x41 { end += 1 }
        output.append(contentsOf: capitalizedWords[random.next(below: capitalizedWords.count)])
        index = end
        continue
      }
      output.append(byte)
      index += 1
    }
  }

  /// Writes articles of about 6 KB into `directory` until `totalBytes` are written, and returns
  /// their paths in order. Files are named `NNNNNNNN.txt` in subfolders of 1,000.
  public func write(totalBytes: Int, to directory: String) throws -> [String] {
    let manager = FileManager.default
    var paths: [String] = []
    var written = 0
    var index = 0
    while written < totalBytes {
      let folder = "\(directory)/\(String(format: "%05d", index / 1_000))"
      if index % 1_000 == 0 {
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
      }
      let path = "\(folder)/\(String(format: "%08d", index)).txt"
      let bytes = article(index)
      guard manager.createFile(atPath: path, contents: Data(bytes)) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
      }
      paths.append(path)
      written += bytes.count
      index += 1
    }
    return paths
  }
}

/// A small, fast, seedable pseudo-random generator (SplitMix64), so synthetic corpora are the
/// same on every machine.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in 0..<bound.
  mutating func next(below bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }
}
