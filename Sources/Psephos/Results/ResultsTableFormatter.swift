/// Renders result records as a plain-text table for a terminal.
///
/// One line per record, a header and a rule; columns empty for every record are left out;
/// numbers are right-aligned and written exactly as loaded (no thousands separators, shares
/// with the file's decimals). The last column cites each record's `file:line`.
public struct ResultsTableFormatter: Sendable {
  /// Creates a formatter.
  public init() {}

  /// The table, ending with a line break; `"(no records)\n"` if there are none.
  ///
  /// Complexity: O(n × c) in the records and columns.
  public func format(_ records: [ResultRecord]) -> String {
    guard !records.isEmpty else { return "(no records)\n" }
    let columns = Self.columns.filter { column in records.contains { column.value($0) != nil } }
    let cells = records.map { record in columns.map { $0.value(record) ?? "" } }
    let widths = columns.indices.map { index in
      max(columns[index].title.count, cells.map { $0[index].count }.max() ?? 0)
    }
    func line(_ values: [String]) -> String {
      var parts: [String] = []
      for (index, value) in values.enumerated() {
        let padding = String(repeating: " ", count: widths[index] - value.count)
        parts.append(columns[index].isNumeric ? padding + value : value + padding)
      }
      return String(parts.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
    }
    var output = line(columns.map(\.title)) + "\n"
    output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in cells { output += line(row) + "\n" }
    return output
  }

  private struct Column: Sendable {
    var title: String
    var isNumeric: Bool
    var value: @Sendable (ResultRecord) -> String?
  }

  private static let columns: [Column] = [
    Column(title: "election", isNumeric: false) { $0.election.id },
    Column(title: "area", isNumeric: false) { $0.area.name },
    Column(title: "round", isNumeric: false) { $0.round },
    Column(title: "candidate", isNumeric: false) { $0.candidate },
    Column(title: "party", isNumeric: false) { $0.party ?? $0.partyShort },
    Column(title: "option", isNumeric: false) { $0.option },
    Column(title: "votes", isNumeric: true) { $0.votes.map(String.init) },
    Column(title: "share %", isNumeric: true) { $0.share?.description },
    Column(title: "seats", isNumeric: true) { $0.seats.map(String.init) },
    Column(title: "seat change", isNumeric: true) { $0.seatsChange.map(Self.signed) },
    Column(title: "councils", isNumeric: true) { $0.councils.map(String.init) },
    Column(title: "council change", isNumeric: true) { $0.councilsChange.map(Self.signed) },
    Column(title: "control", isNumeric: false) { $0.controlResult },
    Column(title: "source", isNumeric: false) { $0.provenance.description },
  ]

  private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }
}
