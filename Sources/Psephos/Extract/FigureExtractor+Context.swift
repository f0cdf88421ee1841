/// How the extractor reads what surrounds a numeral: currency, range, unit or counted noun,
/// comparison, hedge and change.
extension FigureReader {
  /// What the words around a number say it is.
  private struct Context {
    var first: Int
    var spanEnd: Int
    var nextToken: Int
    var unit: FigureUnit?
    var unitName: String?
    var bounds: Figure.Bounds?
    var hedge: Figure.Hedge?
    var isDifference = false
    var direction: Figure.Direction?
    var comparison: ByteRange?
    var measure: NumberWord?
    var isMoney = false
    /// The unit was a singular "point" ("a 10-point lead", "a five-point plan").
    var isSingularPoint = false
  }

  /// Turns a numeral into a figure; returns the next token to read, or nil if the numeral is
  /// not a figure here (a word ordinal outside a ranking, "one" without a unit).
  mutating func emit(_ numeral: Numeral) -> Int? {
    var numeral = numeral
    let start = numeral.tokens.lowerBound
    if numeral.isWordOrdinal, !isRanking(numeral) { return nil }
    if numeral.needsUnit, grammar.word(start - 1) == .at { return nil }  // "at one point"
    var context = Context(
      first: start, spanEnd: numeral.range.end, nextToken: numeral.tokens.upperBound)

    // A possessive year ("2016’s result") keeps its year and leaves the clitic out.
    if numeral.suffix == .decade, numeral.integerDigits == 4, !numeral.isShortYear,
      let year = numeral.integerValue, year % 10 != 0,
      let apostrophe = apostropheStart(in: numeral.range)
    {
      numeral.suffix = .none
      numeral.range = ByteRange(numeral.range.start, apostrophe)
      context.spanEnd = numeral.range.end
    }

    if numeral.form == .digits, let currency = currencySymbol(at: start - 1) {
      context.unit = currency
      context.isMoney = true
      context.first = start - 1
    }
    if numeral.form == .digits, !numeral.isSigned, grammar.word(context.first - 1) == .minus,
      sentence.contains(context.first - 1)
    {
      numeral.isSigned = true
      numeral.isNegative = true
      context.first -= 1
    }

    // Ranges: "3–4", "2015-16", "2016/17", "between 20 and 30".
    var upper: Numeral?
    if numeral.form == .digits {
      switch dashRange(after: numeral) {
      case .range(let second, let lower, let lowerValue, let upperValue):
        upper = second
        numeral = lower
        context.bounds = Figure.Bounds(lower: lowerValue, upper: upperValue)
      case .tally(let last):
        let range = ByteRange(tokens[start].range.start, tokens[last].range.end)
        findings.append(
          Finding(.note, "\"\(string(range))\" is a score or split, not one figure", range: range))
        return last + 1
      case .none:
        break
      }
    }
    if upper == nil,
      let (second, lowerValue, upperValue) = betweenRange(
        numeral, first: context.first)
    {
      upper = second
      context.bounds = Figure.Bounds(lower: lowerValue, upper: upperValue)
      context.hedge = .between
    }
    let last = upper ?? numeral
    context.spanEnd = max(context.spanEnd, last.range.end)
    context.nextToken = last.tokens.upperBound

    switch last.suffix {
    case .percent: context.unit = .percent
    case .points: context.unit = .points
    case .pence:
      context.unit = .pence
      context.isMoney = true
    case .times: context.unitName = "times"
    default: break
    }
    if let embedded = numeral.embeddedUnit?.unit {
      context.unit = embedded
      context.isSingularPoint = numeral.embeddedUnit == .point
    }

    if numeral.form == .words || numeral.form == .digits {
      readUnit(numeral, &context)
    }
    if numeral.needsUnit, context.unit == nil { return nil }
    readComparison(&context)
    readMeasureAfter(&context)

    // Before the number: hedge, then what it is a change or a value of.
    let allowsHedge = !numeral.isYearShaped || context.unit != nil
    if context.hedge == nil, let (hedge, hedgeStart) = hedge(endingAt: context.first - 1),
      allowsHedge || hedge == .around || hedge == .circa
    {
      context.hedge = hedge
      readChange(before: hedgeStart - 1, &context)
    } else {
      readChange(before: context.first - 1, &context)
    }
    if numeral.isSigned, numeral.form == .digits {
      context.isDifference = true
      if context.direction == nil { context.direction = numeral.isNegative ? .down : .up }
    }
    // "a five-point plan" counts points of a plan, not percentage points.
    if context.isSingularPoint, !context.isDifference, context.measure == nil {
      context.unit = nil
    }

    guard let figure = makeFigure(numeral, context) else {
      let range = ByteRange(tokens[context.first].range.start, context.spanEnd)
      findings.append(
        Finding(
          .warning, "\"\(string(range))\" is too large to be read exactly", range: range))
      return max(context.nextToken, numeral.tokens.upperBound)
    }
    figures.append(figure)
    return max(context.nextToken, numeral.tokens.upperBound)
  }

