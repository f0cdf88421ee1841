import Testing

@testable import Psephos

/// The mentions of `string` as "TYPE:text" strings, in order.
private func spans(_ string: String) -> [String] {
  let text = SourceText(string)
  let tokens = Tokenizer().tokenize(text)
  return EntityExtractor().mentions(in: text, tokens: tokens).map {
    "\($0.kind.rawValue):\(text.string($0.range))"
  }
}

/// The mentions of `string` as "text=canonical" strings, in order.
private func canonicals(_ string: String) -> [String] {
  let text = SourceText(string)
  let tokens = Tokenizer().tokenize(text)
  return EntityExtractor().mentions(in: text, tokens: tokens).map {
    "\(text.string($0.range))=\($0.canonical)"
  }
}

@Suite struct EntityExtractorTests {
  // MARK: Parties

  @Test(arguments: [
    ("Labour MPs backed the motion.", ["PARTY:Labour"]),
    ("The labour market is tight.", []),
    ("Labour market reforms were delayed.", []),
    ("Corbyn's Labour party lost.", ["PERSON:Corbyn", "PARTY:Labour"]),
    ("a senior Conservative said", ["PARTY:Conservative"]),
    ("Conservative councils cut spending.", ["PARTY:Conservative"]),
    ("a conservative estimate", []),
    ("The Tories and the Lib Dems", ["PARTY:Tories", "PARTY:Lib Dems"]),
    ("voters for Plaid Cymru and the SNP", ["PARTY:Plaid Cymru", "PARTY:SNP"]),
    ("Kippers in Thurrock", ["PARTY:Kippers", "PLACE:Thurrock"]),
  ])
  func findsPartiesAndTheirAdjectivesButNotTheCommonNoun(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test(arguments: [
    ("the collapse of Scottish Labour", ["PARTY:Scottish Labour"]),
    (
      "Ruth Davidson and the Scottish Conservatives",
      [
        "PERSON:Ruth Davidson", "PARTY:Scottish Conservatives",
      ]
    ),
    ("Welsh Labour held Cardiff.", ["PARTY:Welsh Labour", "PLACE:Cardiff"]),
    ("a modern Scottish Conservatism", ["PLACE_ADJ:Scottish", "PARTY:Conservatism"]),
  ])
  func keepsNationalBranchesAsOneSpan(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test func namesPartiesCanonically() {
    #expect(
      canonicals("Tory gains, Lib Dem losses, Greens up, Ukip down")
        == [
          "Tory=Conservative Party", "Lib Dem=Liberal Democrats", "Greens=Green Party",
          "Ukip=UK Independence Party",
        ])
    #expect(
      canonicals("the Scottish Tories") == [
        "Scottish Tories=Scottish Conservative and Unionist Party"
      ])
  }

