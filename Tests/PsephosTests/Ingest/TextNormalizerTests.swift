import Foundation
import Testing

@testable import Psephos

extension IngestTests {
  @Suite struct TextNormalizerTests {
    typealias F = IngestFixtures

    private static func utf16(_ string: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
      var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
      for unit in string.utf16 {
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        bytes += bigEndian ? [high, low] : [low, high]
      }
      return bytes
    }

    @Test func keepsValidUTF8ByteForByteWithoutFindings() throws {
      let bytes = Array("Zac Goldsmith\u{2019}s 994,614 votes \u{2013} \u{00A3}2m\n".utf8)
      let document = try F.document(bytes).get()
      #expect(document.text.bytes == bytes)
      #expect(document.findings.isEmpty)
    }

    @Test func dropsAUTF8ByteOrderMark() throws {
      let document = try F.document([0xEF, 0xBB, 0xBF] + Array("Khan won.".utf8)).get()
      #expect(document.text.string == "Khan won.")
      #expect(document.findings.isEmpty)
    }

    @Test(arguments: [false, true])
    func decodesUTF16WithAByteOrderMark(bigEndian: Bool) throws {
      let bytes = Self.utf16("Zac\u{2019}s \u{00A3}2 \u{1F5F3}", bigEndian: bigEndian, bom: true)
      let document = try F.document(bytes).get()
      #expect(document.text.string == "Zac\u{2019}s \u{00A3}2 \u{1F5F3}")
      let finding = try #require(document.findings.first)
      #expect(finding.severity == .note)
      #expect(finding.message.contains(bigEndian ? "UTF-16BE" : "UTF-16LE"))
    }

    @Test(arguments: [false, true])
    func guessesUTF16WithoutAByteOrderMarkAndWarns(bigEndian: Bool) throws {
      let bytes = Self.utf16("Labour held Tooting.\r\n", bigEndian: bigEndian, bom: false)
      let document = try F.document(bytes).get()
      #expect(document.text.string == "Labour held Tooting.\n")
      let finding = try #require(document.findings.first)
      #expect(finding.severity == .warning)
      #expect(finding.message.contains("without a byte-order mark"))
      #expect(finding.message.contains(bigEndian ? "UTF-16BE" : "UTF-16LE"))
    }

