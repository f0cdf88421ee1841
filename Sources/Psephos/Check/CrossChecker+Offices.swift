import Foundation

/// Claims about who won: council control, years in office, elections won, comparisons across
/// contests, periods, majorities and places in the count.
extension ClaimCheck {
  /// One election's deciding count in one place: its records, winner first.
  struct Contest {
    var election: ResultRecord.Election
    var records: [ResultRecord]
    var winner: ResultRecord? { records.first }
    var runnerUp: ResultRecord? { records.dropFirst().first }
  }

  /// The deciding count of each election of `kind` held in `place`, oldest first, up to the
  /// article's year when it is known: the final round of a supplementary vote, the seat totals
  /// of an additional-member election, seats won in a general election (the United Kingdom
  /// when no place is given), votes otherwise. Winners are the rows marked with a seat, else
  /// the most seats, else the most votes.
  func contests(kind: ResultRecord.Election.Kind, place: String?) -> [Contest] {
    linker.remembered(ContestsKey(kind: kind, place: place, documentYear: context.documentYear)) {
      allContests(kind: kind, place: place)
    }
  }

  /// What `contests(kind:place:)` depends on besides the store.
  private struct ContestsKey: Hashable {
    var kind: ResultRecord.Election.Kind
    var place: String?
    var documentYear: Int?
  }

  private func allContests(kind: ResultRecord.Election.Kind, place: String?) -> [Contest] {
    var byElection: [String: [ResultRecord]] = [:]
    var order: [ResultRecord.Election] = []
    let wanted = (place ?? (kind == .general ? "United Kingdom" : nil)).map(FoldedName.init)
    for record in store.records(ofKind: kind) {
      if let wanted, !linker.area(record, matches: wanted) { continue }
      if kind == .general, record.area.type?.lowercased() == "constituency", place == nil {
        continue
      }
      let id = record.election.id
      if byElection[id] == nil { order.append(record.election) }
      byElection[id, default: []].append(record)
    }
    var result: [Contest] = []
    for election in order {
      if let year = context.documentYear, let electionYear = election.year, electionYear > year {
        continue
      }
      var records = byElection[election.id] ?? []
      let rounds = Set(records.compactMap { $0.round?.lowercased() })
      if rounds.contains("second") {
        records = records.filter { $0.round?.lowercased() == "second" }
      } else if rounds.contains("total") {
        records = records.filter { $0.round?.lowercased() == "total" }
      }
      // One area: the first one listed (a place may match a nation and its parts).
      if let area = records.first?.area { records = records.filter { $0.area == area } }
      records.sort { lhs, rhs in
        let left = (lhs.seats ?? -1, lhs.votes ?? -1)
        let right = (rhs.seats ?? -1, rhs.votes ?? -1)
        return left > right
      }
      guard !records.isEmpty else { continue }
      result.append(Contest(election: election, records: records))
    }
    return result.sorted { ($0.election.year ?? 0) < ($1.election.year ?? 0) }
  }

  /// Whether a record's candidate or party is the entity.
  func record(_ record: ResultRecord, isFor entity: Claim.EntityReference) -> Bool {
    switch entity.kind {
    case .person:
      return !linker.records(forPerson: entity.canonical).filter {
        $0.candidate == record.candidate
      }
      .isEmpty && record.candidate != nil
    case .party:
      return linker.score(record, linker.matcher(entity.canonical)) > 0
    default:
      return false
    }
  }

  /// "london-mayor-2008: Boris Johnson (Conservative Party) won, final round 1,168,738".
  func winnerStep(_ contest: Contest) -> Evidence {
    let winner = contest.winner!
    let tally: String
    if winner.hasRound, let votes = winner.votes {
      tally = ", \(winner.countName ?? "votes") \(votes.grouped) votes"
    } else if let seats = winner.seats, winner.seats ?? 0 > 1 {
      tally = ", most seats (\(seats))"
    } else {
      tally = winner.votes.map { ", most votes (\($0.grouped))" } ?? ""
    }
    return Evidence(
      source: winner.provenance.description, value: .text(winner.displaySubject),
      arithmetic: "\(contest.election.id): won by \(winner.displaySubject)\(tally)")
  }

  // MARK: Council control

