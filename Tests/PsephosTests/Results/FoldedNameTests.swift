import Testing

@testable import Psephos

@Suite struct FoldedNameTests {
  @Test(arguments: [
    ("St. Helens & Prescot", "saint helens and prescot"),
    ("ST HELENS AND PRESCOT", "saint helens and prescot"),
    ("Saint Helens and Prescot", "saint helens and prescot"),
    ("Ynys Môn", "ynys mon"),
    ("Siân Berry", "sian berry"),
    ("Matt O'Connor", "matt oconnor"),
    ("Matt O\u{2019}Connor", "matt oconnor"),
    ("Women's Equality Party", "womens equality party"),
    ("Geoffrey Ben-Nathan", "geoffrey ben nathan"),
    ("  Greater   London ", "greater london"),
    ("United Kingdom (incl. Gibraltar)", "united kingdom incl gibraltar"),
  ])
  func foldsCaseAccentsAmpersandsSaintsAndPunctuation(name: String, key: String) {
    #expect(FoldedName(name).key == key)
  }

  @Test func matchesWholeWordRunsOnly() {
    let party = FoldedName("Scottish Labour Party")
    #expect(party.containsWords(of: FoldedName("labour")))
    #expect(party.containsWords(of: FoldedName("Labour Party")))
    #expect(!party.containsWords(of: FoldedName("lab")))
    #expect(!party.containsWords(of: FoldedName("party labour")))
  }

  @Test func matchesSubstringsInsideWords() {
    #expect(FoldedName("Zac Goldsmith").contains(FoldedName("gold")))
    #expect(!FoldedName("Zac Goldsmith").contains(FoldedName("silver")))
  }
}
