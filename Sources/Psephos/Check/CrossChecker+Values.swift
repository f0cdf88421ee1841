import Foundation

/// One count of one election, keyed by the names as written (cheaper than a folded
/// `ResultRecord.Contest` for grouping the records of one file).
struct CountKey: Hashable {
  var election: String
  var area: String
  var round: String?

  init(_ record: ResultRecord) {
    election = record.election.id
    area = record.area.name
    round = record.round
  }
}

/// One value the data gives for a claim's quantity: read from a record, or computed from it.
///
/// Equal when every member is; `==` compares the record's `file:line` first, so that telling
/// readings of different records apart (as filtering lists of them does) is quick.
struct Reading: Hashable {
  /// The record the value comes from.
  var record: ResultRecord
  /// The value, in the claim's unit (votes, percent, seats).
  var value: ExactDecimal
  /// What the value is, and its arithmetic when computed.
  var arithmetic: String
  /// Whether the value can only be a lower bound of the true one (turnout from valid votes
  /// when the data lacks rejected ballots).
  var isLowerBound = false
  /// Whether the value is a difference of two rounded shares, off by up to one unit of the
  /// figure's last decimal.
  var isDerivedFromRounded = false

  static func == (left: Reading, right: Reading) -> Bool {
    left.record.provenance == right.record.provenance && left.value == right.value
      && left.isLowerBound == right.isLowerBound
      && left.isDerivedFromRounded == right.isDerivedFromRounded
      && left.arithmetic == right.arithmetic && left.record == right.record
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(record.provenance)
    hasher.combine(value)
  }
}

/// Values and differences: the readings of a subject's records, and the checks of claims
/// that state one value or the gap between two.
extension ClaimCheck {
  /// The readings of `measure` from an entity's records that fit `election`; the place is
  /// dropped when it was only inherited from an earlier sentence and nothing fits with it.
  func readings(
    for entity: Claim.EntityReference, measure: Claim.Measure, election: ElectionContext
  ) -> [Reading] {
    if entity.kind == .place, claim.option == nil, [.seats, .votes, .councillors].contains(measure)
    {
      return totals(in: entity.canonical, measure: measure, election: election)
    }
    var records: [ResultRecord]
    if let option = claim.option {
      let wanted = FoldedName(option)
      records = linker.records(for: entity).filter { FoldedName($0.option ?? "") == wanted }
    } else if entity.kind == .party {
      records = linker.bestRecords(forParty: entity.canonical)
    } else {
      records = linker.records(for: entity)
    }
    var fitting = records.filter { record($0, fits: election) }
    if fitting.isEmpty, election.isPlaceInherited {
      fitting = records.filter { record($0, fits: election, usePlace: false) }
    }
    return fitting.compactMap { read($0, measure: measure) }
  }

  /// The readings of the widest area of each election (the United Kingdom before its nations,
  /// a nation before its regions, a region before its constituencies): what a figure means
  /// when the text names no place.
  func widest(_ readings: [Reading]) -> [Reading] {
    func rank(_ record: ResultRecord) -> Int {
      let name = record.area.name.lowercased()
      if name.hasPrefix("united kingdom") { return 0 }
      if name.hasPrefix("great britain") { return 1 }
      switch record.area.type?.lowercased() {
      case "nation": return 2
      case "region": return 3
      case "city": return 4
      case "council": return 5
      case "constituency": return 6
      default: return 7
      }
    }
    var best: [String: Int] = [:]
    for reading in readings {
      let id = reading.record.election.id
      best[id] = min(best[id] ?? Int.max, rank(reading.record))
    }
    return readings.filter { rank($0.record) == best[$0.record.election.id] }
  }

