import Foundation

extension HTMLReportWriter {
  /// One document: header, marked-up text, and an aside with its claims, figures and findings.
  func article(
    _ document: ReportDocument, number: Int, coverage: CorpusReport.Coverage
  ) -> String {
    let anchor = "d\(number)"
    var out = "<article class=\"doc\" id=\"\(anchor)\">\n<header>\n"
    if document.displayTitle != document.document.id {
      out += "<p class=\"doc-id mono\">"
      HTMLEscaping.append(document.document.id, to: &out)
      out += "</p>\n"
    }
    out += "<h2>"
    HTMLEscaping.append(document.displayTitle, to: &out)
    out += "</h2>\n"
    out += byline(document.document.metadata)
    var stats = [
      ReportNumber.plural(
        document.analysis.tokens.tokens.filter { $0.kind == .word }.count, "word"),
      ReportNumber.plural(document.figures.count, "figure"),
    ]
    if coverage.entities {
      stats.append(ReportNumber.plural(document.entities.count, "entity mention"))
    }
    if coverage.claims { stats.append(ReportNumber.plural(document.claims.count, "claim")) }
    out += "<p class=\"doc-stats\">\(stats.joined(separator: " · "))</p>\n"
    if !document.themes.isEmpty {
      out += "<ul class=\"themes\" aria-label=\"Themes\">"
      for theme in document.themes {
        out += "<li>"
        HTMLEscaping.append(theme.label, to: &out)
        out += "<span class=\"score\">\(ReportNumber.fixed(theme.score, places: 1))</span></li>"
      }
      out += "</ul>\n"
    }
    out += "</header>\n<div class=\"doc-body\">\n<div class=\"text\">\n"
    out += legend(document)
    out += text(document, anchor: anchor)
    out += "</div>\n<aside>\n"
    out += claims(document, anchor: anchor, coverage: coverage)
    out += figures(document, anchor: anchor)
    out += findings(document)
    out += "</aside>\n</div>\n</article>\n"
    return out
  }

  /// Author, date, publication and a link to the original (only for http and https URLs).
  private func byline(_ metadata: Metadata) -> String {
    var parts: [String] = []
    if let author = metadata.author, !author.isEmpty {
      parts.append("By " + HTMLEscaping.escape(author))
    }
    if let date = metadata.date, !date.isEmpty { parts.append(HTMLEscaping.escape(date)) }
    if let publication = metadata.publication, !publication.isEmpty {
      parts.append(HTMLEscaping.escape(publication))
    }
    if let url = metadata.url, !url.isEmpty {
      if Self.isWebURL(url) {
        parts.append(
          "<a href=\"\(HTMLEscaping.escape(url))\" rel=\"noopener noreferrer nofollow\">source</a>")
      } else {
        parts.append("<span class=\"mono\">\(HTMLEscaping.escape(url))</span>")
      }
    }
    guard !parts.isEmpty else { return "" }
    return "<p class=\"byline\">\(parts.joined(separator: " · "))</p>\n"
  }

  /// Whether a URL is safe to link: `http:` or `https:` (any case) with nothing before the
  /// scheme, so `javascript:`, `data:` and the like are shown as text instead.
  static func isWebURL(_ url: String) -> Bool {
    let lower = url.lowercased()
    return lower.hasPrefix("https://") || lower.hasPrefix("http://")
  }

  /// The entity types present, as chips, and a sample figure.
  private func legend(_ document: ReportDocument) -> String {
    var chips = entityChips(document.entities.map(\.kind.rawValue))
    if !document.figures.isEmpty { chips += "<span class=\"fig\">figure</span>" }
    return legend(chips: chips) + "\n"
  }