  // MARK: Kind, value and unit

  /// The figure, or nil if its value does not fit an `ExactDecimal`.
  private mutating func makeFigure(_ numeral: Numeral, _ context: Context) -> Figure? {
    guard var value = numeral.value else { return nil }
    var bounds = context.bounds
    if context.unit == .pence {
      // Pence are hundredths of a pound: the point moves, nothing is rounded.
      guard let pounds = value.shifted(byPowerOfTen: -2) else { return nil }
      value = pounds
      if let range = bounds {
        guard let lower = range.lower.shifted(byPowerOfTen: -2),
          let upper = range.upper.shifted(byPowerOfTen: -2)
        else { return nil }
        bounds = Figure.Bounds(lower: lower, upper: upper)
      }
    }
    let kind: Figure.Kind
    var unit: String?
    // "1980s", "’80s", "the 60s" are decades; "100s" and "1,000s" are vague plurals.
    let isDecade =
      numeral.suffix == .decade && !numeral.hasSeparatorOrPoint
      && (numeral.integerDigits == 4 || numeral.integerDigits == 2 || numeral.isShortYear)
    let isVague = numeral.form == .vague || numeral.suffix == .decade && !isDecade
    if context.isMoney || context.unit?.isMoney == true {
      kind = .money
      unit = context.unit?.name
    } else if numeral.suffix == .ordinal || numeral.isWordOrdinal {
      kind = .ordinal
    } else if isDecade && numeral.integerDigits != 4 && !numeral.isShortYear {
      // "the 60s" is a decade; "their 20s" and "the over-65s" are ages.
      let first = context.first
      let afterAgeBound =
        grammar.isDash(first - 1) && grammar.isGlued(first)
        && (grammar.word(first - 2) == .over || grammar.word(first - 2) == .under)
      switch afterAgeBound ? .their : grammar.word(first - 1) {
      case .their, .his, .her, .my, .our, .your:
        kind = .count
        unit = "years"
      default:
        kind = .year
        unit = "year"
        value = ExactDecimal(Int(numeral.mantissa) + 1900)
      }
    } else if (numeral.isYearShaped || isDecade) && context.unit == nil {
      kind = .year
      unit = "year"
    } else if isVague, grammar.word(numeral.tokens.upperBound) == .of {
      // "hundreds of activists": the unit is the noun after "of", if known.
      let noun = grammar.word(numeral.tokens.upperBound + 1)?.unit
      kind = noun?.isMoney == true ? .money : .count
      unit = noun?.name
    } else if let unitKind = context.unit, unitKind.isDuration {
      kind = .duration
      unit = unitKind.name
    } else if context.isDifference {
      kind = .difference
      unit = numeral.form == .fraction ? "fraction" : context.unit?.name ?? context.unitName
    } else if numeral.form == .fraction {
      kind = .percentage
      unit = "fraction"
    } else if context.unit == .percent || context.unit == .points {
      kind = .percentage
      unit = context.unit?.name
    } else {
      kind = .count
      unit = context.unit?.name ?? context.unitName
    }
    let isWhole = numeral.form == .digits || numeral.form == .words
    if unit == nil, kind == .count || kind == .difference, isWhole {
      unit = inferredUnit(near: numeral.tokens.lowerBound)?.name
      if unit == nil, context.measure == .majority { unit = FigureUnit.votes.name }
    }
    return Figure(
      range: ByteRange(tokens[context.first].range.start, context.spanEnd), value: value,
      unit: unit, kind: kind, hedge: context.hedge, isVague: isVague,
      bounds: bounds, direction: kind == .year ? nil : context.direction,
      comparison: context.comparison,
      measure: kind == .year || kind == .ordinal ? nil : context.measure?.measure)
  }