  /// The total of a place's count ("Scotland’s 59 seats"): the seats or votes of every row of
  /// each fitting count in that area, summed.
  func totals(in place: String, measure: Claim.Measure, election: ElectionContext) -> [Reading] {
    var election = election
    election.place = nil
    var groups: [CountKey: [ResultRecord]] = [:]
    var order: [CountKey] = []
    let wanted = FoldedName(place)
    for row in store.records
    where FoldedName(EntityLinker.withoutQualifier(row.area.name)) == wanted
      && record(row, fits: election)
    {
      let record = row
      let value = measure == .votes ? record.votes : record.seats
      guard value != nil, record.option == nil || measure == .votes else { continue }
      if measure == .votes, record.round?.lowercased() == "total" { continue }
      let key = CountKey(record)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(record)
    }
    return order.compactMap { contest in
      guard let rows = groups[contest], let first = rows.first, rows.count > 1 else { return nil }
      let values = rows.map { (measure == .votes ? $0.votes : $0.seats) ?? 0 }
      let sum = values.reduce(0, +)
      let unit = measure == .votes ? "votes" : "seats"
      return Reading(
        record: first, value: ExactDecimal(sum),
        arithmetic:
          "\(values.map(\.grouped).joined(separator: " + ")) = \(sum.grouped) \(unit) (every row of \(first.displayArea)\(first.countName.map { ", \($0)" } ?? ""), \(first.election.id), \(first.provenance.file) lines \(rows.map { String($0.provenance.line) }.joined(separator: ", ")))"
      )
    }
  }

  /// The value of `measure` in a record, read or computed; nil if the record lacks it.
  func read(_ record: ResultRecord, measure: Claim.Measure) -> Reading? {
    if claim.role == .change, [.votes, .share, .turnout].contains(measure) {
      return derivedChange(record, measure: measure)
    }
    return value(of: record, measure: measure)
  }

  /// A change in votes, share or turnout the data does not give: the value minus the same
  /// party's value in the same place and count at the previous election of the kind
  /// ("39.99 − 30.45 = +9.54 points").
  func derivedChange(_ record: ResultRecord, measure: Claim.Measure) -> Reading? {
    guard let current = value(of: record, measure: measure), let year = record.election.year
    else { return nil }
    let earlier = store.records(ofKind: record.election.kind).filter {
      ($0.election.year ?? Int.max) < year && $0.area.name == record.area.name
        && $0.round == record.round && $0.candidate == nil
        && ($0.party == record.party
          || ($0.partyShort != nil && $0.partyShort == record.partyShort))
        && ($0.option == record.option)
    }
    guard let latest = earlier.compactMap(\.election.year).max(),
      let previousRecord = earlier.first(where: { $0.election.year == latest }),
      let previous = value(of: previousRecord, measure: measure)
    else { return nil }
    let change = current.value - previous.value
    let unit = measure == .votes ? " votes" : " points"
    return Reading(
      record: record, value: change,
      arithmetic:
        "\(record.label): \(current.value.grouped) − \(previous.value.grouped) at \(previousRecord.election.id) (\(previousRecord.provenance)) = \(change > .zero ? "+" : "")\(change.grouped)\(unit)",
      isDerivedFromRounded: measure != .votes)
  }

  /// The value of `measure` in a record, read or computed; nil if the record lacks it.
  func value(of record: ResultRecord, measure: Claim.Measure) -> Reading? {
    // Only a count of councils reads differently for a claim of change.
    let isChange = measure == .councils && claim.role == .change
    return linker.reading(of: record, measure: measure, isChange: isChange) {
      computeValue(of: record, measure: measure, isChange: isChange)
    }
  }

