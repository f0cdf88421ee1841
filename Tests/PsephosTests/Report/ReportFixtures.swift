import Foundation
import Testing

@testable import Psephos

/// A made-up report for testing the writers before and beside the real pipeline: a fictional
/// county's election (every person, party, place and result here is invented, so no real
/// figure is typed into a test), with an entity of every type, a claim with every verdict, a
/// claim about council control with no figure, themes, and a second article full of hostile
/// markup.
///
/// Entities, claims and themes replace what the pipeline found and are placed by searching
/// the text, so the fixture reads as the text it marks and does not change when extraction
/// improves.
enum ReportFixtures {
  /// The fictional article, in three paragraphs.
  static let electionText = """
    At the Borsetshire mayoral election, Jane Archer of the Progress Party won 41,230 votes, \
    5,120 more than Tom Forrest of the Heritage Party. Turnout in Felpersham was 38 per cent.

    Borsetians had been told by the Borsetshire Echo that Archer stood on 52 per cent in its \
    final poll, and Forrest called it the Heritage Party's best result since 1997.

    Archer thanked the Electoral Commission and promised cheaper buses and 300 new homes.

    The Heritage Party lost control of Felpersham council.
    """

  /// An article whose text and metadata try every trick that could run script in a report.
  static let hostileText = """
    Breaking <script>document.body.setAttribute('data-pwned','1')</script> news for Jane Archer.

    <img src=x onerror="document.title='pwned'"> and <a href="javascript:document.title='pwned'">\
    click me</a> and <svg onload="document.body.setAttribute('data-pwned','2')"></svg> with \
    broken <b <i>markup</textarea></title></style><!-- and a 1,000 vote claim -->

    "><script>alert(1)</script> & &amp; <iframe src=//example.invalid></iframe> won 12 seats.
    """

  /// The payload texts that must show as text, never run.
  static let payloads = [
    "<script>document.body.setAttribute('data-pwned','1')</script>",
    "<img src=x onerror=\"document.title='pwned'\">",
    "<a href=\"javascript:document.title='pwned'\">",
  ]

  /// The two articles as a report.
  static func gallery() -> CorpusReport {
    CorpusReport(
      documents: [election(), hostile()],
      errors: [IngestFailure(path: "inbox/<b>broken</b>.txt", reason: "not UTF-8 <script>")],
      coverage: CorpusReport.Coverage(entities: true, claims: true, themes: true))
  }

