import Foundation

/// Writes `report.html`: one self-contained page that needs no network and no JavaScript.
///
/// The page opens with a corpus overview (counts, bar charts of the most mentioned entities,
/// themes, verdicts and figure kinds as inline SVG, a list of documents and the inputs that
/// failed), then shows each document: its metadata and themes, its text with entities as
/// coloured chips labelled with their type, figures underlined and every claim's verdict badge
/// (on its figure, or on the words of a claim without one), and beside it its claims, each
/// with a verdict badge and its evidence one click away (`<details>`), and a table of its
/// figures.
///
/// Every piece of document and results text goes through `HTMLEscaping`, attribute values are
/// always quoted, links are written only for `http` and `https` URLs, and a Content Security
/// Policy forbids scripts and every external resource, so nothing in an article can run or
/// load anything when the report is opened. Anchors use generated ids (`d1`, `d1-c2`), never
/// document ids. The output is deterministic: the same input gives the same bytes.
public struct HTMLReportWriter: Sendable {
  /// The page's Content Security Policy: inline styles and `data:` images, nothing else.
  public static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

  /// Creates a writer.
  public init() {}

  /// The whole page: `head(_:)`, the table of contents (`tableOfContentsEntry(_:number:)` for
  /// each document, between `tableOfContentsStart` and `tableOfContentsEnd`),
  /// `overviewEnd(_:)`, `article(_:number:coverage:)` for each document, and `tail`.
  ///
  /// Complexity: linear in the documents' text plus their marks (see `HTMLTextMarkup`).
  public func write(_ report: CorpusReport) -> String {
    String(decoding: ReportSetWriter.bytes(of: .html, report: report), as: UTF8.self)
  }