  /// Whether a change of control holds, given who held the place before and after.
  func control(
    _ change: Claim.ControlChange, before: Bool?, after: Bool
  ) -> Bool {
    switch change {
    case .lost: return before == true && !after
    case .gained: return after && before == false
    case .held: return before == true && after
    case .won: return after
    }
  }

  /// "Labour lost control in Dudley", "losing Worcester to No Overall Control", "the
  /// Conservatives lost the seat to Labour": a council's control result where the data records
  /// one, else the winners of the place's elections.
  func checkControl() -> Verdict {
    guard let subject = claim.subject, let place = claim.election.place,
      let change = claim.control
    else {
      return Verdict(
        rating: .unverifiable, explanation: "The claim does not name the party and the place.")
    }
    var election = claim.election
    election.kind = nil
    let placeKey = FoldedName(place)
    let records = store.records.filter {
      $0.controlResult != nil && linker.area($0, matches: placeKey)
        && record($0, fits: election, usePlace: false)
    }
    guard !records.isEmpty else {
      return checkWinners(subject: subject, place: place, change: change)
    }
    let codes = linker.partyCodes(subject.canonical)
    func isSubject(_ name: String?) -> Bool {
      guard let name else { return false }
      return linker.partyScore(subject.canonical, party: name, short: nil, codes: codes) > 0
    }
    var matching: [(ResultRecord, ControlResult)] = []
    var all: [(ResultRecord, ControlResult)] = []
    for record in records {
      guard let result = ControlResult(record.controlResult!) else { continue }
      all.append((record, result))
      if control(change, before: result.before.map(isSubject), after: isSubject(result.after)) {
        matching.append((record, result))
      }
    }
    func preferred(_ list: [(ResultRecord, ControlResult)]) -> (ResultRecord, ControlResult)? {
      if let year = context.documentYear,
        let same = list.first(where: { $0.0.election.year == year })
      {
        return same
      }
      return list.max { ($0.0.election.year ?? 0) < ($1.0.election.year ?? 0) }
    }
    if let (record, result) = preferred(matching) {
      return Verdict(
        rating: .accurate, expectedText: record.controlResult,
        evidence: [controlStep(record, result)],
        explanation:
          "\(subject.canonical) \(Self.verbPhrase(change)) \(record.displayArea) at \(record.election.displayName): the results file records “\(record.controlResult!)” (before: \(result.before ?? "?"); after: \(result.after))\(inferenceClause).",
        election: record.election.id, isElectionInferred: claim.election.year == nil)
    }
    guard let (record, result) = preferred(all) else {
      return Verdict(
        rating: .unverifiable,
        explanation:
          "The control results for \(place) could not be read, so the claim cannot be settled.")
    }
    return Verdict(
      rating: .inaccurate, expectedText: record.controlResult,
      evidence: [controlStep(record, result)],
      explanation:
        "The results file records “\(record.controlResult!)” for \(record.displayArea) at \(record.election.displayName) (before: \(result.before ?? "?"); after: \(result.after)), so the data does not show that \(subject.canonical) \(Self.verbPhrase(change)) it\(inferenceClause).",
      election: record.election.id, isElectionInferred: claim.election.year == nil)
  }

  /// "lost control of", "gained control of", "kept control of", "won".
  static func verbPhrase(_ change: Claim.ControlChange) -> String {
    switch change {
    case .lost: return "lost control of"
    case .gained: return "gained control of"
    case .held: return "kept control of"
    case .won: return "won"
    }
  }