  /// The fictional election article with entities, one claim per verdict, a claim without a
  /// figure and two themes.
  static func election() -> ReportDocument {
    let document = makeDocument(
      id: "fixtures/borsetshire.txt", text: electionText,
      metadata: Metadata(
        title: "Archer takes Borsetshire", author: "A. Reporter", date: "2024-05-03",
        publication: "The Borsetshire Bugle", url: "https://example.org/borsetshire"))
    var analysis = Analyzer().analyze(document)
    let text = document.text
    analysis.mentions = [
      entity("Borsetshire", "PLACE", "Borsetshire", in: text),
      entity("Jane Archer", "PERSON", "Jane Archer", in: text),
      entity("Progress Party", "PARTY", "Progress Party", in: text),
      entity("Tom Forrest", "PERSON", "Tom Forrest", in: text),
      entity("Heritage Party", "PARTY", "Heritage Party", in: text),
      entity("Felpersham", "PLACE", "Felpersham", in: text),
      entity("Borsetians", "PLACE_ADJ", "Borsetshire", in: text),
      entity("Borsetshire Echo", "ORG", "Borsetshire Echo", in: text),
      entity("Archer", "PERSON", "Jane Archer", in: text, occurrence: 2),
      entity("Forrest", "PERSON", "Tom Forrest", in: text, occurrence: 2),
      entity("Heritage Party", "PARTY", "Heritage Party", in: text, occurrence: 2),
      entity("Archer", "PERSON", "Jane Archer", in: text, occurrence: 3),
      entity("Electoral Commission", "ORG", "Electoral Commission", in: text),
    ].sorted { $0.range.start < $1.range.start }
    analysis.themes = [
      theme("transport", "Transport", score: 12.5), theme("housing", "Housing", score: 9.375),
    ]
    let results = "fixtures/borsetshire_results.csv"
    let turnout = ExactDecimal(mantissa: 376, scale: 1)
    analysis.claims = [
      claim(
        "41,230", sentence: "At the Borsetshire", in: analysis, subject: "Jane Archer",
        measure: .votes, verdict: .accurate, expected: 41230,
        evidence: [
          .init(source: "\(results):2", value: .number(41230), arithmetic: "votes = 41,230")
        ],
        explanation: "Jane Archer won 41,230 votes, as the text says."),
      claim(
        "5,120", sentence: "At the Borsetshire", in: analysis, subject: "Jane Archer",
        measure: .majority, verdict: .inaccurate, expected: 5210,
        evidence: [
          .init(source: "\(results):2", value: .number(41230), arithmetic: "Jane Archer: 41,230"),
          .init(
            source: "\(results):3", value: .number(36020), arithmetic: "41,230 − 36,020 = 5,210"),
        ],
        explanation: "The gap between Archer and Forrest was 5,210 votes, not 5,120."),
      claim(
        "38 per cent", sentence: "Turnout in", in: analysis, subject: "Felpersham",
        measure: .turnout, verdict: .accurateRounded, expected: turnout,
        evidence: [
          .init(
            source: "\(results):5", value: .number(turnout),
            arithmetic: "turnout = 37.6%, rounds to 38%")
        ],
        explanation: "Turnout was 37.6%, which rounds to the 38% the text gives."),
      claim(
        "52 per cent", sentence: "Borsetians had", in: analysis, subject: "Jane Archer",
        measure: .share, attributedTo: "Borsetshire Echo", verdict: .notElectionResult,
        explanation: "A poll, not an election result: listed, not checked."),
      claim(
        "1997", sentence: "Borsetians had", in: analysis, subject: "Heritage Party",
        measure: .votes, attributedTo: "Tom Forrest", verdict: .unverifiable,
        explanation: "No results before 2016 are loaded, so 'best since 1997' cannot be settled."),
      claim(
        "Heritage Party lost control of Felpersham", control: .lost,
        sentence: "The Heritage Party lost", in: analysis, subject: "Heritage Party",
        measure: .councilControl, verdict: .inaccurate, expectedText: "Heritage hold",
        evidence: [
          .init(
            source: "\(results):6", value: .text("Heritage hold"),
            arithmetic: "Felpersham: control before Heritage Party, after Heritage Party")
        ],
        explanation:
          "The Heritage Party kept control of Felpersham: the results record “Heritage hold”."),
    ]
    return ReportDocument(analysis)
  }

  /// The hostile article: entities over the payload, a claim whose text is the payload, a
  /// claim without a figure whose words are a payload, and metadata that tries to close the
  /// title and link to script.
  static func hostile() -> ReportDocument {
    let document = makeDocument(
      id: "../../<script>x</script>", text: hostileText,
      metadata: Metadata(
        title: "</title><script>document.title='pwned'</script>", author: "<b>Mallory</b>",
        date: "2024-05-04", publication: "\"><img src=x onerror=alert(1)>",
        url: "javascript:document.title='pwned'"))
    var analysis = Analyzer().analyze(document)
    let text = document.text
    analysis.mentions = [
      entity("Jane Archer", "PERSON", "Jane \"Archer\" <script>", in: text),
      entity("script>alert(1)</script", "ORG", "<svg onload=alert(1)>", in: text),
    ]
    analysis.themes = [theme("<x>", "<script>alert(1)</script>", score: 1)]
    analysis.claims = [
      claim(
        "<img src=x onerror=\"document.title='pwned'\">", control: .won, sentence: "<img",
        in: analysis, subject: "<b>Heritage</b>", measure: .councilControl,
        verdict: .unverifiable, expectedText: "<script>alert(2)</script>",
        evidence: [
          .init(
            source: "<svg onload=alert(1)>:2", value: .text("<i>NOC</i>"),
            arithmetic: "<a href=\"javascript:alert(2)\">control</a>")
        ],
        explanation: "<img src=x onerror=alert(2)>"),
      claim(
        "12 seats", sentence: "\"><script>", in: analysis, subject: "<script>alert(1)</script>",
        measure: .seats, verdict: .inaccurate, expected: 11,
        evidence: [
          .init(
            source: "<img src=x onerror=alert(1)>:1", value: .number(11),
            arithmetic: "<script>document.title='pwned'</script>")
        ],
        explanation: "<a href=\"javascript:alert(1)\">see</a>"),
    ]
    return ReportDocument(analysis)
  }

