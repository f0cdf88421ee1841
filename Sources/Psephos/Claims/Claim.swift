/// A checkable statement an article makes about an election (or a figure that looks like one):
/// whose result, which quantity, in which election, compared with what, and who said it.
///
/// "Across London, Goldsmith (994,614) got 238,000 fewer votes than the Conservatives
/// (1,233,386)." gives three claims: Goldsmith's votes (994,614), the Conservatives' votes
/// (1,233,386), and Goldsmith's shortfall (238,000, a difference compared with the
/// Conservative Party), each with the place "London" and an open election.
///
/// A claim usually has a figure. Council control is also claimed without one ("Labour lost
/// control in Dudley"); `keyRange` then covers the words that make the claim.
public struct Claim: Hashable, Sendable {
  /// The sentence the claim is in.
  public var range: ByteRange
  /// The words that make the claim: from the subject to the figure and its comparison, or the
  /// phrase of a claim without a figure ("losing Worcester to No Overall Control").
  public var keyRange: ByteRange
  /// The figure claimed, if any.
  public var figure: Figure?
  /// The figure's words as written ("1.5 million votes"), for messages.
  public var figureText: String?
  /// Whose result it is.
  public var subject: EntityReference?
  /// A figure the text gives in brackets after the subject of a difference ("Goldsmith
  /// (994,614) got 238,000 fewer"), so the text's own arithmetic can be shown.
  public var subjectFigure: Figure?
  /// The quantity claimed.
  public var measure: Measure
  /// How the figure relates to the measure: the value itself, a gap, a change, a period.
  public var role: Role
  /// The election, as far as the text says.
  public var election: ElectionContext
  /// What the figure is compared with ("than the Conservatives (1,233,386)").
  public var comparedWith: Comparison?
  /// Who made the claim, when the article reports someone else's words.
  public var attribution: Attribution?
  /// Whether it is an election result at all.
  public var category: Category
  /// For a referendum, the answer the figure counts ("Remain").
  public var option: String?
  /// For a comparison across contests ("every mayoral contest except 2008"), the years excepted.
  public var exceptedYears: [Int]
  /// For a claim about council control, what the text says happened.
  public var control: ControlChange?
  /// What the extractor could not work out ("no subject found"), so a claim that could not be
  /// parsed is still reported, saying why.
  public var issues: [String]

  /// Creates a claim.
  public init(
    range: ByteRange, keyRange: ByteRange, figure: Figure?, figureText: String? = nil,
    subject: EntityReference?,
    subjectFigure: Figure? = nil, measure: Measure, role: Role = .value,
    election: ElectionContext = ElectionContext(), comparedWith: Comparison? = nil,
    attribution: Attribution? = nil, category: Category = .electionResult, option: String? = nil,
    exceptedYears: [Int] = [], control: ControlChange? = nil, issues: [String] = []
  ) {
    self.range = range
    self.keyRange = keyRange
    self.figure = figure
    self.figureText = figureText
    self.subject = subject
    self.subjectFigure = subjectFigure
    self.measure = measure
    self.role = role
    self.election = election
    self.comparedWith = comparedWith
    self.attribution = attribution
    self.category = category
    self.option = option
    self.exceptedYears = exceptedYears
    self.control = control
    self.issues = issues
  }
}

extension Claim {
  /// The quantity a claim is about.
  public enum Measure: String, Hashable, Sendable, CaseIterable {
    /// Votes cast for a candidate, party or referendum option.
    case votes
    /// A share of the vote, in percent.
    case share
    /// Seats won.
    case seats
    /// A net change in seats.
    case seatChange = "seat-change"
    /// Councillors elected.
    case councillors
    /// A net change in councillors.
    case councillorChange = "councillor-change"
    /// Councils controlled (or their net change).
    case councils
    /// Who controls a council, and whether that changed.
    case councilControl = "council-control"
    /// A winning margin: the winner's votes minus the runner-up's.
    case majority
    /// Turnout, in percent.
    case turnout
    /// A swing between parties, in points.
    case swing
    /// A place in the count: first, second, third.
    case position
    /// How long a party or person has held an office ("Tory for eight years").
    case tenure
    /// How many elections someone won ("two mayoral victories").
    case victories
    /// A poll's figure: a voting intention, a lead, a sample.
    case pollFigure = "poll-figure"
    /// An amount of money.
    case money
    /// A number of years that is not a tenure ("almost 20 years ago").
    case years
    /// Anything else.
    case other
  }