  @Test(arguments: [
    ("Caroline Lucas of the Greens spoke.", ["PERSON:Caroline Lucas", "PARTY:Greens"]),
    ("Damian Green said the Green vote rose.", ["PERSON:Damian Green", "PARTY:Green"]),
    ("the Green MP for Brighton", ["PARTY:Green", "PLACE:Brighton"]),
    ("Kate Green won. Green was re-elected.", ["PERSON:Kate Green", "PERSON:Green"]),
    ("building on the Green belt", []),
    ("a Green Paper on housing", []),
  ])
  func tellsGreenTheSurnameFromGreenTheParty(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test(arguments: [
    ("She stood as an Independent in Wyre Forest.", ["PARTY:Independent", "PLACE:Wyre Forest"]),
    ("an Independent councillor", ["PARTY:Independent"]),
    ("Ken Livingstone (Ind) won.", ["PERSON:Ken Livingstone", "PARTY:Ind"]),
    ("He told the Independent that", ["ORG:Independent"]),
    ("Independent experts disagreed.", []),
    ("an independent review", []),
  ])
  func readsIndependentByContext(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test func readsPartyCodesOnlyInBracketsOrResults() {
    #expect(
      spans("Jane Smith (Con) and John Jones (LD)") == [
        "PERSON:Jane Smith", "PARTY:Con", "PERSON:John Jones", "PARTY:LD",
      ])
    #expect(spans("pros and cons of the plan") == [])
  }

  // MARK: Places

  @Test(arguments: [
    ("Reading voted Remain.", ["PLACE:Reading"]),
    ("Reading the manifesto, she sighed.", []),
    ("The count in Reading was late.", ["PLACE:Reading"]),
    ("a reading of the bill", []),
    ("Bath and Wells", ["PLACE:Bath", "PLACE:Wells"]),
  ])
  func tellsReadingTheTownFromTheVerb(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test(arguments: [
    (
      "Labour held Nuneaton, Southampton and Harlow.",
      [
        "PARTY:Labour", "PLACE:Nuneaton", "PLACE:Southampton", "PLACE:Harlow",
      ]
    ),
    ("The Black Country and the Home Counties", ["PLACE:Black Country", "PLACE:Home Counties"]),
    ("bankers in the City worried", ["PLACE:City"]),
    ("the city was quiet", []),
    ("Kensington says it all.", ["PLACE:Kensington"]),
    (
      "in Tower Hamlets and Kingston upon Thames",
      [
        "PLACE:Tower Hamlets", "PLACE:Kingston upon Thames",
      ]
    ),
    ("Stoke-on-Trent Central", ["PLACE:Stoke-on-Trent Central"]),
    ("across the UK and Britain", ["PLACE:UK", "PLACE:Britain"]),
  ])
  func findsPlacesOfEverySize(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test func namesPlacesCanonically() {
    #expect(
      canonicals("the UK, Britain and the U.K.") == [
        "UK=United Kingdom", "Britain=United Kingdom", "U.K.=United Kingdom",
      ])
    #expect(canonicals("in Bristol and Hull") == ["Bristol=Bristol", "Hull=Hull"])
  }

  @Test(arguments: [
    ("Londoners and Scots", ["PLACE_ADJ:Londoners", "PLACE_ADJ:Scots"]),
    ("the English local elections", ["PLACE_ADJ:English"]),
    ("Welsh voters and British politics", ["PLACE_ADJ:Welsh", "PLACE_ADJ:British"]),
  ])
  func mapsDemonymsToTheirPlace(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test func demonymCanonicalIsThePlace() {
    #expect(canonicals("a lifelong Londoner") == ["Londoner=London"])
    #expect(canonicals("Scottish independence") == ["Scottish=Scotland"])
  }

  // MARK: Organisations

  @Test(arguments: [
    ("Conservative Central Office should take note.", ["ORG:Conservative Central Office"]),
    ("a poll by YouGov for the Sunday Times", ["ORG:YouGov", "ORG:Sunday Times"]),
    ("The Times and the Guardian", ["ORG:Times", "ORG:Guardian"]),
    (
      "the Electoral Commission and the House of Commons",
      [
        "ORG:Electoral Commission", "ORG:House of Commons",
      ]
    ),
    ("a Guardian reader", []),
  ])
  func findsOrganisationsAndLeavesTheArticleOutside(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test func marksMetonymy() {
    let text = SourceText("Downing Street refused to comment.")
    let mention = EntityExtractor().mentions(in: text, tokens: Tokenizer().tokenize(text)).first
    #expect(mention?.kind == .organization)
    #expect(mention?.isMetonymy == true)
    #expect(mention?.refersTo?.contains("Prime Minister") == true)
  }

  // MARK: People

  @Test(arguments: [
    ("Mr Blair resigned.", ["PERSON:Blair"]),
    ("Dr Liam Fox spoke.", ["PERSON:Liam Fox"]),
    ("the Rt Hon Theresa May MP", ["PERSON:Theresa May"]),
    ("Sir Keir Starmer and Dame Margaret Hodge", ["PERSON:Keir Starmer", "PERSON:Margaret Hodge"]),
    ("Lord Heseltine and Baroness Warsi", ["PERSON:Lord Heseltine", "PERSON:Baroness Warsi"]),
    ("a report by Lord Ashcroft", ["PERSON:Lord Ashcroft"]),
    ("the Lord Mayor of London", ["PLACE:London"]),
    ("Mr Speaker called the vote.", []),
  ])
  func keepsCourtesyTitlesOutsideAndPeersTitlesInside(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test(arguments: [
    ("Nicola Sturgeon and Mr Farage", ["PERSON:Nicola Sturgeon", "PERSON:Farage"]),
    (
      "Andy Burnham, the Mayor of Greater Manchester, said so.",
      [
        "PERSON:Andy Burnham", "PLACE:Greater Manchester",
      ]
    ),
    ("Priti Patel said the figures were wrong.", ["PERSON:Priti Patel"]),
    ("Home Secretary Nadhim Zahawi", ["PERSON:Nadhim Zahawi"]),
    ("Rachel Wolf, the co-author of the manifesto, disagreed.", ["PERSON:Rachel Wolf"]),
    (
      "Gavin Barwell, who lost Croydon Central, wrote",
      [
        "PERSON:Gavin Barwell", "PLACE:Croydon Central",
      ]
    ),
    ("Tom Brake (LD) held on.", ["PERSON:Tom Brake", "PARTY:LD"]),
    (
      "Bristol West’s Thangam Debbonaire held on.",
      [
        "PLACE:Bristol West", "PERSON:Thangam Debbonaire",
      ]
    ),
    ("The BNP’s Nick Griffin lost.", ["PARTY:BNP", "PERSON:Nick Griffin"]),
    (
      "Mark Field, the Cities of London and Westminster MP, said nothing.",
      [
        "PERSON:Mark Field", "PLACE:Cities of London and Westminster",
      ]
    ),
    (
      "Morgan Stanley analysts and Strathclyde University",
      [
        "ORG:Morgan Stanley", "ORG:Strathclyde University",
      ]
    ),
    (
      "Jacob Rees-Mogg and Iain Duncan Smith",
      [
        "PERSON:Jacob Rees-Mogg", "PERSON:Iain Duncan Smith",
      ]
    ),
  ])
  func findsUnknownPeopleByShapeAndContext(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test(arguments: [
    ("Zac Goldsmith’s defeat hurt.", ["PERSON:Zac Goldsmith"]),
    ("It was Khan’s night.", ["PERSON:Khan"]),
    ("the Tories’ worst result", ["PARTY:Tories"]),
  ])
  func leavesThePossessiveOutside(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test(arguments: [
    ("Jeremy Corbyn won. Corbyn smiled.", ["PERSON:Jeremy Corbyn", "PERSON:Corbyn"]),
    ("Will Labour win? Will Straw thinks so.", ["PARTY:Labour", "PERSON:Will Straw"]),
    ("Will they win? They asked Will Straw.", ["PERSON:Will Straw"]),
    ("Mark Reckless defected.", ["PERSON:Mark Reckless"]),
    ("Grant Shapps resigned.", ["PERSON:Grant Shapps"]),
    ("Last May the party won.", []),
  ])
  func handlesSentenceInitialCapitals(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test(arguments: [
    ("the London-centric media", ["PLACE:London"]),
    ("an anti-Tory vote", ["PARTY:Tory"]),
    ("the Not-Jeremy-Corbyn-candidate", ["PERSON:Jeremy-Corbyn"]),
    ("a Labour-run council", ["PARTY:Labour"]),
    ("Jonathan Carr-West wrote", ["PERSON:Jonathan Carr-West"]),
  ])
  func looksInsideHyphenatedWords(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  @Test(arguments: [
    ("LABOUR WINS IN LONDON", ["PARTY:LABOUR", "PLACE:LONDON"]),
    ("SNP SWEEPS SCOTLAND", ["PARTY:SNP", "PLACE:SCOTLAND"]),
    ("READING THE RUNES", []),
  ])
  func readsAllCapsHeadlines(input: String, expected: [String]) {
    #expect(spans(input) == expected)
  }

  // MARK: Coreference

  @Test func resolvesSurnamesAndGivenNamesToTheFullNameBothWays() {
    let string =
      "Goldsmith lost to Khan. Zac Goldsmith was gracious; Zac thanked Sadiq Khan. Mr Goldsmith left."
    #expect(
      canonicals(string) == [
        "Goldsmith=Zac Goldsmith", "Khan=Sadiq Khan", "Zac Goldsmith=Zac Goldsmith",
        "Zac=Zac Goldsmith", "Sadiq Khan=Sadiq Khan", "Goldsmith=Zac Goldsmith",
      ])
  }

  @Test func namesAPeerByTheKnownPersonBehindTheTitle() {
    #expect(
      canonicals("Baroness Thatcher spoke. Mrs Thatcher smiled.") == [
        "Baroness Thatcher=Margaret Thatcher", "Thatcher=Margaret Thatcher",
      ])
  }

  @Test func resolvesTitlesAndKnownShortFormsToTheArticlesPerson() {
    #expect(
      canonicals("Tony Blair spoke. Mr Blair then left.") == [
        "Tony Blair=Tony Blair", "Blair=Tony Blair",
      ])
    #expect(canonicals("Boris was cheered.") == ["Boris=Boris Johnson"])
    #expect(
      canonicals("Jo Johnson resigned. Johnson said") == [
        "Jo Johnson=Jo Johnson", "Johnson=Jo Johnson",
      ])
  }

  @Test func findsAPersonNamedByOneUncommonNameOnItsOwn() {
    #expect(spans("It won more votes than Keir did in 2019.") == ["PERSON:Keir"])
    #expect(spans("Marks & Spencer warned; Rose said no.") == ["ORG:Marks & Spencer"])
  }

  @Test func resolvesCandidatesShortFormsFromTheResultsData() throws {
    let knowledge = try Knowledge(people: ["Siobhan Benita", "Zac Goldsmith"])
    let text = SourceText("A Goldsmith victory looked likely; Zac was confident.")
    let mentions = EntityExtractor(knowledge: knowledge).mentions(
      in: text, tokens: Tokenizer().tokenize(text))
    #expect(mentions.map { text.string($0.range) } == ["Goldsmith", "Zac"])
    #expect(mentions.map(\.canonical) == ["Zac Goldsmith", "Zac Goldsmith"])
  }

  @Test func doesNotTurnMonthsIntoTheresaMay() {
    #expect(
      canonicals("Theresa May called an election in May 2017.") == [
        "Theresa May=Theresa May"
      ])
  }

  @Test func prefersAPlaceAfterALocativePreposition() {
    #expect(
      spans("John Preston campaigned in Preston.") == ["PERSON:John Preston", "PLACE:Preston"])
  }

  @Test func returnsSortedNonOverlappingSpansWithCodePointOffsets() throws {
    let text = SourceText("Ms Nandy \u{2013} Wigan’s MP \u{2013} met Andy Burnham.")
    let mentions = EntityExtractor().mentions(in: text, tokens: Tokenizer().tokenize(text))
    #expect(mentions.map(\.kind) == [.person, .place, .person])
    for (a, b) in zip(mentions, mentions.dropFirst()) { #expect(a.range.end <= b.range.start) }
    let wigan = try #require(mentions.dropFirst().first)
    #expect(text.codePointRange(wigan.range) == 11..<16)
  }
}
