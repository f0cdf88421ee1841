import Foundation

/// Writes `report.md`: a readable summary in CommonMark with GitHub tables.
///
/// An overview (counts, verdicts, the most mentioned entities, themes, figure kinds, inputs not
/// read), then per document its metadata, every claim with its verdict and evidence (quoting
/// its figure, or the words that make a claim without one), figures and findings. Text from documents and results is escaped (`inline(_:)`), so it shows as written
/// and cannot become markup, links or raw HTML.
public struct MarkdownReportWriter: Sendable {
  /// How many entities and themes the overview lists.
  public var overviewLimit: Int

  /// Creates a writer.
  public init(overviewLimit: Int = 20) {
    self.overviewLimit = overviewLimit
  }

  /// The whole report: `head(_:)`, then `document(_:number:coverage:)` for each document.
  ///
  /// Complexity: linear in the documents' claims, figures and findings, plus sorting the index.
  public func write(_ report: CorpusReport) -> String {
    String(
      decoding: ReportSetWriter.bytes(of: .markdown, report: report, markdown: self),
      as: UTF8.self)
  }

  /// Everything before the documents: the title, counts, overview, inputs not read and the
  /// heading of the documents.
  ///
  /// Complexity: O(e log e + p log p) to rank the index's entities and theme postings.
  func head(_ totals: ReportTotals) -> String {
    let index = totals.index
    var out = "# Psephos report\n\n"
    var lede = [
      ReportNumber.plural(totals.documents, "document"),
      ReportNumber.plural(index.figureCount, "figure"),
      ReportNumber.plural(index.mentionCount, "entity mention"),
      ReportNumber.plural(index.claimCount, "claim"),
    ]
    if !totals.errors.isEmpty {
      lede.append(ReportNumber.plural(totals.errors.count, "input") + " not read")
    }
    out += lede.joined(separator: " · ") + "\n\n"
    out += overview(totals)
    if !totals.errors.isEmpty {
      out += "## Inputs not read\n\n"
      for failure in totals.errors {
        let place = failure.path + (failure.line.map { ":\($0)" } ?? "")
        out += "- \(code(place)): \(inline(failure.reason))\n"
      }
      out += "\n"
    }
    if totals.documents > 0 { out += "## Documents\n\n" }
    return out
  }

  // MARK: - Overview

  private func overview(_ totals: ReportTotals) -> String {
    let index = totals.index
    var out = "## Overview\n\n### Verdicts\n\n"
    if index.claimCount == 0 {
      out += emphasis(
        totals.coverage.claims
          ? "No claims found." : "Claim checking is not part of this build yet.")
    } else {
      out += "| Verdict | Claims |\n| --- | ---: |\n"
      for verdict in Verdict.Rating.allCases {
        out += "| \(verdict.rawValue) | \(index.count(of: verdict)) |\n"
      }
      out += "\n"
    }
    out += "### Most mentioned entities\n\n"
    let entities = index.entities.prefix(overviewLimit)
    if entities.isEmpty {
      out += emphasis(
        totals.coverage.entities
          ? "No entity mentions found." : "Entity extraction is not part of this build yet.")
    } else {
      out += "| Entity | Type | Mentions | Documents |\n| --- | --- | ---: | ---: |\n"
      for entry in entities {
        out += "| \(inline(entry.canonical)) | \(inline(entry.type)) | \(entry.mentions) | "
        out += "\(entry.documents) |\n"
      }
      out += "\n"
    }
    out += "### Themes\n\n"
    let themes = index.themes.prefix(overviewLimit)
    if themes.isEmpty {
      out += emphasis(
        totals.coverage.themes
          ? "No themes found." : "Theme scoring is not part of this build yet.")
    } else {
      out += "| Theme | Documents | Matches |\n| --- | ---: | ---: |\n"
      for entry in themes {
        out += "| \(inline(entry.label)) | \(entry.documents.count) | \(entry.matches) |\n"
      }
      out += "\n"
    }
    out += "### Figures by kind\n\n"
    let kinds = Figure.Kind.allCases.filter { (index.figureKindCounts[$0] ?? 0) > 0 }
    if kinds.isEmpty {
      out += emphasis("No figures found.")
    } else {
      out += "| Kind | Figures |\n| --- | ---: |\n"
      for kind in kinds { out += "| \(kind.rawValue) | \(index.figureKindCounts[kind]!) |\n" }
      out += "\n"
    }
    return out
  }

  // MARK: - Documents

