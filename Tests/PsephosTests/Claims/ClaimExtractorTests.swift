import Testing

@testable import Psephos

@Suite struct ClaimExtractorTests {
  // MARK: Subjects

  @Test func takesTheMentionBeforeABracketedFigureAsItsSubject() throws {
    let fixture = ClaimFixture(
      "Across London, Goldsmith (994,614) got 238,000 fewer votes than the Conservatives (1,233,386).",
      mentions: [Names.london, Names.goldsmith, Names.conservatives])
    let own = try fixture.claim("994,614")
    #expect(own.subject?.canonical == "Zac Goldsmith")
    #expect(own.subject?.resolution == .parenthetical)
    #expect(own.measure == .votes)
    #expect(own.role == .value)
    #expect(fixture.string(own.keyRange) == "Goldsmith (994,614)")
    #expect(own.comparedWith == nil)
    let party = try fixture.claim("1,233,386")
    #expect(party.subject?.canonical == "Conservative Party")
    #expect(party.election.place == "London")
    #expect(party.election.isOpen)
  }

  @Test func readsADifferenceWithItsComparisonAndBothBracketedFigures() throws {
    let fixture = ClaimFixture(
      "Across London, Goldsmith (994,614) got 238,000 fewer votes than the Conservatives (1,233,386).",
      mentions: [Names.london, Names.goldsmith, Names.conservatives])
    let gap = try fixture.claim("238,000")
    #expect(gap.subject?.canonical == "Zac Goldsmith")
    #expect(gap.role == .difference)
    #expect(gap.measure == .votes)
    #expect(gap.comparedWith?.entity?.canonical == "Conservative Party")
    #expect(fixture.string(gap.comparedWith?.figure?.range) == "1,233,386")
    #expect(fixture.string(gap.subjectFigure?.range) == "994,614")
    #expect(
      fixture.string(gap.keyRange)
        == "Goldsmith (994,614) got 238,000 fewer votes than the Conservatives")
  }

  @Test func carriesAnAcrossPlaceScopeToTheNextSentenceOfTheParagraph() throws {
    let fixture = ClaimFixture(
      "Across London, Goldsmith (994,614) did badly. Khan (1,310,143) got 234,000 fewer than Labour (1,545,080) as a whole.\n\nLabour (1,545,080) again.",
      mentions: [Names.london, Names.goldsmith, Names.khan, Names.labour])
    let labour = fixture.claims.filter {
      $0.figure.map { fixture.text.string($0.range) } == "1,545,080"
    }
    #expect(labour.count == 2)
    #expect(labour[0].election.place == "London")
    #expect(labour[0].election.isPlaceInherited)
    #expect(labour[1].election.place == nil)  // a new paragraph ends the scope
    let gap = try fixture.claim("234,000")
    #expect(gap.subject?.canonical == "Sadiq Khan")
    #expect(gap.comparedWith?.entity?.canonical == "Labour Party")
  }

  @Test func resolvesAPronounToTheLastPersonAndKeepsTheComparisonsOwnYear() throws {
    let fixture = ClaimFixture(
      "Yes, Goldsmith lost by a mile. But – as a senior Conservative contacted me to point out last night – he got enough votes to win every mayoral contest except 2008 and only 60,000 fewer than Boris in 2012.",
      mentions: [Names.goldsmith, Names.conservative, Names.boris])
    let gap = try fixture.claim("60,000")
    #expect(gap.subject?.canonical == "Zac Goldsmith")
    #expect(gap.subject?.resolution == .pronoun)
    #expect(fixture.string(gap.subject?.range) == "he")
    #expect(gap.comparedWith?.entity?.canonical == "Boris Johnson")
    #expect(gap.comparedWith?.election.year == 2012)
    #expect(gap.election.year == nil)
    #expect(gap.election.kind == .mayoral)
    #expect(gap.election.relative == nil)  // "last night" is when he spoke, not the election
    #expect(gap.attribution?.speaker == "a senior Conservative")
  }

  @Test func readsAComparisonAcrossContestsWithTheYearsItLeavesOut() throws {
    let fixture = ClaimFixture(
      "Goldsmith lost. He got enough votes to win every mayoral contest except 2008 and 2012.",
      mentions: [Names.goldsmith])
    let exception = try fixture.claim("2008")
    #expect(exception.role == .exception)
    #expect(exception.exceptedYears == [2008, 2012])
    #expect(exception.subject?.canonical == "Zac Goldsmith")
    #expect(exception.election.kind == .mayoral)
    #expect(fixture.claims.count == 1)  // 2012 is part of the same claim
  }

  @Test(arguments: [
    (
      "Labour gained 823 councillors.", "823 councillors", Claim.Measure.councillorChange,
      Claim.Role.change
    ),
    ("Boris’s two mayoral victories were remarkable.", "two mayoral victories", .victories, .value),
    ("Labour won 262 seats in 2017.", "262 seats", .seats, .value),
    ("The Tories lost 405 seats.", "405 seats", .seatChange, .change),
    ("Labour won 40 per cent of the vote.", "40 per cent", .share, .value),
    ("Labour won by 2,000 votes.", "2,000 votes", .majority, .value),
  ])
  func readsTheMeasureAndRoleFromAFrame(
    sentence: String, figure: String, measure: Claim.Measure, role: Claim.Role
  ) throws {
    let fixture = ClaimFixture(
      sentence, mentions: [Names.labour, Names.boris, ("Tories", .party, "Conservative Party")])
    let claim = try fixture.claim(figure)
    #expect(claim.measure == measure)
    #expect(claim.role == role)
    #expect(claim.subject?.resolution == .frame)
    #expect(claim.category == .electionResult)
  }

  @Test func findsThePlaceARegionThatStandsFor() throws {
    let fixture = ClaimFixture(
      "Everywhere except Scotland. In a region that voted 60 per cent remain, we made gains.",
      mentions: [Names.scotland])
    let share = try fixture.claim("60 per cent")
    #expect(share.subject?.canonical == "Scotland")
    #expect(share.subject?.kind == .place)
    #expect(share.option == "Remain")
    #expect(share.election.kind == .referendum)
    #expect(share.measure == .share)
  }

  @Test func readsAMarginAfterBeatWithTheBeatenAsComparison() throws {
    let fixture = ClaimFixture(
      "In 2008, Boris beat Khan by almost 140,000 votes.", mentions: [Names.boris, Names.khan])
    let margin = try fixture.claim("140,000 votes")
    #expect(margin.subject?.canonical == "Boris Johnson")
    #expect(margin.comparedWith?.entity?.canonical == "Sadiq Khan")
    #expect(margin.role == .difference)
    #expect(margin.election.year == 2008)
    #expect(margin.figure?.hedge == .almost)
  }

  @Test func readsATotalOfAPlace() throws {
    let fixture = ClaimFixture(
      "The SNP won 56 of Scotland’s 59 seats.",
      mentions: [("SNP", .party, "Scottish National Party"), Names.scotland])
    #expect(try fixture.claim("56").subject?.canonical == "Scottish National Party")
    let total = try fixture.claim("59 seats")
    #expect(total.subject?.canonical == "Scotland")
    #expect(total.measure == .seats)
  }

  // MARK: Durations

  @Test func readsATenureAndItsOffice() throws {
    let fixture = ClaimFixture(
      "City Hall has been Tory for eight years – and that mattered.",
      mentions: [
        Names.tory,
        ("City Hall", .organization, "City Hall"),
      ])
    let tenure = try fixture.claim("eight years")
    #expect(tenure.measure == .tenure)
    #expect(tenure.subject?.canonical == "Conservative Party")
  }

  @Test func readsANegatedForNYearsAsAPeriodAboutSeats() throws {
    let fixture = ClaimFixture(
      "Jeremy Corbyn’s Labour party had a bad night. No opposition has lost council seats in this way for thirty years.",
      mentions: [("Jeremy Corbyn", .person, "Jeremy Corbyn"), Names.labour])
    let period = try fixture.claim("thirty years")
    #expect(period.role == .period)
    #expect(period.measure == .seatChange)
    #expect(period.subject?.canonical == "Labour Party")
    #expect(period.subject?.resolution == .context)
    #expect(period.election.kind == .local)
  }

  @Test func readsTimeAgoAsNotAnElectionResult() throws {
    let fixture = ClaimFixture("The framework was set almost 20 years ago.")
    let years = try fixture.claim("20 years")
    #expect(years.category == .other)
    #expect(years.measure == .years)
  }

  // MARK: Categories

  @Test(arguments: [
    ("A YouGov poll puts Labour on 39% and the Conservatives on 34%.", "39%", Claim.Category.poll),
    ("Labour lead by 39% to 34% in the latest ICM survey.", "39%", .poll),
    ("A survey of 2,000 voters found Labour ahead.", "2,000 voters", .poll),
    ("MPs voted 310 to 219 in favour of the bill.", "310", .division),
    ("Corbyn won the Labour leadership contest with 59.5% of the vote.", "59.5%", .partyBallot),
    ("The party spent £2.36m on the campaign.", "£2.36m", .money),
    ("Labour polled 9,347,273 votes.", "9,347,273 votes", .electionResult),
  ])
  func recognisesWhatIsNotAnElectionResult(
    sentence: String, figure: String, category: Claim.Category
  ) throws {
    let fixture = ClaimFixture(
      sentence, mentions: [Names.labour, Names.conservatives, ("Corbyn", .person, "Jeremy Corbyn")])
    #expect(try fixture.claim(figure).category == category)
  }

  @Test func limitsAPollToItsClause() throws {
    let fixture = ClaimFixture(
      "She called it with a 20-point lead in the polls, but the Conservatives ended up with 318 seats, eight short of a majority.",
      mentions: [Names.conservatives])
    #expect(try fixture.claim("20-point").category == .poll)
    #expect(try fixture.claim("318 seats").category == .electionResult)
    let short = try fixture.claim("eight")
    #expect(short.measure == .majority)
    #expect(short.role == .difference)
  }

  @Test func keepsPollingDayAsAnElection() throws {
    let fixture = ClaimFixture(
      "When the polls closed Labour had 45 seats.", mentions: [Names.labour])
    #expect(try fixture.claim("45 seats").category == .electionResult)
  }

  // MARK: Context

  @Test func readsExplicitYearKindPlaceAndCount() throws {
    let fixture = ClaimFixture(
      "In the 2016 mayoral election Khan won 1,148,716 first preferences in London.",
      mentions: [Names.khan, Names.london])
    let votes = try fixture.claim("1,148,716 first preferences")
    #expect(votes.election.year == 2016)
    #expect(votes.election.kind == .mayoral)
    #expect(votes.election.place == "London")
    #expect(votes.election.round == .first)
    #expect(!votes.election.isOpen)
  }

  @Test func readsRelativeReferencesToTheArticlesElection() throws {
    let fixture = ClaimFixture(
      "The last time these councils elected, Labour gained 823 councillors. In last night's results Labour lost 18 seats.",
      mentions: [Names.labour])
    #expect(try fixture.claim("823 councillors").election.relative == .previous)
    #expect(try fixture.claim("18 seats").election.relative == .current)
  }

  @Test func takesTheYearAfterAFigureOverOneBeforeAnotherFigure() throws {
    let fixture = ClaimFixture(
      "In Scotland, the SNP’s share fell from 50% in 2015 to 36.9% in 2017, and they lost 21 of their 56 seats.",
      mentions: [("SNP", .party, "Scottish National Party"), Names.scotland])
    #expect(try fixture.claim("50%").election.year == 2015)
    #expect(try fixture.claim("36.9%").election.year == 2017)
    let previous = try fixture.claim("56 seats")
    #expect(previous.election.relative == .previous)
    #expect(previous.election.relativeTo == 2017)
    #expect(previous.subject?.canonical == "Scottish National Party")
    #expect(previous.subject?.resolution == .pronoun)
  }

  @Test func givesTheSecondShareOfByXToYToTheLoser() throws {
    let referendum = ClaimFixture("Leave won by 52% to 48%.")
    #expect(try referendum.claim("52%").option == "Leave")
    #expect(try referendum.claim("48%").option == "Remain")
    let election = ClaimFixture("Labour won by 40% to 35%.", mentions: [Names.labour])
    let loser = try election.claim("35%")
    #expect(loser.subject == nil)
    #expect(!loser.issues.isEmpty)
  }

  @Test func readsHisPartyAsTheLastPartyNamed() throws {
    let fixture = ClaimFixture(
      "The Lib Dems’ Tim Farron saw his party’s vote share slip to 7.4%.",
      mentions: [("Lib Dems", .party, "Liberal Democrats"), ("Tim Farron", .person, "Tim Farron")])
    #expect(try fixture.claim("7.4%").subject?.canonical == "Liberal Democrats")
  }

  @Test func takesADemonymAsThePlaceOnlyBeforeAnElectionWord() throws {
    let local = ClaimFixture(
      "In the English local elections Labour lost 18 seats.",
      mentions: [("English", .placeAdjective, "England"), Names.labour])
    #expect(try local.claim("18 seats").election.place == "England")
    let history = ClaimFixture(
      "Khan (1,310,143) had the largest mandate in British history.",
      mentions: [Names.khan, ("British", .placeAdjective, "United Kingdom")])
    #expect(try history.claim("1,310,143").election.place == nil)
  }

  @Test func attributesAQuotationToTheSpeakerBeforeIt() throws {
    let fixture = ClaimFixture(
      "As Tim Shipman noted in his email:\n\n‘Across London, Goldsmith (994,614) lost.’",
      mentions: [Names.shipman, Names.london, Names.goldsmith])
    let claim = try fixture.claim("994,614")
    #expect(claim.attribution?.speaker == "Tim Shipman")
    #expect(claim.attribution?.isQuotation == true)
  }

  // MARK: Claims without figures

  @Test func findsLossOfControlWithItsParty() throws {
    let fixture = ClaimFixture(
      "Labour lost control in Dudley, a reverse.", mentions: [Names.labour, Names.dudley])
    let control = try fixture.claim("Labour lost control in Dudley")
    #expect(control.figure == nil)
    #expect(control.measure == .councilControl)
    #expect(control.control == .lost)
    #expect(control.subject?.canonical == "Labour Party")
    #expect(control.election.place == "Dudley")
    #expect(control.election.kind == .local)
  }

  @Test func takesThePartyOfAControlLossFromAnEarlierSentence() throws {
    let fixture = ClaimFixture(
      "The Conservatives have not haemorrhaged councils. It wasn't all plain sailing. The loss of the Mayoralty and losing Worcester to No Overall Control show that where Labour are organised they can win.",
      mentions: [Names.conservatives, Names.worcester, Names.labour])
    let control = try fixture.claim("losing Worcester to No Overall Control")
    #expect(control.subject?.canonical == "Conservative Party")
    #expect(control.subject?.resolution == .context)
    #expect(control.control == .lost)
  }

  @Test(arguments: [
    ("Labour held Dudley.", "Labour held Dudley", Claim.ControlChange.held),
    ("Labour gained control of Dudley in 2012.", "Labour gained control of Dudley", .gained),
    ("Dudley fell to Labour.", "Dudley fell to Labour", .gained),
    ("Labour won Dudley easily.", "Labour won Dudley", .won),
  ])
  func readsOtherChangesOfControl(sentence: String, key: String, change: Claim.ControlChange)
    throws
  {
    let fixture = ClaimFixture(sentence, mentions: [Names.labour, Names.dudley])
    let control = try fixture.claim(key)
    #expect(control.control == change)
    #expect(control.subject?.canonical == "Labour Party")
  }

  @Test func doesNotReadAPlaceInsideALongerNounAsControl() {
    let fixture = ClaimFixture("Labour won Dudley seats.", mentions: [Names.labour, Names.dudley])
    #expect(fixture.claims.isEmpty)
  }

  // MARK: Nothing dropped

  @Test func reportsAnElectionFigureWithoutASubjectSayingWhy() throws {
    let fixture = ClaimFixture("In the end 52 seats changed hands at the election.")
    let claim = try fixture.claim("52 seats")
    #expect(claim.category == .electionResult)
    #expect(claim.subject == nil)
    #expect(claim.issues.contains { $0.contains("no party") })
  }

  @Test func makesAClaimOfEveryFigureButContextYears() {
    let fixture = ClaimFixture(
      "In 2016 Khan (1,310,143) won 57 per cent; in 2020 the future is open.",
      mentions: [Names.khan])
    let figures = fixture.claims.compactMap { $0.figure.map { fixture.text.string($0.range) } }
    #expect(figures == ["1,310,143", "57 per cent"])
    // The year of the clause, not the nearer one after the semicolon.
    #expect(fixture.claims.map(\.election.year) == [2016, 2016])
  }
}