  /// A change of control read from the winners of the place's elections (a constituency, a
  /// mayoralty): the winner of the election meant against the winner of the one before.
  private func checkWinners(
    subject: Claim.EntityReference, place: String, change: Claim.ControlChange
  ) -> Verdict {
    let placeKey = FoldedName(place)
    let kinds = Set(
      store.records.filter { linker.area($0, matches: placeKey) }.map(\.election.kind))
    var pairs: [(before: Contest?, after: Contest)] = []
    for kind in ResultRecord.Election.Kind.allCases where kinds.contains(kind) {
      let list = contests(kind: kind, place: place)
      for (index, contest) in list.enumerated() {
        if let year = claim.election.year, contest.election.year != year { continue }
        pairs.append((index > 0 ? list[index - 1] : nil, contest))
      }
    }
    guard !pairs.isEmpty else {
      return Verdict(
        rating: .unverifiable,
        explanation:
          "The results data has no control result or election winner for \(place); settling this claim needs who held \(place) before and after \(claim.election.year.map { "the \($0) election" } ?? "the election meant")."
      )
    }
    func holds(_ pair: (before: Contest?, after: Contest)) -> Bool {
      let before = pair.before?.winner.map { record($0, isFor: subject) }
      let after = pair.after.winner.map { record($0, isFor: subject) } ?? false
      return control(change, before: before, after: after)
    }
    func evidence(_ pair: (before: Contest?, after: Contest)) -> [Evidence] {
      [pair.before.map(winnerStep), winnerStep(pair.after)].compactMap { $0 }
    }
    // The article's year first, then the latest election; the first kind listed on a tie.
    let ordered = pairs.enumerated().sorted { lhs, rhs in
      let left = lhs.element.after.election.year ?? 0
      let right = rhs.element.after.election.year ?? 0
      if let year = context.documentYear, (left == year) != (right == year) { return left == year }
      return left != right ? left > right : lhs.offset < rhs.offset
    }.map(\.element)
    let chosen = ordered.first(where: holds) ?? ordered.first!
    let winner = chosen.after.winner!.displaySubject
    let before =
      chosen.before?.winner.map { " (\(chosen.before!.election.id): \($0.displaySubject))" } ?? ""
    let ok = holds(chosen)
    return Verdict(
      rating: ok ? .accurate : .inaccurate, expectedText: winner, evidence: evidence(chosen),
      explanation:
        "\(winner) won \(place) at \(chosen.after.election.displayName)\(before), so \(ok ? "" : "the data does not show that ")\(subject.canonical) \(Self.verbPhrase(change)) it\(inferenceClause).",
      election: chosen.after.election.id, isElectionInferred: claim.election.year == nil)
  }

  private func controlStep(_ record: ResultRecord, _ result: ControlResult) -> Evidence {
    Evidence(
      source: record.provenance.description, value: .text(record.controlResult!),
      arithmetic:
        "\(record.displayArea), \(record.election.id): control before \(result.before ?? "unknown"), after \(result.after)"
    )
  }

  // MARK: Years in office

  /// "City Hall has been Tory for eight years": from the first of the subject's consecutive
  /// wins to the election that ended them (or the article's year).
  func checkTenure() -> Verdict {
    guard let figure = claim.figure, let subject = claim.subject, let kind = claim.election.kind
    else {
      return Verdict(
        rating: .unverifiable,
        explanation:
          "The claim does not say which office is held, so the time in office cannot be computed.")
    }
    let list = contests(kind: kind, place: claim.election.place)
    guard
      let lastWin = list.lastIndex(where: { $0.winner.map { record($0, isFor: subject) } ?? false })
    else {
      return Verdict(
        rating: list.isEmpty ? .unverifiable : .inaccurate,
        explanation:
          list.isEmpty
          ? "The results data has no \(kind.rawValue) elections\(claim.election.place.map { " in \($0)" } ?? ""); settling this needs the winners of those elections."
          : "\(subject.canonical) won none of the \(kind.rawValue) elections in the data (\(list.map(\.election.id).joined(separator: ", ")))."
      )
    }
    var first = lastWin
    while first > 0, list[first - 1].winner.map({ record($0, isFor: subject) }) ?? false {
      first -= 1
    }
    let start = list[first].election
    let steps = list[first...lastWin].map(winnerStep)
    if first == 0 {
      return Verdict(
        rating: .unverifiable, evidence: Array(steps),
        explanation:
          "\(subject.canonical) already won the earliest \(kind.rawValue) election in the data (\(start.id)), so when its time in office began is not in the data; settling this needs the results of the \(kind.rawValue) elections before \(start.year.map(String.init) ?? start.id)."
      )
    }
    let endYear: Int?
    var ending: [Evidence] = []
    var endText: String
    if lastWin + 1 < list.count {
      let next = list[lastWin + 1]
      endYear = next.election.year
      ending.append(winnerStep(next))
      endText = "until \(next.election.id), won by \(next.winner!.displaySubject)"
    } else if let year = context.documentYear {
      endYear = year
      endText = "to the article's date (\(context.documentDate!))"
    } else {
      endYear = nil
      endText = "to the latest election in the data"
    }
    guard let endYear, let startYear = start.year else {
      return Verdict(
        rating: .unverifiable, evidence: Array(steps),
        explanation:
          "\(subject.canonical) has held the office since \(start.id) \(endText); without the article's date the length of time cannot be computed."
      )
    }
    let years = ExactDecimal(endYear - startYear)
    let outcome = Tolerance.compare(stated: figure.value, figure: figure, with: years)
    let arithmetic = "\(endYear) − \(startYear) = \(years) years"
    let evidence =
      steps + ending + [
        Evidence(
          source: steps.map(\.source).joined(separator: "; "), value: .number(years),
          arithmetic: arithmetic
            + " (\(subject.canonical) won \(list[first...lastWin].map(\.election.id).joined(separator: ", ")))"
        )
      ]
    let verb =
      outcome.rating == .inaccurate
      ? "not" : outcome.rating == .accurate ? "matching" : "consistent with"
    return Verdict(
      rating: outcome.rating, expected: years, evidence: evidence,
      explanation:
        "\(subject.canonical) held the office from \(start.id) \(endText): \(arithmetic), \(verb) \(text(figure)).",
      election: start.id, isElectionInferred: claim.election.year == nil)
  }