  private func computeValue(
    of record: ResultRecord, measure: Claim.Measure, isChange: Bool
  ) -> Reading? {
    let who = record.label
    switch measure {
    case .votes:
      guard let votes = record.votes else { return nil }
      return Reading(
        record: record, value: ExactDecimal(votes), arithmetic: "\(who): \(votes.grouped) votes")
    case .share:
      if let share = record.share {
        return Reading(
          record: record, value: share, arithmetic: "\(who): \(share)% of the vote (as published)")
      }
      guard let votes = record.votes, let total = record.totalValidVotes,
        let share = ExactDecimal.quotient(
          ExactDecimal(votes).scaled(by: 100), ExactDecimal(total), scale: 2)
      else { return nil }
      return Reading(
        record: record, value: share,
        arithmetic: "\(who): 100 × \(votes.grouped) / \(total.grouped) valid votes = \(share)%")
    case .seats, .councillors:
      guard let seats = record.seats else { return nil }
      return Reading(
        record: record, value: ExactDecimal(seats), arithmetic: "\(who): \(seats.grouped) seats")
    case .seatChange, .councillorChange:
      guard let change = record.seatsChange else { return derivedSeatChange(record) }
      return Reading(
        record: record, value: ExactDecimal(change),
        arithmetic: "\(who): net change \(change > 0 ? "+" : "")\(change.grouped) seats")
    case .councils:
      if isChange, let change = record.councilsChange {
        return Reading(
          record: record, value: ExactDecimal(change),
          arithmetic: "\(who): net change \(change > 0 ? "+" : "")\(change) councils")
      }
      guard let councils = record.councils else { return nil }
      return Reading(
        record: record, value: ExactDecimal(councils), arithmetic: "\(who): \(councils) councils")
    case .turnout:
      let who = "\(record.displayArea), \(record.election.id)"
      if let turnout = record.turnout {
        return Reading(
          record: record, value: turnout, arithmetic: "\(who): turnout \(turnout)% (as published)")
      }
      guard let electorate = record.electorate, let total = record.totalValidVotes,
        let turnout = ExactDecimal.quotient(
          ExactDecimal(total + (record.rejectedBallots ?? 0)).scaled(by: 100),
          ExactDecimal(electorate), scale: 2)
      else { return nil }
      let rejected = record.rejectedBallots.map { " + \($0.grouped) rejected" } ?? ""
      return Reading(
        record: record, value: turnout,
        arithmetic:
          "\(who): 100 × (\(total.grouped) valid\(rejected)) / \(electorate.grouped) electors = \(turnout)%",
        isLowerBound: record.rejectedBallots == nil)
    default:
      return nil
    }
  }

  /// A seat change the data does not give: seats won minus the same party's seats in the
  /// same place at the previous election of the kind ("317 − 330 = −13").
  func derivedSeatChange(_ record: ResultRecord) -> Reading? {
    guard let seats = record.seats, let year = record.election.year else { return nil }
    let earlier = store.records(ofKind: record.election.kind).filter {
      ($0.election.year ?? Int.max) < year && $0.area.name == record.area.name
        && $0.round == record.round && $0.seats != nil && $0.candidate == nil
        && ($0.party == record.party
          || ($0.partyShort != nil && $0.partyShort == record.partyShort))
    }
    guard let latest = earlier.map({ $0.election.year ?? 0 }).max(),
      let previous = earlier.first(where: { $0.election.year == latest }),
      let before = previous.seats
    else { return nil }
    let change = seats - before
    return Reading(
      record: record, value: ExactDecimal(change),
      arithmetic:
        "\(record.label): \(seats) seats − \(before) at \(previous.election.id) (\(previous.provenance)) = \(change > 0 ? "+" : "")\(change)"
    )
  }

  /// The figure as the data writes it: a fraction as a percentage, a loss as a negative
  /// change.
  func signedStated(_ figure: Figure) -> ExactDecimal {
    let value = statedValue(figure)
    if claim.role == .change, figure.direction == .lost || figure.direction == .down {
      return -value
    }
    return value
  }

  /// Orders matching outcomes: accurate first, then closeness, then the article's year, then
  /// the final count over first preferences.
  func isBetter(_ lhs: (Reading, Tolerance.Outcome), than rhs: (Reading, Tolerance.Outcome))
    -> Bool
  {
    func rank(_ rating: Verdict.Rating) -> Int { rating == .accurate ? 0 : 1 }
    if rank(lhs.1.rating) != rank(rhs.1.rating) { return rank(lhs.1.rating) < rank(rhs.1.rating) }
    if lhs.1.closeness != rhs.1.closeness { return lhs.1.closeness < rhs.1.closeness }
    if let year = context.documentYear {
      let left = lhs.0.record.election.year == year
      let right = rhs.0.record.election.year == year
      if left != right { return left }
    }
    return lhs.0.record.round == "second" && rhs.0.record.round != "second"
  }

  // MARK: One value

