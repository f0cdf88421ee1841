import Testing

@testable import Psephos

@Suite struct ThemeScorerTests {
  // MARK: Realistic sentences, bundled taxonomy

  @Test(arguments: [
    (
      "Hospitals say A&E waiting times have doubled since the winter, and the NHS cannot "
        + "recruit enough nurses to staff its wards.", "health"
    ),
    (
      "Renters facing no-fault evictions want the council to build more affordable housing, "
        + "while landlords blame the shortage of social housing on the planning system.",
      "housing"
    ),
    (
      "Three years after the EU referendum, Brexiteers still argue about the single market, "
        + "the customs union and what the withdrawal agreement means for Northern Ireland.",
      "europe"
    ),
    (
      "The First Minister told Holyrood that a second independence referendum was inevitable, "
        + "and that the Barnett formula no longer served Scotland.", "devolution"
    ),
    (
      "Turnout in the by-election fell to 31 per cent, and the pollsters who had put the "
        + "challenger ahead in the marginal seat were wrong again.", "elections"
    ),
  ])
  func findsTheThemeOfARealisticSentence(sentence: String, theme: String) {
    let scores = themes(sentence)
    #expect(scores.first?.theme == theme, "\(scores.map { ($0.theme, $0.score) })")
  }

  @Test func reportsLocalGovernmentForCouncilFinanceAndBinCollections() {
    let scores = themes(
      "Councillors warned that the funding settlement would force the county council to cut "
        + "bin collections and raise council tax by the maximum allowed.")
    #expect(scores.first?.theme == "local_government")
  }

  @Test func givesEveryReportedThemeItsLabelAndScoresHighestFirst() {
    let scores = themes(
      "The NHS waiting lists are growing, hospitals are full and GPs are leaving; meanwhile "
        + "the council says social housing waiting lists have never been longer.")
    #expect(scores.map(\.theme).contains("health"))
    #expect(scores.first { $0.theme == "health" }?.label == "Health and the NHS")
    #expect(scores.map(\.score) == scores.map(\.score).sorted(by: >))
  }

  // MARK: Matching mechanics, inline taxonomies

  @Test func prefersTheLongestPhraseStartingAtAToken() throws {
    let scorer = ThemeScorer(
      taxonomy: try taxonomy(
        "local,Local,,council,1", "local,Local,,council tax,2", "energy,Energy,,nuclear power,1",
        "energy,Energy,,power station,1", "energy,Energy,,nuclear power station,3"),
      threshold: .none)
    let string = "The council raised council tax near the nuclear power station."
    let scores = themes(string, scorer: scorer)
    let local = try #require(scores.first { $0.theme == "local" })
    #expect(local.evidence.map(\.term) == ["council tax", "council"])
    #expect(local.evidence.map(\.count) == [1, 1])
    #expect(evidenceTexts(local, "council tax", in: string) == ["council tax"])
    let energy = try #require(scores.first { $0.theme == "energy" })
    #expect(energy.evidence.map(\.term) == ["nuclear power station"])
    #expect(energy.matches == 1)
  }

  @Test func fallsBackToAShorterPhraseWhenTheLongerOneIsIncomplete() throws {
    let scorer = ThemeScorer(
      taxonomy: try taxonomy(
        "energy,Energy,,nuclear power,1", "energy,Energy,,nuclear power station,3"),
      threshold: .none)
    let scores = themes("Nuclear power stays contentious.", scorer: scorer)
    #expect(scores.first?.evidence.map(\.term) == ["nuclear power"])
  }

