import Testing

@testable import Psephos

@Suite struct CrossCheckerTests {
  // MARK: Verdicts

  @Test func ratesAnExactMatchAccurateAndSaysTheArticleDoesNotNameTheElection() throws {
    let verdict = try Synthetic.verdict("Ann Able (550,000) won.", "550,000")
    #expect(verdict.rating == .accurate)
    #expect(verdict.expected == 550_000)
    #expect(verdict.election == "mayor-2020")
    #expect(verdict.isElectionInferred)
    #expect(verdict.explanation.contains("does not name that election"))
    #expect(
      verdict.evidence.map(\.source) == [
        Synthetic.line(containing: "mayor-2020", "second,Ann Able")
      ])
  }

  @Test func saysWhichCountOfASupplementaryVoteMatched() throws {
    let first = try Synthetic.verdict(
      "Ann Able won 500,000 first preferences in 2020.", "500,000 first preferences")
    #expect(first.rating == .accurate)
    #expect(first.count == "first preferences")
    let final = try Synthetic.verdict("Ann Able won 550,000 votes in 2020.", "550,000 votes")
    #expect(final.count == "final round (after second preferences)")
  }

  @Test func ratesAnExactFigureThatDiffersInaccurateWithDifferenceAndRelativeError() throws {
    let verdict = try Synthetic.verdict(
      "Labour polled 1,234,700 votes in Testville in 2019.", "1,234,700 votes")
    #expect(verdict.rating == .inaccurate)
    #expect(verdict.expected == 1_234_567)
    #expect(verdict.explanation.contains("133 more than the data"))
    #expect(verdict.explanation.contains("relative error 0.0108%"))
  }

  @Test func saysSourcesDisagreeRatherThanCallingTheArticleWrong() throws {
    // The results file's notes record that another source prints the article's number.
    let verdict = try Synthetic.verdict(
      "Labour polled 1,234,600 votes in Testville in 2019.", "1,234,600 votes")
    #expect(verdict.rating == .accurate)
    #expect(verdict.expected == 1_234_567)
    #expect(verdict.explanation.contains("another source prints"))
    #expect(verdict.explanation.contains("Some sources print 1,234,600 (33 more)."))
    #expect(verdict.explanation.contains("the record used gives 1,234,567"))
    #expect(verdict.evidence.count == 2)
  }

  @Test func takesTheNearestRecordOnlyWithinFivePerCentWhenNoElectionIsNamed() throws {
    let near = try Synthetic.verdict("Labour (1,234,700) did well.", "1,234,700")
    #expect(near.rating == .inaccurate)
    #expect(near.explanation.contains("the closest record"))
    let far = try Synthetic.verdict("Labour (2,000,000) did well.", "2,000,000")
    #expect(far.rating == .unverifiable)
    #expect(far.explanation.contains("does not say which election"))
  }

  @Test func ratesAClaimTheDataCannotSettleUnverifiableSayingWhatWouldSettleIt() throws {
    let verdict = try Synthetic.verdict("Labour won 77 seats in Testville in 2030.", "77 seats")
    #expect(verdict.rating == .unverifiable)
    #expect(verdict.explanation.contains("needs Labour Party's seats"))
  }

  @Test(arguments: [
    "A YouGov poll puts Labour on 39% in Testville.",
    "MPs voted 310 to 219 in favour of the bill.",
    "Labour members backed Ann Able with 59% of the votes in the leadership contest.",
  ])
  func doesNotCheckPollsDivisionsOrPartyBallots(sentence: String) {
    let (_, verdicts) = Synthetic.check(sentence)
    #expect(!verdicts.isEmpty)
    #expect(verdicts.allSatisfy { $0.rating == .notElectionResult && $0.evidence.isEmpty })
  }

  @Test func reportsAnUnparsedElectionFigureAsUnverifiable() throws {
    let verdict = try Synthetic.verdict(
      "In the end 52 seats changed hands at the election.", "52 seats")
    #expect(verdict.rating == .unverifiable)
    #expect(verdict.explanation.contains("could not be parsed"))
  }

  // MARK: Derived quantities

  @Test func computesADifferenceBetweenTwoRecordsAndReadsATruncation() throws {
    let verdict = try Synthetic.verdict(
      "Across Testville, Ann Able (550,000) got 684,000 fewer votes than Labour (1,234,567).",
      "684,000")
    #expect(verdict.rating == .accurateRounded)
    #expect(verdict.expected == 684_567)
    let computed = try #require(verdict.evidence.last)
    #expect(
      computed.arithmetic.hasPrefix("1,234,567 (Labour Party, Testville, general-2019) − 550,000"))
    #expect(computed.arithmetic.hasSuffix("= 684,567"))
    #expect(verdict.explanation.contains("truncated to the thousand"))
    #expect(verdict.explanation.contains("rounding gives 685,000"))
    #expect(verdict.election == "mayor-2020")
    #expect(verdict.comparedElection == "general-2019")
  }

  @Test func pairsTheSameCountOfEachElectionAndShowsTheOther() throws {
    let verdict = try Synthetic.verdict(
      "Bob Baker got 50,000 more votes than Ann Able in 2020.", "50,000")
    #expect(verdict.rating == .inaccurate)  // 100,000 in either count
    let final = try Synthetic.verdict(
      "In 2020 Ann Able beat Bob Baker by 100,000 votes.", "100,000 votes")
    #expect(final.rating == .accurate)
    #expect(final.count == "final round (after second preferences)")
    #expect(final.explanation.contains("first preferences give 500,000 − 400,000 = 100,000"))
  }

  @Test func computesAShareFromVotesWhenTheFileGivesNone() throws {
    let verdict = try Synthetic.verdict("Siân Cole won 10% of first preferences in 2020.", "10%")
    #expect(verdict.rating == .accurate)
    #expect(
      verdict.evidence.first?.arithmetic.contains("100 × 100,000 / 1,000,000 valid votes = 10.00%")
        == true)
  }

  @Test func computesAMajorityAsWinnerMinusRunnerUp() throws {
    let verdict = try Synthetic.verdict("Ann Able won by 100,000 votes in 2020.", "100,000 votes")
    #expect(verdict.rating == .accurate)
    #expect(verdict.evidence.last?.arithmetic.hasPrefix("550,000 − 450,000 = 100,000") == true)
  }

  @Test func computesTurnoutFromValidVotesAndElectorate() throws {
    let verdict = try Synthetic.verdict("Turnout in Testville in 2020 was 50%.", "50%")
    #expect(verdict.rating == .accurate)
    #expect(
      verdict.evidence.first?.arithmetic.contains(
        "100 × (1,000,000 valid) / 2,000,000 electors = 50.00%") == true)
  }

  @Test func computesASeatChangeFromThePreviousElection() throws {
    let verdict = try Synthetic.verdict("Labour won 35 seats in Testville in 2023, up 5.", "5")
    #expect(verdict.rating == .accurate)
    #expect(verdict.evidence.first?.arithmetic.contains("35 seats − 30 at general-2019") == true)
  }

  @Test func sumsTheSeatsOfAPlace() throws {
    let verdict = try Synthetic.verdict(
      "Labour won 30 of Testville’s 50 seats in 2019.", "50 seats")
    #expect(verdict.rating == .accurate)
    #expect(verdict.evidence.first?.arithmetic.hasPrefix("30 + 20 = 50 seats") == true)
  }

  @Test func checksAChangeOfCouncilControlFromItsControlResult() throws {
    let verdict = try Synthetic.verdict(
      "The Conservatives lost control of Saint Albans and Harpenden.",
      "Conservatives lost control of Saint Albans and Harpenden")
    #expect(verdict.rating == .accurate)
    #expect(verdict.expectedText == "NOC gain from Conservative")
    let wrong = try Synthetic.verdict(
      "Labour lost control of Saint Albans and Harpenden.",
      "Labour lost control of Saint Albans and Harpenden")
    #expect(wrong.rating == .inaccurate)
  }

  @Test func computesYearsInOfficeFromConsecutiveWins() throws {
    let verdict = try Synthetic.verdict(
      "The mayoralty of Testville has been Labour for four years.", "four years",
      date: "2024-05-10")
    #expect(verdict.rating == .accurate)
    #expect(verdict.expected == 4)
    #expect(verdict.evidence.last?.arithmetic.hasPrefix("2024 − 2020 = 4 years") == true)
  }

  @Test func countsElectionsWon() throws {
    let verdict = try Synthetic.verdict(
      "Bob Baker’s two mayoral victories were remarkable.", "two mayoral victories")
    #expect(verdict.rating == .accurate)
    #expect(verdict.evidence.count == 2)
  }

  @Test func readsAComparisonAcrossContestsBothWays() throws {
    let verdict = try Synthetic.verdict(
      "Ann Able lost. But she got enough votes to win every mayoral contest except 2016.",
      "2016")
    #expect(verdict.rating == .accurate)
    #expect(verdict.explanation.contains("runner-up"))
    #expect(verdict.explanation.contains("every contest except 2016 and 2020"))
  }

  @Test func computesAChangeInVotesFromThePreviousElection() throws {
    let verdict = try Synthetic.verdict("Labour's vote rose by 65,433 in 2023.", "65,433")
    #expect(verdict.rating == .accurate)
    #expect(
      verdict.evidence.first?.arithmetic.contains("1,300,000 − 1,234,567 at general-2019") == true)
    let against = try Synthetic.verdict("Labour won 65,433 more votes than in 2019.", "65,433")
    #expect(against.rating == .accurate)
    #expect(against.election == "general-2023")
    #expect(against.comparedElection == "general-2019")
  }

  @Test(arguments: [
    ("Labour won a majority of 20 in 2023.", Verdict.Rating.accurate),
    ("Labour won a majority of 22 in 2023.", .unverifiable),  // working-majority conventions
    ("Labour won a majority of 40 in 2023.", .inaccurate),
  ])
  func computesASeatMajorityFromTheSeatsOfEveryParty(sentence: String, rating: Verdict.Rating)
    throws
  {
    let verdict = try Synthetic.verdict(sentence, String(sentence.split(separator: " ")[5]))
    #expect(verdict.rating == rating)
    #expect(verdict.expected == 20)
    #expect(verdict.evidence.first?.arithmetic.hasPrefix("35 − (50 − 35) = 20") == true)
  }

  // MARK: Election resolution

  @Test func readsUpFromAsThePreviousElection() throws {
    let verdict = try Synthetic.verdict("In 2023 Labour won 35 seats, up from 30.", "30")
    #expect(verdict.rating == .accurate)
    #expect(verdict.election == "general-2019")
  }

  @Test func placesRelativeReferencesByTheArticlesDate() throws {
    let sentence = "In last night's results Labour gained 40 councillors."
    let right = try Synthetic.verdict(sentence, "40 councillors", date: "2017-05-05")
    #expect(right.rating == .accurate)
    #expect(right.election == "local-2017")
    let wrong = try Synthetic.verdict(sentence, "40 councillors", date: "2021-05-07")
    #expect(wrong.rating == .inaccurate)
    #expect(wrong.expected == -20)
    let previous = try Synthetic.verdict(
      "The last time these councils elected, Labour gained 40 councillors.", "40 councillors",
      date: "2021-05-07")
    #expect(previous.election == "local-2017")
  }

  @Test func infersTheElectionFromTheValueWhenTheTextNamesNone() throws {
    let verdict = try Synthetic.verdict(
      "Across Testville, the Conservatives (987,654) lost.", "987,654")
    #expect(verdict.rating == .accurate)
    #expect(verdict.election == "general-2019")
    #expect(verdict.explanation.contains("the article does not name that election"))
  }

  // MARK: Linking

  @Test func linksPlacesPeopleAndPartiesByFoldedNames() {
    let linker = EntityLinker(store: Synthetic.store)
    let council = Synthetic.store.records.first { $0.controlResult != nil }!
    #expect(linker.area(council, matches: "Saint Albans and Harpenden"))
    #expect(linker.area(council, matches: "st. albans & harpenden"))
    let nation = Synthetic.store.records(forElection: "local-2017")[0]
    #expect(linker.area(nation, matches: "Testland"))
    #expect(!linker.records(forPerson: "Sian Cole").isEmpty)
    #expect(linker.records(forPerson: "Baker").count == 4)
    #expect(linker.records(forPerson: "Ann").allSatisfy { $0.candidate == "Ann Able" })
    #expect(linker.records(forPerson: "Alan Able").isEmpty)  // surname, but another first name
    let labour = Synthetic.store.records(forElection: "general-2019")[0]
    #expect(linker.partyScore("Labour Party", labour, codes: ["lab"]) == 3)
    #expect(
      linker.partyScore(
        "Labour Party", party: "Testland Labour Party", short: "Lab", codes: ["lab"])
        == 2)
    #expect(linker.partyScore("Labour Party", party: "Labour", short: nil, codes: []) == 1)
    #expect(
      linker.partyScore("Labour Party", party: "Conservative Party", short: "Con", codes: ["lab"])
        == 0)
  }
}