  /// A claim stating one value: votes, share, seats, a change, turnout.
  func checkValue() -> Verdict {
    guard let figure = claim.figure, let subject = claim.subject else {
      return Verdict(rating: .unverifiable, explanation: "No figure or subject to check.")
    }
    let stated = signedStated(figure)
    let every = readings(for: subject, measure: claim.measure, election: claim.election)
    guard !every.isEmpty else { return noRecord(subject: subject) }
    // With no place named, the whole country's figure first; a narrower area only on a match.
    let national = claim.election.place == nil && subject.kind != .place
    var found = national ? widest(every) : every
    let distinctive =
      Tolerance.roundStep(of: figure, stated: stated).exponent == -stated.scale
      && stated.magnitude >= 1000
    if claim.election.isOpen, !distinctive {
      // A small number, no election named: the elections the article names elsewhere first.
      let named = found.filter {
        context.documentKinds.contains($0.record.election.kind)
          || $0.record.election.year.map(context.documentYears.contains) == true
      }
      if !named.isEmpty { found = named }
    }
    let outcomes = found.map { reading in
      var outcome = Tolerance.compare(stated: stated, figure: figure, with: reading.value)
      if outcome.rating == .inaccurate, reading.isLowerBound, stated >= reading.value,
        stated - reading.value <= 1
      {
        outcome.rating = .accurateRounded
        outcome.note =
          "the data gives valid votes only, \(reading.value)% of the electorate; turnout counting rejected ballots is a little higher"
      }
      let step = Tolerance.statedStep(stated).step
      if outcome.rating == .inaccurate, reading.isDerivedFromRounded,
        (stated - reading.value).magnitude <= step
      {
        outcome.rating = .accurateRounded
        outcome.note =
          "within \(step) of \(reading.value.grouped), a difference of two shares each rounded in the data"
      }
      return (reading, outcome)
    }
    var matches = outcomes.filter { $0.1.rating != .inaccurate }.sorted(by: isBetter)
    var placeClause = ""
    // A narrower area only for a distinctive number (four or more significant digits) that
    // it matches exactly: small numbers and shares match some region by chance.
    if matches.isEmpty, national, found.count < every.count, distinctive {
      let narrower = every.filter { !found.contains($0) }.map { reading in
        (reading, Tolerance.compare(stated: stated, figure: figure, with: reading.value))
      }
      matches = narrower.filter { $0.1.rating == .accurate }.sorted(by: isBetter)
      if !matches.isEmpty {
        found = matches.map(\.0)
        placeClause = "; the article does not name the place"
      }
    }
    if let best = matches.first {
      let (reading, outcome) = best
      let others = Set(matches.dropFirst().map { $0.0.record.election.id }).subtracting([
        reading.record.election.id
      ])
      let also =
        others.isEmpty
        ? "" : "; it is also consistent with \(others.sorted().joined(separator: ", "))"
      let how = outcome.note.map { " (\($0))" } ?? ""
      let verb = outcome.rating == .accurate ? "matches" : "is consistent with"
      return Verdict(
        rating: outcome.rating, expected: reading.value, evidence: [step(for: reading)],
        explanation:
          "\(text(figure)) \(verb) \(describe(reading))\(how)\(inferenceClause)\(placeClause)\(also).",
        election: reading.record.election.id, isElectionInferred: claim.election.year == nil,
        count: reading.record.countName)
    }
    // No reading agrees: the nearest, if the election is named or the record is close.
    let nearest = outcomes.min { $0.1.closeness < $1.1.closeness }!
    let elections = Set(found.map { $0.record.election.id })
    // A year alone does not name an election when several were held that year (a mayoralty,
    // an assembly, councils): the text must also say which kind or where.
    let election = claim.election
    let named =
      election.id != nil || elections.count == 1
      || (election.year != nil && (election.kind != nil || election.place != nil))
    guard named || nearest.1.closeness <= CrossChecker.nearestRecordMargin else {
      return Verdict(
        rating: .unverifiable,
        evidence: [step(for: nearest.0)],
        explanation:
          "No record of \(subject.canonical) matches \(text(figure)): the nearest is \(describe(nearest.0)), \(percent(nearest.1.closeness)) away, and the article does not say which election it means; settling it needs \(measureName) for \(subject.canonical) in the election meant."
      )
    }
    let reading = nearest.0
    let closest = named ? "" : " (the closest record)"
    // Sources disagree: the results file records that another source prints this very number.
    // Say so, with both figures, rather than call the article wrong.
    if distinctive, let printed = note(about: reading.record, spelling: stated) {
      return Verdict(
        rating: .accurate, expected: reading.value,
        evidence: [
          step(for: reading),
          Evidence(
            source: reading.record.provenance.description, value: .text(stated.grouped),
            arithmetic: "another source prints \(stated.grouped): “\(printed)”"),
        ],
        explanation:
          "\(text(figure)) is the figure another source prints for \(describe(reading)), as the results file records (“\(printed)”); the record used gives \(reading.value.grouped) (\(differenceClause(stated: stated, expected: reading.value))). The sources disagree, so the article is not wrong\(inferenceClause).",
        election: reading.record.election.id, isElectionInferred: claim.election.year == nil,
        count: reading.record.countName)
    }
    var noteText =
      note(about: reading.record, mentioning: stated).map {
        " The results file notes: “\($0.trimmingCharacters(in: .whitespaces))”"
      } ?? ""
    if claim.measure == .share, (stated - reading.value).magnitude < 1 {
      noteText +=
        " Shares depend on their base (this record's is \(reading.record.totalValidVotes.map { "\($0.grouped) valid votes in \(reading.record.displayArea)" } ?? "as published")); a share printed over another base, such as Great Britain, can differ by a tenth or two."
    }
    return Verdict(
      rating: .inaccurate, expected: reading.value, evidence: [step(for: reading)],
      explanation:
        "The data gives \(reading.value.grouped) for \(describe(reading))\(closest), not \(text(figure)): \(differenceClause(stated: stated, expected: reading.value))\(inferenceClause).\(noteText)",
      election: reading.record.election.id, isElectionInferred: claim.election.year == nil,
      count: reading.record.countName)
  }

