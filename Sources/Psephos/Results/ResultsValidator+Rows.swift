import Foundation

extension ResultsValidator {
  /// Parses one file's rows into records, checking the header and each field.
  ///
  /// Rows with an error are left out of `rows`, so one bad figure never reaches a verdict.
  /// Complexity: O(n) in the number of bytes.
  func parseFile(_ bytes: [UInt8], file: String) -> (
    rows: [ParsedRow], diagnostics: [ResultsDiagnostic]
  ) {
    let table: CSVReader.Table
    do {
      table = try CSVReader(file: file).read(bytes)
    } catch {
      let diagnostic = ResultsDiagnostic(
        .error, file: file, line: error.line, column: error.column, error.message)
      return ([], [diagnostic])
    }
    var diagnostics = table.issues.map {
      ResultsDiagnostic(.error, file: $0.file, line: $0.line, column: $0.column, $0.message)
    }
    guard !table.header.isEmpty else {
      diagnostics.append(ResultsDiagnostic(.error, file: file, line: 0, column: 0, "file is empty"))
      return ([], diagnostics)
    }
    let header = HeaderMap(table.header, file: file)
    diagnostics += header.diagnostics
    guard !header.diagnostics.contains(where: { $0.severity == .error }) else {
      return ([], diagnostics)
    }
    var rows: [ParsedRow] = []
    rows.reserveCapacity(table.rows.count)
    for row in table.rows where row.fields.count == table.header.count {
      var reader = RowReader(row: row, header: header, file: file)
      if let parsed = reader.read() { rows.append(parsed) }
      diagnostics += reader.diagnostics
    }
    return (rows, diagnostics)
  }
}

/// Which field index holds each understood column, and what the header called it.
struct HeaderMap {
  var index: [ResultColumn: Int] = [:]
  /// The header text as written, for messages (`valid_votes "12,4x" is not a number`).
  var name: [ResultColumn: String] = [:]
  var diagnostics: [ResultsDiagnostic] = []