    @Test func replacesInvalidUTF16WithTheReplacementCharacterAndWarns() throws {
      // A lone high surrogate between "a" and "b".
      let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x62, 0x00]
      let document = try F.document(bytes).get()
      #expect(document.text.string == "a\u{FFFD}b")
      #expect(
        document.findings.contains { $0.severity == .warning && $0.message.contains("U+FFFD") })
    }

    @Test func readsInvalidUTF8AsWindows1252AndWarns() throws {
      // Word-style punctuation: 0x92 ’, 0x93 “, 0x94 ”, 0x80 €, 0x85 …, 0xA3 £ (Latin-1).
      let bytes: [UInt8] =
        Array("Zac".utf8) + [0x92] + Array("s ".utf8) + [0x93] + Array("win".utf8) + [0x94]
        + Array(" ".utf8) + [0x80, 0x35, 0x85, 0x20, 0xA3, 0x32]
      let document = try F.document(bytes).get()
      #expect(
        document.text.string == "Zac\u{2019}s \u{201C}win\u{201D} \u{20AC}5\u{2026} \u{00A3}2")
      let finding = try #require(document.findings.first)
      #expect(finding.severity == .warning)
      #expect(finding.message.contains("Windows-1252"))
      #expect(finding.message.contains("0x92 at offset 3"))
    }

    @Test func windows1252TableAgreesWithFoundationForEveryDefinedByte() throws {
      let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
      for byte in UInt8(0x80)...UInt8(0x9F) where !undefined.contains(byte) {
        let expected = try #require(String(data: Data([byte]), encoding: .windowsCP1252))
        let ours = String(decoding: Windows1252.decode([byte][...]), as: UTF8.self)
        #expect(ours == expected, "byte 0x\(String(byte, radix: 16))")
      }
      // The five undefined bytes keep their value as C1 controls, as WHATWG does.
      for byte in undefined {
        #expect(Windows1252.scalar(byte) == UInt32(byte))
      }
      #expect(Windows1252.scalar(0x92) == 0x2019)
      #expect(Windows1252.scalar(0xE9) == 0xE9)
    }

    @Test(
      arguments: [
        ([0xC0, 0x80], 0),  // overlong NUL
        ([0x61, 0xE0, 0x80, 0x80], 1),  // overlong three-byte form
        ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),  // UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),  // invalid lead byte
        // Truncated at the end, after the 8-byte ASCII fast path.
        ([0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0x61, 0xE2, 0x80], 9),
        ([0x80], 0),  // lone continuation byte
      ] as [([UInt8], Int)])
    func findsTheFirstByteThatIsNotUTF8(bytes: [UInt8], offset: Int) {
      #expect(bytes.withUnsafeBufferPointer { TextNormalizer.firstInvalidUTF8Offset($0) } == offset)
    }

    @Test func acceptsEveryWellFormedUTF8Length() {
      let bytes = Array("a\u{00E9}\u{2019}\u{1F5F3}aaaaaaaaaaaaaaaa\u{10FFFF}\u{D7FF}\u{E000}".utf8)
      #expect(bytes.withUnsafeBufferPointer { TextNormalizer.firstInvalidUTF8Offset($0) } == nil)
    }

    @Test func convertsCRLFAndLoneCRToLF() throws {
      let document = try F.document(Array("one\r\ntwo\rthree\n\r\nfour\r".utf8)).get()
      #expect(document.text.string == "one\ntwo\nthree\n\nfour\n")
    }

    @Test func composesADecomposedEAcuteToNFC() throws {
      let document = try F.document(Array("Caf\u{0065}\u{0301} Rouge".utf8)).get()
      #expect(document.text.bytes == Array("Caf\u{00E9} Rouge".utf8))
      #expect(document.text.codePointCount == 10)
    }

    @Test func composesHangulJamoToNFC() throws {
      let document = try F.document(Array("\u{1100}\u{1161}\u{11A8}".utf8)).get()
      #expect(document.text.string.unicodeScalars.map(\.value) == [0xAC01])
    }

    @Test(arguments: [
      ("plain ASCII", false),
      ("Zac\u{2019}s \u{201C}win\u{201D} \u{2013} \u{00A3}2 \u{20AC}5\u{2026} caf\u{00E9}", false),
      ("\u{2192} \u{2264} \u{2502} \u{2605} \u{1F600} \u{FFFD}", false),
      ("e\u{0301}", true),
      ("\u{00E9}\u{0327}", true),  // a mark after a precomposed letter may reorder
      ("\u{2126}", true),  // OHM SIGN: NFC maps it to U+03A9
      ("\u{0391}\u{03B8}\u{03AE}\u{03BD}\u{03B1}", true),  // Greek takes the slow path
      ("\u{2000}", true),  // EN QUAD: NFC maps it to U+2002
    ])
    func quickCheckSendsOnlyTextNFCMightChangeToFoundation(text: String, mayNeed: Bool) {
      let bytes = Array(text.utf8)
      #expect(TextNormalizer.mayNeedNFC(bytes) == mayNeed)
      // Whatever the quick check says, the result is NFC.
      let expected = Array(text.precomposedStringWithCanonicalMapping.utf8)
      #expect(TextNormalizer.normalizeNFC(bytes) == expected)
    }

    @Test func everyScalarTheQuickCheckPassesIsStableUnderFoundationsNFC() {
      let ranges: [ClosedRange<UInt32>] = [
        0x00A0...0x02FF, 0x2002...0x20CF, 0x2150...0x22FF, 0x2400...0x27FF, 0xFFFD...0xFFFD,
        0x1F000...0x1FAFF,
      ]
      var unstable: [String] = []
      for range in ranges {
        for value in range {
          guard let scalar = Unicode.Scalar(value) else { continue }
          let text = "a\(scalar)e\(scalar)\(scalar)"
          #expect(!TextNormalizer.mayNeedNFC(Array(text.utf8)))
          if text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(
            text.unicodeScalars) == false
          {
            unstable.append(String(value, radix: 16))
          }
        }
      }
      #expect(unstable.isEmpty, "NFC changes U+\(unstable.joined(separator: ", U+"))")
    }

    @Test func rejectsBytesWithNULAsBinary() throws {
      let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
      let failure = try #require(F.document(bytes).ingestFailure)
      #expect(failure.path == "t.txt")
      #expect(failure.reason.contains("binary"))
      #expect(failure.reason.contains("NUL byte at offset 8"))
    }

    @Test func rejectsBytesThatAreMostlyControlCharactersAsBinary() throws {
      let bytes = (0..<200).map { UInt8($0 % 3 == 0 ? 0x01 : 0x41) }
      let failure = try #require(F.document(bytes).ingestFailure)
      #expect(failure.reason.contains("control characters"))
    }

    @Test func keepsTextWithAFewFormFeedsAndEscapes() throws {
      let bytes = Array("Page one\u{0C}Page two, \u{1B} once, in a long enough line of text".utf8)
      #expect(F.document(bytes).ingested != nil)
    }

    @Test func rejectsUTF16ThatDecodesToNULs() throws {
      let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x00, 0x00, 0x62, 0x00]
      let failure = try #require(F.document(bytes).ingestFailure)
      #expect(failure.reason.contains("NUL"))
    }

    @Test(arguments: [
      ([] as [UInt8], "empty file"),
      (Array(" \n\t\r\n  \u{00A0}\n".utf8), "only whitespace"),
    ])
    func readsAnEmptyOrBlankFileAsAnEmptyDocumentWithAWarning(bytes: [UInt8], message: String)
      throws
    {
      let document = try F.document(bytes).get()
      #expect(document.text.bytes.isEmpty)
      #expect(document.findings.count == 1)
      #expect(document.findings.first?.severity == .warning)
      #expect(document.findings.first?.message.contains(message) == true)
      #expect(document.sha256 == SHA256.hex(bytes))
    }

    @Test func refusesADocumentOverTheSizeLimitNamingSizeAndLimit() throws {
      let options = Ingester.Options(maxDocumentBytes: 10)
      let failure = try #require(
        F.document(Array("0123456789A".utf8), options: options).ingestFailure)
      #expect(failure.path == "t.txt")
      #expect(failure.reason.contains("11 bytes"))
      #expect(failure.reason.contains("maximum document size of 10 bytes"))
      #expect(F.document(Array("0123456789".utf8), options: options).ingested != nil)
    }

    @Test func hashesTheBytesAsReadNotTheNormalisedText() throws {
      let bytes = [0xEF, 0xBB, 0xBF] + Array("a\r\nb".utf8)
      let document = try F.document(bytes).get()
      #expect(document.sha256 == SHA256.hex(bytes))
      #expect(document.sha256 != SHA256.hex(document.text.bytes))
    }
  }
}