  /// The verdict when no record of the subject fits.
  func noRecord(subject: Claim.EntityReference) -> Verdict {
    let scope =
      claim.election.isOpen && claim.election.place == nil
      ? "" : " (\(claim.election.summary))"
    return Verdict(
      rating: .unverifiable,
      explanation:
        "The results data has no \(measureName) for \(subject.canonical)\(scope); settling this claim needs \(subject.canonical)'s \(measureName) in \(claim.election.isOpen ? "the election meant" : claim.election.summary)."
    )
  }

  /// The claim's figure as written.
  func text(_ figure: Figure) -> String {
    if figure == claim.figure, let written = claim.figureText { return written }
    let value = figure.value.grouped
    switch figure.unit {
    case "percent": return "\(value)%"
    case "points": return "\(value) points"
    case "fraction": return "\(statedValue(figure))%"
    case "years": return "\(value) years"
    default: return value
    }
  }

  /// "the votes of Zac Goldsmith (Conservative Party) in Greater London, final round (after
  /// second preferences), at the 2016 Mayor of London election (london-mayor-2016)".
  func describe(_ reading: Reading) -> String {
    let record = reading.record
    let count = record.countName.map { ", \($0)," } ?? ""
    if let option = claim.option {
      return
        "the \(option) share in \(placePhrase(record.area.name)) at \(record.election.displayName)"
    }
    if claim.measure == .turnout || claim.subject?.kind == .place {
      return
        "the \(measureName) in \(placePhrase(record.area.name))\(count) at \(record.election.displayName)"
    }
    return
      "the \(measureName) of \(record.displaySubject) in \(placePhrase(record.area.name))\(count) at \(record.election.displayName)"
  }

  /// "the United Kingdom", "London".
  func placePhrase(_ name: String) -> String {
    name.hasPrefix("United Kingdom") || name.hasPrefix("Great Britain") ? "the \(name)" : name
  }

  /// "votes", "share of the vote", "net seat change".
  var measureName: String {
    if claim.role == .change, [.votes, .share, .turnout].contains(claim.measure) {
      return "change in \(baseMeasureName) since the previous election"
    }
    return baseMeasureName
  }

