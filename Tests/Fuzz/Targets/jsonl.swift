// fuzz-seeds: Tests/Fuzz/seeds/jsonl/*
// fuzz-dict: Tests/Fuzz/dicts/json.dict
import Foundation

@testable import Psephos

/// The JSON Lines reader on arbitrary bytes: it must never trap or recurse without bound, give
/// at most one result per line, and every document's text must be valid UTF-8, NFC and LF-only.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = FuzzCheck.bytes(data, size)
  let results = Ingester().documents(jsonl: bytes, path: "fuzz.jsonl", idPrefix: "fuzz")
  let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
  FuzzCheck.require(results.count <= lines, "\(results.count) results from \(lines) lines")
  var ids: Set<String> = []
  for result in results {
    switch result {
    case .success(let document):
      FuzzCheck.require(ids.insert(document.id).inserted, "id \(document.id) used twice")
      let text = document.text.bytes
      FuzzCheck.require(FuzzCheck.isValidUTF8(text), "text is not valid UTF-8")
      FuzzCheck.require(!text.contains(0x0D), "text has a carriage return")
      let string = String(decoding: text, as: UTF8.self)
      FuzzCheck.require(
        Array(string.precomposedStringWithCanonicalMapping.utf8) == text, "text is not NFC")
    case .failure(let failure):
      FuzzCheck.require(
        failure.line.map { $0 >= 1 && $0 <= lines } ?? false, "failure without its line")
    }
  }
  return 0
}
