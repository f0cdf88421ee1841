import Foundation
import Testing

@testable import Psephos

extension IngestTests {
  /// Inputs the fuzzers (Tests/Fuzz) or a review for input-driven blow-ups found, kept as bytes.
  @Suite struct IngestRegressionTests {
    typealias F = IngestFixtures

    /// "e" and `count` marks alternating U+0316 (class 220) and U+0301 (class 230), which
    /// canonical reordering must sort.
    private static func zalgo(_ count: Int) -> [UInt8] {
      [0x65] + Array(repeating: [0xCC, 0x96, 0xCC, 0x81], count: count / 2).joined()
    }

    /// The longest run of combining marks in `bytes`, counting U+034F as a break.
    private static func longestCombiningRun(_ bytes: [UInt8]) -> Int {
      var longest = 0
      var run = 0
      for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
        run = scalar.properties.canonicalCombiningClass.rawValue != 0 ? run + 1 : 0
        longest = max(longest, run)
      }
      return longest
    }

    /// Review: Foundation's NFC (and `String` hashing) reorders a run of combining marks in
    /// time quadratic in its length: a 200 KB run took 40 s. Runs are now broken with U+034F
    /// COMBINING GRAPHEME JOINER every 30 marks, as UAX #15's Stream-Safe Text Format does.
    @Test func breaksRunsOfMoreThanThirtyCombiningMarksBeforeNormalising() {
      let normalized = TextNormalizer.normalizeNFC(Self.zalgo(100))
      #expect(Self.longestCombiningRun(normalized) == 30)
      let text = String(decoding: normalized, as: UTF8.self)
      #expect(text.unicodeScalars.filter { $0 == "\u{034F}" }.count == 3)
      // Every mark kept ("e" and the first U+0301 compose to "é").
      let marks = text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
        $0 == "\u{0301}" || $0 == "\u{0316}"
      }
      #expect(marks.count == 100)
      #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == normalized)
    }

    @Test func leavesRunsOfThirtyMarksAndOrdinaryTextAlone() {
      var thirty = Self.zalgo(30)
      #expect(CombiningMarks.breakLongRuns(&thirty) == 0)
      #expect(thirty == Self.zalgo(30))
      var plain = Array("Caf\u{00E9} na\u{00EF}ve \u{0391}\u{03B8}\u{03AE}\u{03BD}\u{03B1}".utf8)
      let copy = plain
      #expect(CombiningMarks.breakLongRuns(&plain) == 0)
      #expect(plain == copy)
    }

    @Test(.timeLimit(.minutes(1)))
    func ingestsAVeryLongRunOfCombiningMarksWithAWarning() throws {
      let document = try F.document(Array("Zalgo: ".utf8) + Self.zalgo(200_000), format: .html)
        .get()
      #expect(Self.longestCombiningRun(document.text.bytes) <= 30)
      #expect(document.findings.contains { $0.message.contains("combining grapheme joiner") })
    }

    @Test(.timeLimit(.minutes(1)))
    func readsAJSONLLineWithAVeryLongRunOfCombiningMarksInAKey() throws {
      let key = String(decoding: Self.zalgo(200_000), as: UTF8.self)
      let line = Array("{\"id\": \"z\", \"text\": \"Zalgo\", \"\(key)\": \"x\"}".utf8)
      let results = Ingester().documents(jsonl: line, path: "z.jsonl", idPrefix: nil)
      let document = try #require(results.first?.ingested)
      #expect(document.text.string == "Zalgo")
      #expect(document.findings.contains { $0.message.contains("combining grapheme joiner") })
    }

    /// Review (a scaling probe): JSONSerialization hashes keys, and `String` hashing is
    /// quadratic in a run of combining marks, so a key or id of escaped marks ("\u0316\u0301"
    /// ...) stalled the reader (400 KB: 12 s). Escaped marks are now broken like raw ones.
    @Test(.timeLimit(.minutes(1))) func readsAJSONLLineWithALongRunOfEscapedMarksInAKeyAndId()
      throws
    {
      let marks = String(repeating: "\\u0316\\u0301\\ud834\\udd65", count: 70_000)
      let line = Array("{\"id\": \"z\(marks)\", \"text\": \"Zalgo\", \"k\(marks)\": \"x\"}".utf8)
      let results = Ingester().documents(jsonl: line, path: "z.jsonl", idPrefix: nil)
      let document = try #require(results.first?.ingested)
      #expect(document.text.string == "Zalgo")
      #expect(document.id.unicodeScalars.filter { $0 == "\u{034F}" }.count == (70_000 * 3 - 1) / 30)
      #expect(document.findings.contains { $0.message.contains("combining grapheme joiner") })
    }

    @Test func breaksEscapedMarksOnlyInRealEscapes() {
      let marks = String(repeating: "\\u0301", count: 31)
      var escaped = Array("\"\(marks)\"".utf8)
      #expect(CombiningMarks.breakLongRuns(&escaped, jsonEscapes: true) == 1)
      #expect(String(decoding: escaped, as: UTF8.self) == "\"\(marks.dropLast(6))\\u034F\\u0301\"")
      var literal = Array("\"\(String(repeating: "\\\\u0301", count: 31))\"".utf8)
      let copy = literal
      #expect(CombiningMarks.breakLongRuns(&literal, jsonEscapes: true) == 0)
      #expect(literal == copy)
    }

    /// Review: JSONSerialization parses nesting by recursion; Foundation caps it at 512 levels,
    /// so a deeply nested line is one failure rather than a stack overflow.
    @Test func failsADeeplyNestedJSONLLineWithoutOverflowingTheStack() throws {
      let line =
        [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        + [UInt8](repeating: UInt8(ascii: "]"), count: 100_000)
      let results = Ingester().documents(jsonl: line, path: "deep.jsonl", idPrefix: nil)
      let failure = try #require(results.first?.ingestFailure)
      #expect(results.count == 1)
      #expect(failure.reason.hasPrefix("not valid JSON"))
    }

    /// Review (a scaling probe): Foundation's NFC takes time quadratic in the length of a
    /// string it changes, so 3 MB of decomposed accents took 37 s. It now gets 8 KB chunks.
    /// Not a speed test: without the fix this takes minutes.
    @Test(.timeLimit(.minutes(1))) func normalisesALongDecomposedGreekTextWithoutSpaces() {
      let text = Array(Array(repeating: Array("\u{03B1}\u{0301}".utf8), count: 1_500_000).joined())
      let normalized = TextNormalizer.normalizeNFC(text)
      #expect(normalized == Array(String(repeating: "\u{03AC}", count: 1_500_000).utf8))
    }

    @Test(.timeLimit(.minutes(1))) func normalisesALongDecomposedTextInLinearTime() throws {
      let unit = Array("Caf\u{0065}\u{0301} \u{1100}\u{1161}\u{11A8} ".utf8)
      let text = Array(Array(repeating: unit, count: 500_000).joined())
      let document = try F.document(text).get()
      let expected = Array("Caf\u{00E9} \u{AC01} ".utf8)
      #expect(document.text.bytes.count == expected.count * 500_000)
      #expect(document.text.bytes.starts(with: expected + expected))
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 64])
    func normalisesInChunksToTheSameTextAsAWhole(chunkSize: Int) {
      let samples = [
        "e\u{0301}\u{0316}x\u{0323}\u{0307} \u{1100}\u{1161}\u{11A8}\u{AC00}\u{11A8}",
        "\u{03B1}\u{0301}\u{0391}\u{0313}\u{0300}\u{0345} \u{0915}\u{093C}\u{0BC6}\u{0BBE}",
        "A\u{030A}\u{212B}\u{2126} \u{1E9B}\u{0323} \u{0CC6}\u{0CC2}\u{0CD5} \u{304B}\u{3099}",
        "\u{1100}\u{1100}\u{1161}\u{1161}\u{11A8}\u{11A8}e"
          + String(repeating: "\u{0301}", count: 40),
        "\u{03B1}\u{0301}\u{03B5}\u{0313}\u{0301}\u{0399}\u{0308}\u{1F00}\u{0345}\u{1FBF}\u{0301}",
        "\u{0418}\u{0306}\u{0415}\u{0308}\u{0483}\u{0418}\u{0301}\u{0487}\u{0430}",
        "\u{304B}\u{3099}\u{30CF}\u{309A}\u{3001}\u{30A6}\u{3099}\u{302A}\u{6F22}\u{0E01}\u{0E38}",
        "\u{05D0}\u{05B7}\u{05BC}\u{0627}\u{0653}\u{0648}\u{0654}\u{0E40}\u{0E01}\u{0E48}",
      ]
      for sample in samples {
        var bytes = Array(sample.utf8)
        let chunked = TextNormalizer.normalizeNFC(bytes, chunkSize: chunkSize)
        CombiningMarks.breakLongRuns(&bytes)
        let whole = String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
        #expect(chunked == Array(whole.utf8), "\(sample.unicodeScalars.map(\.value))")
      }
    }
  }
}
