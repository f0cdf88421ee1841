import Foundation
import Testing

@testable import Psephos

/// The required claims of the gold annotations (Tests/Gold/*.json) against the whole pipeline on
/// the bundled articles and results: each found with the gold subject, measure and comparison,
/// with a sensible verdict whose evidence is read from the results files.
@Suite struct ClaimGoldTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// One gold claim.
  struct GoldClaim: CustomStringConvertible, Sendable {
    var file: String
    var keyPhrase: String
    var keySpan: Range<Int>
    var figureSpans: [Range<Int>]
    var subject: String
    var comparedWith: String?
    var measure: String
    var election: String

    var description: String { "\(file): \(keyPhrase)" }
  }

  static let required: [GoldClaim] = {
    let folder = packageRoot.appendingPathComponent("Tests/Gold")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var claims: [GoldClaim] = []
    for name in files.sorted() where name.hasSuffix(".json") {
      guard
        let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let file = object["file"] as? String, let entries = object["claims"] as? [[String: Any]]
      else { continue }
      for entry in entries where entry["required"] as? Bool == true {
        let spans = (entry["figure_spans"] as? [[Int]] ?? []).map { $0[0]..<$0[1] }
        claims.append(
          GoldClaim(
            file: file, keyPhrase: entry["key_phrase"] as! String,
            keySpan: (entry["key_start"] as! Int)..<(entry["key_end"] as! Int),
            figureSpans: spans, subject: entry["subject"] as! String,
            comparedWith: entry["compared_with"] as? String, measure: entry["measure"] as! String,
            election: entry["election"] as! String))
      }
    }
    return claims
  }()

  /// The checked claims of each bundled article, as `psephos check` makes them.
  static let checked: [String: (SourceText, [CheckedClaim])] = {
    do {
      let store = try ResultsStore(
        loading: [packageRoot.appendingPathComponent("Corpus/results").path])
      let analyzer = Analyzer(knowledge: try Knowledge(addingNamesFrom: store), results: store)
      var result: [String: (SourceText, [CheckedClaim])] = [:]
      for claim in required where result[claim.file] == nil {
        let path = packageRoot.appendingPathComponent("Corpus/articles/\(claim.file)").path
        let text = SourceText(try String(contentsOfFile: path, encoding: .utf8))
        let document = Document(id: claim.file, path: path, sha256: "", text: text)
        result[claim.file] = (text, analyzer.analyze(document).claims)
      }
      return result
    } catch {
      preconditionFailure("bundled data unreadable: \(error)")
    }
  }()

  /// The measure a gold description names, read from its words.
  static func measure(_ description: String) -> Set<Claim.Measure> {
    let words = description.lowercased()
    if words.contains("control") { return [.councilControl] }
    if words.contains("years") && words.contains("held") { return [.tenure] }
    if words.contains("share") { return [.share] }
    if words.contains("councillors") { return [.councillorChange, .councillors] }
    if words.contains("council seats") { return [.seatChange] }
    if words.contains("vote") { return [.votes] }
    return []
  }

  @Test func theGoldHasRequiredClaimsForEachArticle() {
    #expect(Set(Self.required.map(\.file)).count == 3)
    #expect(Self.required.count == 14)
  }

  @Test(arguments: required)
  func findsTheRequiredClaimWithItsSubjectMeasureAndComparison(gold: GoldClaim) throws {
    let (text, claims) = try #require(Self.checked[gold.file])
    let found = claims.filter { checked in
      let claim = checked.claim
      if let figure = claim.figure {
        return gold.figureSpans.contains(text.codePointRange(figure.range))
      }
      return gold.figureSpans.isEmpty && text.codePointRange(claim.keyRange).overlaps(gold.keySpan)
    }
    let match = try #require(
      found.first { $0.claim.subject?.canonical == gold.subject },
      "no claim with subject \(gold.subject) among \(found.map { $0.claim.subject?.canonical ?? "-" })"
    )
    let claim = match.claim
    #expect(Self.measure(gold.measure).contains(claim.measure), "measure \(claim.measure)")
    #expect(claim.comparedWith?.entity?.canonical == gold.comparedWith)
    #expect(claim.category == .electionResult)
    if claim.role == .period {
      #expect(match.verdict.rating == .unverifiable)
    } else {
      #expect(
        [.accurate, .accurateRounded, .inaccurate].contains(match.verdict.rating),
        "\(match.verdict.rating): \(match.verdict.explanation)")
    }
    #expect(!match.verdict.explanation.isEmpty)
    if gold.election.contains("inferred") {
      #expect(match.verdict.isElectionInferred)
      #expect(match.verdict.explanation.contains("does not name"))
    }
    try Self.checkEvidence(match.verdict)
  }

  /// Every evidence step that cites one record gives a value written on that line of the file.
  static func checkEvidence(_ verdict: Verdict) throws {
    for step in verdict.evidence where !step.source.contains(";") {
      let parts = step.source.split(separator: ":")
      let path = String(parts[0])
      let line = try #require(Int(parts[1]))
      let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
      let row = lines[line - 1]
      switch step.value {
      case .number(let number):
        let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(
          fields.contains(number.description) || step.arithmetic.contains(" = "),
          "\(number) not on \(step.source)")
      case .text(let words):
        #expect(
          row.contains(words)
            || row.contains(words.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)),
          "\(words) not on \(step.source)")
      }
    }
  }

  @Test func givesTheGoldVerdictsForTheLondonMayoralFigures() throws {
    let (text, claims) = try #require(Self.checked["000_8cbc4ebb48ef6d6a.txt"])
    func verdict(_ figure: String) throws -> Verdict {
      try #require(claims.first { $0.claim.figure.map { text.string($0.range) } == figure }).verdict
    }
    // Values are compared with the results files, not typed here.
    let mayor = try ResultsStore(
      loading: [Self.packageRoot.appendingPathComponent("Corpus/results").path])
    let goldsmith = try #require(
      mayor.records(
        matching: ResultsQuery(
          election: "london-mayor-2016", candidate: "Goldsmith", round: "second")
      ).first?.votes)
    let conservatives = try #require(
      mayor.records(
        matching: ResultsQuery(election: "uk-general-2015", party: "Con", area: "London")
      ).first?.votes)
    let labour = try #require(
      mayor.records(
        matching: ResultsQuery(election: "uk-general-2015", party: "Lab", area: "London")
      ).first?.votes)
    #expect(try verdict("994,614").expected == ExactDecimal(goldsmith))
    #expect(try verdict("238,000").rating == .accurateRounded)
    #expect(try verdict("238,000").expected == ExactDecimal(conservatives - goldsmith))
    #expect(try verdict("238,000").explanation.contains("truncated"))
    // The results file records that another source prints the article's Labour figure: the
    // sources disagree, so the article is not called wrong, and both figures are given.
    let exact = try verdict("1,545,080")
    #expect(exact.rating == .accurate)
    #expect(exact.expected == ExactDecimal(labour))
    #expect(exact.explanation.contains("CHECK vs article figure 1,545,080"))
    #expect(exact.explanation.contains("the record used gives \(ExactDecimal(labour).grouped)"))
    #expect(try verdict("60,000").count == "final round (after second preferences)")
  }
}