  /// One document's section, numbered from 1 in input order.
  ///
  /// Complexity: linear in the document's tokens, claims, figures and findings.
  func document(
    _ document: ReportDocument, number: Int, coverage: CorpusReport.Coverage
  ) -> String {
    let metadata = document.document.metadata
    var out = "### \(number). \(inline(document.displayTitle))\n\n"
    var facts: [String] = []
    if document.displayTitle != document.document.id { facts.append(code(document.document.id)) }
    if let author = metadata.author { facts.append("by " + inline(author)) }
    if let date = metadata.date { facts.append(inline(date)) }
    if let publication = metadata.publication { facts.append(inline(publication)) }
    if let url = metadata.url { facts.append(code(url)) }
    if !facts.isEmpty { out += facts.joined(separator: " · ") + "\n\n" }
    let words = document.analysis.tokens.tokens.filter { $0.kind == .word }.count
    var counts = [
      ReportNumber.plural(words, "word"),
      ReportNumber.plural(document.figures.count, "figure"),
    ]
    if coverage.entities {
      counts.append(ReportNumber.plural(document.entities.count, "entity mention"))
    }
    if coverage.claims {
      counts.append(ReportNumber.plural(document.claims.count, "claim"))
    }
    out += counts.joined(separator: " · ") + "\n\n"
    if !document.themes.isEmpty {
      let themes = document.themes.map {
        "\(inline($0.label)) (\(ReportNumber.fixed($0.score, places: 1)))"
      }
      out += "Themes: " + themes.joined(separator: ", ") + "\n\n"
    }
    if !document.claims.isEmpty {
      out += "#### Claims\n\n"
      let text = document.document.text
      for checked in document.claims {
        let verdict = checked.verdict
        out += "- **\(verdict.rating.rawValue)**: “\(inline(text.string(checked.markedRange)))”"
        let about = checked.about
        if !about.isEmpty { out += " (\(inline(about.joined(separator: ", "))))" }
        if let expected = checked.expectedDescription(inUnit: false) {
          out += "; results say \(inline(expected))"
        }
        out += ". \(inline(verdict.explanation))\n"
        out += "  > \(inline(text.string(checked.claim.range)))\n"
        for evidence in verdict.evidence {
          out += "  - \(code(evidence.source)): \(inline(evidence.arithmetic))\n"
        }
      }
      out += "\n"
    }
    if !document.figures.isEmpty {
      out += "#### Figures\n\n| As written | Kind | Value | Unit | Hedge |\n"
      out += "| --- | --- | ---: | --- | --- |\n"
      let text = document.document.text
      for figure in document.figures {
        out += "| \(inline(text.string(figure.range))) | \(figure.kind.rawValue) | "
        out += "\(ReportNumber.value(of: figure)) | \(inline(figure.unit ?? "")) | "
        out += "\(figure.hedge?.rawValue ?? "") |\n"
      }
      out += "\n"
    }
    let findings = DocumentSummary(document.analysis).findings
    if !findings.isEmpty {
      out += "#### Findings\n\n"
      for located in findings {
        var place = ""
        if let line = located.line, let column = located.column { place = " (\(line):\(column))" }
        out +=
          "- \(located.finding.severity.rawValue)\(place): \(inline(located.finding.message))\n"
      }
      out += "\n"
    }
    return out
  }

  // MARK: - Escaping

  /// Text as it should read, with every character that could start Markdown or HTML
  /// backslash-escaped and line breaks turned into spaces, safe inside a table cell. An `_`
  /// between two letters or digits (`000_8cbc`) cannot start emphasis and is left alone.
  ///
  /// Complexity: O(n).
  func inline(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "_":
        let between =
          index > 0 && index + 1 < scalars.count && Self.isWordScalar(scalars[index - 1])
          && Self.isWordScalar(scalars[index + 1])
        if !between { out.append("\\") }
        out.unicodeScalars.append(scalar)
      case "\\", "`", "*", "[", "]", "<", ">", "|", "&", "~", "#", "!", "$":
        out.append("\\")
        out.unicodeScalars.append(scalar)
      case "\n", "\r", "\t":
        out.append(" ")
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Text as code (not for table cells): in backticks, with a fence longer than any run of
  /// backticks inside it and line breaks as spaces.
  func code(_ text: String) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    var longest = 0
    var run = 0
    for character in flat {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: longest + 1)
    let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
    return fence + pad + flat + pad + fence
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  private func emphasis(_ text: String) -> String { "_\(text)_\n\n" }
}
