/// One row of election results: who or what got how many votes, shares or seats, in which
/// election and area, and the `file:line` it was read from.
///
/// Every figure is optional: a row may give votes only, seats only, or a council's control.
/// Counts are `Int`; percentages are `ExactDecimal`, as written in the file.
public struct ResultRecord: Hashable, Sendable {
  /// The election: id, date, type.
  public var election: Election
  /// The area counted: type, name, code.
  public var area: Area
  /// The count or ballot, lower-cased: `first`/`second` (supplementary vote), `constituency`,
  /// `list` or `total` (additional member); nil for a single count.
  public var round: String?
  /// The candidate's full name.
  public var candidate: String?
  /// The candidate's surname: the `surname` column, or the last word of the name.
  public var candidateSurname: String?
  /// The party's name as written in the file.
  public var party: String?
  /// The party's short code (`Con`, `Lab`, `SNP`).
  public var partyShort: String?
  /// The referendum answer (`Remain`, `Leave`).
  public var option: String?
  /// Votes cast for the candidate, party or option.
  public var votes: Int?
  /// Percent of valid votes (`46.5` means 46.5%).
  public var share: ExactDecimal?
  /// Seats won (for a party total) or 1/0 for a candidate elected or not.
  public var seats: Int?
  /// Net change in seats.
  public var seatsChange: Int?
  /// Councils controlled.
  public var councils: Int?
  /// Net change in councils controlled.
  public var councilsChange: Int?
  /// The council-control outcome as written (`Labour hold`, `NOC gain from Labour`).
  public var controlResult: String?
  /// Registered electors in the area.
  public var electorate: Int?
  /// Turnout, percent.
  public var turnout: ExactDecimal?
  /// Valid votes in the contest (the base of `share` where the file computes it).
  public var totalValidVotes: Int?
  /// Rejected ballot papers.
  public var rejectedBallots: Int?
  /// Source keys, split on `;`.
  public var sources: [String]
  /// Notes from the file (cross-checks, discrepancies).
  public var notes: String?
  /// Where the row was read.
  public var provenance: Provenance

  /// Creates a record; every figure defaults to unknown.
  public init(
    election: Election, area: Area, round: String? = nil, candidate: String? = nil,
    candidateSurname: String? = nil, party: String? = nil, partyShort: String? = nil,
    option: String? = nil, votes: Int? = nil, share: ExactDecimal? = nil, seats: Int? = nil,
    seatsChange: Int? = nil, councils: Int? = nil, councilsChange: Int? = nil,
    controlResult: String? = nil, electorate: Int? = nil, turnout: ExactDecimal? = nil,
    totalValidVotes: Int? = nil, rejectedBallots: Int? = nil, sources: [String] = [],
    notes: String? = nil, provenance: Provenance
  ) {
    self.election = election
    self.area = area
    self.round = round
    self.candidate = candidate
    self.candidateSurname = candidateSurname
    self.party = party
    self.partyShort = partyShort
    self.option = option
    self.votes = votes
    self.share = share
    self.seats = seats
    self.seatsChange = seatsChange
    self.councils = councils
    self.councilsChange = councilsChange
    self.controlResult = controlResult
    self.electorate = electorate
    self.turnout = turnout
    self.totalValidVotes = totalValidVotes
    self.rejectedBallots = rejectedBallots
    self.sources = sources
    self.notes = notes
    self.provenance = provenance
  }

  /// Who or what the figures are for: the candidate, else the party, else the option.
  public var subject: String {
    candidate ?? party ?? partyShort ?? option ?? ""
  }

  /// The contest the row belongs to: election, area and round.
  public var contest: Contest {
    Contest(
      electionID: election.id.lowercased(), area: FoldedName(area.name),
      round: round.map(FoldedName.init) ?? FoldedName(""))
  }
}

extension ResultRecord {
  /// An election: its id, date and type.
  public struct Election: Hashable, Sendable {
    /// The id as written (`london-mayor-2016`).
    public var id: String { didSet { derive() } }
    /// The polling day, ISO 8601 (`2016-05-05`), if given.
    public var date: String? { didSet { derive() } }
    /// The type as written (`Mayor of London (supplementary vote)`), if given.
    public var type: String? { didSet { derive() } }

    /// The year: from the date, else from a four-digit number in the id.
    ///
    /// Stored, with `kind`, and read again whenever the id, date or type changes: the
    /// cross-check asks for both of every record it considers, thousands of times a document.
    public private(set) var year: Int?
    /// The broad kind, read from the type and id.
    public private(set) var kind: Kind = .other

    /// Creates an election.
    public init(id: String, date: String? = nil, type: String? = nil) {
      self.id = id
      self.date = date
      self.type = type
      derive()
    }

    private mutating func derive() {
      if let date, date.count >= 4, let year = Int(date.prefix(4)) {
        self.year = year
      } else {
        year = id.split { !$0.isNumber }.last { $0.count == 4 }.flatMap { Int($0) }
      }
      kind = Kind(describing: (type ?? "") + " " + id)
    }

    /// The broad kinds of election.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
      case general
      case mayoral
      case londonAssembly = "london-assembly"
      case scottishParliament = "scottish-parliament"
      case welshAssembly = "welsh-assembly"
      case local
      case referendum
      case european
      case other

      /// Reads the kind from free text such as an election type or id.
      ///
      /// Complexity: O(n) in the length of the text.
      public init(describing text: String) {
        let words = " " + FoldedName(text).key + " "
        func has(_ phrase: String) -> Bool { words.contains(" " + phrase + " ") }
        if has("referendum") {
          self = .referendum
        } else if has("general") || has("house of commons") {
          self = .general
        } else if has("london assembly") {
          self = .londonAssembly
        } else if has("mayor") || has("mayoral") {
          self = .mayoral
        } else if has("scottish parliament") || has("holyrood") {
          self = .scottishParliament
        } else if has("welsh assembly") || has("national assembly for wales") || has("senedd") {
          self = .welshAssembly
        } else if has("european parliament") {
          self = .european
        } else if has("local") || has("council") {
          self = .local
        } else {
          self = .other
        }
      }
    }
  }

  /// The area a row counts: a nation, region, city, constituency or council.
  public struct Area: Hashable, Sendable {
    /// The type as written (`nation`, `region`, `constituency`), if given.
    public var type: String?
    /// The name as written (`Greater London`).
    public var name: String
    /// The ONS GSS code (`E14000768`), if given.
    public var code: String?

    /// Creates an area.
    public init(type: String? = nil, name: String, code: String? = nil) {
      self.type = type
      self.name = name
      self.code = code
    }
  }

  /// Where a record was read: the file and the 1-based line its row starts on.
  public struct Provenance: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path as given to the loader.
    public var file: String
    /// The 1-based line the row starts on.
    public var line: Int

    /// Creates a provenance.
    public init(file: String, line: Int) {
      self.file = file
      self.line = line
    }

    /// `file:line`, as evidence cites it.
    public var description: String { "\(file):\(line)" }

    public static func < (lhs: Provenance, rhs: Provenance) -> Bool {
      (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }
  }

  /// One count: an election, an area and a round. Shares within a contest add up to 100 when
  /// the contest is listed in full.
  public struct Contest: Hashable, Sendable, CustomStringConvertible {
    /// The election id, lower-cased.
    public var electionID: String
    /// The folded area name.
    public var area: FoldedName
    /// The folded round (empty for a single count).
    public var round: FoldedName

    /// `election / area / round`.
    public var description: String {
      [electionID, area.key, round.key].filter { !$0.isEmpty }.joined(separator: " / ")
    }
  }
}