  // MARK: Elections won

  /// "Boris’s two mayoral victories": the elections of the kind the subject won.
  func checkVictories() -> Verdict {
    guard let figure = claim.figure, let subject = claim.subject else {
      return Verdict(rating: .unverifiable, explanation: "No figure or subject to check.")
    }
    let kinds = claim.election.kind.map { [$0] } ?? ResultRecord.Election.Kind.allCases
    var won: [Contest] = []
    for kind in kinds {
      won += contests(kind: kind, place: claim.election.place).filter {
        $0.winner.map { record($0, isFor: subject) } ?? false
      }
    }
    let count = ExactDecimal(won.count)
    let outcome = Tolerance.compare(stated: figure.value, figure: figure, with: count)
    let list = won.map(\.election.id).joined(separator: " and ")
    return Verdict(
      rating: outcome.rating, expected: count, evidence: won.map(winnerStep),
      explanation:
        won.isEmpty
        ? "\(subject.canonical) won no \(claim.election.kind?.rawValue ?? "") election in the data, not \(text(figure))."
        : "\(subject.canonical) won \(won.count) \(claim.election.kind.map { "\($0.rawValue) " } ?? "")election\(won.count == 1 ? "" : "s") in the data (\(list)), \(outcome.rating == .inaccurate ? "not" : "as the text says:") \(text(figure)).",
      election: won.last?.election.id, isElectionInferred: true)
  }

  // MARK: Across contests

