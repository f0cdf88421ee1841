import Foundation
import Testing

@testable import Psephos

/// Runs the built `psephos check` on temporary folders and on the bundled corpus.
@Suite struct CheckEndToEndTests {
  private static let article = """
    Across Testville, Ann Able (550,000) got 684,000 fewer votes than Labour (1,234,567).
    Labour polled 1,234,700 votes in Testville in 2019. A YouGov poll puts Labour on 39%.

    """

  private func folderWithArticleAndResults() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write(Self.article, to: "articles/testville.txt")
    try folder.write(Synthetic.csv, to: "results.csv")
    return folder
  }

  @Test func printsEachClaimWithVerdictExpectedValueEvidenceAndExplanation() throws {
    let folder = try folderWithArticleAndResults()
    let result = try PsephosProcess.run(
      ["check", "articles", "--results", "results.csv"], in: folder.url)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.hasPrefix("== testville.txt: "))
    for expected in [
      "[accurate-rounded] Ann Able (550,000) got 684,000 fewer votes than Labour",
      "expected 684,567", "results.csv:", "truncated to the thousand",
      "[inaccurate] Labour polled 1,234,700 votes", "expected 1,234,567",
      "[not-election-result]", "category poll",
    ] {
      #expect(result.output.contains(expected), "missing \(expected)")
    }
  }

  @Test func writesTheClaimObjectsOfTheContractAsJSON() throws {
    let folder = try folderWithArticleAndResults()
    let result = try PsephosProcess.run(
      ["check", "--format", "json", "--results", "results.csv", "articles"], in: folder.url)
    #expect(result.status == 0, "\(result.error)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(report["schema"] as? String == "psephos/1")
    #expect((report["errors"] as? [Any])?.isEmpty == true)
    let documents = try #require(report["documents"] as? [[String: Any]])
    let claims = try #require(documents.first?["claims"] as? [[String: Any]])
    let scalars = Array(Self.article.unicodeScalars)
    func slice(_ object: [String: Any]) throws -> String {
      let start = try #require(object["start"] as? Int)
      let end = try #require(object["end"] as? Int)
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[start..<end])
      return String(view)
    }
    for claim in claims {
      for key in [
        "start", "end", "text", "figure", "subject", "measure", "election", "verdict",
        "expected", "evidence", "explanation",
      ] {
        #expect(claim.keys.contains(key), "claim without \(key)")
      }
      #expect(try slice(claim) == claim["text"] as? String)
      let figure = try #require(claim["figure"] as? [String: Any])
      #expect(try slice(figure) == figure["text"] as? String)
      for key in ["value", "unit", "kind", "hedge"] { #expect(figure.keys.contains(key)) }
    }
    let gap = try #require(
      claims.first { ($0["figure"] as? [String: Any])?["text"] as? String == "684,000" })
    #expect(gap["verdict"] as? String == "accurate-rounded")
    #expect(gap["subject"] as? String == "Ann Able")
    #expect(gap["compared_with"] as? String == "Labour Party")
    #expect(gap["election"] as? String == "mayor-2020")
    #expect((gap["expected"] as? NSNumber)?.intValue == 684_567)
    let evidence = try #require(gap["evidence"] as? [[String: Any]])
    #expect(evidence.count == 3)
    #expect(evidence.allSatisfy { ($0["source"] as? String)?.contains("results.csv:") == true })
    #expect((evidence.last?["arithmetic"] as? String)?.hasSuffix("= 684,567") == true)
  }

  @Test func exitsWithOneWhenAskedToFailOnAnInaccurateClaim() throws {
    let folder = try folderWithArticleAndResults()
    let result = try PsephosProcess.run(
      ["check", "articles", "--results", "results.csv", "--fail-on", "inaccurate", "--quiet"],
      in: folder.url)
    #expect(result.status == 1)
  }

  @Test func exitsWithThreeWhenTheResultsCannotBeRead() throws {
    let folder = try folderWithArticleAndResults()
    let result = try PsephosProcess.run(
      ["check", "articles", "--results", "missing.csv"], in: folder.url)
    #expect(result.status == 3)
    #expect(result.error.contains("missing.csv"))
    #expect(result.output.isEmpty)
  }

  @Test func checksTheBundledCorpusByDefault() throws {
    let result = try PsephosProcess.run(
      ["check", "--format", "json"], in: PsephosProcess.packageRoot)
    #expect(result.status == 0, "\(result.error)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let documents = try #require(report["documents"] as? [[String: Any]])
    #expect(documents.count == 3)
    let claims = documents.flatMap { $0["claims"] as? [[String: Any]] ?? [] }
    let goldsmith = try #require(
      claims.first { ($0["figure"] as? [String: Any])?["text"] as? String == "994,614" })
    #expect(goldsmith["verdict"] as? String == "accurate")
    #expect(goldsmith["attributed_to"] as? String == "Tim Shipman")
    let file = "Corpus/results/london_mayor_2000_2016.csv"
    let lines = try String(
      contentsOf: PsephosProcess.packageRoot.appendingPathComponent(file), encoding: .utf8
    ).components(separatedBy: "\r\n")
    let line = try #require(
      lines.firstIndex {
        $0.hasPrefix("london-mayor-2016,") && $0.contains(",second,Zac Goldsmith,")
      })
    #expect(
      (goldsmith["evidence"] as? [[String: Any]])?.first?["source"] as? String
        == "\(file):\(line + 1)")
  }

  @Test func writesClaimsAsCSVAndMarkdownForEditors() throws {
    let folder = try folderWithArticleAndResults()
    let csv = try PsephosProcess.run(
      ["check", "articles", "--results", "results.csv", "--format", "csv"], in: folder.url)
    #expect(csv.status == 0, "\(csv.error)")
    let rows = csv.output.components(separatedBy: "\r\n")
    #expect(rows.first?.hasPrefix("document,start,end,figure,value,unit,subject,measure") == true)
    #expect(rows.contains { $0.contains(",inaccurate,1234567,") })
    let markdown = try PsephosProcess.run(
      ["check", "articles", "--results", "results.csv", "--format", "md"], in: folder.url)
    #expect(markdown.status == 0)
    #expect(markdown.output.hasPrefix("# Psephos report"))
    #expect(markdown.output.contains("**inaccurate**"))
  }
}
