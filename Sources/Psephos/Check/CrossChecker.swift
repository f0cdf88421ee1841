import Foundation

/// Checks claims against the results data and says how they stand, with the evidence.
///
/// For each claim:
/// 1. Polls, divisions, party ballots, money and figures that are not about elections are
///    `not-election-result`: listed, not checked. A claim whose subject or quantity could not be
///    worked out is `unverifiable`, saying what is missing.
/// 2. The subject is linked to records (`EntityLinker`): a person's candidacies, a party's rows
///    (by name, short code or words), a place's areas.
/// 3. The records are narrowed by what the text says of the election (id, year, kind, place,
///    count, option, relative to the article's date). When the text does not name the
///    election, every record consistent with the subject and place is tried, and the verdict
///    says which election matched and that the article does not name it. With no place named,
///    the widest area of each election counts (the United Kingdom before a region), and a
///    narrower one only when it matches a distinctive number (four or more significant
///    digits) exactly; a small number with no election named is looked for first in the
///    elections the article's other claims name.
/// 4. The figure is compared with each reading under the rules of `Tolerance` (exact at the
///    stated precision, rounding and truncation of round numbers, hedges, ranges). Derived
///    quantities are computed from the records, each with its arithmetic in the evidence:
///    differences between two records (pairing the same count of each election first), shares
///    from votes, turnout from valid votes and electorate, majorities (winner minus runner-up),
///    seat majorities (seats minus everyone else's), seat totals of a place (sums), seat and
///    vote changes from the previous election, council control changes and winners of a
///    place, years in office, elections won, and comparisons across contests ("every mayoral
///    contest except 2008", under both readings).
/// 5. Which count matched is said for elections counted more than once: first preferences or
///    the final round of a supplementary vote; constituency or list ballot of an additional-
///    member election.
///
/// A value stated exactly ("1,545,080") that differs from the record is `inaccurate` however
/// small the difference, with the difference, the relative error and any note the record's
/// file gives about it. A figure matched by no record of the named election is `inaccurate`
/// against the nearest; with no election named, the nearest record counts only within 5%,
/// beyond which the claim is `unverifiable`.
///
/// Complexity: O(r) in the records per claim (linking scans party and place names), plus
/// O(a × b) for a difference between a and b candidate readings.
public struct CrossChecker: Sendable {
  /// How far (relative) the nearest record may be from a figure whose election the text does
  /// not name, and still be taken as the record meant.
  public static let nearestRecordMargin = 0.05

  /// Creates a checker.
  public init() {}

  /// The verdict on one claim.
  public func check(
    _ claim: Claim, against store: ResultsStore, context: CheckContext = CheckContext()
  ) -> Verdict {
    check(claim, linker: EntityLinker(store: store), context: context)
  }

  /// The verdict on one claim with the store's names already folded.
  func check(_ claim: Claim, linker: EntityLinker, context: CheckContext) -> Verdict {
    guard claim.category == .electionResult else { return Self.notElectionResult(claim) }
    return ClaimCheck(claim: claim, linker: linker, context: context).run()
  }

  /// The verdict for a claim that is not about an election result.
  static func notElectionResult(_ claim: Claim) -> Verdict {
    let what: String
    switch claim.category {
    case .poll: what = "an opinion poll figure"
    case .division: what = "a vote of MPs or peers (a division)"
    case .partyBallot: what = "a party's internal ballot"
    case .money: what = "an amount of money"
    case .other, .electionResult:
      switch claim.measure {
      case .years: what = "a length of time that is not an election result"
      default: what = "a figure that is not about an election result"
      }
    }
    return Verdict(
      rating: .notElectionResult,
      explanation: "This is \(what): listed, not checked against election results.")
  }
}

/// The check of one claim against the store.
struct ClaimCheck {
  let claim: Claim
  let linker: EntityLinker
  let context: CheckContext

  var store: ResultsStore { linker.store }

  func run() -> Verdict {
    if claim.subject == nil || claim.measure == .other {
      let missing = claim.issues.isEmpty ? ["no subject found"] : claim.issues
      return Verdict(
        rating: .unverifiable,
        explanation:
          "This looks like an election claim but could not be parsed (\(missing.joined(separator: "; "))), so it was not checked."
      )
    }
    switch (claim.measure, claim.role) {
    case (.councilControl, _): return checkControl()
    case (_, .exception): return checkAcrossContests()
    case (_, .period): return checkPeriod()
    case (.tenure, _): return checkTenure()
    case (.victories, _): return checkVictories()
    case (.majority, .difference):
      guard let figure = claim.figure, let subject = claim.subject, subject.kind == .party else {
        return checkDifference()
      }
      return checkSeatMajority(figure: figure, subject: subject, shortfall: true)
    case (_, .difference): return checkDifference()
    case (.majority, _): return checkMajority()
    case (.position, _): return checkPosition()
    default: return checkValue()
    }
  }

  // MARK: Shared steps

  /// The figure's value in the unit of the data: a fraction as a percentage.
  func statedValue(_ figure: Figure) -> ExactDecimal {
    if figure.unit == "fraction" {
      return (figure.value.shifted(byPowerOfTen: 2) ?? figure.value).rounded(toScale: 2)
    }
    return figure.value
  }