  /// The electoral unit named nearest a bare number in its sentence ("Goldsmith (994,614) got
  /// 238,000 fewer votes"), the earlier one on a tie, or else last named earlier in its
  /// paragraph.
  ///
  /// Complexity: O(log k) amortised for figures read in text order. Each sentence's units are
  /// listed once and the paragraph fallback moves one cursor forward, so a long sentence or
  /// paragraph of bare numbers stays linear (scanning it per figure was quadratic).
  private mutating func inferredUnit(near index: Int) -> FigureUnit? {
    let sentence = self.sentence
    if unitsSentence != sentence {
      unitsSentence = sentence
      sentenceUnits = sentence.compactMap { other in electoralUnit(at: other).map { (other, $0) } }
    }
    // The first unit at or after `index`, and the one before it.
    var low = 0
    var high = sentenceUnits.count
    while low < high {
      let middle = (low + high) / 2
      if sentenceUnits[middle].index < index { low = middle + 1 } else { high = middle }
    }
    let before = low > 0 ? sentenceUnits[low - 1] : nil
    let after = low < sentenceUnits.count ? sentenceUnits[low] : nil
    if let before, let after {
      return index - before.index <= after.index - index ? before.unit : after.unit
    }
    if let unit = before?.unit ?? after?.unit { return unit }

    if unitCursor > sentence.lowerBound {
      unitCursor = paragraph.lowerBound  // Asked out of order: scan the paragraph again.
      unitBeforeCursor = nil
    }
    while unitCursor < sentence.lowerBound {
      if let unit = electoralUnit(at: unitCursor) { unitBeforeCursor = (unitCursor, unit) }
      unitCursor += 1
    }
    guard let last = unitBeforeCursor, last.index >= paragraph.lowerBound else { return nil }
    return last.unit
  }

  /// The electoral unit that word token `index` names, if any.
  private func electoralUnit(at index: Int) -> FigureUnit? {
    guard tokens[index].kind == .word, let unit = grammar.word(index)?.unit, unit.isElectoral
    else { return nil }
    return unit
  }

  // MARK: Around the numeral

  /// Whether a word ordinal ranks something: "came second", "third place", "second largest".
  private func isRanking(_ numeral: Numeral) -> Bool {
    if let next = grammar.word(numeral.tokens.upperBound) {
      switch next {
      case .place, .position, .largest, .biggest: return true
      default: break
      }
    }
    // "came third", "finished a distant second".
    var previous = numeral.tokens.lowerBound - 1
    while previous >= max(sentence.lowerBound, numeral.tokens.lowerBound - 3) {
      switch grammar.word(previous) {
      case .came, .finished, .come, .comes, .coming, .finishing, .placed: return true
      default: previous -= 1
      }
    }
    return false
  }

