/// The words the figure grammar reads: number words, units, hedges, comparatives and the words
/// that change what a number means (months, identifier heads, function words).
///
/// Each case's raw value is the lower-case spelling. `NumberLexicon.word(_:)` finds a case from
/// raw bytes without making a `String`.
enum NumberWord: String, CaseIterable, Sendable {
  // Cardinals.
  case zero, one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve
  case thirteen, fourteen, fifteen, sixteen, seventeen, eighteen, nineteen
  case twenty, thirty, forty, fifty, sixty, seventy, eighty, ninety
  case hundred, thousand, million, billion, trillion, dozen
  // Ordinals and fractions.
  case first, second, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth
  case half, halves, thirds, quarter, quarters, fifths, tenths
  // Vague quantities.
  case hundreds, thousands, millions, billions, dozens, tens, scores
  // Connectors and signs.
  case a, an, and, of, `in`, to, than, by, minus, plus, between, from, the
  // Percentages and points.
  case per, cent, percent, percentage, point, points, pts
  // Money.
  case pound, pounds, quid, dollar, dollars, euro, euros, pence, penny
  // Units of time.
  case year, years, month, months, week, weeks, day, days, decade, decades, hour, hours
  case minute, minutes
  // Political units.
  case vote, votes, seat, seats, councillor, councillors, councilor, councilors, mp, mps
  case mep, meps, msp, msps, ams, council, councils, ward, wards, constituency, constituencies
  case voter, voters, member, members, candidate, candidates, election, elections, people
  case gains, losses, preferences
  // Hedges and bounds.
  case almost, nearly, around, about, some, roughly, approximately, circa, just, only, barely
  case exactly, over, under, above, below, more, less, fewer, at, least, most, up, well, close
  case upwards, `as`, many, no
  // Changes and comparisons.
  case gained, gain, gaining, won, lost, lose, loses, losing, shed
  case rose, risen, rise, rises, rising, increased, increase, increases, grew, grown, jumped
  case climbed, surged, fell, fallen, fall, falls, falling, dropped, drop, drops, declined
  case decline, decreased, decrease, slumped, slipped, cut, reduced, down, loss, swing, majority
  case lead, margin, deficit, net, ahead, behind, beat, beaten, trailed, led, outpolled, turnout
  case share, gap, clear
  // Dates and times.
  case january, february, march, april, may, june, july, august, september, october, november
  case december, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec
  // Heads of names that number things rather than count them ("Article 50", "No 10").
  case article, section, clause, chapter, page, paragraph, schedule, part, rule, room, tier
  case level, stage, phase, channel, radio, flight, route, committee, number
  case street, road, avenue, square, lane
  // Ordinal contexts.
  case place, position, largest, biggest, came, finished, come, comes, coming, finishing, placed
  // Function words and verbs ending in "s" that never head a counted noun phrase.
  case `is`, was, has, does, this, its, his, us, yes, thus, always, perhaps, whereas, besides
  case towards, ours, yours, theirs, hers, goes, says, seems, means, makes, remains, shows
  case stands, gives, takes, gets, looks, needs, wants, knows, thinks, becomes, sees, tells
  case keeps, puts, runs, holds, includes, suggests, appears, matters, across, unless, plays
  case on, `for`, with, or, but, that, which, who, these, those, it, they, we, he, she, be, been
  case were, are, not, so, `if`, when, `where`, `while`, after, before, since, until, into, out
  case off, very, too, also, even, still, ago, later, earlier, each, every, all, both, such
  case their, her, my, our, your, there, here, then, what, whom, whose, would, could, should
  case will, can, had, have, did, `do`, being, during, within, without, against, among, through
  case because
}

extension NumberWord {
  /// Whether a numeral can start with this word.
  var startsNumeral: Bool {
    smallCardinal != nil || scaleExponent != nil || ordinal != nil || denominator != nil
      || vagueValue != nil || self == .dozen
  }

  /// The value of a cardinal from zero to ninety.
  var smallCardinal: Int? {
    switch self {
    case .zero: 0
    case .one: 1
    case .two: 2
    case .three: 3
    case .four: 4
    case .five: 5
    case .six: 6
    case .seven: 7
    case .eight: 8
    case .nine: 9
    case .ten: 10
    case .eleven: 11
    case .twelve: 12
    case .thirteen: 13
    case .fourteen: 14
    case .fifteen: 15
    case .sixteen: 16
    case .seventeen: 17
    case .eighteen: 18
    case .nineteen: 19
    case .twenty: 20
    case .thirty: 30
    case .forty: 40
    case .fifty: 50
    case .sixty: 60
    case .seventy: 70
    case .eighty: 80
    case .ninety: 90
    default: nil
    }
  }