  /// Whether a record fits the election context (id, year, kind, place, count, relative).
  func record(
    _ record: ResultRecord, fits election: ElectionContext, usePlace: Bool = true
  ) -> Bool {
    if let id = election.id, record.election.id.lowercased() != id.lowercased() { return false }
    if let year = election.year, record.election.year != year { return false }
    if let kind = election.kind, record.election.kind != kind { return false }
    if usePlace, let place = election.place, !linker.area(record, matches: place) {
      return false
    }
    if let round = election.round, record.round?.lowercased() != round.recordRound {
      return false
    }
    if let relative = election.relative,
      let year = relativeYear(relative, kind: record.election.kind, from: election.relativeTo)
    {
      if record.election.year != year { return false }
    }
    return true
  }

  /// The year a relative reference points to, when the article's date is known: the last
  /// election of the kind up to the article (current), the one before it (previous), or the
  /// first after it (next).
  func relativeYear(
    _ relative: ElectionContext.Relative, kind: ResultRecord.Election.Kind, from base: Int? = nil
  ) -> Int? {
    let years = Set(store.records(ofKind: kind).compactMap(\.election.year)).sorted()
    if let base {
      // Counted from a year the text gives: the election before (or after) it.
      switch relative {
      case .current: return years.last { $0 <= base }
      case .previous: return years.last { $0 < base }
      case .next: return years.first { $0 > base }
      }
    }
    guard let documentYear = context.documentYear else { return nil }
    switch relative {
    case .current: return years.last { $0 <= documentYear }
    case .previous:
      guard let current = years.last(where: { $0 <= documentYear }) else { return nil }
      return years.last { $0 < current }
    case .next: return years.first { $0 > documentYear }
    }
  }

  /// The sentence of a record's notes (or of its block's first row) that mentions `figure`,
  /// with the sentence after it; else the first sentence of the notes about a discrepancy.
  /// The sentences of the record's notes that print `figure` (as "1,545,080" or "1545080"),
  /// if any: the data's own record that another source gives that number.
  func note(about record: ResultRecord, spelling figure: ExactDecimal) -> String? {
    guard let notes = record.notes else { return nil }
    let spellings = [figure.grouped, figure.description]
    let sentences = linker.sentences(ofNote: notes)
    guard
      let index = sentences.firstIndex(where: { sentence in
        spellings.contains { sentence.contains($0) }
      })
    else { return nil }
    return sentences[index...].prefix(2).joined(separator: " ")
  }

  func note(about record: ResultRecord, mentioning figure: ExactDecimal?) -> String? {
    var notes: [String] = []
    if let own = record.notes, !own.isEmpty { notes.append(own) }
    if let blockNote = blockNote(of: record), !notes.contains(blockNote) {
      notes.append(blockNote)
    }
    if let figure {
      let spellings = [figure.grouped, figure.description]
      for note in notes {
        let sentences = linker.sentences(ofNote: note)
        if let index = sentences.firstIndex(where: { sentence in
          spellings.contains { sentence.contains($0) }
        }) {
          return sentences[index...].prefix(2).joined(separator: " ")
        }
      }
    }
    return notes.flatMap(linker.sentences(ofNote:)).first {
      $0.contains("DISCREPANCY") || $0.contains("prints") || $0.contains("differ")
    }
  }

  /// The note of the first record of the same election, area and round that has one: what
  /// the data says about the whole count. Remembered per count, as an election can have
  /// thousands of records.
  private func blockNote(of record: ResultRecord) -> String? {
    linker.remembered(
      CountKey(election: record.election.id, area: record.area.name, round: record.round)
    ) {
      store.records(forElection: record.election.id).first {
        $0.area.name == record.area.name && $0.round == record.round && $0.notes != nil
      }?.notes
    }
  }

  /// One count of an election: its area and round.
  private struct CountKey: Hashable {
    var election: String
    var area: String
    var round: String?
  }

  /// A note's sentences: split after ". " where the next character is upper case.
  static func sentences(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      current.append(characters[index])
      if characters[index] == ".", index + 2 < characters.count, characters[index + 1] == " ",
        characters[index + 2].isUppercase
      {
        result.append(current)
        current = ""
        index += 2
        continue
      }
      index += 1
    }
    if !current.trimmingCharacters(in: .whitespaces).isEmpty { result.append(current) }
    return result
  }

  /// "; the article does not name that election" when the text left it open.
  var inferenceClause: String {
    guard claim.election.year == nil, claim.election.id == nil else { return "" }
    if let relative = claim.election.relative, context.documentDate == nil {
      return
        "; the article does not name that election, only places it relative to its own date (the \(relative.rawValue) election), and that date is not known"
    }
    return "; the article does not name that election"
  }

  /// "32 more than the record (relative error 0.0021%)".
  func differenceClause(stated: ExactDecimal, expected: ExactDecimal) -> String {
    let difference = stated - expected
    let word = difference > .zero ? "more" : "fewer"
    let relative =
      ExactDecimal.quotient(difference.magnitude.scaled(by: 100), expected.magnitude, scale: 4)
      .map { "\($0.trimmingTrailingZeros())%" } ?? "n/a"
    return "\(difference.magnitude.grouped) \(word) than the data (relative error \(relative))"
  }

  /// An evidence step for a record and the value read from it.
  func step(for reading: Reading) -> Evidence {
    Evidence(
      source: reading.record.provenance.description, value: .number(reading.value),
      arithmetic: reading.arithmetic)
  }
}
