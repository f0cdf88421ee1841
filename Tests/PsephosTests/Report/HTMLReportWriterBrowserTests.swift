import Foundation
import Testing

@testable import Psephos

/// Opens `report.html` in headless Chromium, as a reader would, and checks what the browser
/// built: entities highlighted, verdict badges, evidence reachable, and nothing from a hostile
/// article run. Screenshots go to `.build/browser/` for a person to look at.
///
/// Skipped, saying why, when Chromium is not installed (`apt-get install -y chromium`); CI
/// installs it. The hostile inputs live in `Tests/Browser/hostile/`.
@Suite(
  .serialized,
  .enabled(
    if: Chromium.isInstalled,
    "chromium is not installed: apt-get install -y chromium (or set PSEPHOS_CHROMIUM)"))
struct HTMLReportWriterBrowserTests {
  static let hostileFolder = PsephosProcess.packageRoot.appendingPathComponent(
    "Tests/Browser/hostile")

  /// The checks below would notice a payload that ran: the same payloads in a page written
  /// without escaping do change the title and the body.
  @Test func harnessSeesAPayloadThatRuns() throws {
    let folder = try TemporaryFolder()
    let page = try folder.write(
      """
      <!DOCTYPE html><html><head><title>clean</title></head><body>
      <script>document.body.setAttribute('data-pwned','1')</script>
      <img src=x onerror="document.title='pwned'">
      </body></html>
      """, to: "unsafe.html")
    let dom = try Chromium.dumpDOM(of: page)
    #expect(dom.contains("data-pwned=\"1\""))
    #expect(dom.contains("<title>pwned</title>"))
  }