  /// The document's text with entity chips, figure marks and a verdict badge for every claim:
  /// on its figure, which links to the claim, or for a claim without a figure on the words
  /// that make it ("Labour lost control in Dudley"), whose badge links to the claim.
  private func text(_ document: ReportDocument, anchor: String) -> String {
    let source = document.document.text
    var paragraphs = document.analysis.tokens.paragraphs.map(\.range)
    if paragraphs.isEmpty && !source.bytes.isEmpty {
      paragraphs = [ByteRange(0, source.bytes.count)]
    }
    guard !paragraphs.isEmpty else { return "<p class=\"empty\">The document has no text.</p>\n" }
    var marks: [HTMLTextMarkup.Mark] = []
    for entity in document.entities {
      let type = HTMLEscaping.escape(Self.entityLabel(entity.kind.rawValue))
      var title = entity.kind.rawValue
      if entity.canonical != source.string(entity.range) { title += ": " + entity.canonical }
      if entity.isMetonymy { title += " (standing for \(entity.refersTo ?? "an institution"))" }
      let open =
        "<mark class=\"ent \(Self.entityClass(entity.kind.rawValue))\" title=\"\(HTMLEscaping.escape(title))\">"
      marks.append(
        HTMLTextMarkup.Mark(
          range: entity.range, open: open, close: "</mark>",
          tail: "<span class=\"tag\">\(type)</span>"))
    }
    var claimsByRange: [ByteRange: [NumberedClaim]] = [:]
    for (index, checked) in document.claims.enumerated() {
      claimsByRange[checked.markedRange, default: []].append((index + 1, checked))
    }
    var marked = Set<ByteRange>()
    for (index, figure) in document.figures.enumerated() {
      marked.insert(figure.range)
      marks.append(
        figureMark(
          figure, id: "\(anchor)-f\(index + 1)", claims: claimsByRange[figure.range] ?? [],
          anchor: anchor))
    }
    for (index, checked) in document.claims.enumerated()
    where !marked.contains(checked.markedRange) {
      let range = checked.markedRange
      marked.insert(range)
      let claims = claimsByRange[range] ?? []
      if let figure = checked.claim.figure {
        marks.append(
          figureMark(figure, id: "\(anchor)-cf\(index + 1)", claims: claims, anchor: anchor))
      } else {
        marks.append(
          keyMark(range, id: "\(anchor)-k\(index + 1)", claims: claims, anchor: anchor))
      }
    }
    return HTMLTextMarkup(text: source, paragraphs: paragraphs).html(marks: marks)
  }

  /// A claim with its 1-based number in the document, which its anchor (`d1-c2`) uses.
  private typealias NumberedClaim = (number: Int, claim: CheckedClaim)

  /// A figure: a plain mark, or with claims a link to the first, coloured by its verdict, with
  /// a badge per claim.
  private func figureMark(
    _ figure: Figure, id: String, claims: [NumberedClaim], anchor: String
  ) -> HTMLTextMarkup.Mark {
    var title = figure.kind.rawValue + " · " + ReportNumber.valueWithUnit(of: figure)
    if let hedge = figure.hedge { title += " · " + hedge.rawValue }
    guard let first = claims.first else {
      let open = "<span class=\"fig\" id=\"\(id)\" title=\"\(HTMLEscaping.escape(title))\">"
      return HTMLTextMarkup.Mark(range: figure.range, open: open, close: "</span>")
    }
    let verdict = first.claim.verdict.rating.rawValue
    title += " · " + verdictTitle(first.claim)
    let open =
      "<a class=\"fig v-\(verdict)\" id=\"\(id)\" href=\"#\(anchor)-c\(first.number)\" "
      + "title=\"\(HTMLEscaping.escape(title))\">"
    let badges = claims.map { "<span class=\"vb\">\(badgeText($0.claim))</span>" }
    return HTMLTextMarkup.Mark(
      range: figure.range, open: open,
      continued: "<a class=\"fig v-\(verdict)\" href=\"#\(anchor)-c\(first.number)\">",
      close: "</a>", tail: badges.joined())
  }

  /// The words that make claims without a figure, underlined in the first one's verdict
  /// colour, with a badge per claim linking to it. The words are not a link themselves, so a
  /// figure link inside them never nests in another link.
  private func keyMark(
    _ range: ByteRange, id: String, claims: [NumberedClaim], anchor: String
  ) -> HTMLTextMarkup.Mark {
    let first = claims[0].claim
    let verdict = first.verdict.rating.rawValue
    let title = first.claim.measure.rawValue + " · " + verdictTitle(first)
    let badges = claims.map {
      "<a class=\"vb\" href=\"#\(anchor)-c\($0.number)\">\(badgeText($0.claim))</a>"
    }
    return HTMLTextMarkup.Mark(
      range: range,
      open:
        "<span class=\"key v-\(verdict)\" id=\"\(id)\" title=\"\(HTMLEscaping.escape(title))\">",
      continued: "<span class=\"key v-\(verdict)\">", close: "</span>", tail: badges.joined())
  }

  /// A claim's verdict for a tooltip, with what the results say: "inaccurate, results say
  /// 5,210 votes".
  private func verdictTitle(_ checked: CheckedClaim) -> String {
    var title = checked.verdict.rating.rawValue
    if let expected = checked.expectedDescription(inUnit: true) {
      title += ", results say " + expected
    }
    return title
  }

  /// A badge's text: the verdict's sign and name.
  private func badgeText(_ checked: CheckedClaim) -> String {
    "\(Self.icon(checked.verdict.rating)) \(checked.verdict.rating.rawValue)"
  }

  /// A short sign for a verdict, for badges.
  static func icon(_ rating: Verdict.Rating) -> String {
    switch rating {
    case .accurate: "✓"
    case .accurateRounded: "≈"
    case .inaccurate: "✗"
    case .unverifiable: "?"
    case .notElectionResult: "–"
    }
  }

  // MARK: - Aside

