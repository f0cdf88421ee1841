import Foundation
import Testing

@testable import Psephos

@Suite struct JSONValueTests {
  @Test func sortsObjectKeysByCodePoint() {
    let value: JSONValue = ["b": 1, "a": 2, "Z": 3, "\u{E9}": 4, "aa": 5]
    #expect(value.serialized() == #"{"Z":3,"a":2,"aa":5,"b":1,"é":4}"#)
  }

  @Test func escapesQuotesBackslashesAndControlCharactersButNotOtherText() {
    let value = JSONValue.string(
      "\"\\\n\r\t\u{08}\u{0C}\u{01}\u{1F}/\u{7F} \u{A3}\u{2019}\u{1F600}")
    #expect(
      value.serialized()
        == "\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f/\u{7F} \u{A3}\u{2019}\u{1F600}\"")
  }

  @Test func escapedStringsRoundTripThroughAJSONParser() throws {
    let original = "tab\there \"quoted\" back\\slash \u{0}nul \u{2028} \u{A3}3m"
    let data = Data(JSONValue.array([.string(original)]).serialized().utf8)
    let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [String])
    #expect(parsed == [original])
  }

  @Test(arguments: [
    ("994614", "994614"), ("2.36", "2.36"), ("-5", "-5"), ("0.001", "0.001"),
    ("46.50", "46.50"), ("9223372036.854775807", "9223372036.854775807"),
  ])
  func writesDecimalsExactlyInPlainNotation(input: String, expected: String) throws {
    let decimal = try #require(ExactDecimal(input))
    #expect(JSONValue.decimal(decimal).serialized() == expected)
  }

  @Test func writesLargeDecimalsWithoutExponents() throws {
    let value = try #require(ExactDecimal(significand: 1, exponent: 18))
    #expect(JSONValue.decimal(value).serialized() == "1" + String(repeating: "0", count: 18))
  }

  @Test func writesIntegersAndLiterals() {
    let value: JSONValue = [.integer(Int.max), .integer(Int.min), true, false, nil]
    #expect(value.serialized() == "[\(Int.max),\(Int.min),true,false,null]")
    #expect(JSONValue.string(nil as String?) == .null)
  }

  @Test func prettyKeepsShortContainersOnOneLineAndBreaksLongOnes() {
    let value: JSONValue = [
      "short": ["a": 1, "b": [1, 2]],
      "long": .array((0..<30).map { .integer($0 * 1000) }),
      "empty": [:],
      "none": [],
    ]
    let expected = """
      {
        "empty": {},
        "long": [
          0,
          1000,
          2000,

      """
    let pretty = value.serialized(.pretty(width: 60))
    #expect(pretty.hasPrefix(expected))
    #expect(pretty.contains("\n  \"none\": [],\n  \"short\": {\"a\": 1, \"b\": [1, 2]}\n}\n"))
    #expect(pretty.split(separator: "\n").allSatisfy { $0.count <= 60 })
  }

  @Test func prettyOutputParsesToTheSameValueAsCompactOutput() throws {
    let value: JSONValue = [
      "documents": [["id": "a.txt", "tokens": [["start": 0, "end": 3, "text": "Zac"]]]],
      "errors": [], "schema": "psephos/1",
    ]
    let compact = try JSONSerialization.jsonObject(with: Data(value.serialized().utf8))
    let pretty = try JSONSerialization.jsonObject(with: Data(value.serialized(.pretty).utf8))
    #expect((compact as? NSDictionary)?.isEqual(pretty) == true)
  }
}

@Suite struct JSONStreamWriterTests {
  private func stream(_ elements: [JSONValue], style: JSONValue.Style) -> String {
    let writer = JSONStreamWriter(style: style, arrayKey: "documents")
    var bytes = writer.opening()
    for (index, element) in elements.enumerated() {
      if index > 0 { bytes += writer.separator }
      bytes += writer.element(element)
    }
    bytes += writer.closing(
      wroteElements: !elements.isEmpty, otherMembers: ["schema": "s/1", "errors": [["path": "x"]]])
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func compactStreamIsByteIdenticalToTheWholeValue() {
    let elements: [JSONValue] = [["id": "a", "n": 1], ["id": "b", "n": 2]]
    for documents in [[], elements] {
      let whole: JSONValue = [
        "documents": .array(documents), "schema": "s/1", "errors": [["path": "x"]],
      ]
      #expect(stream(documents, style: .compact) == whole.serialized())
    }
  }

  @Test func prettyStreamPutsOneElementPerLineAndParses() throws {
    let text = stream([["id": "a"], ["id": "b"]], style: .pretty)
    #expect(
      text == """
        {
          "documents": [
            {"id": "a"},
            {"id": "b"}
          ],
          "errors": [{"path": "x"}],
          "schema": "s/1"
        }

        """)
    #expect(stream([], style: .pretty).hasPrefix("{\n  \"documents\": [],\n  \"errors\""))
    _ = try JSONSerialization.jsonObject(with: Data(stream([], style: .pretty).utf8))
  }
}
