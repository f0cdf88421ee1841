import Testing

@testable import Psephos

@Suite struct LazyJSONTests {
  /// Values whose pretty forms cover one-line and multi-line arrays and objects.
  private static let values: [JSONValue] = [
    [],
    [1, 2, 3],
    ["short": [1, 2], "list": ["a", "b"]],
    .array((0..<40).map { .object(["id": .string("document-\($0)"), "mentions": .integer($0)]) }),
    ["entities": .array((0..<3).map { ["name": .string(String(repeating: "x", count: $0 * 30))] })],
  ]

  /// The same value with every array made lazily, at every level.
  private static func lazy(_ value: JSONValue) -> LazyJSON {
    switch value {
    case .array(let elements): .array(count: elements.count) { elements[$0] }
    case .object(let members): .object(members.mapValues(lazy))
    default: .value(value)
    }
  }

  private static func written(_ value: LazyJSON, _ style: JSONValue.Style) -> ([UInt8], Int) {
    var bytes: [UInt8] = []
    var out: [UInt8] = []
    var flushes = 0
    value.write(to: &bytes, style: style) {
      out += $0
      $0.removeAll()
      flushes += 1
    }
    return (out + bytes, flushes)
  }

  @Test(arguments: [JSONValue.Style.compact, .pretty, .pretty(width: 30)])
  func writesTheBytesOfTheWholeValue(style: JSONValue.Style) {
    for value in Self.values {
      var expected: [UInt8] = []
      value.write(to: &expected, style: style)
      if case .pretty = style { expected.removeLast() }  // the final newline
      #expect(Self.written(Self.lazy(value), style).0 == expected, "\(value)")
      #expect(Self.written(.value(value), style).0 == expected)
    }
  }

  @Test func flushesBetweenElementsOnceTheBufferIsLarge() {
    let element = JSONValue.string(String(repeating: "y", count: 100_000))
    let value = LazyJSON.array(count: 30) { _ in element }
    let (bytes, flushes) = Self.written(value, .pretty)
    #expect(flushes >= 2)
    #expect(bytes.count > 3_000_000)
  }

  @Test func streamClosingMatchesTheWholeObject() {
    let writer = JSONStreamWriter(style: .pretty, arrayKey: "documents")
    let index: JSONValue = ["entities": [["canonical": "London", "mentions": 3]], "themes": []]
    var streamed: [UInt8] = []
    writer.writeClosing(
      wroteElements: false, otherMembers: ["index": Self.lazy(index), "schema": .value("s")],
      write: { streamed += $0 })
    #expect(
      streamed
        == writer.closing(wroteElements: false, otherMembers: ["index": index, "schema": "s"]))
  }
}