  /// The currency of a "£", "$" or "€" token.
  private func currencySymbol(at index: Int) -> FigureUnit? {
    guard index >= 0, tokens[index].kind == .symbol else { return nil }
    let range = tokens[index].range
    switch range.count {
    case 1 where bytes[range.start] == UInt8(ascii: "$"): return .dollars
    case 2 where bytes[range.start] == 0xC2 && bytes[range.start + 1] == 0xA3: return .pounds
    case 3
    where bytes[range.start] == 0xE2 && bytes[range.start + 1] == 0x82
      && bytes[range.start + 2] == 0xAC:
      return .euros
    default: return nil
    }
  }

  /// Where a trailing "’s" or "'s" starts, or nil for a plain "s" ("1985s").
  private func apostropheStart(in range: ByteRange) -> Int? {
    if range.count >= 3, bytes[range.end - 2] == UInt8(ascii: "'") { return range.end - 2 }
    if range.count >= 5, bytes[range.end - 4] == 0xE2, bytes[range.end - 3] == 0x80,
      bytes[range.end - 2] == 0x99
    {
      return range.end - 4
    }
    return nil
  }

  private enum DashRange {
    case none
    /// The upper numeral, the lower one (possibly rescaled) and the two values.
    case range(Numeral, Numeral, ExactDecimal, ExactDecimal)
    /// A score such as "3-2": the last token.
    case tally(Int)
  }

  /// "3–4", "20-30", "£10-15m", "2008–2012", "2015-16", "2016/17"; "3-2" is a score.
  private func dashRange(after numeral: Numeral) -> DashRange {
    let joint = numeral.tokens.upperBound
    let second: Numeral
    if let year = yearAfterSlash(numeral) {
      second = year
    } else {
      guard numeral.suffix == .none || numeral.suffix == .magnitude || numeral.suffix == .percent,
        !numeral.isShortYear, grammar.isDash(joint), grammar.isGlued(joint),
        grammar.isGlued(joint + 1), joint + 1 < tokens.count, tokens[joint + 1].kind == .number,
        let read = grammar.digits(at: joint + 1), !read.isSigned, !read.isShortYear,
        read.suffix != .ordinal, read.suffix != .time
      else { return .none }
      second = read
    }
    var lower = numeral
    guard var upperValue = second.value else { return .none }
    if numeral.isYearShaped, second.integerDigits == 2, second.suffix == .none,
      !second.hasSeparatorOrPoint, let year = numeral.integerValue
    {
      var upperYear = year / 100 * 100 + Int(second.mantissa)
      if upperYear < year { upperYear += 100 }
      upperValue = ExactDecimal(upperYear)
    } else if second.scale > 0, numeral.scale == 0 {
      lower.exponent += second.scale  // "£10-15m"
      lower.scale = second.scale
    }
    guard let lowerValue = lower.value else { return .none }
    if lowerValue < upperValue { return .range(second, lower, lowerValue, upperValue) }
    return .tally(second.tokens.upperBound - 1)
  }

  /// "between 20 and 30", "between £10m and £15m": the upper numeral and the two values.
  private func betweenRange(_ numeral: Numeral, first: Int) -> (
    Numeral, ExactDecimal, ExactDecimal
  )? {
    guard grammar.word(first - 1) == .between, grammar.word(numeral.tokens.upperBound) == .and
    else { return nil }
    var next = numeral.tokens.upperBound + 1
    if currencySymbol(at: next) != nil { next += 1 }
    guard next < tokens.count else { return nil }
    let second: Numeral?
    if tokens[next].kind == .number {
      second = grammar.digits(at: next)
    } else if tokens[next].kind == .word {
      second = grammar.words(at: next)
    } else {
      second = nil
    }
    guard let second, second.form == numeral.form || second.form != .vague,
      !second.isWordOrdinal, second.suffix != .ordinal, let lowerValue = numeral.value,
      let upperValue = second.value, upperValue > lowerValue
    else { return nil }
    return (second, lowerValue, upperValue)
  }