  /// A sentence claiming a change of council control, with no figure, as the real pipeline
  /// reads and checks it against the bundled results: what the reports of a claim without a
  /// figure are tested on. `ReportDocument(_:)` is the path every report takes.
  static func councilControl() throws -> (report: CorpusReport, claim: CheckedClaim) {
    let analysis = try councilControlAnalysis.get()
    let claim = try #require(analysis.claims.first, "the pipeline found no claim")
    try #require(claim.claim.figure == nil, "the claim has a figure")
    try #require(analysis.claims.count == 1)
    return (CorpusReport(documents: [ReportDocument(analysis)]), claim)
  }

  /// The text of `councilControl()`.
  static let councilControlText =
    "Labour lost control in Dudley, a reverse that should worry the party.\n"

  private static let councilControlAnalysis = Result {
    try Analyzer.loading(results: [ResultsTestSupport.corpusResults]).analyze(
      makeDocument(
        id: "control.txt", text: councilControlText,
        metadata: Metadata(title: "Dudley", date: "2016-05-07")))
  }

  // MARK: - Building blocks

  static func makeDocument(id: String, text: String, metadata: Metadata) -> Document {
    let source = SourceText(text)
    return Document(
      id: id, path: id, sha256: String(repeating: "0", count: 64), metadata: metadata,
      text: source)
  }

  /// The byte range of the `occurrence`-th (1-based) appearance of `needle`.
  static func range(of needle: String, in text: SourceText, occurrence: Int = 1) -> ByteRange {
    let bytes = text.bytes
    let pattern = Array(needle.utf8)
    var seen = 0
    var start = 0
    while start + pattern.count <= bytes.count {
      if bytes[start..<start + pattern.count].elementsEqual(pattern) {
        seen += 1
        if seen == occurrence { return ByteRange(start, start + pattern.count) }
      }
      start += 1
    }
    preconditionFailure("'\(needle)' occurs fewer than \(occurrence) times")
  }

  private static func entity(
    _ surface: String, _ type: String, _ canonical: String, in text: SourceText,
    occurrence: Int = 1
  ) -> Mention {
    Mention(
      range: range(of: surface, in: text, occurrence: occurrence),
      kind: Mention.Kind(rawValue: type)!, canonical: canonical)
  }

  private static func theme(_ id: String, _ label: String, score: Double) -> ThemeScore {
    ThemeScore(
      theme: id, label: label, score: score, weightedMatches: 1, matches: 1, evidence: [])
  }

  /// A checked claim on the figure whose text starts with `words`, over the sentence starting
  /// with `sentence`; with a `control` change, a claim without a figure whose key words are
  /// `words`.
  private static func claim(
    _ words: String, control: Claim.ControlChange? = nil, sentence: String,
    in analysis: DocumentAnalysis, subject: String?, measure: Claim.Measure,
    attributedTo: String? = nil, verdict rating: Verdict.Rating, expected: ExactDecimal? = nil,
    expectedText: String? = nil, evidence: [Evidence] = [], explanation: String
  ) -> CheckedClaim {
    let text = analysis.document.text
    let wordsRange = range(of: words, in: text)
    var figure: Figure?
    if control == nil {
      figure =
        analysis.figures.first { $0.range.start == wordsRange.start }
        ?? Figure(range: wordsRange, value: 0, unit: nil, kind: .count)
    }
    let keyRange = figure?.range ?? wordsRange
    let start = range(of: sentence, in: text).start
    let sentenceEnd = analysis.tokens.sentences.first { $0.range.contains(start) }?.range.end
    let subject = subject.map { name in
      Claim.EntityReference(
        canonical: name, kind: analysis.mentions.first { $0.canonical == name }?.kind ?? .party,
        range: nil, resolution: .nearest)
    }
    let claim = Claim(
      range: ByteRange(start, max(sentenceEnd ?? keyRange.end, keyRange.end)),
      keyRange: keyRange, figure: figure, subject: subject, measure: measure,
      attribution: attributedTo.map {
        Claim.Attribution(speaker: $0, range: nil, isQuotation: false)
      },
      control: control)
    let verdict = Verdict(
      rating: rating, expected: expected, expectedText: expectedText, evidence: evidence,
      explanation: explanation, election: "borsetshire-mayor-2024")
    return CheckedClaim(claim: claim, verdict: verdict)
  }
}
