// fuzz-seeds: Corpus/articles/*.txt Tests/Fuzz/seeds/text/* Tests/Fuzz/seeds/html/*
// fuzz-dict: Tests/Fuzz/dicts/html.dict
import Foundation

@testable import Psephos

/// Ingest's decoding of arbitrary bytes as a text file and as an HTML file: it must never trap,
/// and a document it returns must have valid UTF-8, NFC, LF-only text that tokenizes cleanly.
/// Also: NFC computed in small chunks equals NFC of the whole.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = FuzzCheck.bytes(data, size)
  let ingester = Ingester()
  for format in [Input.Format.text, .html] {
    guard
      case .success(let document) = ingester.document(
        id: "fuzz", path: "fuzz", bytes: bytes, format: format)
    else { continue }
    let text = document.text.bytes
    FuzzCheck.require(FuzzCheck.isValidUTF8(text), "\(format) text is not valid UTF-8")
    FuzzCheck.require(!text.contains(0x0D), "\(format) text has a carriage return")
    let string = String(decoding: text, as: UTF8.self)
    FuzzCheck.require(
      Array(string.precomposedStringWithCanonicalMapping.utf8) == text, "\(format) text is not NFC")
    FuzzCheck.require(
      document.text.codePointCount == string.unicodeScalars.count,
      "\(format) code-point count \(document.text.codePointCount) is wrong")
    let tokenized = Tokenizer().tokenize(document.text)
    FuzzCheck.checkTokens(tokenized, in: document.text, validUTF8: true)
  }
  // NFC in small chunks must equal NFC of the whole (stream-safe) text.
  var text = Array(String(decoding: bytes, as: UTF8.self).utf8)
  let chunked = TextNormalizer.normalizeNFC(text, chunkSize: 1 + size % 64)
  CombiningMarks.breakLongRuns(&text)
  let whole = String(decoding: text, as: UTF8.self).precomposedStringWithCanonicalMapping
  FuzzCheck.require(chunked == Array(whole.utf8), "NFC in chunks of \(1 + size % 64) differs")
  return 0
}
