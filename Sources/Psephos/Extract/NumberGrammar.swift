/// A number as written, before it is given a unit or a meaning: one digit token ("994,614",
/// "2.36m", "1980s"), digits with a scale word ("1.3 million") or number words ("twenty-five",
/// "two hundred and fifty", "a dozen", "two-thirds", "hundreds").
struct Numeral {
  /// How the number was written.
  enum Form: Equatable {
    case digits
    case words
    /// "two-thirds", "half", "one in five": `mantissa / denominator`.
    case fraction
    /// "hundreds", "thousands", "tens of thousands": an order of magnitude.
    case vague
  }

  /// A suffix glued to digits.
  enum Suffix: Equatable {
    case none
    /// "3rd", "21st".
    case ordinal
    /// "1980s", "1980’s", "’80s".
    case decade
    /// "2.36m", "3bn", "10k" (the exponent is already applied).
    case magnitude
    /// "60pc".
    case percent
    /// "4.5pts", "3pp", "2ppt".
    case points
    /// "10pm", "7am".
    case time
    /// "50p" (the value is in pence).
    case pence
    /// "3x".
    case times
  }

  /// The first token and the token after the last.
  var tokens: Range<Int>
  /// The bytes of the numeral.
  var range: ByteRange
  /// `value = ±mantissa × 10^exponent`, divided by `denominator` for fractions.
  var mantissa: UInt64
  var exponent: Int
  var isNegative = false
  var denominator: UInt64 = 1
  var form: Form
  var suffix: Suffix = .none
  /// Written with an explicit sign ("–5", "+3", "minus 2").
  var isSigned = false
  /// Digits before the decimal point, without separators (4 for "2016").
  var integerDigits = 0
  /// Whether it has a thousands separator or a decimal point.
  var hasSeparatorOrPoint = false
  /// A word ordinal ("second"): only a figure in a ranking context.
  var isWordOrdinal = false
  /// Number words that never stand alone ("one"): only a figure before a unit.
  var needsUnit = false
  /// A short decade or year written with an apostrophe ("’80s", "'97").
  var isShortYear = false
  /// The power of ten a scale word or suffix added ("3bn" 9, "1.3 million" 6).
  var scale = 0
  /// The unit inside a compound word ("five-year", "ten-point").
  var embeddedUnit: NumberWord?

  /// The value as an exact decimal, or nil if it does not fit one (see `ExactDecimal`).
  ///
  /// A fraction is divided at `ExactDecimal.maximumScale` and its trailing zeros dropped:
  /// "three quarters" is `0.75`, "a third" `0.333333333333333333` (rounded at the 18th digit).
  var value: ExactDecimal? {
    guard
      let whole = ExactDecimal(significand: mantissa, exponent: exponent, isNegative: isNegative)
    else { return nil }
    guard denominator != 1 else { return whole }
    guard denominator <= UInt64(Int.max) else { return nil }
    return ExactDecimal.quotient(
      whole, ExactDecimal(Int(denominator)), scale: ExactDecimal.maximumScale
    )?.trimmingTrailingZeros()
  }

  /// The value if it is a whole number that fits in an `Int`.
  var integerValue: Int? {
    guard denominator == 1, exponent >= 0, exponent <= 18, mantissa <= UInt64(Int.max) else {
      return nil
    }
    var value = Int(mantissa)
    for _ in 0..<exponent {
      let (product, overflow) = value.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      value = product
    }
    return isNegative ? -value : value
  }

  /// Written as plain digits of a four-digit year ("2016"), or a decade ("1980s").
  var isYearShaped: Bool {
    guard form == .digits, !isSigned, !hasSeparatorOrPoint else { return false }
    if isShortYear { return true }
    guard integerDigits == 4, suffix == .none || suffix == .decade, let year = integerValue
    else { return false }
    return year >= 1000 && year <= 2100
  }
}

/// Reads numerals from tokens. Every method looks at a few tokens and allocates nothing.
struct NumberGrammar {
  let bytes: UnsafeBufferPointer<UInt8>
  let tokens: UnsafeBufferPointer<Token>
  let lexicon = NumberLexicon.shared

  // MARK: Token helpers