  /// The power of ten of a scale word ("hundred" 2, "million" 6).
  var scaleExponent: Int? {
    switch self {
    case .hundred: 2
    case .thousand: 3
    case .million: 6
    case .billion: 9
    case .trillion: 12
    default: nil
    }
  }

  /// The rank of an ordinal word.
  var ordinal: Int? {
    switch self {
    case .first: 1
    case .second: 2
    case .third: 3
    case .fourth: 4
    case .fifth: 5
    case .sixth: 6
    case .seventh: 7
    case .eighth: 8
    case .ninth: 9
    case .tenth: 10
    default: nil
    }
  }

  /// The denominator of a fraction word, singular ("a third") or plural ("two-thirds").
  var denominator: (value: Int, isPlural: Bool)? {
    switch self {
    case .half: (2, false)
    case .halves: (2, true)
    case .third: (3, false)
    case .thirds: (3, true)
    case .quarter, .fourth: (4, false)
    case .quarters: (4, true)
    case .fifth: (5, false)
    case .fifths: (5, true)
    case .tenth: (10, false)
    case .tenths: (10, true)
    default: nil
    }
  }

  /// The order of magnitude of a vague plural ("hundreds" 100): mantissa and exponent.
  var vagueValue: (mantissa: UInt64, exponent: Int)? {
    switch self {
    case .tens: (1, 1)
    case .dozens: (12, 0)
    case .scores: (2, 1)
    case .hundreds: (1, 2)
    case .thousands: (1, 3)
    case .millions: (1, 6)
    case .billions: (1, 9)
    default: nil
    }
  }

  /// The unit a word names when it follows a number.
  var unit: FigureUnit? {
    switch self {
    case .percent: .percent
    case .point, .points, .pts: .points
    case .pound, .pounds, .quid: .pounds
    case .dollar, .dollars: .dollars
    case .euro, .euros: .euros
    case .pence, .penny: .pence
    case .year, .years: .years
    case .month, .months: .months
    case .week, .weeks: .weeks
    case .day, .days: .days
    case .decade, .decades: .decades
    case .hour, .hours: .hours
    case .minute, .minutes: .minutes
    case .vote, .votes, .preferences: .votes
    case .seat, .seats: .seats
    case .councillor, .councillors, .councilor, .councilors: .councillors
    case .mp, .mps: .mps
    case .mep, .meps: .meps
    case .msp, .msps: .msps
    case .ams: .ams
    case .council, .councils: .councils
    case .ward, .wards: .wards
    case .constituency, .constituencies: .constituencies
    case .voter, .voters: .voters
    case .member, .members: .members
    case .candidate, .candidates: .candidates
    case .election, .elections, .people, .gains, .losses: .counted
    default: nil
    }
  }

  /// Whether the word is singular, so it only counts after "one" or "1" ("one seat").
  var isSingularUnit: Bool {
    switch self {
    case .point, .pound, .dollar, .euro, .penny, .year, .month, .week, .day, .decade, .hour,
      .minute, .vote, .seat, .councillor, .councilor, .mp, .mep, .msp, .council, .ward,
      .constituency, .voter, .member, .candidate, .election:
      true
    default: false
    }
  }

  /// Whether a verb or noun before a number makes it a change ("lost 405 seats", "a swing of").
  var isChange: Bool { changeDirection != nil || self == .swing }

  /// The direction of change a verb or noun before a number gives ("lost 405 seats").
  var changeDirection: Figure.Direction? {
    switch self {
    case .gained, .gain, .gaining, .gains: .gained
    case .lost, .lose, .loses, .losing, .shed, .loss, .losses: .lost
    case .rose, .risen, .rise, .rises, .rising, .increased, .increase, .increases, .grew, .grown,
      .jumped, .climbed, .surged, .up:
      .up
    case .fell, .fallen, .fall, .falls, .falling, .dropped, .drop, .drops, .declined, .decline,
      .decreased, .decrease, .slumped, .slipped, .cut, .reduced, .down:
      .down
    default: nil
    }
  }

  /// A measure a number can be a value of ("a majority of 5,907", "turnout was 66 per cent").
  var measure: String? {
    switch self {
    case .majority: "majority"
    case .lead: "lead"
    case .margin: "margin"
    case .gap: "gap"
    case .swing: "swing"
    case .turnout: "turnout"
    case .share: "share"
    case .deficit: "deficit"
    default: nil
    }
  }

  /// Whether the measure is itself a difference between two numbers.
  var measureIsDifference: Bool {
    switch self {
    case .majority, .lead, .margin, .gap, .swing, .deficit: true
    default: false
    }
  }

  /// Verbs that make "by N" a margin or a change ("won by 5,907", "fell by 3 points").
  var takesMarginBy: Bool {
    if isChange { return true }
    switch self {
    case .won, .beat, .beaten, .trailed, .led, .lead, .outpolled, .swing, .ahead, .behind:
      return true
    default: return false
    }
  }