  /// The page up to its table of contents: head, masthead, and the overview's counts and
  /// charts.
  ///
  /// Complexity: O(e log e + p log p) to rank the index's entities and theme postings.
  func head(_ totals: ReportTotals) -> String {
    let documents = ReportNumber.plural(totals.documents, "document")
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
      <meta name="referrer" content="no-referrer">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="Psephos">
      <title>Psephos report: \(documents)</title>
      <style>
      \(Self.styleSheet)
      </style>
      </head>
      <body>

      """
    out += masthead(totals)
    out += "<main class=\"wrap\">\n"
    out += overview(totals)
    return out
  }

  /// What follows the table of contents, before the documents: the overview's end and the
  /// inputs not read.
  func overviewEnd(_ totals: ReportTotals) -> String {
    var out = "</section>\n"
    if !totals.errors.isEmpty { out += errors(totals) }
    return out
  }

  /// The page after the documents.
  var tail: String {
    """
    </main>
    <footer class="wrap">Made by Psephos. Offsets in the JSON and CSV reports count Unicode \
    code points; every verdict lists the records it used.</footer>
    </body>
    </html>

    """
  }

  private func masthead(_ totals: ReportTotals) -> String {
    let index = totals.index
    var lede = [
      ReportNumber.plural(index.figureCount, "figure"),
      ReportNumber.plural(index.mentionCount, "entity mention"),
      ReportNumber.plural(index.claimCount, "claim"),
    ]
    if !totals.errors.isEmpty {
      lede.append(ReportNumber.plural(totals.errors.count, "input") + " not read")
    }
    return """
      <header class="masthead"><div class="wrap">
      <p class="brand">Psephos</p>
      <h1>Report on \(ReportNumber.plural(totals.documents, "document"))</h1>
      <p class="lede">\(lede.joined(separator: " · "))</p>
      </div></header>

      """
  }

  // MARK: - Overview

  /// The overview's counts and charts.
  private func overview(_ totals: ReportTotals) -> String {
    let index = totals.index
    let checked = Verdict.Rating.allCases.filter(\.isChecked).reduce(0) {
      $0 + index.count(of: $1)
    }
    var out = "<section id=\"overview\" aria-labelledby=\"overview-title\">\n"
    out += "<h2 id=\"overview-title\">Overview</h2>\n<div class=\"stats\">\n"
    for (value, label) in [
      (totals.documents, "documents"), (totals.words, "words"), (index.figureCount, "figures"),
      (index.mentionCount, "entity mentions"), (index.entities.count, "distinct entities"),
      (checked, "claims checked"),
    ] {
      out += "<div class=\"stat\"><span class=\"n\">\(ReportNumber.grouped(ExactDecimal(value)))"
      out += "</span><span class=\"k\">\(label)</span></div>\n"
    }
    out += "</div>\n<div class=\"charts\">\n"
    out += card(
      "Most mentioned entities", chart: entityChart(index), empty: entityEmpty(totals),
      footer: legend(chips: entityChips(index.entities.prefix(10).map(\.type))))
    out += card("Verdicts", chart: verdictChart(index), empty: claimEmpty(totals))
    out += card("Themes", chart: themeChart(index), empty: themeEmpty(totals))
    out += card("Figures by kind", chart: kindChart(index), empty: "No figures found.")
    out += "</div>\n"
    return out
  }

  private func card(
    _ title: String, chart: SVGBarChart?, empty: String, footer: String = ""
  ) -> String {
    var out = "<figure class=\"card\"><figcaption>\(HTMLEscaping.escape(title))</figcaption>"
    if let chart {
      out += chart.svg + footer
    } else {
      out += "<p class=\"empty\">\(HTMLEscaping.escape(empty))</p>"
    }
    return out + "</figure>\n"
  }

  /// A chip for each entity type among `types`, in the order of DESIGN.md's type list.
  func entityChips(_ types: some Sequence<String>) -> String {
    let present = Set(types)
    let known = ["PERSON", "PARTY", "PLACE", "PLACE_ADJ", "ORG"]
    let ordered =
      known.filter(present.contains)
      + present.subtracting(known).sorted(by: ReportIndex.codePointOrder)
    var out = ""
    for type in ordered {
      out += "<mark class=\"ent \(Self.entityClass(type))\">"
      HTMLEscaping.append(Self.entityLabel(type), to: &out)
      out += "</mark>"
    }
    return out
  }

  /// A legend line holding `chips`, or nothing when there are none.
  func legend(chips: String) -> String {
    chips.isEmpty ? "" : "<p class=\"legend\" aria-label=\"Legend\">\(chips)</p>"
  }

  private func entityChart(_ index: ReportIndex) -> SVGBarChart? {
    let top = index.entities.prefix(10)
    guard !top.isEmpty else { return nil }
    return SVGBarChart(
      title: "Most mentioned entities",
      bars: top.map { entry in
        SVGBarChart.Bar(
          label: entry.canonical, value: entry.mentions,
          colorClass: "fill-" + Self.entityClass(entry.type),
          note: "in " + ReportNumber.plural(entry.documents, "doc"))
      })
  }

  private func verdictChart(_ index: ReportIndex) -> SVGBarChart? {
    guard index.claimCount > 0 else { return nil }
    return SVGBarChart(
      title: "Claims by verdict",
      bars: Verdict.Rating.allCases.map { verdict in
        SVGBarChart.Bar(
          label: verdict.rawValue, value: index.count(of: verdict),
          colorClass: "fill-" + verdict.rawValue)
      })
  }

  private func themeChart(_ index: ReportIndex) -> SVGBarChart? {
    let top = index.themes.prefix(10)
    guard !top.isEmpty else { return nil }
    return SVGBarChart(
      title: "Documents per theme",
      bars: top.map { entry in
        SVGBarChart.Bar(
          label: entry.label, value: entry.documents.count, colorClass: "fill-theme",
          note: ReportNumber.plural(entry.matches, "match", plural: "matches"))
      })
  }

  private func kindChart(_ index: ReportIndex) -> SVGBarChart? {
    let kinds = Figure.Kind.allCases.filter { (index.figureKindCounts[$0] ?? 0) > 0 }
      .sorted {
        (index.figureKindCounts[$0]!, $1.rawValue) > (index.figureKindCounts[$1]!, $0.rawValue)
      }
    guard !kinds.isEmpty else { return nil }
    return SVGBarChart(
      title: "Figures by kind",
      bars: kinds.map {
        SVGBarChart.Bar(
          label: $0.rawValue, value: index.figureKindCounts[$0]!, colorClass: "fill-kind")
      })
  }

  private func entityEmpty(_ totals: ReportTotals) -> String {
    totals.coverage.entities
      ? "No entity mentions found."
      : "Entity extraction is not part of this build yet: no entities to show."
  }

  private func claimEmpty(_ totals: ReportTotals) -> String {
    totals.coverage.claims
      ? "No claims found."
      : "Claim checking is not part of this build yet: no verdicts to show."
  }

  private func themeEmpty(_ totals: ReportTotals) -> String {
    totals.coverage.themes
      ? "No themes found."
      : "Theme scoring is not part of this build yet: no themes to show."
  }

  /// The start of the table of contents, written only when there are documents.
  static let tableOfContentsStart =
    "<nav class=\"toc\" aria-label=\"Documents\"><h3>Documents</h3><ol>\n"
  /// The end of the table of contents.
  static let tableOfContentsEnd = "</ol></nav>\n"

  /// One document's line in the table of contents, numbered from 1 in input order.
  func tableOfContentsEntry(_ document: ReportDocument, number: Int) -> String {
    var out = "<li><a href=\"#d\(number)\">"
    HTMLEscaping.append(document.displayTitle, to: &out)
    out += "</a><span class=\"counts\">"
    var counts = [
      ReportNumber.plural(document.figures.count, "figure"),
      ReportNumber.plural(document.entities.count, "entity", plural: "entities"),
    ]
    counts.append(ReportNumber.plural(document.claims.count, "claim"))
    out += counts.joined(separator: " · ")
    out += "</span>"
    for verdict in Verdict.Rating.allCases {
      let count = document.claims.filter { $0.verdict.rating == verdict }.count
      if count > 0 {
        out += " <span class=\"badge v-\(verdict.rawValue)\">\(count) \(verdict.rawValue)</span>"
      }
    }
    return out + "</li>\n"
  }

  private func errors(_ totals: ReportTotals) -> String {
    var out = "<section id=\"errors\" class=\"errors\"><h2>Inputs not read</h2><ul>\n"
    for failure in totals.errors {
      out += "<li><code>"
      HTMLEscaping.append(failure.path, to: &out)
      if let line = failure.line { out += ":\(line)" }
      out += "</code>: "
      HTMLEscaping.append(failure.reason, to: &out)
      out += "</li>\n"
    }
    return out + "</ul></section>\n"
  }

  // MARK: - Names

  /// The CSS class of an entity type; `other` for a type the page has no colour for.
  static func entityClass(_ type: String) -> String {
    switch type {
    case "PERSON": "person"
    case "PARTY": "party"
    case "PLACE": "place"
    case "PLACE_ADJ": "place-adj"
    case "ORG": "org"
    default: "other"
    }
  }

  /// The label shown on an entity chip: the type as in JSON, `PLACE_ADJ` as `PLACE ADJ`.
  static func entityLabel(_ type: String) -> String {
    type.replacingOccurrences(of: "_", with: " ")
  }
}