  private var baseMeasureName: String {
    switch claim.measure {
    case .votes: return "votes"
    case .share: return claim.option.map { "\($0) share" } ?? "share of the vote"
    case .seats: return "seats"
    case .seatChange: return "net seat change"
    case .councillors: return "councillors elected"
    case .councillorChange: return "net change in councillors"
    case .councils: return claim.role == .change ? "net change in councils" : "councils controlled"
    case .councilControl: return "council control"
    case .majority: return "majority"
    case .turnout: return "turnout"
    case .swing: return "swing"
    case .position: return "place in the count"
    case .tenure: return "time in office"
    case .victories: return "elections won"
    default: return claim.measure.rawValue
    }
  }

  /// "3.6%" for 0.036.
  func percent(_ fraction: Double) -> String {
    let tenths = (fraction * 1000).rounded()
    return "\(ExactDecimal(mantissa: Int(tenths), scale: 1))%"
  }

  // MARK: Differences

  /// The readings of one side of a difference, narrowed to those agreeing with a figure the
  /// text gives for it in brackets (or the nearest within 5%).
  func side(
    _ entity: Claim.EntityReference, election: ElectionContext, pinnedBy figure: Figure?
  ) -> [Reading] {
    let found = readings(for: entity, measure: differenceMeasure, election: election)
    guard let figure else { return found }
    let outcomes = found.map {
      ($0, Tolerance.compare(stated: figure.value, figure: figure, with: $0.value))
    }
    let agreeing = outcomes.filter { $0.1.rating != .inaccurate }.map(\.0)
    if !agreeing.isEmpty { return agreeing }
    if let nearest = outcomes.min(by: { $0.1.closeness < $1.1.closeness }),
      nearest.1.closeness <= CrossChecker.nearestRecordMargin
    {
      return [nearest.0]
    }
    return found
  }

  /// The quantity a difference is taken between: votes unless the text says share or seats.
  var differenceMeasure: Claim.Measure {
    switch claim.measure {
    case .share, .seats, .councillors, .councils, .turnout: return claim.measure
    default: return .votes
    }
  }