  /// "he got enough votes to win every mayoral contest except 2008": the subject's total
  /// against each other contest of the kind, read two ways (more than the runner-up; more than
  /// the winner).
  func checkAcrossContests() -> Verdict {
    guard let subject = claim.subject, let kind = claim.election.kind ?? subjectKind(subject) else {
      return Verdict(
        rating: .unverifiable,
        explanation: "The claim does not say which contests it compares, so it cannot be checked.")
    }
    let list = contests(kind: kind, place: claim.election.place)
    guard
      let own = list.last(where: { contest in
        contest.records.contains { record($0, isFor: subject) }
      }),
      let ownRecord = own.records.first(where: { record($0, isFor: subject) }),
      let total = ownRecord.votes
    else {
      return Verdict(
        rating: .unverifiable,
        explanation:
          "The results data has no \(kind.rawValue) result for \(subject.canonical), so the comparison cannot be made."
      )
    }
    var beatRunnerUp: [Int] = []
    var beatWinner: [Int] = []
    var steps = [
      Evidence(
        source: ownRecord.provenance.description, value: .number(ExactDecimal(total)),
        arithmetic: "\(ownRecord.label): \(total.grouped) votes")
    ]
    for contest in list where contest.election.id != own.election.id {
      guard let year = contest.election.year, let winner = contest.winner,
        let winnerVotes = winner.votes
      else { continue }
      let runnerVotes = contest.runnerUp?.votes ?? 0
      if total <= runnerVotes { beatRunnerUp.append(year) }
      if total <= winnerVotes { beatWinner.append(year) }
      let runner =
        contest.runnerUp.map { "\($0.displaySubject) \(runnerVotes.grouped)" } ?? "no runner-up"
      steps.append(
        Evidence(
          source: [winner.provenance.description, contest.runnerUp?.provenance.description]
            .compactMap { $0 }.joined(separator: "; "),
          value: .number(ExactDecimal(total - runnerVotes)),
          arithmetic:
            "\(contest.election.id) \(winner.countName ?? "count"): winner \(winner.displaySubject) \(winnerVotes.grouped), runner-up \(runner); \(total.grouped) − \(runnerVotes.grouped) = \((total - runnerVotes).grouped)"
        ))
    }
    let claimed = Set(claim.exceptedYears)
    func yearsText(_ years: [Int]) -> String {
      years.isEmpty ? "none" : years.map(String.init).joined(separator: " and ")
    }
    let readingA =
      "more than the runner-up's final total, \(subject.canonical) would have won every contest except \(yearsText(beatRunnerUp))"
    let readingB = "more than the winner's total, every contest except \(yearsText(beatWinner))"
    if Set(beatRunnerUp) == claimed {
      return Verdict(
        rating: .accurate, expectedText: "except \(yearsText(beatRunnerUp))", evidence: steps,
        explanation:
          "With \(total.grouped) votes (\(ownRecord.countName ?? "total"), \(own.election.id)) and reading “enough to win” as \(readingA), as the text says; read as \(readingB).",
        election: own.election.id, isElectionInferred: true, count: ownRecord.countName)
    }
    if Set(beatWinner) == claimed {
      return Verdict(
        rating: .accurate, expectedText: "except \(yearsText(beatWinner))", evidence: steps,
        explanation:
          "With \(total.grouped) votes (\(own.election.id)) and reading “enough to win” as \(readingB), as the text says; read as \(readingA).",
        election: own.election.id, isElectionInferred: true, count: ownRecord.countName)
    }
    return Verdict(
      rating: .inaccurate, expectedText: "except \(yearsText(beatRunnerUp))", evidence: steps,
      explanation:
        "With \(total.grouped) votes (\(own.election.id)): read as \(readingA); read as \(readingB); neither gives “except \(yearsText(claim.exceptedYears))”.",
      election: own.election.id, isElectionInferred: true, count: ownRecord.countName)
  }

  /// The kind of the elections a person stood in, when the text names none.
  private func subjectKind(_ subject: Claim.EntityReference) -> ResultRecord.Election.Kind? {
    linker.records(for: subject).last?.election.kind
  }

  // MARK: Periods

  /// "no opposition has lost council seats in this way for thirty years": the data holds a few
  /// elections, not the history such a claim needs.
  func checkPeriod() -> Verdict {
    let subject = claim.subject
    let kind = claim.election.kind
    let years = claim.figure.map { text($0) } ?? "the period stated"
    var readings: [Reading] = []
    if let subject {
      var election = ElectionContext(kind: kind)
      election.place = nil
      readings = self.readings(for: subject, measure: claim.measure, election: election)
    }
    let elections = Set(
      (kind.map { store.records(ofKind: $0) } ?? store.records).compactMap(\.election.year)
    ).sorted()
    let held = elections.isEmpty ? "none" : elections.map(String.init).joined(separator: ", ")
    let found =
      readings.isEmpty
      ? ""
      : " (\(readings.map { "\($0.record.election.id): \($0.value)" }.joined(separator: "; ")))"
    return Verdict(
      rating: .unverifiable, evidence: readings.map(step(for:)),
      explanation:
        "The claim covers \(years) of \(kind.map { "\($0.rawValue) " } ?? "")elections, but the results data holds only \(held)\(found); settling it needs the \(measureName) at every \(kind.map { "\($0.rawValue) " } ?? "")election over that period."
    )
  }

  // MARK: Majorities and places