  @Test func matchesStemsOnWordStartsAndPrefersWholeWordsAndLongerStems() throws {
    let scorer = ThemeScorer(
      taxonomy: try taxonomy(
        "migration,Migration,9,immigra*,1", "migration,Migration,9,migra*,1",
        "migration,Migration,9,migrants,2"),
      threshold: .none)
    let string =
      "Immigration rose; immigrants and migrants spoke of migration, not Immigr or remigrate."
    let score = try #require(themes(string, scorer: scorer).first)
    #expect(
      Dictionary(uniqueKeysWithValues: score.evidence.map { ($0.term, $0.count) }) == [
        "immigra*": 2, "migrants": 1, "migra*": 1,
      ])
    #expect(evidenceTexts(score, "immigra*", in: string) == ["Immigration", "immigrants"])
  }

  @Test func matchesThePartsOfAnUnknownHyphenatedWord() throws {
    let string = "The post-Brexit settlement and an anti-immigration mood."
    let scorer = ThemeScorer(threshold: .none)
    let scores = themes(string, scorer: scorer)
    let europe = try #require(scores.first { $0.theme == "europe" })
    #expect(evidenceTexts(europe, "brexit", in: string) == ["Brexit"])
    let immigration = try #require(scores.first { $0.theme == "immigration" })
    #expect(evidenceTexts(immigration, "immigra*", in: string) == ["immigration"])
  }

  @Test func matchesTheWordAfterTheSignOfAHashtag() throws {
    let string = "Trending: #Brexit and #indyref2, not @brexit or brexit.example.com."
    let scores = themes(string, scorer: ThemeScorer(threshold: .none))
    let europe = try #require(scores.first { $0.theme == "europe" })
    #expect(evidenceTexts(europe, "brexit", in: string) == ["Brexit"])
    #expect(europe.matches == 1)
    let devolution = try #require(scores.first { $0.theme == "devolution" })
    #expect(evidenceTexts(devolution, "indyref2", in: string) == ["indyref2"])
  }

  @Test func ignoresCaseAndCurlyApostrophes() throws {
    let string = "WOMEN’S RIGHTS and Women's Rights and women’s rights."
    let score = try #require(
      themes(string, scorer: ThemeScorer(threshold: .none)).first { $0.theme == "civil_rights" })
    #expect(score.evidence.first { $0.term == "women's rights" }?.count == 3)
  }

  @Test func matchesWholeTokensOnly() throws {
    let scorer = ThemeScorer(taxonomy: try taxonomy("t,T,,nhs,1", "t,T,,tax,1"), threshold: .none)
    #expect(themes("The NHSX taxonomy of taxes.", scorer: scorer).isEmpty)
  }

  @Test func doesNotMatchAPhraseAcrossAParagraphBreak() throws {
    let scorer = ThemeScorer(
      taxonomy: try taxonomy("local,Local,,council tax,1"), threshold: .none)
    #expect(themes("We asked the council\n\nTax was not mentioned.", scorer: scorer).isEmpty)
    #expect(themes("We asked about council\ntax bills.", scorer: scorer).count == 1)
  }

  @Test func creditsAPhraseListedUnderTwoThemesToBoth() throws {
    let scorer = ThemeScorer(
      taxonomy: try taxonomy(
        "europe,Europe,,free movement,2", "immigration,Immigration,9,free movement,1"),
      threshold: .none)
    let scores = themes("Free movement ended.", scorer: scorer)
    #expect(scores.map(\.theme) == ["europe", "immigration"])
    #expect(scores.map(\.weightedMatches) == [2, 1])
  }

  // MARK: Scores, evidence and the threshold

  @Test func scoresWeightedMatchesPerThousandWords() throws {
    let scorer = ThemeScorer(
      taxonomy: try taxonomy("health,Health,3,nhs,2", "health,Health,3,waiting lists,1.5"),
      threshold: .none)
    // 8 words ("’s" is not a word): 2 + 1.5 + 2 = 5.5 weighted matches, 687.5 per 1,000 words.
    let string = "The NHS’s long waiting lists shame the NHS."
    let score = try #require(themes(string, scorer: scorer).first)
    #expect(score.weightedMatches == 5.5)
    #expect(score.matches == 3)
    #expect(score.score == 687.5)
  }

  @Test func ordersEvidenceByContributionAndKeepsTheFirstThreeSpans() throws {
    let scorer = ThemeScorer(
      taxonomy: try taxonomy("health,Health,3,nhs,1", "health,Health,3,hospital,2"),
      threshold: .none)
    let string = "NHS, nhs, Nhs and the NHS again; one hospital."
    let score = try #require(themes(string, scorer: scorer).first)
    #expect(score.evidence.map(\.term) == ["nhs", "hospital"])
    #expect(score.evidence.map(\.count) == [4, 1])
    #expect(score.evidence[0].weight == 1)
    #expect(evidenceTexts(score, "nhs", in: string) == ["NHS", "nhs", "Nhs"])
    let text = SourceText(string)
    #expect(score.evidence[0].spans.map { text.codePointRange($0) } == [0..<3, 5..<8, 10..<13])
  }

  @Test func leavesOutAThemeBelowTheThreshold() {
    // One strong mention in a short text: weighted matches 2 < 3.
    #expect(!themes("He mentioned the NHS once.").map(\.theme).contains("health"))
    // Several mentions in a short text pass.
    #expect(themes("The NHS needs nurses and hospitals.").map(\.theme).contains("health"))
  }

  @Test func leavesOutAThemeTooThinlySpreadOverALongDocument() {
    let filler = String(repeating: "The candidates spoke to voters about the weather. ", count: 200)
    // 1,607 words; NHS (2) + hospitals (1.5) + nurses (1.5) = 5, 3.1 per 1,000 words.
    let string = filler + "They also mentioned the NHS, hospitals and nurses."
    let reported = themes(string).map(\.theme)
    #expect(reported.contains("elections"))
    #expect(!reported.contains("health"))
    #expect(themes(string, scorer: ThemeScorer(threshold: .none)).map(\.theme).contains("health"))
  }

  @Test func reportsNothingForTextWithoutWords() {
    #expect(themes("").isEmpty)
    #expect(themes("2016 – 60% …").isEmpty)
  }
}
