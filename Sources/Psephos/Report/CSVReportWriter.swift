/// Writes the spreadsheet tables of a report, one CSV file each (RFC 4180, UTF-8, CRLF):
///
/// - `entities.csv`: one row per entity: `canonical`, `type`, `mentions`, `documents`,
///   `variants` (the ways it is written, separated by ` | `).
/// - `mentions.csv`: one row per mention: `document`, `start`, `end`, `type`, `canonical`,
///   `text`.
/// - `figures.csv`: one row per figure: `document`, `start`, `end`, `text`, `value`, `unit`,
///   `kind`, `hedge`, `direction`, `measure`, `vague`.
/// - `claims.csv`: one row per claim: `document`, `start`, `end`, `figure`, `value`, `unit`,
///   `subject`, `measure`, `election`, `attributed_to`, `verdict`, `expected`, `explanation`,
///   `evidence` (each record as `source: arithmetic`, separated by ` | `), `text`. A claim
///   without a figure ("Labour lost control in Dudley") has empty `figure`, `value` and
///   `unit`, and its `expected` is the data's words ("NOC gain from Labour").
/// - `themes.csv`: one row per document under a theme: `theme`, `label`, `rank`, `document`,
///   `score`, `matches`.
///
/// Offsets are code points, as in the JSON report. Values are exact decimals without
/// separators; a missing value is an empty field. Text taken from documents is made safe to
/// open in a spreadsheet (`CSVWriter.spreadsheetText`).
public struct CSVReportWriter: Sendable {
  /// One of the tables.
  public enum Table: String, Sendable, CaseIterable {
    case entities, mentions, figures, claims, themes

    /// The file name under `--out`.
    public var fileName: String { rawValue + ".csv" }
  }

  /// Creates a writer.
  public init() {}

  /// One table of a report: the rows of `rows(_:of:)` for each document, or those of the index.
  ///
  /// Complexity: linear in the rows written, plus O(e log e) to sort entities or themes.
  public func write(_ table: Table, of report: CorpusReport) -> String {
    String(decoding: ReportSetWriter.bytes(of: .csv(table), report: report), as: UTF8.self)
  }

  // MARK: - Pieces, for writing a table a document at a time

  /// The header record of a table.
  func header(_ table: Table) -> String {
    CSVWriter(header: Self.columns(table)).text
  }

  /// The records one document adds to a table: its mentions, figures or claims; none for the
  /// tables made from the index (`entities`, `themes`).
  ///
  /// Complexity: linear in the document's rows.
  func rows(_ table: Table, of document: ReportDocument) -> String {
    var csv = CSVWriter(columns: Self.columns(table).count)
    switch table {
    case .mentions: mentions(document, into: &csv)
    case .figures: figures(document, into: &csv)
    case .claims: claims(document, into: &csv)
    case .entities, .themes: break
    }
    return csv.text
  }

  /// The records of a table made from the corpus index (`entities`, `themes`); none for the
  /// others.
  ///
  /// Complexity: linear in the rows, plus O(e log e) to sort entities or themes.
  func rows(_ table: Table, of index: ReportIndex) -> String {
    var csv = CSVWriter(columns: Self.columns(table).count)
    switch table {
    case .entities: entities(index, into: &csv)
    case .themes: themes(index, into: &csv)
    case .mentions, .figures, .claims: break
    }
    return csv.text
  }

  private static func columns(_ table: Table) -> [String] {
    switch table {
    case .entities: ["canonical", "type", "mentions", "documents", "variants"]
    case .mentions: ["document", "start", "end", "type", "canonical", "text"]
    case .figures:
      [
        "document", "start", "end", "text", "value", "unit", "kind", "hedge", "direction",
        "measure", "vague",
      ]
    case .claims:
      [
        "document", "start", "end", "figure", "value", "unit", "subject", "measure", "election",
        "attributed_to", "verdict", "expected", "explanation", "evidence", "text",
      ]
    case .themes: ["theme", "label", "rank", "document", "score", "matches"]
    }
  }

  private func entities(_ index: ReportIndex, into csv: inout CSVWriter) {
    for entry in index.entities {
      csv.append([
        text(entry.canonical), text(entry.type), String(entry.mentions), String(entry.documents),
        text(entry.variants.joined(separator: " | ")),
      ])
    }
  }

  private func mentions(_ document: ReportDocument, into csv: inout CSVWriter) {
    let source = document.document.text
    for entity in document.entities {
      let offsets = source.codePointRange(entity.range)
      csv.append([
        text(document.document.id), String(offsets.lowerBound), String(offsets.upperBound),
        entity.kind.rawValue, text(entity.canonical), text(source.string(entity.range)),
      ])
    }
  }

  private func figures(_ document: ReportDocument, into csv: inout CSVWriter) {
    let source = document.document.text
    for figure in document.figures {
      let offsets = source.codePointRange(figure.range)
      csv.append([
        text(document.document.id), String(offsets.lowerBound), String(offsets.upperBound),
        text(source.string(figure.range)), figure.value.description, text(figure.unit ?? ""),
        figure.kind.rawValue, figure.hedge?.rawValue ?? "", figure.direction?.rawValue ?? "",
        text(figure.measure ?? ""), figure.isVague ? "true" : "false",
      ])
    }
  }

  private func claims(_ document: ReportDocument, into csv: inout CSVWriter) {
    let source = document.document.text
    for checked in document.claims {
      let (claim, verdict) = (checked.claim, checked.verdict)
      let offsets = source.codePointRange(claim.range)
      let figure = claim.figure
      let evidence = verdict.evidence.map { "\($0.source): \($0.arithmetic)" }
      csv.append([
        text(document.document.id), String(offsets.lowerBound), String(offsets.upperBound),
        text(figure.map { source.string($0.range) } ?? ""), figure?.value.description ?? "",
        text(figure?.unit ?? ""), text(claim.subject?.canonical ?? ""),
        claim.measure.rawValue, text(verdict.election ?? ""), text(checked.attributedTo ?? ""),
        verdict.rating.rawValue,
        verdict.expected?.description ?? text(checked.expectedWords ?? ""),
        text(verdict.explanation), text(evidence.joined(separator: " | ")),
        text(source.string(claim.range)),
      ])
    }
  }

  private func themes(_ index: ReportIndex, into csv: inout CSVWriter) {
    for entry in index.themes {
      for (rank, posting) in entry.documents.enumerated() {
        csv.append([
          text(entry.id), text(entry.label), String(rank + 1), text(posting.document),
          ReportNumber.fixed(posting.score, places: 2), String(posting.matches),
        ])
      }
    }
  }

  private func text(_ field: String) -> String { CSVWriter.spreadsheetText(field) }
}
