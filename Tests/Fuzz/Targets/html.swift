// fuzz-seeds: Tests/Fuzz/seeds/html/*
// fuzz-dict: Tests/Fuzz/dicts/html.dict
@testable import Psephos

/// The HTML text extractor on arbitrary bytes: it must never trap, valid UTF-8 in must give
/// valid UTF-8 out, and the text must not outgrow the markup (every entity and tag shrinks or
/// keeps its size, except a block tag's blank line and a Windows-1252 reference).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = FuzzCheck.bytes(data, size)
  let extracted = HTMLTextExtractor.extract(bytes)
  let text = extracted.text
  if FuzzCheck.isValidUTF8(bytes) {
    FuzzCheck.require(FuzzCheck.isValidUTF8(text), "text from valid UTF-8 is not valid UTF-8")
  }
  FuzzCheck.require(
    text.count <= 2 * bytes.count, "\(bytes.count) bytes of HTML gave \(text.count) of text")
  let lowercased = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
  if let first = text.first, let last = text.last, !lowercased.contains(Array("<pre".utf8)) {
    FuzzCheck.require(
      first != 0x20 && first != 0x0A && last != 0x20 && last != 0x0A,
      "text starts or ends with whitespace")
  }
  let metadata = extracted.metadata
  for field in [metadata.title, metadata.author, metadata.date, metadata.publication, metadata.url]
  {
    FuzzCheck.require(field.map { !$0.isEmpty } ?? true, "an empty metadata field is not nil")
  }
  return 0
}
