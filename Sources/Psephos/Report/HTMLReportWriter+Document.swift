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

  /// The document's text with entity chips and figure marks; a checked figure links to its
  /// claim and carries its verdict badge.
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
    var claimsByFigure: [ByteRange: [(number: Int, claim: ReportDocument.Claim)]] = [:]
    for (index, claim) in document.claims.enumerated() {
      claimsByFigure[claim.figure.range, default: []].append((index + 1, claim))
    }
    var figureRanges = Set<ByteRange>()
    for (index, figure) in document.figures.enumerated() {
      figureRanges.insert(figure.range)
      marks.append(
        figureMark(
          figure, id: "\(anchor)-f\(index + 1)", claims: claimsByFigure[figure.range] ?? [],
          anchor: anchor))
    }
    for (index, claim) in document.claims.enumerated()
    where !figureRanges.contains(claim.figure.range) {
      figureRanges.insert(claim.figure.range)
      marks.append(
        figureMark(
          claim.figure, id: "\(anchor)-cf\(index + 1)",
          claims: claimsByFigure[claim.figure.range] ?? [],
          anchor: anchor))
    }
    return HTMLTextMarkup(text: source, paragraphs: paragraphs).html(marks: marks)
  }

  private func figureMark(
    _ figure: Figure, id: String, claims: [(number: Int, claim: ReportDocument.Claim)],
    anchor: String
  ) -> HTMLTextMarkup.Mark {
    var title = figure.kind.rawValue + " · " + ReportNumber.valueWithUnit(of: figure)
    if let hedge = figure.hedge { title += " · " + hedge.rawValue }
    guard let first = claims.first else {
      let open = "<span class=\"fig\" id=\"\(id)\" title=\"\(HTMLEscaping.escape(title))\">"
      return HTMLTextMarkup.Mark(range: figure.range, open: open, close: "</span>")
    }
    let verdict = first.claim.verdict
    title += " · " + verdict.rawValue
    if let expected = first.claim.expected {
      title += ", results say " + ReportNumber.expected(expected, for: figure)
    }
    let open =
      "<a class=\"fig v-\(verdict.rawValue)\" id=\"\(id)\" href=\"#\(anchor)-c\(first.number)\" "
      + "title=\"\(HTMLEscaping.escape(title))\">"
    let badges = claims.map { item in
      "<span class=\"vb\">\(Self.icon(item.claim.verdict)) \(item.claim.verdict.rawValue)</span>"
    }
    return HTMLTextMarkup.Mark(
      range: figure.range, open: open,
      continued: "<a class=\"fig v-\(verdict.rawValue)\" href=\"#\(anchor)-c\(first.number)\">",
      close: "</a>", tail: badges.joined())
  }

  /// A short sign for a verdict, for badges.
  static func icon(_ verdict: ReportDocument.Verdict) -> String {
    switch verdict {
    case .accurate: "✓"
    case .accurateRounded: "≈"
    case .inaccurate: "✗"
    case .unverifiable: "?"
    case .notElectionResult: "–"
    }
  }

  // MARK: - Aside

  /// Each claim as a `<details>`: the badge, figure and subject in the summary; the sentence,
  /// expected value, explanation and evidence table inside.
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
    for (index, claim) in document.claims.enumerated() {
      let verdict = claim.verdict.rawValue
      out += "<details class=\"claim v-\(verdict)\" id=\"\(anchor)-c\(index + 1)\">"
      out +=
        "<summary><span class=\"badge v-\(verdict)\">\(Self.icon(claim.verdict)) \(verdict)</span>"
      out += "<span class=\"what\">"
      HTMLEscaping.append(source.string(claim.figure.range), to: &out)
      out += "</span>"
      let about = [claim.subject, claim.measure, claim.election].compactMap { $0 }
      if !about.isEmpty {
        out += "<span class=\"about\">"
        HTMLEscaping.append(about.joined(separator: " · "), to: &out)
        out += "</span>"
      }
      out += "</summary>\n<div class=\"claim-body\">\n<blockquote>"
      HTMLEscaping.append(source.string(claim.range), to: &out)
      out += "</blockquote>\n<dl>"
      out += "<dt>Claimed</dt><dd>"
      HTMLEscaping.append(ReportNumber.valueWithUnit(of: claim.figure), to: &out)
      out += "</dd>"
      if let expected = claim.expected {
        out += "<dt>Results say</dt><dd>"
        HTMLEscaping.append(ReportNumber.expected(expected, for: claim.figure), to: &out)
        out += "</dd>"
      }
      if let attributed = claim.attributedTo {
        out += "<dt>Said by</dt><dd>\(HTMLEscaping.escape(attributed))</dd>"
      }
      out += "</dl>\n<p class=\"explanation\">"
      HTMLEscaping.append(claim.explanation, to: &out)
      out += "</p>\n"
      out += evidence(claim.evidence)
      out += "</div></details>\n"
    }
    return out + "</div>\n"
  }

  /// The records a verdict used, each with its value and the arithmetic.
  private func evidence(_ evidence: [ReportDocument.Evidence]) -> String {
    guard !evidence.isEmpty else { return "<p class=\"empty\">No records used.</p>\n" }
    var out = "<ol class=\"evidence\" aria-label=\"Evidence\">\n"
    for item in evidence {
      out += "<li><code>"
      HTMLEscaping.append(item.source, to: &out)
      out += "</code>"
      if let value = item.value {
        out += "<span class=\"num\">\(ReportNumber.grouped(value))</span>"
      }
      out += "<span class=\"arithmetic\">"
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