  /// Reads a unit or counted noun after the number: "%", "per cent", "percentage points",
  /// "points", "pounds", "-point", "years", "seats", "two mayoral victories".
  private func readUnit(_ numeral: Numeral, _ context: inout Context) {
    let next = context.nextToken
    guard next < tokens.count, sentence.contains(next), context.unit == nil else { return }
    if grammar.isByte(next, UInt8(ascii: "%")) {
      extend(&context, through: next, unit: .percent)
      return
    }
    if let word = grammar.word(next), tokens[next].flags.contains(.spaceBefore) {
      switch word {
      case .per where grammar.word(next + 1) == .cent:
        extend(&context, through: next + 1, unit: .percent)
        return
      case .percent:
        extend(&context, through: next, unit: .percent)
        return
      case .percentage
      where grammar.word(next + 1) == .points || grammar.word(next + 1) == .point:
        extend(&context, through: next + 1, unit: .points)
        return
      case .points, .point, .pts:
        extend(&context, through: next, unit: .points)
        context.isSingularPoint = word == .point
        return
      case .pounds, .pound, .quid, .dollars, .dollar, .euros, .euro, .pence, .penny:
        guard !context.isMoney else { return }
        context.isMoney = true
        extend(&context, through: next, unit: word.unit)
        return
      default:
        break
      }
    }
    // "10-point", "20-year", "45-year-old", "two-seat".
    if grammar.isDash(next), grammar.isGlued(next), grammar.isGlued(next + 1),
      next + 1 < tokens.count, tokens[next + 1].kind == .word
    {
      let range = tokens[next + 1].range
      let head = ByteRange(range.start, grammar.firstHyphen(in: range) ?? range.end)
      if let headWord = grammar.word(in: head), let unit = headWord.unit, !unit.isMoney {
        extend(&context, through: next + 1, unit: unit)
        context.isSingularPoint = headWord == .point
      }
      return
    }
    if context.isMoney { return }
    if let (unit, last) = countedNoun(after: numeral, from: next, first: context.first) {
      extend(&context, through: last, unit: unit)
      if let head = grammar.word(last), head == .gains || head == .losses {
        context.isDifference = true  // "40 gains"
        context.direction = head == .gains ? .gained : .lost
      }
    }
  }

  private func extend(_ context: inout Context, through last: Int, unit: FigureUnit?) {
    context.spanEnd = tokens[last].range.end
    context.nextToken = last + 1
    if let unit { context.unit = unit }
  }

  /// A counted noun after a number, up to two modifiers before it: "823 councillors", "two
  /// mayoral victories", "three Labour MPs", "one seat". Returns its unit and last token.
  private func countedNoun(after numeral: Numeral, from next: Int, first: Int) -> (
    FigureUnit, Int
  )? {
    guard !numeral.isWordOrdinal, numeral.suffix == .none || numeral.suffix == .magnitude
    else { return nil }
    let isOne = numeral.mantissa == 1 && numeral.exponent == 0 && numeral.denominator == 1
    let isYear = numeral.isYearShaped
    if isYear, let before = grammar.word(first - 1), before.introducesYear { return nil }
    var index = next
    var modifiers = 0
    while index < sentence.upperBound, modifiers <= 2 {
      let token = tokens[index]
      guard token.kind == .word, token.flags.contains(.spaceBefore),
        !token.flags.contains(.possessive), !token.flags.contains(.apostrophe)
      else { return nil }
      let word = grammar.word(index)
      if let word, let unit = word.unit, !unit.isMoney, unit != .percent, unit != .points {
        if isYear, modifiers > 0 || !(unit.isElectoral || word == .people) { return nil }
        if numeral.needsUnit, modifiers > 0 { return nil }
        // A singular noun after a number other than one modifies the next word: "2,278 council
        // seats", "a 5,000 vote majority"; units of time do not ("a five year plan").
        if !word.isSingularUnit || isOne || unit.isDuration { return (unit, index) }
        if isYear || numeral.needsUnit { return nil }
        modifiers += 1
        index += 1
        continue
      }
      if numeral.needsUnit || isYear || numeral.form == .fraction || numeral.form == .vague {
        return nil
      }
      if let word, word.isFunctionWord { return nil }
      if token.flags.contains(.capitalized) || token.flags.contains(.allCaps) {
        // A name as a modifier ("56 SNP MPs", "27 EU states"); only a known unit ends it.
        if token.flags.contains(.sentenceInitial) { return nil }
      } else {
        guard isLowercaseASCIIWord(token.range) else { return nil }
        if isPluralLooking(token.range) {
          return (.counted, index)
        }
        if endsWithLy(token.range) { return nil }
      }
      modifiers += 1
      index += 1
    }
    return nil
  }

