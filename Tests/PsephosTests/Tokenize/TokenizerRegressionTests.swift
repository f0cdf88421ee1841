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
}