  /// "a majority of 62,538": the winner's votes minus the runner-up's, in each fitting count.
  func checkMajority() -> Verdict {
    guard let figure = claim.figure, let subject = claim.subject else {
      return Verdict(rating: .unverifiable, explanation: "No figure or subject to check.")
    }
    if claim.role == .change {
      return Verdict(
        rating: .unverifiable,
        explanation:
          "A change in a majority needs the majorities of two elections; the claim does not say which, so it was not checked."
      )
    }
    if subject.kind == .party, figure.unit == "seats" || figure.value < 1000 {
      return checkSeatMajority(figure: figure, subject: subject)
    }
    var candidates: [(Reading, Reading, ExactDecimal)] = []
    for reading in readings(for: subject, measure: .votes, election: claim.election) {
      let contest = store.records(forElection: reading.record.election.id).filter {
        $0.area == reading.record.area && $0.round == reading.record.round && $0.votes != nil
      }.sorted { $0.votes! > $1.votes! }
      guard contest.count >= 2, let place = contest.firstIndex(of: reading.record), place < 2
      else { continue }
      // The winner's margin; for the runner-up ("lost by"), the margin it lost by.
      guard let other = read(contest[place == 0 ? 1 : 0], measure: .votes) else { continue }
      if place == 0 {
        candidates.append((reading, other, reading.value - other.value))
      } else {
        candidates.append((other, reading, other.value - reading.value))
      }
    }
    guard !candidates.isEmpty else {
      return Verdict(
        rating: .unverifiable,
        explanation:
          "The results data has no count that \(subject.canonical) won with a runner-up listed, so the majority cannot be computed."
      )
    }
    let scored = candidates.map {
      ($0, Tolerance.compare(stated: figure.value, figure: figure, with: $0.2))
    }
    func rank(_ entry: ((Reading, Reading, ExactDecimal), Tolerance.Outcome)) -> (Int, Double, Int)
    {
      (
        entry.1.rating == .inaccurate ? 1 : 0, entry.1.closeness,
        entry.0.0.record.round?.lowercased() == "first" ? 1 : 0
      )
    }
    let best = scored.min { rank($0) < rank($1) }!
    let ((winner, runnerUp, majority), outcome) = best
    let arithmetic =
      "\(winner.value.grouped) − \(runnerUp.value.grouped) = \(majority.grouped) (\(winner.record.label) minus \(runnerUp.record.displaySubject))"
    return Verdict(
      rating: outcome.rating, expected: majority,
      evidence: [
        step(for: winner), step(for: runnerUp),
        Evidence(
          source: "\(winner.record.provenance); \(runnerUp.record.provenance)",
          value: .number(majority),
          arithmetic: arithmetic),
      ],
      explanation:
        "The majority is \(arithmetic)\(outcome.rating == .inaccurate ? ", not \(text(figure))" : "")\(outcome.note.map { " (\($0))" } ?? "")\(inferenceClause).",
      election: winner.record.election.id, isElectionInferred: claim.election.year == nil,
      count: winner.record.countName)
  }