  /// Whether a capitalised form names a month.
  var isMonth: Bool {
    switch self {
    case .january, .february, .march, .april, .may, .june, .july, .august, .september, .october,
      .november, .december, .jan, .feb, .mar, .apr, .jun, .jul, .aug, .sep, .sept, .oct, .nov,
      .dec:
      true
    default: false
    }
  }

  /// Whether a capitalised form before a number makes it a name ("Article 50", "Number 10").
  var isIdentifierHead: Bool {
    switch self {
    case .article, .section, .clause, .chapter, .page, .paragraph, .schedule, .part, .rule, .room,
      .tier, .level, .stage, .phase, .channel, .radio, .flight, .route, .number, .no:
      true
    default: false
    }
  }

  /// Whether a lower-case form before a number still makes it a name ("article 50").
  var isLowercaseIdentifierHead: Bool {
    switch self {
    case .article, .section, .clause, .chapter, .page, .paragraph, .schedule: true
    default: false
    }
  }

  /// Words that end a street name after a number ("10 Downing Street").
  var isStreet: Bool {
    switch self {
    case .street, .road, .avenue, .square, .lane: true
    default: false
    }
  }

  /// Words after which a word ordinal is a rank ("came second", "third place").
  var isOrdinalContext: Bool {
    switch self {
    case .place, .position, .largest, .biggest, .came, .finished, .come, .comes, .coming,
      .finishing, .placed:
      true
    default: false
    }
  }

  /// Words that never modify or head a counted noun ("56 of", "six years into").
  var isFunctionWord: Bool {
    switch self {
    case .a, .an, .and, .of, .in, .to, .than, .by, .from, .the, .between, .per, .at, .up, .as,
      .no, .more, .less, .fewer, .most, .least, .over, .under, .about, .around, .only, .just,
      .almost, .nearly, .some, .is, .was, .has, .does, .this, .its, .his, .us, .yes, .thus,
      .always, .perhaps, .whereas, .besides, .towards, .ours, .yours, .theirs, .hers, .goes, .says,
      .seems, .means, .makes, .remains, .shows, .stands, .gives, .takes, .gets, .looks, .needs,
      .wants, .knows, .thinks, .becomes, .sees, .tells, .keeps, .puts, .runs, .holds, .includes,
      .suggests, .appears, .matters, .across, .unless, .plays, .on, .for, .with, .or, .but, .that,
      .which, .who, .these, .those, .it, .they, .we, .he, .she, .be, .been, .were, .are, .not,
      .so, .if, .when, .where, .while, .after, .before, .since, .until, .into, .out, .off, .very,
      .too, .also, .even, .still, .ago, .later, .earlier, .each, .every, .all, .both, .such,
      .their, .her, .my, .our, .your, .there, .here, .then, .what, .whom, .whose, .would, .could,
      .should, .will, .can, .had, .have, .did, .do, .being, .during, .within, .without, .against,
      .among, .through, .because, .ahead, .behind, .down, .well, .close, .won, .lost, .gained,
      .plus,
      .minus:
      true
    default: false
    }
  }

  /// Prepositions after which a four-digit number is a year, whatever follows ("in 2015 councils").
  var introducesYear: Bool {
    switch self {
    case .in, .since, .by, .until, .from, .during, .before, .after, .of, .to, .between: true
    default: false
    }
  }
}

/// The unit a figure's number is counted in, as the grammar recognises it.
enum FigureUnit: Sendable {
  case percent, points, pounds, dollars, euros, pence
  case years, months, weeks, days, decades, hours, minutes
  case votes, seats, councillors, mps, meps, msps, ams, councils, wards, constituencies, voters
  case members, candidates
  /// Any other counted noun ("two mayoral victories").
  case counted

  /// The unit as figures report it.
  var name: String {
    switch self {
    case .percent: "percent"
    case .points: "points"
    case .pounds, .pence: "GBP"
    case .dollars: "USD"
    case .euros: "EUR"
    case .years: "years"
    case .months: "months"
    case .weeks: "weeks"
    case .days: "days"
    case .decades: "decades"
    case .hours: "hours"
    case .minutes: "minutes"
    case .votes: "votes"
    case .seats: "seats"
    case .councillors: "councillors"
    case .mps: "MPs"
    case .meps: "MEPs"
    case .msps: "MSPs"
    case .ams: "AMs"
    case .councils: "councils"
    case .wards: "wards"
    case .constituencies: "constituencies"
    case .voters: "voters"
    case .members: "members"
    case .candidates: "candidates"
    case .counted: "count"
    }
  }