  /// How the figure relates to the measure.
  public enum Role: String, Hashable, Sendable, CaseIterable {
    /// The figure is the measure's value: "994,614 votes", "60 per cent".
    case value
    /// The figure is a gap to what it is compared with: "238,000 fewer votes than".
    case difference
    /// The figure is a net change: "gained 823 councillors", "lost 405 seats".
    case change
    /// The figure is a period over which something has or has not happened: "no opposition
    /// has lost seats like this for thirty years".
    case period
    /// The figure is a contest left out of a comparison across contests: "every mayoral
    /// contest except 2008".
    case exception
  }

  /// Whether a claim is about an election result.
  public enum Category: String, Hashable, Sendable, CaseIterable {
    /// A result of a public election or referendum: checked against the results data.
    case electionResult = "election-result"
    /// An opinion poll, survey or exit poll.
    case poll
    /// A vote of MPs or peers ("MPs voted 310 to 219").
    case division
    /// A party's internal ballot: a leadership contest, a selection, a members' vote.
    case partyBallot = "party-ballot"
    /// Spending, funding, costs.
    case money
    /// Anything else: a length of time, a count with no election in view.
    case other
  }

  /// An entity the claim names, with how the extractor found it.
  public struct EntityReference: Hashable, Sendable {
    /// The canonical name: "Zac Goldsmith", "Conservative Party", "London".
    public var canonical: String
    /// The entity type.
    public var kind: Mention.Kind
    /// The words in the text that name it (a pronoun for "he"); nil when it was inferred from
    /// context outside the sentence.
    public var range: ByteRange?
    /// How it was found.
    public var resolution: Resolution

    /// How a subject or comparison target was found.
    public enum Resolution: String, Hashable, Sendable, CaseIterable {
      /// The figure is in brackets after it: "Goldsmith (994,614)".
      case parenthetical
      /// A verb or possessive frame: "Labour gained 823 councillors", "Boris’s two victories".
      case frame
      /// The nearest suitable mention in the sentence.
      case nearest
      /// A pronoun ("he", "they") resolved to the last suitable mention before it.
      case pronoun
      /// An earlier sentence: "a region that voted 60 per cent remain" after "Scotland".
      case context
      /// The words after "than", "on" or "with" in a comparison.
      case comparison
    }

    /// Creates a reference.
    public init(
      canonical: String, kind: Mention.Kind, range: ByteRange?, resolution: Resolution
    ) {
      self.canonical = canonical
      self.kind = kind
      self.range = range
      self.resolution = resolution
    }
  }

  /// What a figure is compared with.
  public struct Comparison: Hashable, Sendable {
    /// The comparison's words ("than the Conservatives").
    public var range: ByteRange
    /// The entity compared with, if the words name one.
    public var entity: EntityReference?
    /// The figure the text gives for it in brackets ("(1,233,386)").
    public var figure: Figure?
    /// The election of the thing compared with, when the words name one ("than Boris in
    /// 2012"); open otherwise.
    public var election: ElectionContext

    /// Creates a comparison.
    public init(
      range: ByteRange, entity: EntityReference?, figure: Figure? = nil,
      election: ElectionContext = ElectionContext()
    ) {
      self.range = range
      self.entity = entity
      self.figure = figure
      self.election = election
    }
  }

  /// Who the article says made the claim.
  public struct Attribution: Hashable, Sendable {
    /// The speaker as the text names them: "Tim Shipman", "a senior Conservative".
    public var speaker: String
    /// The speaker's words in the text.
    public var range: ByteRange?
    /// Whose report the speaker's words come through, for reported speech inside a quotation
    /// ("a senior Conservative", reported by "Tim Shipman").
    public var reportedBy: String?
    /// Whether the claim is inside quotation marks.
    public var isQuotation: Bool

    /// Creates an attribution.
    public init(
      speaker: String, range: ByteRange?, reportedBy: String? = nil, isQuotation: Bool
    ) {
      self.speaker = speaker
      self.range = range
      self.reportedBy = reportedBy
      self.isQuotation = isQuotation
    }

    /// "a senior Conservative (reported by Tim Shipman)".
    public var description: String {
      reportedBy.map { "\(speaker) (reported by \($0))" } ?? speaker
    }
  }

  /// What a claim without a figure says happened to a council, constituency or office.
  public enum ControlChange: String, Hashable, Sendable, CaseIterable {
    /// The subject lost control ("Labour lost control in Dudley", "losing Worcester to No
    /// Overall Control").
    case lost
    /// The subject took control from someone else ("gained control of", "took").
    case gained
    /// The subject kept control ("Labour held Harlow").
    case held
    /// The subject won the place, whoever held it before ("Labour won London").
    case won
  }
}