  /// "a majority of 12": the party's seats minus everyone else's, in each fitting count of
  /// seats (the widest area, such as the United Kingdom, when no place is named).
  ///
  /// With `shortfall` ("eight short of a majority"), the seats the party lacked: a bare
  /// majority of the total, less its seats.
  func checkSeatMajority(
    figure: Figure, subject: Claim.EntityReference, shortfall: Bool = false
  ) -> Verdict {
    var found = readings(for: subject, measure: .seats, election: claim.election)
    if claim.election.place == nil { found = widest(found) }
    var candidates: [(Reading, Int, Int)] = []
    for reading in found {
      let rows = store.records(forElection: reading.record.election.id).filter {
        $0.area == reading.record.area && $0.round == reading.record.round && $0.seats != nil
      }
      let total = rows.compactMap(\.seats).reduce(0, +)
      let seats = reading.record.seats ?? 0
      candidates.append((reading, seats, total))
    }
    func measure(_ seats: Int, _ total: Int) -> Int {
      shortfall ? total / 2 + 1 - seats : 2 * seats - total
    }
    guard
      let (reading, seats, total) = candidates.min(by: {
        abs(measure($0.1, $0.2) - (figure.value.integerValue ?? 0))
          < abs(measure($1.1, $1.2) - (figure.value.integerValue ?? 0))
      })
    else { return noRecord(subject: subject) }
    let majority = ExactDecimal(measure(seats, total))
    let arithmetic =
      shortfall
      ? "\(total / 2 + 1) − \(seats) = \(majority) seats short of a majority (\(reading.record.label), \(total) seats in all)"
      : "\(seats) − (\(total) − \(seats)) = \(majority) (\(reading.record.label), \(total) seats in all)"
    let step = Evidence(
      source: reading.record.provenance.description, value: .number(majority),
      arithmetic: arithmetic)
    let difference = (figure.value - majority).magnitude
    let rating: Verdict.Rating
    let explanation: String
    if majority <= .zero {
      rating = .inaccurate
      explanation =
        shortfall
        ? "\(subject.canonical) won \(seats) of \(total) seats, a majority, so it was not short of one: \(arithmetic)."
        : "\(subject.canonical) won \(seats) of \(total) seats, no overall majority: \(arithmetic)."
    } else if difference == .zero {
      rating = .accurate
      explanation = "The data gives \(arithmetic)\(inferenceClause)."
    } else if difference <= 4 {
      rating = .unverifiable
      explanation =
        "The data gives \(arithmetic), not \(text(figure)); counts that leave out the Speaker and seats whose members do not take them differ by a few seats, and the data does not record those, so the figure cannot be settled."
    } else {
      rating = .inaccurate
      explanation =
        "The data gives \(arithmetic), not \(text(figure)): \(differenceClause(stated: figure.value, expected: majority))\(inferenceClause)."
    }
    return Verdict(
      rating: rating, expected: majority, evidence: [step], explanation: explanation,
      election: reading.record.election.id, isElectionInferred: claim.election.year == nil,
      count: reading.record.countName)
  }

  /// "came third": the subject's place by votes in each fitting count.
  func checkPosition() -> Verdict {
    guard let figure = claim.figure, let subject = claim.subject else {
      return Verdict(rating: .unverifiable, explanation: "No figure or subject to check.")
    }
    var places: [(Reading, Int)] = []
    for reading in readings(for: subject, measure: .votes, election: claim.election) {
      let contest = store.records(forElection: reading.record.election.id).filter {
        $0.area == reading.record.area && $0.round == reading.record.round && $0.votes != nil
      }
      let place = 1 + contest.filter { $0.votes! > reading.record.votes! }.count
      places.append((reading, place))
    }
    guard !places.isEmpty else { return noRecord(subject: subject) }
    let best = places.first { ExactDecimal($0.1) == figure.value } ?? places.last!
    let place = ExactDecimal(best.1)
    let ok = place == figure.value
    return Verdict(
      rating: ok ? .accurate : .inaccurate, expected: place, evidence: [step(for: best.0)],
      explanation:
        "\(best.0.record.displaySubject) came \(best.1)\(ordinalSuffix(best.1)) by votes at \(best.0.record.election.displayName)\(ok ? "" : ", not \(figure.value)\(ordinalSuffix(figure.value.integerValue ?? 0))")\(inferenceClause).",
      election: best.0.record.election.id, isElectionInferred: claim.election.year == nil,
      count: best.0.record.countName)
  }

  private func ordinalSuffix(_ value: Int) -> String {
    if (11...13).contains(value % 100) { return "th" }
    return ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][value % 10]
  }
}

/// A council's control result as the data writes it: "Labour hold", "NOC gain from Labour",
/// "Labour gain from Conservative".
struct ControlResult: Hashable {
  /// The controlling party before the election, when the result says.
  var before: String?
  /// The controlling party after it ("No overall control" for NOC).
  var after: String

  /// Reads "X hold" and "X gain from Y"; nil for anything else.
  init?(_ text: String) {
    func expand(_ name: Substring) -> String {
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      return trimmed.uppercased() == "NOC" ? "No overall control" : trimmed
    }
    if let range = text.range(of: " gain from ", options: .caseInsensitive) {
      after = expand(text[..<range.lowerBound])
      before = expand(text[range.upperBound...])
    } else if text.lowercased().hasSuffix(" hold") {
      after = expand(text.dropLast(5))
      before = after
    } else {
      return nil
    }
  }
}