  @Test func hostileArticlesRunNothingAndShowTheirPayloadAsText() throws {
    let folder = try TemporaryFolder()
    for name in ["hostile-article.txt", "hostile-records.jsonl"] {
      let bytes = try Data(contentsOf: Self.hostileFolder.appendingPathComponent(name))
      try folder.write([UInt8](bytes), to: "inbox/\(name)")
    }
    let result = try PsephosProcess.run(
      ["analyse", "inbox", "--out", "reports", "--quiet"], in: folder.url)
    #expect(result.status == 0, "\(result.error)")
    let page = folder.url.appendingPathComponent("reports/report.html")
    let dom = try Chromium.dumpDOM(of: page)

    #expect(dom.contains("<title>Psephos report: 3 documents</title>"))
    Self.expectNothingRan(dom)
    let text = HTMLReportWriterTests.withoutTags(dom)
    for payload in [
      "&lt;script&gt;document.body.setAttribute('data-pwned','1')&lt;/script&gt;",
      "&lt;img src=x onerror=\"document.title='pwned'\"&gt;",
      "&lt;/textarea&gt;&lt;/title&gt;&lt;/style&gt;",
      "&lt;base href=\"javascript:/\"&gt;",
      "javascript:document.title='pwned'",
    ] {
      #expect(text.contains(payload), "payload not shown as text: \(payload)")
    }
    try Chromium.screenshot(
      of: page, to: Chromium.screenshotFolder.appendingPathComponent("hostile.png"),
      height: 1600)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
        "inbox", "reports",
      ])
  }

  @Test func galleryShowsEntityChipsVerdictBadgesAndReachableEvidence() throws {
    try FileManager.default.createDirectory(
      at: Chromium.screenshotFolder, withIntermediateDirectories: true)
    let page = Chromium.screenshotFolder.appendingPathComponent("gallery.html")
    try Data(HTMLReportWriter().write(ReportFixtures.gallery()).utf8).write(to: page)
    let dom = try Chromium.dumpDOM(of: page)

    Self.expectNothingRan(dom)
    let chips = dom.components(separatedBy: "<mark class=\"ent ").count - 1
    #expect(chips >= 15, "entity chips in text and legend, found \(chips)")
    for type in ["person", "party", "place", "place-adj", "org"] {
      #expect(dom.contains("<mark class=\"ent \(type)\""), "no \(type) chip")
    }
    #expect(dom.contains("<span class=\"tag\">PERSON</span>"))
    for verdict in Verdict.Rating.allCases {
      #expect(dom.contains("<span class=\"badge v-\(verdict.rawValue)\">"), "no \(verdict) badge")
    }
    let ids = Set(HTMLReportWriterTests.matches(of: " id=\"", in: dom))
    for target in HTMLReportWriterTests.matches(of: "href=\"#", in: dom) {
      #expect(ids.contains(target), "link to missing #\(target)")
    }
    let claim = try #require(
      dom.range(of: "<details class=\"claim v-inaccurate\" id=\"d1-c2\">"),
      "the inaccurate claim's details element")
    let rest = dom[claim.upperBound...]
    let end = try #require(rest.range(of: "</details>"))
    let body = rest[..<end.lowerBound]
    #expect(body.contains("<summary>"))
    #expect(body.contains("<ol class=\"evidence\""))
    #expect(body.contains("41,230 − 36,020 = 5,210"))
    try Chromium.screenshot(
      of: page, to: Chromium.screenshotFolder.appendingPathComponent("gallery.png"))
  }

  /// The DOM Chromium built holds only the writer's own elements and attributes: no script,
  /// no event handler, no `data-pwned` mark, and the title unchanged.
  static func expectNothingRan(_ dom: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!dom.contains("<title>pwned</title>"), sourceLocation: sourceLocation)
    for tag in HTMLReportWriterTests.openingTags(in: dom) {
      #expect(
        HTMLReportWriterTests.allowedElements.contains(tag.name),
        "element <\(tag.name)> in the DOM", sourceLocation: sourceLocation)
      for attribute in tag.attributes {
        #expect(
          HTMLReportWriterTests.allowedAttributes.contains(attribute),
          "attribute \(attribute) on <\(tag.name)> in the DOM", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func bundledCorpusReportRendersWithEveryFigureMarkedAndEveryClaimBadged() throws {
    let folder = try TemporaryFolder()
    let result = try PsephosProcess.run(
      ["analyse", "Corpus/articles", "--out", folder.url.appendingPathComponent("out").path, "-q"],
      in: PsephosProcess.packageRoot)
    #expect(result.status == 0, "\(result.error)")
    let page = folder.url.appendingPathComponent("out/report.html")
    let dom = try Chromium.dumpDOM(of: page)
    let report = try JSONSerialization.jsonObject(
      with: Data(contentsOf: folder.url.appendingPathComponent("out/report.json")))
    let documents = (report as? [String: Any])?["documents"] as? [[String: Any]] ?? []
    let figures = documents.reduce(0) { $0 + (($1["figures"] as? [Any])?.count ?? 0) }
    let marked = dom.components(separatedBy: " class=\"fig").count - 1
    let legends = dom.components(separatedBy: "<span class=\"fig\">figure</span>").count - 1
    #expect(figures > 0)
    #expect(marked - legends == figures, "every figure marked once in the text")
    let claims = documents.flatMap { $0["claims"] as? [[String: Any]] ?? [] }
    let figureless = claims.filter { $0["figure"] is NSNull }.count
    let badges = dom.components(separatedBy: " class=\"vb\"").count - 1
    let details = dom.components(separatedBy: "<details class=\"claim ").count - 1
    #expect(figureless > 0, "the corpus has claims without a figure (council control)")
    #expect(badges == claims.count, "one verdict badge in the text per checked claim")
    #expect(details == claims.count, "one details element in the claims panel per claim")
    #expect(
      dom.components(separatedBy: "<span class=\"key ").count - 1 == figureless,
      "the words of each claim without a figure marked")
    #expect(dom.contains("<svg class=\"chart\""))
    try Chromium.screenshot(
      of: page, to: Chromium.screenshotFolder.appendingPathComponent("corpus.png"))
  }
}
