// fuzz-seeds: Corpus/articles/*.txt Tests/Fuzz/seeds/text/*
// fuzz-dict: Tests/Fuzz/dicts/text.dict
@testable import Psephos

/// The tokenizer on arbitrary bytes, valid UTF-8 or not: it must never trap, and its tokens,
/// sentences and paragraphs must keep their contract.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = FuzzCheck.bytes(data, size)
  let text = SourceText(normalizedUTF8: bytes)
  let tokenized = Tokenizer().tokenize(text)
  FuzzCheck.checkTokens(tokenized, in: text, validUTF8: FuzzCheck.isValidUTF8(bytes))
  for token in tokenized.tokens where token.flags.contains(.hyphenated) {
    for part in token.hyphenParts(in: text) {
      FuzzCheck.require(
        part.start >= token.range.start && part.end <= token.range.end && !part.isEmpty,
        "hyphen part \(part) outside \(token.range)")
    }
  }
  return 0
}