  /// Each claim as a `<details>`: the badge, the claim's figure (or the words that make a claim
  /// without one) and what it is about in the summary; the sentence, the value claimed, what
  /// the results say, the explanation and the evidence inside.
  private func claims(
    _ document: ReportDocument, anchor: String, coverage: CorpusReport.Coverage
  ) -> String {
    var out = "<div class=\"block claims\"><h3>Claims</h3>\n"
    guard !document.claims.isEmpty else {
      let empty =
        coverage.claims
        ? "No claims about election results found."
        : "Claim checking is not part of this build yet."
      return out + "<p class=\"empty\">\(empty)</p></div>\n"
    }
    let source = document.document.text
    for (index, checked) in document.claims.enumerated() {
      let verdict = checked.verdict
      let rating = verdict.rating.rawValue
      out += "<details class=\"claim v-\(rating)\" id=\"\(anchor)-c\(index + 1)\">"
      out += "<summary><span class=\"badge v-\(rating)\">\(badgeText(checked))</span>"
      out += "<span class=\"what\">"
      HTMLEscaping.append(source.string(checked.markedRange), to: &out)
      out += "</span>"
      let about = checked.about
      if !about.isEmpty {
        out += "<span class=\"about\">"
        HTMLEscaping.append(about.joined(separator: " · "), to: &out)
        out += "</span>"
      }
      out += "</summary>\n<div class=\"claim-body\">\n<blockquote>"
      HTMLEscaping.append(source.string(checked.claim.range), to: &out)
      out += "</blockquote>\n<dl>"
      if let claimed = checked.claimedDescription {
        out += "<dt>Claimed</dt><dd>"
        HTMLEscaping.append(claimed, to: &out)
        out += "</dd>"
      }
      if let expected = checked.expectedDescription(inUnit: true) {
        out += "<dt>Results say</dt><dd>"
        HTMLEscaping.append(expected, to: &out)
        out += "</dd>"
      }
      if let attributed = checked.attributedTo {
        out += "<dt>Said by</dt><dd>\(HTMLEscaping.escape(attributed))</dd>"
      }
      out += "</dl>\n<p class=\"explanation\">"
      HTMLEscaping.append(verdict.explanation, to: &out)
      out += "</p>\n"
      out += evidence(verdict.evidence)
      out += "</div></details>\n"
    }
    return out + "</div>\n"
  }

  /// The records a verdict used, each with its value (a number, or the data's words such as a
  /// council's control result) and the arithmetic.
  private func evidence(_ evidence: [Evidence]) -> String {
    guard !evidence.isEmpty else { return "<p class=\"empty\">No records used.</p>\n" }
    var out = "<ol class=\"evidence\" aria-label=\"Evidence\">\n"
    for item in evidence {
      out += "<li><code>"
      HTMLEscaping.append(item.source, to: &out)
      out += "</code><span class=\"num\">"
      switch item.value {
      case .number(let value): out += ReportNumber.grouped(value)
      case .text(let words): HTMLEscaping.append(words, to: &out)
      }
      out += "</span><span class=\"arithmetic\">"
      HTMLEscaping.append(item.arithmetic, to: &out)
      out += "</span></li>\n"
    }
    return out + "</ol>\n"
  }

  /// The figures as a table: text (linking to its place), kind, value and unit.
  private func figures(_ document: ReportDocument, anchor: String) -> String {
    var out = "<div class=\"block figures\"><h3>Figures</h3>\n"
    guard !document.figures.isEmpty else {
      return out + "<p class=\"empty\">No figures found.</p></div>\n"
    }
    let source = document.document.text
    out += "<table><thead><tr><th>As written</th><th>Kind</th><th>Value</th></tr></thead><tbody>\n"
    for (index, figure) in document.figures.enumerated() {
      out += "<tr><td><a href=\"#\(anchor)-f\(index + 1)\">"
      HTMLEscaping.append(source.string(figure.range), to: &out)
      out += "</a></td><td>\(figure.kind.rawValue)</td><td class=\"num\">"
      HTMLEscaping.append(ReportNumber.valueWithUnit(of: figure), to: &out)
      out += "</td></tr>\n"
    }
    return out + "</tbody></table></div>\n"
  }

  /// Warnings and errors ingest and extraction noticed.
  private func findings(_ document: ReportDocument) -> String {
    let findings = document.analysis.findings.filter { $0.severity >= .warning }
    guard !findings.isEmpty else { return "" }
    let source = document.document.text
    var out = "<div class=\"block\"><h3>Findings</h3><ul class=\"findings\">\n"
    for finding in findings {
      out +=
        "<li><span class=\"sev sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> "
      HTMLEscaping.append(finding.message, to: &out)
      if let range = finding.range {
        out += ": <q>"
        HTMLEscaping.append(source.string(range), to: &out)
        out += "</q>"
      }
      out += "</li>\n"
    }
    return out + "</ul></div>\n"
  }
}