  init(_ header: [CSVReader.Field], file: String) {
    for (position, field) in header.enumerated() {
      let text = field.text.trimmingCharacters(in: .whitespaces)
      guard let column = ResultColumn(header: text) else {
        let what = text.isEmpty ? "a column with no name" : "column \"\(text)\""
        diagnostics.append(
          ResultsDiagnostic(
            .note, file: file, line: field.line, column: field.column,
            "\(what) is not understood and is ignored"))
        continue
      }
      if let earlier = name[column] {
        diagnostics.append(
          ResultsDiagnostic(
            .note, file: file, line: field.line, column: field.column,
            "column \"\(text)\" is ignored: \"\(earlier)\" already gives \(column.rawValue)"))
        continue
      }
      index[column] = position
      name[column] = text
    }
    let line = header.first?.line ?? 1
    // Without this, a file whose header row is missing gets only "missing required column"
    // errors, which do not say that its first row was read as the header.
    if index.isEmpty {
      diagnostics.append(
        ResultsDiagnostic(
          .error, file: file, line: line, column: 1,
          "no column of the first row is understood: the first row must be a header naming the"
            + " columns, such as election_id,area_name,party,votes"))
    }
    for column in [ResultColumn.electionID, .areaName] where index[column] == nil {
      let others = column.names.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ")
      diagnostics.append(
        ResultsDiagnostic(
          .error, file: file, line: line, column: 1,
          "missing required column \"\(column.rawValue)\" (also accepted: \(others))"))
    }
    let subjects: [ResultColumn] = [.candidate, .surname, .party, .partyShort, .option]
    if !subjects.contains(where: { index[$0] != nil }) {
      diagnostics.append(
        ResultsDiagnostic(
          .error, file: file, line: line, column: 1,
          "missing a column saying whose result each row is: one of "
            + subjects.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")))
    }
    let figures: [ResultColumn] = [
      .votes, .share, .seats, .seatsChange, .councils, .councilsChange, .controlResult,
    ]
    if !figures.contains(where: { index[$0] != nil }) {
      diagnostics.append(
        ResultsDiagnostic(
          .error, file: file, line: line, column: 1,
          "missing a column with a result: one of "
            + figures.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")))
    }
  }
}

/// Reads one row into a record, collecting a diagnostic for every bad field.
struct RowReader {
  let row: CSVReader.Row
  let header: HeaderMap
  let file: String
  var diagnostics: [ResultsDiagnostic] = []
  var positions: [ResultColumn: FieldPosition] = [:]

  /// Counts above this are not plausible in any election this tool checks.
  static let implausibleCount = 1_000_000_000

  /// The most decimals a percentage may have. Results give two or three; the cap keeps the
  /// exact sums of a contest's shares, and their rounding tolerance, well inside `Int`.
  static let maximumPercentageDecimals = 9

  init(row: CSVReader.Row, header: HeaderMap, file: String) {
    self.row = row
    self.header = header
    self.file = file
  }

  /// The record, or nil if any field had an error.
  mutating func read() -> ParsedRow? {
    let electionID = required(.electionID)
    let areaName = required(.areaName)
    let date = text(.date).flatMap { readDate($0) }
    var candidate = text(.candidate)
    let surname = text(.surname)
    if candidate == nil, let surname {
      candidate = [text(.firstName), surname].compactMap { $0 }.joined(separator: " ")
    }
    let party = text(.party)
    let partyShort = text(.partyShort)
    let option = text(.option)
    if candidate == nil, party == nil, partyShort == nil, option == nil {
      let known = positions
      let at = [ResultColumn.candidate, .party, .option].compactMap { known[$0] }.first
      error(
        at: at ?? FieldPosition(line: row.line, column: 1),
        "row says neither the candidate, the party nor the option it counts")
    }
    let votes = count(.votes)
    let share = percentage(.share)
    let seats = count(.seats)
    let seatsChange = count(.seatsChange)
    let councils = count(.councils)
    let councilsChange = count(.councilsChange)
    let electorate = count(.electorate)
    let turnout = percentage(.turnout)
    let totalValidVotes = count(.totalValidVotes)
    let rejectedBallots = count(.rejectedBallots)
    if let votes, let totalValidVotes, votes > totalValidVotes {
      error(
        at: .votes,
        "\(header.name[.votes]!) \(votes) exceeds the \(header.name[.totalValidVotes]!) "
          + "\(totalValidVotes) on the same row")
    }
    if let votes, let electorate, votes > electorate {
      error(
        at: .votes,
        "\(header.name[.votes]!) \(votes) exceeds the \(header.name[.electorate]!) \(electorate)")
    }
    if let totalValidVotes, let electorate, totalValidVotes > electorate {
      error(
        at: .totalValidVotes,
        "\(header.name[.totalValidVotes]!) \(totalValidVotes) exceeds the "
          + "\(header.name[.electorate]!) \(electorate)")
    }
    guard !diagnostics.contains(where: { $0.severity == .error }), let electionID, let areaName
    else { return nil }
    let record = ResultRecord(
      election: ResultRecord.Election(id: electionID, date: date, type: text(.electionType)),
      area: ResultRecord.Area(type: text(.areaType), name: areaName, code: text(.areaCode)),
      round: text(.round)?.lowercased(), candidate: candidate,
      candidateSurname: surname ?? candidate.flatMap { Self.lastWord(of: $0) }, party: party,
      partyShort: partyShort, option: option, votes: votes, share: share, seats: seats,
      seatsChange: seatsChange, councils: councils, councilsChange: councilsChange,
      controlResult: text(.controlResult), electorate: electorate, turnout: turnout,
      totalValidVotes: totalValidVotes, rejectedBallots: rejectedBallots,
      sources: (text(.source) ?? "").split(separator: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty },
      notes: text(.notes), provenance: ResultRecord.Provenance(file: file, line: row.line))
    return ParsedRow(record: record, positions: positions)
  }

  /// The trimmed text of `column`'s field, or nil if the column is absent or the field empty.
  mutating func text(_ column: ResultColumn) -> String? {
    guard let index = header.index[column], let field = row[index] else { return nil }
    positions[column] = FieldPosition(line: field.line, column: field.column)
    let trimmed = field.text.trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? nil : trimmed
  }

  /// The text of a required column's field; an error if it is empty.
  mutating func required(_ column: ResultColumn) -> String? {
    if let value = text(column) { return value }
    if header.index[column] != nil {
      error(at: column, "\(header.name[column]!) is empty")
    }
    return nil
  }

  /// A count: a whole number, non-negative unless the column is a change.
  mutating func count(_ column: ResultColumn) -> Int? {
    guard let raw = text(column) else { return nil }
    let name = header.name[column]!
    guard let number = ExactDecimal(raw) else {
      error(at: column, "\(name) \"\(raw)\" is not a number")
      return nil
    }
    guard let value = number.integerValue else {
      error(at: column, "\(name) \"\(raw)\" is not a whole number")
      return nil
    }
    if value < 0, !column.allowsNegative {
      error(at: column, "\(name) \"\(raw)\" is negative")
      return nil
    }
    if abs(value) > Self.implausibleCount {
      error(at: column, "\(name) \"\(raw)\" is implausibly large")
      return nil
    }
    return value
  }

  /// A percentage in 0...100, with at most nine decimals.
  mutating func percentage(_ column: ResultColumn) -> ExactDecimal? {
    guard let raw = text(column) else { return nil }
    let name = header.name[column]!
    guard let number = ExactDecimal(raw) else {
      error(at: column, "\(name) \"\(raw)\" is not a number")
      return nil
    }
    guard number.scale <= Self.maximumPercentageDecimals else {
      error(
        at: column,
        "\(name) \"\(raw)\" has more than \(Self.maximumPercentageDecimals) decimal places")
      return nil
    }
    guard number >= .zero, number <= ExactDecimal(100) else {
      error(at: column, "\(name) \"\(raw)\" is not a percentage between 0 and 100")
      return nil
    }
    return number
  }

  /// An ISO 8601 date (`2016-05-05`), also accepting `5/5/2016` (day first, as in the UK).
  mutating func readDate(_ raw: String) -> String? {
    let parts: [Substring]
    let year: Substring
    let month: Substring
    let day: Substring
    if raw.contains("-") {
      parts = raw.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 3 else { return badDate(raw) }
      (year, month, day) = (parts[0], parts[1], parts[2])
    } else {
      parts = raw.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 3 else { return badDate(raw) }
      (day, month, year) = (parts[0], parts[1], parts[2])
    }
    guard year.count == 4, (1...2).contains(month.count),
      (1...2).contains(day.count), let y = Int(year), let m = Int(month), let d = Int(day),
      (1...12).contains(m), (1...Self.daysIn(month: m, year: y)).contains(d)
    else { return badDate(raw) }
    return String(format: "%04d-%02d-%02d", y, m, d)
  }

  private mutating func badDate(_ raw: String) -> String? {
    error(at: .date, "\(header.name[.date]!) \"\(raw)\" is not a date like 2016-05-05")
    return nil
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func lastWord(of name: String) -> String? {
    name.split(whereSeparator: { $0 == " " }).last.map(String.init)
  }

  mutating func error(at column: ResultColumn, _ message: String) {
    error(at: positions[column] ?? FieldPosition(line: row.line, column: 1), message)
  }

  mutating func error(at position: FieldPosition, _ message: String) {
    diagnostics.append(
      ResultsDiagnostic(
        .error, file: file, line: position.line, column: position.column, message))
  }
}
