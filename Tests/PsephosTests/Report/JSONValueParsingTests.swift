import Foundation
import Testing

@testable import Psephos

@Suite struct JSONValueParsingTests {
  @Test func readsBackWhatTheWriterWritesInBothStyles() throws {
    let value: JSONValue = [
      "id": "a.txt", "n": 994_614, "share": .decimal(ExactDecimal("2.36")!),
      "big": .decimal(ExactDecimal("1234567890123456.123")!),
      "rounded": .decimal(ExactDecimal("46.50")!),
      "text": "Labour\u{2019}s \u{A3}3m \"quoted\" tab\there \u{1F600}\n\u{01}",
      "flags": [true, false, nil], "empty": [:], "list": [], "min": .integer(Int.min),
    ]
    #expect(try JSONValue(parsing: value.serialized()) == value)
    #expect(try JSONValue(parsing: value.serialized(.pretty)) == value)
    #expect(try JSONValue(parsing: value.serialized()).serialized() == value.serialized())
  }

  @Test func aWholeDecimalReadsBackAsTheIntegerItIsWrittenAsWithTheSameBytes() throws {
    let value: JSONValue = [
      "votes": .decimal(1_138_576), "share": .decimal(ExactDecimal("44.20")!),
    ]
    let parsed = try JSONValue(parsing: value.serialized())
    #expect(parsed["votes"] == .integer(1_138_576))
    #expect(parsed.serialized() == value.serialized())
    #expect(parsed.serialized(.pretty(width: 20)) == value.serialized(.pretty(width: 20)))
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    let parsed = try JSONValue(parsing: #"["\u00e9\/\b\f\ud83d\ude00", "\u2019"]"#)
    #expect(parsed == ["\u{E9}/\u{08}\u{0C}\u{1F600}", "\u{2019}"])
  }

  @Test func keepsNumbersExactIntegersAsIntegersOthersAsDecimalsWithTheirDigits() throws {
    #expect(try JSONValue(parsing: "42") == .integer(42))
    #expect(try JSONValue(parsing: "-0.5") == .decimal(ExactDecimal("-0.5")!))
    #expect(try JSONValue(parsing: "46.50").serialized() == "46.50")
    #expect(try JSONValue(parsing: "1e3") == .decimal(1000))
    #expect(try JSONValue(parsing: "2.5E-2").serialized() == "0.025")
    #expect(throws: JSONParseError.self) { try JSONValue(parsing: "99999999999999999999") }
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\u{01}\"", "\"\\x\"", "tru", "[1] 2",
    "\"\\ud800\"", "{\"a\":1,}", "-",
  ])
  func rejectsMalformedJSONWithAnOffset(text: String) {
    #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
  }

  @Test func rejectsInvalidUTF8InStrings() {
    let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
    #expect(throws: JSONParseError.self) { try JSONValue(parsing: bytes) }
  }

  @Test func rejectsNestingDeeperThanTheLimitInsteadOfOverflowingTheStack() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
    let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect((try? JSONValue(parsing: fine)) != nil)
  }

  @Test func memberAccessorsReturnNilForOtherShapes() throws {
    let value = try JSONValue(parsing: #"{"a":{"b":[1,"x"]}}"#)
    #expect(value["a"]?["b"]?.arrayValue?.count == 2)
    #expect(value["a"]?["b"]?.arrayValue?[0].integerValue == 1)
    #expect(value["a"]?["b"]?.arrayValue?[1].stringValue == "x")
    #expect(value["missing"] == nil)
    #expect(JSONValue.integer(1)["a"] == nil)
  }
}
