extension ResultsValidator {
  /// Checks rows against each other: duplicates, conflicts, and each contest's arithmetic.
  ///
  /// A row whose figures repeat an earlier kept row's is a duplicate (warning, dropped). A row
  /// whose votes differ from an earlier kept row's with the same key is a conflict (error,
  /// against the first such row), unless the row is a duplicate of a row kept before that one.
  ///
  /// Complexity: O(n) expected in the number of rows (hashing). Each key keeps the first row
  /// with votes and the first with other votes, so rows sharing a key are not compared pairwise
  /// (which made 8,000 rows of one contest and party take 80 s under the fuzzer's sanitizers).
  func checkRows(_ rows: [ParsedRow]) -> (records: [ResultRecord], [ResultsDiagnostic]) {
    var diagnostics: [ResultsDiagnostic] = []
    var kept: [ParsedRow] = []
    kept.reserveCapacity(rows.count)
    /// The first kept row with these figures.
    var firstWithFigures: [ResultRecord: Int] = [:]
    /// Per key, the first kept row with votes and the first kept row with other votes.
    var votesByKey: [RowKey: (first: Int, other: Int?)] = [:]
    for row in rows {
      let key = RowKey(row.record)
      let figures = Self.figures(of: row.record)
      let duplicate = firstWithFigures[figures]
      if let votes = row.record.votes, let seen = votesByKey[key] {
        let conflict = kept[seen.first].record.votes != votes ? seen.first : seen.other
        if let conflict, conflict < duplicate ?? kept.count {
          let earlier = kept[conflict].record
          diagnostics.append(
            diagnostic(
              .error, row, at: row.position(of: .votes),
              "conflicting votes for \(row.record.subject) in \(Self.describe(row.record)): "
                + "\(votes) here, \(earlier.votes!) at \(earlier.provenance)"))
        }
      }
      if let duplicate {
        diagnostics.append(
          diagnostic(
            .warning, row, at: FieldPosition(line: row.record.provenance.line, column: 1),
            "duplicate of the row at \(kept[duplicate].record.provenance); this copy is ignored"))
        continue
      }
      let index = kept.count
      kept.append(row)
      firstWithFigures[figures] = index
      if let votes = row.record.votes {
        if let seen = votesByKey[key] {
          if seen.other == nil, kept[seen.first].record.votes != votes {
            votesByKey[key]?.other = index
          }
        } else {
          votesByKey[key] = (index, nil)
        }
      }
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

  /// A record without where it was read and its notes: two rows give the same figures when
  /// these are equal.
  static func figures(of record: ResultRecord) -> ResultRecord {
    var figures = record
    figures.provenance = ResultRecord.Provenance(file: "", line: 0)
    figures.notes = nil
    return figures
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