  private func isLowercaseASCIIWord(_ range: ByteRange) -> Bool {
    for position in range.start..<range.end {
      let byte = bytes[position]
      guard (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
      else { return false }
    }
    return true
  }

  /// Ends in "s" but not "ss", "us", "is" or "ous": "victories", "voters", "gains".
  private func isPluralLooking(_ range: ByteRange) -> Bool {
    guard range.count >= 3, bytes[range.end - 1] == UInt8(ascii: "s") else { return false }
    let before = bytes[range.end - 2]
    return before != UInt8(ascii: "s") && before != UInt8(ascii: "u")
      && before != UInt8(ascii: "i") && before != UInt8(ascii: "'")
  }

  private func endsWithLy(_ range: ByteRange) -> Bool {
    range.count > 3 && bytes[range.end - 2] == UInt8(ascii: "l")
      && bytes[range.end - 1] == UInt8(ascii: "y")
  }

  /// "238,000 fewer votes than the Conservatives", "60,000 votes more than", "5 points ahead
  /// of Labour", "behind".
  private mutating func readComparison(_ context: inout Context) {
    let next = context.nextToken
    guard sentence.contains(next), let word = grammar.word(next) else { return }
    switch word {
    case .fewer, .less, .more:
      context.isDifference = true
      context.direction = word == .more ? .more : .fewer
      var index = next + 1
      // A unit after the comparative names the unit but stays outside the span.
      if let unit = grammar.word(index)?.unit, context.unit == nil, !unit.isMoney {
        context.unit = unit
        index += 1
      }
      if index < sentence.upperBound, grammar.word(index) == .than {
        context.comparison = target(from: index)
      } else if grammar.word(index + 1) == .than, tokens[index].kind == .word {
        context.comparison = target(from: index + 1)
      }
    case .ahead, .behind, .clear:
      context.isDifference = true
      context.direction = word == .behind ? .fewer : .more
      if grammar.word(next + 1) == .of { context.comparison = target(from: next + 1) }
    default:
      break
    }
  }

  /// The comparison's words: from "than" to the end of the phrase, stopping at punctuation,
  /// brackets, quotes or a new clause; at most eight tokens.
  private func target(from index: Int) -> ByteRange {
    var last = index
    var next = index + 1
    while next < sentence.upperBound, next - index <= 8 {
      let token = tokens[next]
      guard token.kind == .word || token.kind == .number else { break }
      if let word = grammar.word(next) {
        switch word {
        case .and, .but, .which, .who, .while, .as, .when, .where, .whereas, .or, .so, .that,
          .because:
          break
        default:
          last = next
          next += 1
          continue
        }
        break
      }
      last = next
      next += 1
    }
    return ByteRange(tokens[index].range.start, tokens[last].range.end)
  }

  /// A measure or change named right after the figure: "a 10-point lead", "a 66% turnout",
  /// "a 5,000 majority", "a 3 point rise".
  private func readMeasureAfter(_ context: inout Context) {
    let next = context.nextToken
    guard sentence.contains(next), let word = grammar.word(next) else { return }
    if word.measure != nil {
      context.measure = word
      if word.measureIsDifference { context.isDifference = true }
      return
    }
    switch word {
    case .rise, .fall, .increase, .decrease, .drop, .decline, .gain, .loss:
      context.isDifference = true
      context.direction = word.changeDirection
    default:
      break
    }
  }

  /// Hedge patterns, longest first.
  private static let hedges: [([NumberWord], Figure.Hedge)] = [
    ([.no, .more, .than], .noMoreThan), ([.no, .fewer, .than], .noFewerThan),
    ([.as, .many, .as], .asManyAs), ([.just, .under], .justUnder), ([.just, .over], .justOver),
    ([.well, .over], .wellOver), ([.well, .under], .wellUnder), ([.more, .than], .moreThan),
    ([.less, .than], .lessThan), ([.fewer, .than], .fewerThan), ([.at, .least], .atLeast),
    ([.at, .most], .atMost), ([.up, .to], .upTo), ([.upwards, .of], .upwardsOf),
    ([.close, .to], .closeTo), ([.almost], .almost), ([.nearly], .nearly), ([.around], .around),
    ([.about], .about), ([.some], .some), ([.roughly], .roughly),
    ([.approximately], .approximately), ([.circa], .circa), ([.only], .only), ([.just], .just),
    ([.barely], .barely), ([.exactly], .exactly), ([.over], .over), ([.under], .under),
    ([.above], .above), ([.below], .below),
  ]

  /// The hedge whose last word is token `index`, and its first token.
  private func hedge(endingAt index: Int) -> (Figure.Hedge, Int)? {
    guard index >= sentence.lowerBound, let last = grammar.word(index) else { return nil }
    patterns: for (words, hedge) in Self.hedges where words.last == last {
      let first = index - words.count + 1
      guard first >= sentence.lowerBound else { continue }
      for (offset, word) in words.enumerated() where grammar.word(first + offset) != word {
        continue patterns
      }
      return (hedge, first)
    }
    return nil
  }

  /// What the words before a number make it: "lost 405 seats", "up 3 points", "a swing of 4%",
  /// "a majority of 5,907", "won by 5,907 votes", "turnout was 66.1 per cent".
  private func readChange(before index: Int, _ context: inout Context) {
    var index = index
    guard index >= sentence.lowerBound else { return }
    if grammar.word(index) == .net, index - 1 >= sentence.lowerBound { index -= 1 }
    guard let word = grammar.word(index) else { return }
    switch word {
    case .by:
      // "won by 52% to 48%" is a result, not a margin.
      if grammar.word(context.nextToken) == .to { return }
      var other = index - 1
      while other >= max(sentence.lowerBound, index - 5) {
        if let verb = grammar.word(other), verb.takesMarginBy {
          context.isDifference = true
          context.direction = direction(ofMarginVerb: verb)
          if verb.measure != nil, context.measure == nil { context.measure = verb }
          return
        }
        other -= 1
      }
    case .of, .was, .is, .at, .to:
      var nounIndex = index - 1
      if grammar.word(nounIndex) == .net { nounIndex -= 1 }
      guard nounIndex >= sentence.lowerBound, let noun = grammar.word(nounIndex) else { return }
      if word == .of, noun.isChange {
        context.isDifference = true
        context.direction = noun.changeDirection
      }
      if noun.measure != nil {
        context.measure = noun
        if noun.measureIsDifference { context.isDifference = true }
      }
    default:
      if word.isChange {
        context.isDifference = true
        context.direction = word.changeDirection
      }
    }
  }

  private func direction(ofMarginVerb verb: NumberWord) -> Figure.Direction? {
    if let direction = verb.changeDirection { return direction }
    switch verb {
    case .won, .beat, .beaten, .led, .lead, .outpolled, .ahead: return .more
    case .trailed, .behind: return .fewer
    default: return nil
    }
  }
}