  /// Units of time make a figure a duration.
  var isDuration: Bool {
    switch self {
    case .years, .months, .weeks, .days, .decades, .hours, .minutes: true
    default: false
    }
  }

  /// Units of money make a figure money.
  var isMoney: Bool {
    switch self {
    case .pounds, .dollars, .euros, .pence: true
    default: false
    }
  }

  /// Units that election results are counted in, used to fill in a bare number's unit from
  /// its sentence or paragraph ("Goldsmith (994,614) got 238,000 fewer votes").
  var isElectoral: Bool {
    switch self {
    case .votes, .seats, .councillors, .mps, .meps, .msps, .ams, .councils, .wards,
      .constituencies, .voters, .members:
      true
    default: false
    }
  }
}

/// Finds `NumberWord`s from raw bytes: ASCII letters folded to lower case and packed into two
/// 64-bit integers, looked up in an open-addressing table with a multiplicative hash, so a
/// lookup reads the word once and allocates nothing. A bit table of (first three letters,
/// length) answers "can this word start a numeral?" for most words without a lookup.
struct NumberLexicon: Sendable {
  /// The one table, built on first use.
  static let shared = NumberLexicon()

  /// The longest word in the table, in bytes.
  static let maximumLength = 16

  private static let slotCount = 1024
  private var lows: [UInt64]
  private var highs: [UInt64]
  private var words: [NumberWord?]
  private var starters: [UInt64]

  private init() {
    lows = Array(repeating: 0, count: Self.slotCount)
    highs = Array(repeating: 0, count: Self.slotCount)
    words = Array(repeating: nil, count: Self.slotCount)
    starters = Array(repeating: 0, count: 26 * 26 * 26 * 32 / 64)
    precondition(NumberWord.allCases.count * 2 <= Self.slotCount, "number word table too full")
    for word in NumberWord.allCases {
      let bytes = Array(word.rawValue.utf8)
      guard let (low, high) = bytes.withUnsafeBufferPointer({ Self.key(for: $0) }) else {
        preconditionFailure("number word \(word) is not short ASCII")
      }
      var slot = Self.slot(low, high)
      while words[slot] != nil {
        precondition(lows[slot] != low || highs[slot] != high, "duplicate number word \(word)")
        slot = (slot + 1) & (Self.slotCount - 1)
      }
      lows[slot] = low
      highs[slot] = high
      words[slot] = word
      if word.startsNumeral, let bit = bytes.withUnsafeBufferPointer({ Self.starterBit($0) }) {
        starters[bit >> 6] |= 1 << UInt64(bit & 63)
      }
    }
  }

  private static func slot(_ low: UInt64, _ high: UInt64) -> Int {
    let mixed = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)
    return Int(truncatingIfNeeded: mixed >> 54) & (slotCount - 1)
  }

  private static func key(for bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
    guard !bytes.isEmpty, bytes.count <= maximumLength else { return nil }
    var low: UInt64 = 0
    var high: UInt64 = 0
    for index in 0..<bytes.count {
      var byte = bytes[index]
      guard byte < 0x80 else { return nil }
      if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
      if index < 8 {
        low = low << 8 | UInt64(byte)
      } else {
        high = high << 8 | UInt64(byte)
      }
    }
    // The length keeps "ab" and "\0ab" apart.
    high |= UInt64(bytes.count) << 56
    return (low, high)
  }

  private static func starterBit(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard bytes.count >= 3, bytes.count < 32 else { return nil }
    var index = 0
    for offset in 0..<3 {
      let letter = Int(bytes[offset] | 0x20) - Int(UInt8(ascii: "a"))
      guard letter >= 0, letter < 26 else { return nil }
      index = index * 26 + letter
    }
    return index * 32 + bytes.count
  }

  /// Whether the bytes of a word (or of the first part of a hyphenated word) may start a
  /// numeral; false for almost every other word. "a" and "an" may ("a dozen", "a third of").
  ///
  /// Complexity: O(1).
  func mayStartNumeral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.count <= 2 {
      return bytes.count >= 1 && bytes[0] | 0x20 == UInt8(ascii: "a")
        && (bytes.count == 1 || bytes[1] | 0x20 == UInt8(ascii: "n"))
    }
    guard let bit = Self.starterBit(bytes) else { return false }
    return starters[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }

  /// The word the bytes spell, ignoring ASCII case; nil for anything else.
  ///
  /// Complexity: O(length), no allocation.
  func word(_ bytes: UnsafeBufferPointer<UInt8>) -> NumberWord? {
    guard let (low, high) = Self.key(for: bytes) else { return nil }
    var slot = Self.slot(low, high)
    while let word = words[slot] {
      if lows[slot] == low && highs[slot] == high { return word }
      slot = (slot + 1) & (Self.slotCount - 1)
    }
    return nil
  }
}