  /// A gap between two results: "Goldsmith (994,614) got 238,000 fewer votes than the
  /// Conservatives (1,233,386)", "60,000 fewer than Boris in 2012".
  func checkDifference() -> Verdict {
    guard let figure = claim.figure, let subject = claim.subject,
      let comparison = claim.comparedWith
    else {
      return Verdict(
        rating: .unverifiable,
        explanation:
          "The text does not say what the difference is taken from, so it cannot be computed.")
    }
    let target = comparison.entity ?? subject
    var targetElection = comparison.election
    if targetElection.year == nil, targetElection.id == nil, comparison.entity != nil {
      targetElection.year = claim.election.year
    }
    if targetElection.kind == nil { targetElection.kind = claim.election.kind }
    if targetElection.place == nil {
      targetElection.place = claim.election.place
      targetElection.isPlaceInherited = claim.election.isPlaceInherited
    }
    var subjectElection = claim.election
    var left = side(subject, election: subjectElection, pinnedBy: claim.subjectFigure)
    // "more votes than Ann Able in 2020": the year is both sides' when the subject stood then
    // ("60,000 fewer than Boris in 2012" keeps it for Boris when Goldsmith did not).
    if comparison.entity != nil, claim.election.year == nil, let year = comparison.election.year {
      subjectElection.year = year
      let sameYear = side(subject, election: subjectElection, pinnedBy: claim.subjectFigure)
      if !sameYear.isEmpty { left = sameYear }
    }
    var right = side(target, election: targetElection, pinnedBy: comparison.figure)
    // With no place named, each side is the whole country's figure.
    if claim.election.place == nil, claim.subjectFigure == nil { left = widest(left) }
    if targetElection.place == nil, comparison.figure == nil { right = widest(right) }
    // "3.5 million more votes than in 2015": this side is a later election of the same kind.
    if comparison.entity == nil, claim.election.year == nil, let year = comparison.election.year {
      let kinds = Set(right.map(\.record.election.kind))
      let later = left.filter {
        ($0.record.election.year ?? 0) > year && kinds.contains($0.record.election.kind)
      }
      let nearest = context.documentYear ?? later.compactMap(\.record.election.year).min()
      left = later.filter { $0.record.election.year == nearest }
    }
    guard !left.isEmpty, !right.isEmpty else {
      let missing = left.isEmpty ? subject.canonical : target.canonical
      return Verdict(
        rating: .unverifiable,
        explanation:
          "The results data has no \(differenceMeasureName) for \(missing) that fits the claim, so the difference cannot be computed; it needs both \(subject.canonical)'s and \(target.canonical)'s \(differenceMeasureName)."
      )
    }
    var pairs: [(Reading, Reading)] = []
    for a in left {
      for b in right where a.record != b.record {
        // The same subject in two elections: the same place and count.
        if comparison.entity == nil,
          a.record.area.name != b.record.area.name || a.record.round != b.record.round
        {
          continue
        }
        pairs.append((a, b))
      }
    }
    let sameCountPairs = pairs.filter { sameCount($0.0.record, $0.1.record) }
    if !sameCountPairs.isEmpty { pairs = sameCountPairs }
    guard !pairs.isEmpty else {
      return Verdict(
        rating: .unverifiable, explanation: "Both sides of the difference are the same record.")
    }
    let stated = statedValue(figure)
    let scored = pairs.map { pair -> ((Reading, Reading), ExactDecimal, Tolerance.Outcome) in
      let gap = signedGap(pair.0.value, pair.1.value, direction: figure.direction)
      var outcome = Tolerance.compare(stated: stated, figure: figure, with: gap)
      if figure.direction != nil, gap <= .zero { outcome.rating = .inaccurate }
      return (pair, gap, outcome)
    }
    // Accurate first, then the closest, then the final count over first preferences.
    func rank(_ entry: ((Reading, Reading), ExactDecimal, Tolerance.Outcome)) -> (Int, Double, Int)
    {
      (
        entry.2.rating == .accurate ? 0 : 1, entry.2.closeness,
        entry.0.0.record.round?.lowercased() == "first" ? 1 : 0
      )
    }
    let matches = scored.filter { $0.2.rating != .inaccurate }.sorted { rank($0) < rank($1) }
    let chosen = matches.first ?? scored.min { $0.2.closeness < $1.2.closeness }!
    let ((a, b), gap, outcome) = chosen
    let arithmetic = gapArithmetic(a, b, gap, direction: figure.direction)
    let evidence = [
      step(for: a), step(for: b),
      Evidence(
        source: "\(b.record.provenance); \(a.record.provenance)", value: .number(gap),
        arithmetic: arithmetic),
    ]
    var clauses: [String] = []
    if let own = textArithmetic(direction: figure.direction) { clauses.append(own) }
    if let other = alternativeCount(to: (a, b), in: scored.map(\.0), direction: figure.direction) {
      clauses.append(other)
    }
    let extra = clauses.isEmpty ? "" : "; " + clauses.joined(separator: "; ")
    let inferred = claim.election.year == nil && comparison.election.year == nil
    let inference = inferred ? "; the article does not name the elections" : ""
    if matches.isEmpty {
      return Verdict(
        rating: .inaccurate, expected: gap, evidence: evidence,
        explanation:
          "\(arithmetic), not \(text(figure)): \(differenceClause(stated: stated, expected: gap))\(extra)\(inference).",
        election: a.record.election.id, comparedElection: b.record.election.id,
        isElectionInferred: inferred, count: countPhrase(a, b))
    }
    let how = outcome.note.map { ": \(text(figure)) is \($0)" } ?? ""
    let verb = outcome.rating == .accurate ? "matches" : "is consistent with"
    return Verdict(
      rating: outcome.rating, expected: gap, evidence: evidence,
      explanation:
        "\(text(figure)) \(verb) \(arithmetic)\(how)\(extra)\(inference).",
      election: a.record.election.id, comparedElection: b.record.election.id,
      isElectionInferred: inferred, count: countPhrase(a, b))
  }

