import Testing

@testable import Psephos

/// A tiny synthetic results store (made-up places, people and numbers) and helpers that run
/// sentences through extraction and the cross-check against it.
enum Synthetic {
  /// The CSV text: a supplementary-vote mayoralty over three elections, two general elections
  /// in one region, local elections with a council's control and national seat changes, and a
  /// referendum.
  static let csv = """
    election_id,date,election_type,area_type,area_name,area_code,round,candidate,party,party_short,votes,share_pct,seats,seats_change,electorate,turnout_pct,total_valid_votes,notes,control_result
    mayor-2016,2016-05-05,Mayor of Testville (supplementary vote),city,Greater Testville,,second,Bob Baker,Conservative Party,Con,520000,,1,,,,,,
    mayor-2016,2016-05-05,Mayor of Testville (supplementary vote),city,Greater Testville,,second,Ann Able,Labour Party,Lab,510000,,0,,,,,,
    mayor-2020,2020-05-07,Mayor of Testville (supplementary vote),city,Greater Testville,,first,Ann Able,Labour Party,Lab,500000,50.00,,,2000000,,1000000,,
    mayor-2020,2020-05-07,Mayor of Testville (supplementary vote),city,Greater Testville,,first,Bob Baker,Conservative Party,Con,400000,40.00,,,2000000,,1000000,,
    mayor-2020,2020-05-07,Mayor of Testville (supplementary vote),city,Greater Testville,,first,Siân Cole,Green Party,Green,100000,,,,2000000,,1000000,,
    mayor-2020,2020-05-07,Mayor of Testville (supplementary vote),city,Greater Testville,,second,Ann Able,Labour Party,Lab,550000,55.00,1,,,,1000000,,
    mayor-2020,2020-05-07,Mayor of Testville (supplementary vote),city,Greater Testville,,second,Bob Baker,Conservative Party,Con,450000,45.00,0,,,,1000000,,
    mayor-2024,2024-05-02,Mayor of Testville (supplementary vote),city,Greater Testville,,second,Bob Baker,Conservative Party,Con,600000,,1,,,,,,
    mayor-2024,2024-05-02,Mayor of Testville (supplementary vote),city,Greater Testville,,second,Ann Able,Labour Party,Lab,500000,,0,,,,,,
    general-2019,2019-12-12,UK general election,region,Testville,,,,Labour Party,Lab,1234567,,30,,,,,"Labour includes Co-operative candidates. Some sources print 1,234,600 (33 more).",
    general-2019,2019-12-12,UK general election,region,Testville,,,,Conservative Party,Con,987654,,20,,,,,,
    general-2023,2023-10-05,UK general election,region,Testville,,,,Labour Party,Lab,1300000,,35,,,,,,
    general-2023,2023-10-05,UK general election,region,Testville,,,,Conservative Party,Con,900000,,15,,,,,,
    local-2017,2017-05-04,Local council elections,nation,Testland (councils with elections),,,,Labour Party,Lab,,,900,40,,,,,
    local-2021,2021-05-06,Local council elections,nation,Testland (councils with elections),,,,Labour Party,Lab,,,880,-20,,,,,
    local-2021,2021-05-06,Local council elections,council,St Albans & Harpenden,,,,No overall control,,,,,,,,,,NOC gain from Conservative
    """

  /// The store read from `csv`, as file `synthetic.csv`.
  static let store: ResultsStore = {
    do {
      return try ResultsStore(csv: Array(csv.utf8), file: "synthetic.csv")
    } catch {
      preconditionFailure("synthetic results do not load: \(error)")
    }
  }()

  /// The mentions of the synthetic names.
  static let names: [(String, Mention.Kind, String)] = [
    ("Ann Able", .person, "Ann Able"), ("Bob Baker", .person, "Bob Baker"),
    ("Siân Cole", .person, "Siân Cole"), ("Labour", .party, "Labour Party"),
    ("Conservatives", .party, "Conservative Party"), ("Testville", .place, "Testville"),
    ("Saint Albans and Harpenden", .place, "Saint Albans and Harpenden"),
  ]

  /// The line of `synthetic.csv` a row starts on whose text contains every one of `parts`.
  static func line(containing parts: String...) -> String {
    let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
    let index = lines.firstIndex { line in parts.allSatisfy { line.contains($0) } }!
    return "synthetic.csv:\(index + 1)"
  }

  /// The claims of `sentence` and their verdicts against the synthetic store.
  static func check(_ sentence: String, date: String? = nil) -> (ClaimFixture, [Verdict]) {
    let fixture = ClaimFixture(sentence, mentions: names, metadata: Metadata(date: date))
    let context = CheckContext(documentDate: date)
    return (
      fixture, fixture.claims.map { CrossChecker().check($0, against: store, context: context) }
    )
  }

  /// The verdict on the claim of `sentence` whose figure (or key words) is `figure`.
  static func verdict(
    _ sentence: String, _ figure: String, date: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Verdict {
    let (fixture, verdicts) = check(sentence, date: date)
    let claim = try fixture.claim(figure, sourceLocation: sourceLocation)
    return verdicts[fixture.claims.firstIndex(of: claim)!]
  }
}
