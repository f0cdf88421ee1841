import Testing

@testable import Psephos

@Suite struct KnowledgeTests {
  @Test func loadsEveryKindOfNameFromTheBundle() {
    let statistics = Knowledge.standard.statistics
    for kind in Mention.Kind.allCases {
      #expect((statistics[kind.rawValue] ?? 0) > 50, "too few \(kind.rawValue) names")
    }
    #expect((statistics["given names"] ?? 0) > 17_000)
  }

  @Test func acceptsCandidatesAndPartiesFromTheResultsData() throws {
    let knowledge = try Knowledge(
      people: ["Siobhan Benita", "Speaker"],
      parties: ["Women's Equality Party", "Yorkshire First Alliance"])
    let text = SourceText("Siobhan Benita of the Yorkshire First Alliance")
    let mentions = EntityExtractor(knowledge: knowledge).mentions(
      in: text, tokens: Tokenizer().tokenize(text))
    #expect(mentions.map(\.kind) == [.person, .party])
    #expect(mentions.last?.canonical == "Yorkshire First Alliance")
  }

  @Test func classifiesWordsForNameRules() {
    let knowledge = Knowledge.standard
    func classes(_ word: String) -> Knowledge.WordClass {
      let bytes = Array(word.utf8)
      return bytes.withUnsafeBufferPointer { buffer in
        var hasher = FoldedHasher()
        hasher.add(buffer, ByteRange(0, buffer.count))
        return knowledge.wordClass(
          hash: hasher.value, range: ByteRange(0, buffer.count), in: buffer)
      }
    }
    #expect(classes("Jonathan").contains(.givenName))
    #expect(classes("jonathan").contains(.givenName))
    #expect(classes("Mr").contains(.courtesy))
    #expect(classes("Baroness").contains(.peerage))
    #expect(classes("said").contains(.speech))
    #expect(classes("reading").contains(.commonWord))
    #expect(!classes("Montgomerie").contains(.givenName))
  }

  @Test func gazetteerConfirmsKeysByBytesAndFoldsCaseStopsAndApostrophes() {
    var gazetteer = Gazetteer()
    let phrase = SourceText("Women's Equality Party")
    let phraseTokens = Tokenizer().tokenize(phrase).tokens.map(\.range)
    gazetteer.insert(tokens: phraseTokens, of: phrase.bytes, payload: 7)
    let text = SourceText("the WOMEN\u{2019}S EQUALITY PARTY and U.K.")
    let tokens = Tokenizer().tokenize(text).tokens.map(\.range)
    let found = text.bytes.withUnsafeBufferPointer { bytes -> Int? in
      var hasher = FoldedHasher()
      for (offset, range) in tokens[1...4].enumerated() {
        if offset > 0 { hasher.addSeparator() }
        hasher.add(bytes, range)
      }
      return gazetteer.entry(hash: hasher.value, ranges: tokens[1...4], in: bytes)
    }
    #expect(found.map { gazetteer.payloads(of: $0) } == [7])
  }
}
