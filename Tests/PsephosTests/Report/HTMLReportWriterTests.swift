import Foundation
import Testing

@testable import Psephos

@Suite struct HTMLReportWriterTests {
  static let page = HTMLReportWriter().write(ReportFixtures.gallery())

  @Test(arguments: [
    ("<script>", "&lt;script&gt;"),
    ("a & b", "a &amp; b"),
    ("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"),
    ("<\u{301}script>", "&lt;\u{301}script&gt;"),
    ("nul\u{0}bell\u{7}", "nul\u{FFFD}bell\u{FFFD}"),
    ("tab\tand\nline", "tab\tand\nline"),
  ])
  func escapesEveryCharacterThatCouldBecomeMarkup(text: String, escaped: String) {
    #expect(HTMLEscaping.escape(text) == escaped)
  }

  /// The only elements and attributes the page may contain; anything else came from input.
  static let allowedElements: Set<String> = [
    "!doctype", "html", "head", "meta", "title", "style", "body", "header", "main", "footer",
    "section", "article", "aside", "nav", "div", "p", "h1", "h2", "h3", "span", "mark", "a", "q",
    "code", "figure", "figcaption", "ol", "ul", "li", "details", "summary", "blockquote", "dl",
    "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "svg", "g", "rect", "text", "tspan",
  ]
  static let allowedAttributes: Set<String> = [
    "lang", "charset", "http-equiv", "content", "name", "class", "id", "href", "rel", "title",
    "aria-label", "aria-labelledby", "viewbox", "width", "height", "role", "xmlns", "x", "y",
    "rx", "text-anchor",
  ]

