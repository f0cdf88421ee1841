import Testing

@testable import Psephos

/// Inputs the fuzzers (Tests/Fuzz) or a review for input-driven blow-ups found, kept as bytes.
@Suite struct TokenizerRegressionTests {
  private func tokenize(_ bytes: [UInt8]) -> (SourceText, TokenizedText) {
    let text = SourceText(normalizedUTF8: bytes)
    return (text, Tokenizer().tokenize(text))
  }

  /// Fuzz target `tokenizer`: digits glued to letters that are not a number suffix became a
  /// word that stopped one byte into the first non-ASCII letter ("1f" plus half of "é"), and
  /// the rest of the "é" became a symbol of its own.
  @Test(
    arguments: [
      [0x31, 0x66, 0xC3, 0xA9],  // "1fé"
      [0x32, 0x30, 0x31, 0x37, 0x61, 0x62, 0x6F, 0x75, 0x72, 0x66, 0xC3, 0xA9],  // "2017abourfé"
      [0x34, 0x67, 0xE2, 0x80, 0x8D, 0x78],  // "4g", a zero-width joiner, "x"
    ] as [[UInt8]])
  func endsAWordStartingWithDigitsOnAScalarBoundary(bytes: [UInt8]) {
    let (_, tokenized) = tokenize(bytes)
    #expect(tokenized.tokens.map(\.range) == [ByteRange(0, bytes.count)])
    #expect(tokenized.tokens.map(\.kind) == [.word])
  }

  /// Review: every word followed by "." and a letter tried to read the rest of an
  /// "ab.ab.ab..." chain as a domain name, so the chain took time quadratic in its length
  /// (60 KB: 34 s). A domain name is at most 253 bytes (RFC 1035), and so is the scan.
  @Test func readsNoDomainNameLongerThanDNSAllows() {
    let chain = Array(String(repeating: "ab.", count: 100).utf8) + Array("co.uk".utf8)
    let (text, tokenized) = tokenize(chain)
    let addresses = tokenized.tokens.filter { $0.kind == .url }
    #expect(addresses.count == 1)
    #expect(addresses.allSatisfy { $0.range.count <= 253 && $0.range.end == chain.count })
    #expect(tokenized.tokens.first.map { text.string($0.range) } == "ab")
    let sentence = tokenize(Array("see www.bbc.co.uk.".utf8)).1
    #expect(sentence.tokens.map(\.kind) == [.word, .url, .punctuation])
  }

  /// Review: before each token the sentence finder walked back over every closing bracket
  /// and quote since the sentence began, so "a)))...)" took time quadratic in the closers
  /// (50,000 of them: 83 s under the fuzzer's sanitizers). Not a speed test: without the fix
  /// this takes many minutes, with it milliseconds.
  @Test(.timeLimit(.minutes(1))) func findsSentencesAfterLongRunsOfClosersInLinearTime() {
    let closers = [UInt8](repeating: UInt8(ascii: ")"), count: 100_000)
    let (_, tokenized) = tokenize(Array("Yes.".utf8) + closers + Array(" No".utf8))
    #expect(tokenized.tokens.count == 100_003)
    #expect(tokenized.sentences.map(\.tokens) == [0..<100_002, 100_002..<100_003])
  }

  @Test func stillEndsASentenceAfterClosersOnlyWhenAStopPrecedesThem() {
    let text = SourceText("He won.)” Then (she said)” Then")
    let sentences = Tokenizer().tokenize(text).sentences.map { text.string($0.range) }
    #expect(sentences == ["He won.)”", "Then (she said)” Then"])
  }

  /// Review: a text without full stops was one sentence however long, and the claim stages
  /// read the whole sentence around each figure, so a 100 KB line without stops took 436 s
  /// to analyse (debug build) and 10 MB would never finish. Sentences now end after 256
  /// tokens.
  @Test func endsASentenceWithoutAStopAfterTheMaximumNumberOfTokens() {
    let maximum = SegmentFinder.maximumSentenceTokens
    #expect(maximum == 256)
    let words = (0..<1000).map { $0 % 10 == 0 ? "Labour" : "won" }
    let (_, tokenized) = tokenize(Array(words.joined(separator: " ").utf8))
    #expect(
      tokenized.sentences.map(\.tokens) == [0..<256, 256..<512, 512..<768, 768..<1000])
    // A cut is not a sentence start: only the first word is sentence-initial.
    let initial = tokenized.tokens.indices.filter {
      tokenized.tokens[$0].flags.contains(.sentenceInitial)
    }
    #expect(initial == [0])
    #expect(tokenized.paragraphs.map(\.tokens) == [0..<1000])
  }

  @Test func keepsClosingQuotesAndBracketsInTheSentenceTheMaximumCuts() {
    let maximum = SegmentFinder.maximumSentenceTokens
    // 255 tokens, then "))" from the 256th on, then one more word.
    let text = String(repeating: "(a ", count: maximum / 2 - 1) + "b)) c"
    let (source, tokenized) = tokenize(Array(text.utf8))
    #expect(tokenized.tokens.count == maximum + 2)
    let sentences = tokenized.sentences.map { source.string($0.range) }
    #expect(sentences.count == 2)
    #expect(sentences.first?.hasSuffix("b))") == true)
    #expect(sentences.last == "c")
  }

  /// Ten megabytes on one line, with no full stop: decoded and tokenized into sentences no
  /// longer than the maximum, every byte covered, nothing dropped.
  @Test func readsATenMegabyteLineWithoutAStopIntoBoundedSentences() throws {
    let phrase = Array(
      "Zac Goldsmith won 994,614 votes in London and Sadiq Khan won 1,148,716 ".utf8)
    let repeats = 10 * 1_048_576 / phrase.count + 1
    var bytes: [UInt8] = []
    bytes.reserveCapacity(repeats * phrase.count)
    for _ in 0..<repeats { bytes += phrase }
    let document = try Ingester().document(
      id: "line.txt", path: "line.txt", bytes: bytes, format: .text
    )
    .get()
    #expect(document.text.bytes.count == bytes.count)
    #expect(document.findings.isEmpty)
    let tokenized = Tokenizer().tokenize(document.text)
    #expect(tokenized.tokens.count == repeats * 12)
    #expect(tokenized.paragraphs.count == 1)
    #expect(tokenized.sentences.count == (repeats * 12 + 255) / 256)
    #expect(
      tokenized.sentences.allSatisfy { $0.tokens.count <= SegmentFinder.maximumSentenceTokens })
    #expect(tokenized.tokens.filter { $0.kind == .number }.count == repeats * 2)
  }
}
