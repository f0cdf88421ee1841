import Testing

@testable import Psephos

@Suite struct SourceTextTests {
  @Test func convertsByteOffsetsToCodePointOffsets() {
    // "Zac’s £2" : ’ is 3 bytes, £ is 2 bytes.
    let text = SourceText("Zac\u{2019}s \u{00A3}2")
    #expect(text.codePointOffset(ofByte: 3) == 3)
    #expect(text.codePointOffset(ofByte: 6) == 4)
    #expect(text.codePointOffset(ofByte: 8) == 6)
    #expect(text.codePointOffset(ofByte: text.bytes.count) == 8)
    #expect(text.codePointCount == 8)
  }

  @Test func convertsOffsetsBeyondTheFirstCheckpoint() {
    let string = String(repeating: "\u{2013}a", count: 100)
    let text = SourceText(string)
    // Each "–a" is 4 bytes and 2 code points.
    #expect(text.codePointOffset(ofByte: 4 * 57) == 2 * 57)
    #expect(text.codePointRange(ByteRange(4 * 30, 4 * 31)) == 60..<62)
  }

  @Test func reportsOneBasedLineAndColumn() {
    let text = SourceText("ab\n\u{2019}cd")
    #expect(text.lineAndColumn(ofByte: 0) == (1, 1))
    #expect(text.lineAndColumn(ofByte: 6) == (2, 2))
  }
}