  @Test func pageHasOnlyItsOwnElementsAndAttributesAndAStrictPolicy() {
    for tag in Self.openingTags(in: Self.page) {
      #expect(Self.allowedElements.contains(tag.name), "element <\(tag.name)> from input")
      for attribute in tag.attributes {
        #expect(
          Self.allowedAttributes.contains(attribute), "attribute \(attribute) on <\(tag.name)>")
      }
    }
    #expect(!Self.page.lowercased().contains("href=\"javascript:"))
    #expect(Self.page.contains("Content-Security-Policy"))
    #expect(Self.page.contains("default-src 'none'; style-src 'unsafe-inline'; img-src data:"))
  }

  /// Every opening tag: its lower-case name and attribute names. The writer escapes every `<`
  /// of text, so each `<` followed by a letter or `!` starts a tag. The style sheet is skipped.
  static func openingTags(in html: String) -> [(name: String, attributes: [String])] {
    var tags: [(String, [String])] = []
    var rest = Substring(html)
    if let styleStart = rest.range(of: "<style>"), let styleEnd = rest.range(of: "</style>") {
      rest = rest[..<styleStart.upperBound] + rest[styleEnd.lowerBound...]
    }
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      guard let first = rest.first, first.isLetter || first == "!" else { continue }
      let end = rest.firstIndex(of: ">") ?? rest.endIndex
      let inside = rest[..<end]
      let name = inside.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
      var attributes: [String] = []
      var scan = inside.dropFirst(name.count)
      while let equals = scan.firstIndex(of: "=") {
        let attribute = scan[..<equals].split(whereSeparator: \.isWhitespace).last ?? ""
        attributes.append(attribute.lowercased())
        scan = scan[scan.index(after: equals)...]
        if scan.first == "\"", let close = scan.dropFirst().firstIndex(of: "\"") {
          scan = scan[scan.index(after: close)...]
        }
      }
      if name != "!doctype" {
        let bare = scan.split(whereSeparator: \.isWhitespace).filter { $0 != "/" }
        attributes += bare.map { $0.lowercased() }
      }
      tags.append((name, attributes))
      rest = rest[end...]
    }
    return tags
  }

  @Test func hostilePayloadsAppearAsEscapedText() {
    let text = Self.withoutTags(Self.page)
    for payload in ReportFixtures.payloads {
      #expect(text.contains(HTMLEscaping.escape(payload)), "missing \(payload)")
    }
    #expect(Self.page.contains("&lt;/title&gt;&lt;script&gt;document.title=&#39;pwned&#39;"))
  }

  @Test func onlyWebURLsBecomeLinks() {
    #expect(Self.page.contains("<a href=\"https://example.org/borsetshire\""))
    #expect(
      Self.page.contains("<span class=\"mono\">javascript:document.title=&#39;pwned&#39;</span>"))
    #expect(HTMLReportWriter.isWebURL("HTTPS://example.org"))
    #expect(!HTMLReportWriter.isWebURL(" javascript:alert(1)"))
    #expect(!HTMLReportWriter.isWebURL("data:text/html,<script>"))
  }

  @Test func entitiesAreChipsLabelledWithTheirType() {
    #expect(
      Self.page.contains(
        "<mark class=\"ent person\" title=\"PERSON\">Jane Archer<span class=\"tag\">PERSON</span></mark>"
      ))
    #expect(
      Self.page.contains(
        "<mark class=\"ent place-adj\" title=\"PLACE_ADJ: Borsetshire\">Borsetians<span class=\"tag\">PLACE ADJ</span></mark>"
      ))
    #expect(
      HTMLReportWriter.entityClass("EVENT") == "other", "an unknown type gets the neutral colour")
  }

  @Test func everyClaimHasABadgeAndItsEvidenceInADetailsElement() {
    for verdict in Verdict.Rating.allCases {
      #expect(Self.page.contains("<span class=\"badge v-\(verdict.rawValue)\">"), "\(verdict)")
    }
    #expect(Self.page.contains("<details class=\"claim v-inaccurate\" id=\"d1-c2\">"))
    #expect(Self.page.contains("<li><code>fixtures/borsetshire_results.csv:3</code>"))
    #expect(Self.page.contains("41,230 − 36,020 = 5,210"))
  }

  @Test func claimWithoutAFigureHasABadgeOnItsWordsAndItsEvidenceInADetailsElement() throws {
    let (report, checked) = try ReportFixtures.councilControl()
    let page = HTMLReportWriter().write(report)
    let text = report.documents[0].document.text
    let words = HTMLEscaping.escape(text.string(checked.claim.keyRange))
    let rating = checked.verdict.rating.rawValue
    let badge =
      "<a class=\"vb\" href=\"#d1-c1\">\(HTMLReportWriter.icon(checked.verdict.rating)) \(rating)</a>"
    let open = try #require(
      page.range(of: "<span class=\"key v-\(rating)\" id=\"d1-k1\""), "the claim's words marked")
    let end = try #require(
      page[open.upperBound...].range(of: badge + "</span>"), "a badge ending the claim's words")
    var shown = Self.withoutTags(
      String(page[open.upperBound..<end.lowerBound].drop { $0 != ">" }.dropFirst()))
    for entity in report.documents[0].entities {
      shown = shown.replacingOccurrences(
        of: HTMLReportWriter.entityLabel(entity.kind.rawValue), with: "")
    }
    #expect(shown == words, "the mark covers the claim's words, entity chips inside it")
    let details = try #require(
      page.range(of: "<details class=\"claim v-\(rating)\" id=\"d1-c1\">"), "the claim's details")
    let body = page[details.upperBound...]
    let close = try #require(body.range(of: "</details>"))
    let claim = body[..<close.lowerBound]
    #expect(claim.contains("<span class=\"what\">\(words)</span>"))
    try #require(checked.claim.control == .lost)
    let subject = try #require(checked.claim.subject?.canonical)
    let place = try #require(checked.claim.election.place)
    #expect(
      claim.contains(
        "<dt>Claimed</dt><dd>\(HTMLEscaping.escape("\(subject) lost control of \(place)"))</dd>"))
    let expected = try #require(checked.verdict.expectedText)
    #expect(claim.contains("<dt>Results say</dt><dd>\(HTMLEscaping.escape(expected))</dd>"))
    let source = try #require(checked.verdict.evidence.first?.source)
    #expect(claim.contains("<li><code>\(HTMLEscaping.escape(source))</code>"))
  }

  @Test func everyClaimHasExactlyOneBadgeInTheText() {
    let claims = ReportFixtures.gallery().documents.reduce(0) { $0 + $1.analysis.claims.count }
    #expect(Self.page.components(separatedBy: " class=\"vb\"").count - 1 == claims)
  }

  @Test func wordsOfAHostileClaimWithoutAFigureAreEscapedInTheTextAndTooltip() {
    #expect(
      Self.page.contains(
        "<span class=\"key v-unverifiable\" id=\"d2-k1\" title=\"council-control · unverifiable, "
          + "results say &lt;script&gt;alert(2)&lt;/script&gt;\">&lt;img src=x onerror="))
    #expect(Self.page.contains("<span class=\"num\">&lt;i&gt;NOC&lt;/i&gt;</span>"))
  }

  @Test func aCheckedFigureLinksToItsClaimAndEveryLinkHasATarget() throws {
    #expect(Self.page.contains("<a class=\"fig v-inaccurate\" id=\"d1-f2\" href=\"#d1-c2\""))
    let ids = Set(Self.matches(of: " id=\"", in: Self.page))
    for target in Self.matches(of: "href=\"#", in: Self.page) {
      #expect(ids.contains(target), "no element with id \(target)")
    }
  }

  @Test func overviewChartsShowEntitiesVerdictsAndThemes() {
    #expect(Self.page.contains("aria-label=\"Most mentioned entities\""))
    #expect(Self.page.contains("aria-label=\"Claims by verdict\""))
    #expect(Self.page.contains("aria-label=\"Documents per theme\""))
    #expect(Self.page.contains("<rect class=\"fill-person\""))
    #expect(!Self.page.contains("not part of this build"))
  }

  @Test func saysWhatTheBuildDoesNotExtractRatherThanNoneFound() {
    var report = ReportFixtures.gallery()
    report.coverage = CorpusReport.Coverage(entities: false, claims: false, themes: false)
    report.documents = report.documents.map {
      var analysis = $0.analysis
      analysis.mentions = []
      analysis.themes = []
      analysis.claims = []
      return ReportDocument(analysis)
    }
    report.index = ReportIndex(report.documents)
    let page = HTMLReportWriter().write(report)
    #expect(page.contains("Entity extraction is not part of this build yet"))
    #expect(page.contains("Claim checking is not part of this build yet"))
  }

  @Test func overlappingSpansNestAndSplitWithoutLosingText() {
    let text = SourceText("Jane Archer won 41,230 votes.")
    let markup = HTMLTextMarkup(text: text, paragraphs: [ByteRange(0, text.bytes.count)])
    let html = markup.html(marks: [
      .init(range: ByteRange(0, 11), open: "<m>", continued: "<m+>", close: "</m>", tail: "[P]"),
      .init(range: ByteRange(5, 15), open: "<x>", continued: "<x+>", close: "</x>", tail: "[X]"),
      .init(range: ByteRange(16, 28), open: "<f>", close: "</f>", tail: "[F]"),
    ])
    #expect(
      html == "<p><m>Jane <x>Archer</x>[P]</m><x+> won[X]</x> <f>41,230 votes[F]</f>.</p>\n")
  }

  @Test func sameInputGivesTheSameBytes() {
    #expect(HTMLReportWriter().write(ReportFixtures.gallery()) == Self.page)
  }

  /// The page with every tag removed: its text, still escaped.
  static func withoutTags(_ html: String) -> String {
    var out = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        out.append(character)
      }
    }
    return out
  }

  /// The values after each occurrence of `prefix` up to the next `"`.
  static func matches(of prefix: String, in text: String) -> [String] {
    text.components(separatedBy: prefix).dropFirst().compactMap {
      $0.split(separator: "\"", maxSplits: 1).first.map(String.init)
    }
  }
}
