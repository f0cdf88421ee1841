extension ResultsValidator {
  /// Checks rows against each other: duplicates, conflicts, and each contest's arithmetic.
  ///
  /// Complexity: O(n) expected in the number of rows (hashing), plus O(k²) for k rows sharing
  /// one key, which is tiny in practice.
  func checkRows(_ rows: [ParsedRow]) -> (records: [ResultRecord], [ResultsDiagnostic]) {
    var diagnostics: [ResultsDiagnostic] = []
    var kept: [ParsedRow] = []
    kept.reserveCapacity(rows.count)
    var byKey: [RowKey: [Int]] = [:]
    rowLoop: for row in rows {
      let key = RowKey(row.record)
      var reportedConflict = false
      for index in byKey[key, default: []] {
        let earlier = kept[index]
        if Self.sameFigures(earlier.record, row.record) {
          diagnostics.append(
            diagnostic(
              .warning, row, at: FieldPosition(line: row.record.provenance.line, column: 1),
              "duplicate of the row at \(earlier.record.provenance); this copy is ignored"))
          continue rowLoop
        }
        if !reportedConflict, let earlierVotes = earlier.record.votes,
          let votes = row.record.votes, earlierVotes != votes
        {
          reportedConflict = true
          diagnostics.append(
            diagnostic(
              .error, row, at: row.position(of: .votes),
              "conflicting votes for \(row.record.subject) in \(Self.describe(row.record)): "
                + "\(votes) here, \(earlierVotes) at \(earlier.record.provenance)"))
        }
      }
      byKey[key, default: []].append(kept.count)
      kept.append(row)
    }
    diagnostics += checkContests(kept)
    return (kept.map(\.record), diagnostics)
  }

  /// Checks each contest (election + area + round) for consistent totals and for shares that
  /// add up.
  ///
  /// Tables are often partial: the London Assembly, Scottish and Welsh files list only the main
  /// parties, so their shares add up to less than 100. A contest is known to be complete only
  /// when it gives one `total_valid_votes` and its rows' votes add up to exactly that. So:
  /// - shares adding up to more than 100 (beyond rounding) are always a warning;
  /// - shares adding up to less than 100 are a warning only for a complete contest;
  /// - votes adding up to more than the contest's `total_valid_votes` are a warning;
  /// - different `total_valid_votes` within one contest are a warning.
  /// Rounding allows half a unit of the coarsest share's last digit per share (12 shares to
  /// 2 decimals: 0.06).
  func checkContests(_ rows: [ParsedRow]) -> [ResultsDiagnostic] {
    var order: [ResultRecord.Contest] = []
    var members: [ResultRecord.Contest: [ParsedRow]] = [:]
    for row in rows {
      let contest = row.record.contest
      if members[contest] == nil { order.append(contest) }
      members[contest, default: []].append(row)
    }
    var diagnostics: [ResultsDiagnostic] = []
    for contest in order {
      let rows = members[contest]!
      let name = Self.describe(rows[0].record)
      var total: (value: Int, row: ParsedRow)?
      var totalsAgree = true
      for row in rows {
        guard let value = row.record.totalValidVotes else { continue }
        guard let first = total else {
          total = (value, row)
          continue
        }
        if value != first.value {
          totalsAgree = false
          diagnostics.append(
            diagnostic(
              .warning, row, at: row.position(of: .totalValidVotes),
              "total valid votes \(value) differ from \(first.value) at "
                + "\(first.row.record.provenance), in the same contest (\(name))"))
        }
      }
      let voteRows = rows.filter { $0.record.votes != nil }
      let voteSum = voteRows.reduce(0) { $0 + $1.record.votes! }
      if let total, totalsAgree, voteSum > total.value {
        diagnostics.append(
          diagnostic(
            .warning, voteRows[0], at: voteRows[0].position(of: .votes),
            "votes in \(name) add up to \(voteSum), more than its total valid votes \(total.value)"
          ))
      }
      let shareRows = rows.filter { $0.record.share != nil }
      guard !shareRows.isEmpty else { continue }
      let isComplete =
        total != nil && totalsAgree && voteSum == total!.value
        && shareRows.allSatisfy { $0.record.votes != nil }
      let shares = shareRows.map { $0.record.share! }
      let sum = shares.reduce(ExactDecimal.zero, +)
      let coarsest = shares.map(\.scale).min()!
      // n × half a unit in the last place of the coarsest share: n × 5 × 10^-(coarsest + 1).
      let tolerance = ExactDecimal(
        mantissa: 5 * shares.count, scale: min(coarsest + 1, ExactDecimal.maximumScale))
      let hundred = ExactDecimal(100)
      let tooHigh = sum > hundred + tolerance
      let tooLow = isComplete && sum < hundred - tolerance
      guard tooHigh || tooLow else { continue }
      let counted = shares.count == 1 ? "1 share" : "\(shares.count) shares"
      var message = "shares in \(name) add up to \(sum), not 100 (allowing \(tolerance) for "
      message += "rounding \(counted)"
      if tooLow { message += "; the votes add up to the total, so no party is missing" }
      diagnostics.append(
        diagnostic(.warning, shareRows[0], at: shareRows[0].position(of: .share), message + ")"))
    }
    return diagnostics
  }

  /// Whether two records give the same figures (ignoring where they were read and their notes).
  static func sameFigures(_ lhs: ResultRecord, _ rhs: ResultRecord) -> Bool {
    var left = lhs
    var right = rhs
    left.provenance = rhs.provenance
    left.notes = nil
    right.notes = nil
    return left == right
  }

  /// `london-mayor-2016, Greater London, first round`.
  static func describe(_ record: ResultRecord) -> String {
    var parts = [record.election.id, record.area.name]
    if let round = record.round { parts.append("\(round) round") }
    return parts.joined(separator: ", ")
  }

  private func diagnostic(
    _ severity: Finding.Severity, _ row: ParsedRow, at position: FieldPosition, _ message: String
  ) -> ResultsDiagnostic {
    ResultsDiagnostic(
      severity, file: row.record.provenance.file, line: position.line, column: position.column,
      message)
  }
}

/// What makes two rows about the same thing: the contest and who or what they count.
struct RowKey: Hashable {
  var contest: ResultRecord.Contest
  var party: FoldedName
  var candidate: FoldedName
  var option: FoldedName

  init(_ record: ResultRecord) {
    contest = record.contest
    party = FoldedName(record.party ?? record.partyShort ?? "")
    candidate = FoldedName(record.candidate ?? "")
    option = FoldedName(record.option ?? "")
  }
}