  var differenceMeasureName: String {
    switch differenceMeasure {
    case .share: return "share of the vote"
    case .seats, .councillors: return "seats"
    default: return "votes"
    }
  }

  /// Whether two records are the same count of their elections (both final rounds, both
  /// list ballots), or either is counted once.
  func sameCount(_ a: ResultRecord, _ b: ResultRecord) -> Bool {
    !a.hasRound || !b.hasRound || a.round?.lowercased() == b.round?.lowercased()
  }

  /// The gap the direction asks for: fewer is right − left, more is left − right.
  func signedGap(_ left: ExactDecimal, _ right: ExactDecimal, direction: Figure.Direction?)
    -> ExactDecimal
  {
    switch direction {
    case .fewer, .down, .lost: return right - left
    case .more, .up, .gained: return left - right
    case nil: return (left - right).magnitude
    }
  }

  /// "1,233,386 (Conservative Party, London, uk-general-2015) − 994,614 (Zac Goldsmith …) =
  /// 238,772".
  func gapArithmetic(_ a: Reading, _ b: Reading, _ gap: ExactDecimal, direction: Figure.Direction?)
    -> String
  {
    let left = "\(a.value.grouped) (\(a.record.label))"
    let right = "\(b.value.grouped) (\(b.record.label))"
    switch direction {
    case .more, .up, .gained: return "\(left) − \(right) = \(gap.grouped)"
    default: return "\(right) − \(left) = \(gap.grouped)"
    }
  }

  /// "the article's own figures give 1,233,386 − 994,614 = 238,772", when it brackets both.
  func textArithmetic(direction: Figure.Direction?) -> String? {
    guard let own = claim.subjectFigure?.value, let other = claim.comparedWith?.figure?.value
    else { return nil }
    let gap = signedGap(own, other, direction: direction)
    let sum =
      direction == .more || direction == .up
      ? "\(own.grouped) − \(other.grouped)" : "\(other.grouped) − \(own.grouped)"
    return "the article's own bracketed figures give \(sum) = \(gap.grouped)"
  }

  /// The same gap in the other count, for elections counted twice ("first preferences give
  /// 971,931 − 909,755 = 62,176").
  func alternativeCount(
    to chosen: (Reading, Reading), in pairs: [(Reading, Reading)], direction: Figure.Direction?
  ) -> String? {
    let all = linkedPairs(chosen, direction: direction)
    guard
      let other = all.first(where: { $0.0.record.round != chosen.0.record.round })
        ?? pairs.first(where: {
          $0.0.record.round != chosen.0.record.round
            && $0.0.record.election == chosen.0.record.election
        })
    else { return nil }
    let gap = signedGap(other.0.value, other.1.value, direction: direction)
    let count = other.0.record.countName ?? "the other count"
    let sum =
      direction == .more || direction == .up
      ? "\(other.0.value.grouped) − \(other.1.value.grouped)"
      : "\(other.1.value.grouped) − \(other.0.value.grouped)"
    return
      "using the \(chosen.0.record.countName ?? "count given"); \(count) give \(sum) = \(gap.grouped)"
  }

  /// The same two contestants' readings in the other round of the same two elections.
  func linkedPairs(_ chosen: (Reading, Reading), direction: Figure.Direction?) -> [(
    Reading, Reading
  )] {
    guard chosen.0.record.hasRound, chosen.1.record.hasRound else { return [] }
    func otherRound(_ reading: Reading) -> Reading? {
      store.records(forElection: reading.record.election.id).first {
        $0.subject == reading.record.subject && $0.area == reading.record.area
          && $0.round != reading.record.round && $0.round != "total"
      }.flatMap { read($0, measure: differenceMeasure) }
    }
    guard let a = otherRound(chosen.0), let b = otherRound(chosen.1),
      a.record.round == b.record.round
    else { return [] }
    return [(a, b)]
  }

  /// The counts used on the two sides, when either election is counted more than once.
  func countPhrase(_ a: Reading, _ b: Reading) -> String? {
    let names = [a.record.countName, b.record.countName].compactMap { $0 }
    guard !names.isEmpty else { return nil }
    return Set(names).count == 1 ? names[0] : names.joined(separator: " / ")
  }
}
