// fuzz-seeds: Corpus/articles/*.txt Tests/Fuzz/seeds/text/*
// fuzz-dict: Tests/Fuzz/dicts/text.dict
@testable import Psephos

/// The number grammar and figure extractor on any text (invalid UTF-8 repaired, NFC, as ingest
/// would give it): it must never trap, its figures must lie in the text in order, and every
/// number token must end up inside a figure or a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let repaired = Array(String(decoding: FuzzCheck.bytes(data, size), as: UTF8.self).utf8)
  let text = SourceText(normalizedUTF8: TextNormalizer.normalizeNFC(repaired))
  let tokenized = Tokenizer().tokenize(text)
  let (figures, findings) = FigureExtractor().figures(in: text, tokens: tokenized)
  let bytes = text.bytes
  func inText(_ range: ByteRange) -> Bool {
    range.end <= bytes.count && FuzzCheck.isScalarBoundary(bytes, range.start)
      && FuzzCheck.isScalarBoundary(bytes, range.end)
  }
  var previousStart = 0
  for figure in figures {
    FuzzCheck.require(
      !figure.range.isEmpty && inText(figure.range), "figure range \(figure.range) is bad")
    FuzzCheck.require(figure.range.start >= previousStart, "figure \(figure.range) out of order")
    if let comparison = figure.comparison {
      FuzzCheck.require(inText(comparison), "comparison \(comparison) is bad")
    }
    previousStart = figure.range.start
  }
  for finding in findings {
    if let range = finding.range { FuzzCheck.require(inText(range), "finding range \(range)") }
  }
  // A possessive year ("2016’s result") is a figure without its clitic.
  func numberEnd(_ range: ByteRange) -> Int {
    let reversed = bytes[range.start..<range.end].reversed()
    if reversed.starts(with: [0x73, 0x27]) { return range.end - 2 }  // 's
    if reversed.starts(with: [0x73, 0x99, 0x80, 0xE2]) { return range.end - 4 }  // ’s
    return range.end
  }
  let covered = (figures.map(\.range) + findings.compactMap(\.range)).sorted()
  for token in tokenized.tokens where token.kind == .number {
    let end = numberEnd(token.range)
    FuzzCheck.require(
      covered.contains { $0.start <= token.range.start && end <= $0.end },
      "number token \(token.range) is in no figure or finding")
  }
  return 0
}