  /// The lexicon word of token `index`, if it is a word the lexicon knows.
  func word(_ index: Int) -> NumberWord? {
    guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return nil }
    return word(in: tokens[index].range)
  }

  /// The lexicon word spelled by `range`.
  func word(in range: ByteRange) -> NumberWord? {
    guard range.count <= NumberLexicon.maximumLength else { return nil }
    return lexicon.word(UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]))
  }

  /// Whether token `index` exists and is glued to the token before it (no space between).
  func isGlued(_ index: Int) -> Bool {
    index > 0 && index < tokens.count && !tokens[index].flags.contains(.spaceBefore)
  }

  /// Whether token `index` is one ASCII byte `byte`.
  func isByte(_ index: Int, _ byte: UInt8) -> Bool {
    guard index >= 0, index < tokens.count else { return false }
    let range = tokens[index].range
    return range.count == 1 && bytes[range.start] == byte
  }

  /// Whether token `index` is a hyphen, en dash or em dash.
  func isDash(_ index: Int) -> Bool {
    guard index >= 0, index < tokens.count, tokens[index].kind == .punctuation else {
      return false
    }
    let range = tokens[index].range
    if range.count == 1 { return bytes[range.start] == UInt8(ascii: "-") }
    return range.count == 3 && bytes[range.start] == 0xE2 && bytes[range.start + 1] == 0x80
      && (bytes[range.start + 2] == 0x93 || bytes[range.start + 2] == 0x94)
  }

  /// Whether a word token may start a number word here: lower case, or capitalised at the
  /// start of a sentence or after an opening bracket or quote ("Two", but not "Number Ten").
  func mayStartNumberWord(_ index: Int) -> Bool {
    let token = tokens[index]
    guard token.flags.contains(.capitalized) else { return true }
    if token.flags.contains(.sentenceInitial) || token.flags.contains(.allCaps) { return true }
    guard index > 0 else { return true }
    let previous = tokens[index - 1]
    return (previous.kind == .quote && previous.flags.contains(.opening))
      || isByte(index - 1, UInt8(ascii: "("))
  }

  // MARK: Digits

  /// Reads the digit token at `index` ("994,614", "–5", "2.36m", "1980’s", "’80s", "3rd"),
  /// then a following scale word ("1.3 million"). Returns nil only if the value does not fit
  /// an `ExactDecimal` exactly.
  func digits(at index: Int) -> Numeral? {
    let token = tokens[index]
    var position = token.range.start
    let end = token.range.end
    var numeral = Numeral(
      tokens: index..<(index + 1), range: token.range, mantissa: 0, exponent: 0, form: .digits)
    if token.flags.contains(.signed) {
      numeral.isSigned = true
      if bytes[position] == UInt8(ascii: "+") {
        position += 1
      } else {
        numeral.isNegative = true
        position += bytes[position] < 0x80 ? 1 : 3
      }
    }
    if bytes[position] == UInt8(ascii: "'") {
      numeral.isShortYear = true
      position += 1
    } else if bytes[position] == 0xE2 {
      numeral.isShortYear = true
      position += 3
    }
    var inFraction = false
    while position < end {
      let byte = bytes[position]
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        let (times10, overflow1) = numeral.mantissa.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
        if overflow1 || overflow2 { return nil }
        numeral.mantissa = sum
        if inFraction { numeral.exponent -= 1 } else { numeral.integerDigits += 1 }
      } else if byte == UInt8(ascii: ",") {
        numeral.hasSeparatorOrPoint = true
      } else if byte == UInt8(ascii: "."), !inFraction {
        inFraction = true
        numeral.hasSeparatorOrPoint = true
      } else {
        break
      }
      position += 1
    }
    if position < end {
      readSuffix(from: position, to: end, into: &numeral)
    }
    if numeral.isShortYear {
      // "’80s" is the 1980s, "'17" is 2017.
      let year = numeral.mantissa
      numeral.mantissa = year + (year <= 30 ? 2000 : 1900)
      numeral.integerDigits = 4
    }
    if numeral.suffix == .none, let scale = word(index + 1)?.scaleExponent {
      numeral.exponent += scale
      numeral.scale = scale
      numeral.tokens = index..<(index + 2)
      numeral.range = ByteRange(token.range.start, tokens[index + 1].range.end)
    }
    return numeral.value == nil ? nil : numeral
  }

  private func readSuffix(from start: Int, to end: Int, into numeral: inout Numeral) {
    var letters = 0
    var key: UInt32 = 0
    var position = start
    while position < end, letters < 4 {
      let byte = bytes[position] | 0x20
      guard byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") else { break }
      key = key << 8 | UInt32(byte)
      letters += 1
      position += 1
    }
    func code(_ text: StaticString) -> UInt32 {
      var value: UInt32 = 0
      for index in 0..<text.utf8CodeUnitCount { value = value << 8 | UInt32(text.utf8Start[index]) }
      return value
    }
    if letters == 0 {
      numeral.suffix = .decade  // "1980’s", "1980's"
      return
    }
    switch key {
    case code("st"), code("nd"), code("rd"), code("th"): numeral.suffix = .ordinal
    case code("s"): numeral.suffix = .decade
    case code("k"):
      numeral.suffix = .magnitude
      numeral.exponent += 3
      numeral.scale = 3
    case code("m"), code("mn"):
      numeral.suffix = .magnitude
      numeral.exponent += 6
      numeral.scale = 6
    case code("b"), code("bn"):
      numeral.suffix = .magnitude
      numeral.exponent += 9
      numeral.scale = 9
    case code("tn"), code("trn"):
      numeral.suffix = .magnitude
      numeral.exponent += 12
      numeral.scale = 12
    case code("pc"): numeral.suffix = .percent
    case code("pp"), code("ppt"), code("pts"): numeral.suffix = .points
    case code("am"), code("pm"): numeral.suffix = .time
    case code("p"): numeral.suffix = .pence
    case code("x"): numeral.suffix = .times
    default: break
    }
  }

  // MARK: Words

  /// Reads number words starting at word token `index`: "twenty-five", "two hundred and
  /// fifty thousand", "a dozen", "half a million", "two-thirds", "a third of", "one in five",
  /// "hundreds of", "tens of thousands of", "second". Returns nil if no numeral starts here.
  /// With `readingFractions` false, a cardinal is not extended into "one in five".
  func words(at index: Int, readingFractions: Bool = true) -> Numeral? {
    let token = tokens[index]
    let head =
      token.flags.contains(.hyphenated)
      ? firstHyphen(in: token.range) ?? token.range.end
      : token.range.end
    guard
      lexicon.mayStartNumeral(UnsafeBufferPointer(rebasing: bytes[token.range.start..<head])),
      mayStartNumberWord(index)
    else { return nil }
    if token.flags.contains(.hyphenated) {
      return hyphenated(at: index)
    }
    guard let first = word(index) else { return nil }
    switch first {
    case .a, .an:
      return articleNumeral(at: index)
    case .half:
      return half(at: index)
    default:
      break
    }
    if let vague = first.vagueValue {
      return vagueNumeral(at: index, first: vague)
    }
    if let rank = first.ordinal {
      var numeral = Numeral(
        tokens: index..<(index + 1), range: token.range, mantissa: UInt64(rank), exponent: 0,
        form: .words)
      numeral.isWordOrdinal = true
      return numeral
    }
    guard first.smallCardinal != nil || first.scaleExponent != nil || first == .dozen else {
      return nil
    }
    guard var numeral = cardinal(at: index, startingWith: 0) else { return nil }
    if numeral.mantissa == 1, numeral.exponent == 0, numeral.tokens.count == 1 {
      numeral.needsUnit = true
    }
    return readingFractions ? fractionAfter(numeral) ?? numeral : numeral
  }

  /// "a hundred", "a million", "a dozen", "a third of", "a quarter of".
  private func articleNumeral(at index: Int) -> Numeral? {
    guard let next = word(index + 1) else { return nil }
    if next.scaleExponent != nil || next == .dozen {
      return cardinal(at: index + 1, startingWith: 1).map {
        var numeral = $0
        numeral.tokens = index..<numeral.tokens.upperBound
        numeral.range = ByteRange(tokens[index].range.start, numeral.range.end)
        return numeral
      }
    }
    // "a third of voters", but not "a quarter of a century".
    if let (denominator, isPlural) = next.denominator, !isPlural, word(index + 2) == .of,
      word(index + 3) != .a, word(index + 3) != .an
    {
      return Numeral(
        tokens: index..<(index + 2),
        range: ByteRange(tokens[index].range.start, tokens[index + 1].range.end), mantissa: 1,
        exponent: 0, denominator: UInt64(denominator), form: .fraction)
    }
    return nil
  }

  /// "half of", "half the", "half a million", "half a dozen".
  private func half(at index: Int) -> Numeral? {
    let token = tokens[index]
    if word(index + 1) == .a, let next = word(index + 2),
      next.scaleExponent != nil || next == .dozen,
      let whole = cardinal(at: index + 2, startingWith: 1)
    {
      var numeral = whole
      numeral.tokens = index..<whole.tokens.upperBound
      numeral.range = ByteRange(token.range.start, whole.range.end)
      numeral.mantissa *= 5
      numeral.exponent -= 1
      return numeral
    }
    guard let next = word(index + 1) else { return nil }
    switch next {
    case .of, .the, .their, .its, .all, .his, .her, .our, .those, .these:
      break
    default:
      return nil
    }
    if let previous = word(index - 1), previous == .the || previous.ordinal != nil {
      return nil  // "the second half", "in the first half"
    }
    return Numeral(
      tokens: index..<(index + 1), range: token.range, mantissa: 1, exponent: 0, denominator: 2,
      form: .fraction)
  }

  /// "hundreds of", "thousands of", "tens of thousands of", "hundreds of thousands of".
  private func vagueNumeral(at index: Int, first: (mantissa: UInt64, exponent: Int)) -> Numeral? {
    guard word(index + 1) == .of else { return nil }
    var numeral = Numeral(
      tokens: index..<(index + 1), range: tokens[index].range, mantissa: first.mantissa,
      exponent: first.exponent, form: .vague)
    if let more = word(index + 2)?.vagueValue, more.mantissa == 1, more.exponent > first.exponent,
      word(index + 3) == .of
    {
      numeral.exponent += more.exponent
      numeral.tokens = index..<(index + 3)
      numeral.range = ByteRange(tokens[index].range.start, tokens[index + 2].range.end)
    }
    return numeral
  }

  /// A compound word: "twenty-five", "two-thirds", "five-year" (the unit is read later).
  private func hyphenated(at index: Int) -> Numeral? {
    let token = tokens[index]
    guard let hyphen = firstHyphen(in: token.range) else { return nil }
    guard let head = word(in: ByteRange(token.range.start, hyphen)) else { return nil }
    let rest = ByteRange(hyphen + 1, token.range.end)
    guard
      let tail = word(in: rest)
        ?? word(in: ByteRange(rest.start, firstHyphen(in: rest) ?? rest.end))
    else { return nil }
    if let tens = head.smallCardinal, tens >= 20, tens % 10 == 0, let units = tail.smallCardinal,
      units >= 1, units <= 9, word(in: rest) != nil
    {
      var numeral = Numeral(
        tokens: index..<(index + 1), range: token.range, mantissa: UInt64(tens + units),
        exponent: 0, form: .words)
      if let scaled = scaleAfter(numeral) { numeral = scaled }
      return numeral
    }
    let count = head == .a || head == .one ? 1 : head.smallCardinal
    if let count, count >= 1, let (denominator, isPlural) = tail.denominator,
      isPlural == (count > 1), word(in: rest) != nil
    {
      return Numeral(
        tokens: index..<(index + 1), range: token.range, mantissa: UInt64(count), exponent: 0,
        denominator: UInt64(denominator), form: .fraction)
    }
    if let count = head.smallCardinal, count > 0, tail.unit != nil {
      // "five-year", "ten-point", "five-year-old".
      var numeral = Numeral(
        tokens: index..<(index + 1), range: token.range, mantissa: UInt64(count), exponent: 0,
        form: .words)
      numeral.embeddedUnit = tail
      return numeral
    }
    return nil
  }

  /// The byte offset of the first ASCII hyphen inside `range`.
  func firstHyphen(in range: ByteRange) -> Int? {
    var position = range.start
    while position < range.end {
      if bytes[position] == UInt8(ascii: "-") { return position }
      position += 1
    }
    return nil
  }

  /// Reads "two hundred and fifty thousand", "twenty five", "a dozen" from `index`, with
  /// `start` already counted (1 after "a").
  private func cardinal(at index: Int, startingWith start: UInt64) -> Numeral? {
    var total: UInt64 = 0
    var group: UInt64 = start
    var groupHasTens = false
    var groupHasUnits = false
    var lastScale = Int.max
    var next = index
    var last = index - 1
    while next < tokens.count, tokens[next].kind == .word {
      if tokens[next].flags.contains(.hyphenated) {
        // "two hundred and twenty-five"
        guard !groupHasTens, !groupHasUnits, group % 100 == 0, next > index,
          let compound = hyphenated(at: next), compound.form == .words,
          compound.mantissa >= 21, compound.mantissa <= 99, compound.exponent == 0
        else { break }
        group += compound.mantissa
        last = next
        next += 1
        break
      }
      guard let word = word(next), next == index || !tokens[next].flags.contains(.capitalized)
      else { break }
      if let small = word.smallCardinal {
        if small >= 1 && small <= 9 {
          guard !groupHasUnits else { break }  // "twenty five", not "five six"
          groupHasUnits = true
        } else {
          guard !groupHasTens, !groupHasUnits else { break }  // "ten", "twenty", "zero"
          groupHasTens = true
          if small < 20 { groupHasUnits = true }
        }
        group += UInt64(small)
      } else if let exponent = word.scaleExponent {
        if exponent == 2 {
          guard group < 10, group > 0 || next == index else { break }
          group = max(group, 1) * 100
          groupHasTens = false
          groupHasUnits = false
        } else {
          guard exponent < lastScale else { break }
          let (scaled, overflow) = max(group, 1).multipliedReportingOverflow(
            by: power(of: exponent))
          guard !overflow else { break }
          total += scaled
          group = 0
          groupHasTens = false
          groupHasUnits = false
          lastScale = exponent
        }
      } else if word == .dozen {
        guard group < 100 else { break }
        group = max(group, 1) * 12
        last = next
        next += 1
        break
      } else if word == .and {
        // Only inside a number: "two hundred and fifty", "a thousand and one".
        guard next > index, group % 100 == 0 || total > 0, !groupHasTens, !groupHasUnits,
          let following = self.word(next + 1), let small = following.smallCardinal, small > 0,
          next + 1 < tokens.count, !tokens[next + 1].flags.contains(.capitalized)
        else { break }
        next += 1
        continue
      } else {
        break
      }
      last = next
      next += 1
    }
    guard last >= index else { return nil }
    return Numeral(
      tokens: index..<(last + 1),
      range: ByteRange(tokens[index].range.start, tokens[last].range.end),
      mantissa: total + group, exponent: 0, form: .words)
  }

  /// A scale word after a compound ("twenty-five million").
  private func scaleAfter(_ numeral: Numeral) -> Numeral? {
    let next = numeral.tokens.upperBound
    guard let exponent = word(next)?.scaleExponent else { return nil }
    var scaled = numeral
    scaled.exponent += exponent
    scaled.tokens = numeral.tokens.lowerBound..<(next + 1)
    scaled.range = ByteRange(numeral.range.start, tokens[next].range.end)
    return scaled
  }

  /// "two thirds", "three quarters", "one in five" after a cardinal.
  func fractionAfter(_ numeral: Numeral) -> Numeral? {
    guard numeral.denominator == 1, numeral.exponent == 0, numeral.mantissa >= 1,
      numeral.mantissa < 100
    else { return nil }
    let next = numeral.tokens.upperBound
    if let (denominator, isPlural) = word(next)?.denominator, isPlural == (numeral.mantissa > 1),
      numeral.mantissa < denominator
    {
      var fraction = numeral
      fraction.form = .fraction
      fraction.denominator = UInt64(denominator)
      fraction.needsUnit = false
      fraction.tokens = numeral.tokens.lowerBound..<(next + 1)
      fraction.range = ByteRange(numeral.range.start, tokens[next].range.end)
      return fraction
    }
    // "one in five", "nine out of ten".
    var denominatorIndex = next + 1
    if word(next) == .out, word(next + 1) == .of { denominatorIndex = next + 2 }
    if word(next) == .in || denominatorIndex == next + 2, denominatorIndex < tokens.count {
      let second: Numeral?
      if tokens[denominatorIndex].kind == .number {
        second = digits(at: denominatorIndex)
      } else if tokens[denominatorIndex].kind == .word,
        !tokens[denominatorIndex].flags.contains(.capitalized)
      {
        // The denominator is a plain number: reading it as a fraction in turn recursed once
        // per "in" of "one in one in one in ...", without bound.
        second = words(at: denominatorIndex, readingFractions: false)
      } else {
        second = nil
      }
      if let second, second.form != .fraction, second.suffix == .none, !second.hasSeparatorOrPoint,
        second.exponent == 0, second.mantissa > numeral.mantissa, second.mantissa <= 100
      {
        var fraction = numeral
        fraction.form = .fraction
        fraction.denominator = second.mantissa
        fraction.needsUnit = false
        fraction.tokens = numeral.tokens.lowerBound..<second.tokens.upperBound
        fraction.range = ByteRange(numeral.range.start, second.range.end)
        return fraction
      }
    }
    return nil
  }

  private func power(of exponent: Int) -> UInt64 {
    var value: UInt64 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}
