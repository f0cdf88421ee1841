/// The tokenizer's byte scanner: one pass, one token at a time, no backtracking beyond a token.
struct TokenScanner {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let table: UnsafeBufferPointer<ByteClass>
  private var position = 0
  /// Whitespace and line breaks seen since the last token.
  private var sawSpace = false
  private var lineBreaks = 0
  /// Indices of opening quote tokens still waiting for their closing mark, innermost last.
  private var openDoubleQuotes: [Int] = []
  private var openSingleQuotes: [Int] = []
  /// Deeper nesting than this is not real prose; capping it keeps quote marking linear.
  private static let maximumQuoteDepth = 8

  /// The tokens found so far.
  private var tokens: [Token] = []

  init(bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<ByteClass>) {
    self.bytes = bytes
    self.table = table
    tokens.reserveCapacity(bytes.count / 5 + 16)
  }

  mutating func scan() {
    while position < bytes.count {
      let byte = bytes[position]
      switch table[Int(byte)] {
      case .space, .other:
        sawSpace = true
        position += 1
      case .newline:
        lineBreaks += 1
        position += 1
      case .lower: scanWord(startsLowercase: true, startsUppercase: false)
      case .upper: scanWord(startsLowercase: false, startsUppercase: true)
      case .digit: scanNumber(signLength: 0)
      case .punctuation: scanASCIIPunctuation(byte)
      case .quote: scanASCIIQuote(byte)
      case .symbol: scanASCIISymbol(byte)
      case .nonASCII: scanNonASCII()
      }
    }
  }

  // MARK: - Token boundaries

  /// Whether the next token starts after whitespace or at the start of the text.
  private var atBoundary: Bool { sawSpace || lineBreaks > 0 || tokens.isEmpty }

  /// Whether the previous token opens something ("(", "[", an opening quote, a dash), so that
  /// the next token starts a phrase even without a space.
  private var afterOpener: Bool {
    guard let last = tokens.last else { return true }
    if last.kind == .quote { return last.flags.contains(.opening) }
    guard last.kind == .punctuation else { return false }
    let byte = bytes[last.range.start]
    return byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
      || byte >= 0x80  // a dash
  }

  /// The flags every token gets from what preceded it; resets the whitespace state and, at a
  /// paragraph break, forgets unclosed quotes.
  private mutating func takeLeadingFlags(startsLowercase: Bool) -> Token.Flags {
    var flags: Token.Flags = []
    if sawSpace || lineBreaks > 0 { flags.insert(.spaceBefore) }
    if lineBreaks > 0 {
      flags.insert(.lineBreakBefore)
      // A single line break before a lower-case word is a wrapped line, not a new paragraph.
      if lineBreaks >= 2 || !startsLowercase {
        flags.insert(.paragraphBreakBefore)
        openDoubleQuotes.removeAll(keepingCapacity: true)
        openSingleQuotes.removeAll(keepingCapacity: true)
      }
    }
    sawSpace = false
    lineBreaks = 0
    return flags
  }

  private mutating func append(_ start: Int, _ kind: Token.Kind, _ flags: Token.Flags) {
    tokens.append(Token(ByteRange(uncheckedStart: start, end: position), kind, flags))
  }

  /// Hands over the tokens, leaving the scanner empty (so the caller's copy is unique).
  mutating func takeTokens() -> [Token] {
    defer { tokens = [] }
    return tokens
  }

  // MARK: - Characters

  /// Decodes the scalar at `index`; malformed bytes read as one U+FFFD each, so arbitrary input
  /// never traps.
  private func scalar(at index: Int) -> (Unicode.Scalar, length: Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
    guard length > 0, index + length <= bytes.count else { return ("\u{FFFD}", 1) }
    var value = lead & (0x7F >> UInt32(length))
    for offset in 1..<length {
      let next = UInt32(bytes[index + offset])
      guard next & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
      value = value << 6 | (next & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
    return (scalar, length)
  }

  private func isASCIILetter(_ byte: UInt8) -> Bool {
    let byteClass = table[Int(byte)]
    return byteClass == .lower || byteClass == .upper
  }

  private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || table[Int(byte)] == .digit
  }

  private func isDigit(at index: Int) -> Bool {
    index < bytes.count && table[Int(bytes[index])] == .digit
  }

  /// Whether the character at `index` continues a word: a letter, digit, mark or joiner.
  private func isWordCharacter(at index: Int) -> Bool {
    guard index < bytes.count else { return false }
    switch table[Int(bytes[index])] {
    case .lower, .upper, .digit: return true
    case .nonASCII: return ScalarClass.of(scalar(at: index).0).isWordCharacter
    default: return false
    }
  }

  private func isLetter(at index: Int) -> Bool {
    isWordCharacter(at: index) && !isDigit(at: index)
  }

  /// Whether the bytes at `index` spell `ascii`, ignoring ASCII case.
  private func hasPrefix(_ ascii: StaticString, at index: Int) -> Bool {
    let count = ascii.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let pointer = ascii.utf8Start
    for offset in 0..<count where bytes[index + offset] | 0x20 != pointer[offset] | 0x20 {
      return false
    }
    return true
  }

  // MARK: - Words

  private mutating func scanWord(startsLowercase: Bool, startsUppercase: Bool) {
    let start = position
    let leading = takeLeadingFlags(startsLowercase: startsLowercase)
    let first = bytes[start] | 0x20
    if first == UInt8(ascii: "h") || first == UInt8(ascii: "w"), let end = urlEnd(from: start) {
      position = end
      append(start, .url, leading)
      return
    }
    var flags = leading
    var hasLower = false
    var upperLetters = 0
    var possessive: ByteRange?
    scanning: while position < bytes.count {
      // The fast path: ASCII letters and digits (.lower, .upper, .digit are adjacent), kept in
      // locals so the loop stays in registers.
      var index = position
      var sawLower = false
      var uppers = 0
      while index < bytes.count {
        let byteClass = table[Int(bytes[index])]
        guard byteClass.rawValue >= ByteClass.lower.rawValue,
          byteClass.rawValue <= ByteClass.digit.rawValue
        else { break }
        sawLower = sawLower || byteClass == .lower
        uppers += byteClass == .upper ? 1 : 0
        index += 1
      }
      position = index
      hasLower = hasLower || sawLower
      upperLetters += uppers
      guard position < bytes.count else { break }
      let byte = bytes[position]
      let byteClass = table[Int(byte)]
      switch byteClass {
      case .nonASCII:
        let (scalar, length) = scalar(at: position)
        switch ScalarClass.of(scalar) {
        case .upperLetter:
          upperLetters += 1
          position += length
        case .lowerLetter:
          hasLower = true
          position += length
        case .otherLetter, .wordJoiner:
          position += length
        case .rightSingleQuote:
          guard continueThroughApostrophe(length: length, flags: &flags, possessive: &possessive)
          else { break scanning }
        default:
          break scanning
        }
      case .quote where byte == UInt8(ascii: "'"):
        guard continueThroughApostrophe(length: 1, flags: &flags, possessive: &possessive)
        else { break scanning }
      case .punctuation where byte == UInt8(ascii: "-"):
        // "London-centric", "Carr-West"; "COVID-19" but not "pre-2016", whose year stays a number.
        let next = position + 1
        guard isLetter(at: next) || (isDigit(at: next) && upperLetters > 0 && !hasLower) else {
          break scanning
        }
        flags.insert(.hyphenated)
        position = next
      default:
        break scanning
      }
    }

    if possessive == nil, position < bytes.count,
      bytes[position] == UInt8(ascii: "@")
        || (bytes[position] == UInt8(ascii: ".") && position + 1 < bytes.count
          && isASCIIAlphanumeric(bytes[position + 1]))
    {
      if let end = emailEnd(from: start) {
        position = end
        append(start, .email, leading)
        return
      }
      if let end = domainEnd(from: start, allowPath: true) {
        position = end
        append(start, .url, leading)
        return
      }
    }

    if possessive == nil, position < bytes.count, bytes[position] == UInt8(ascii: "."),
      !flags.contains(.hyphenated)
    {
      absorbAbbreviationStop(start: start, isUpper: startsUppercase, flags: &flags)
    }
    if startsUppercase { flags.insert(.capitalized) }
    if upperLetters >= 2, !hasLower { flags.insert(.allCaps) }
    append(start, .word, flags)

    if let possessive {
      position = possessive.end
      tokens.append(Token(possessive, .word, .possessive))
    }
  }

  /// Continues a word through an apostrophe at `position` ("don’t", "O’Brien"), or stops before
  /// a possessive "’s", which becomes its own token. Returns whether the word goes on.
  private mutating func continueThroughApostrophe(
    length: Int, flags: inout Token.Flags, possessive: inout ByteRange?
  ) -> Bool {
    let next = position + length
    guard isLetter(at: next) else { return false }
    let nextByte = bytes[next]
    if nextByte | 0x20 == UInt8(ascii: "s"), !isWordCharacter(at: next + 1) {
      possessive = ByteRange(position, next + 1)
      return false
    }
    flags.insert(.apostrophe)
    position = next
    return true
  }

  /// Lets an abbreviation or initial keep its full stop, so the sentence finder does not break
  /// on "Mr.", "J.", "e.g." or "U.K.".
  private mutating func absorbAbbreviationStop(start: Int, isUpper: Bool, flags: inout Token.Flags)
  {
    guard position < bytes.count, bytes[position] == UInt8(ascii: ".") else { return }
    let length = position - start
    if length == 1 {
      // "U.K.", "e.g.", "i.e.", "a.m.": letter-dot pairs.
      if position + 2 < bytes.count, isASCIILetter(bytes[position + 1]),
        bytes[position + 2] == UInt8(ascii: ".")
      {
        position += 1
        while position + 1 < bytes.count, isASCIILetter(bytes[position]),
          bytes[position + 1] == UInt8(ascii: ".")
        {
          position += 2
        }
        flags.insert(.abbreviation)
      } else if isUpper, bytes[start] != UInt8(ascii: "I") {
        position += 1  // An initial: "J. R. R. Tolkien".
        flags.insert(.abbreviation)
      }
      return
    }
    guard length <= 5, Abbreviations.contains(bytes[start..<position]) else { return }
    if Abbreviations.needsFollowingNumber(bytes[start..<position]) {
      var next = position + 1
      while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
      guard isDigit(at: next) else { return }
    }
    position += 1
    flags.insert(.abbreviation)
  }

  // MARK: - Addresses

  /// The end of a URL starting with a scheme or "www." at `start`, if there is one.
  private func urlEnd(from start: Int) -> Int? {
    let bodyStart: Int
    if hasPrefix("https://", at: start) {
      bodyStart = start + 8
    } else if hasPrefix("http://", at: start) {
      bodyStart = start + 7
    } else if hasPrefix("www.", at: start) {
      bodyStart = start + 4
    } else {
      return nil
    }
    guard bodyStart < bytes.count, isASCIIAlphanumeric(bytes[bodyStart]) else { return nil }
    return pathEnd(from: bodyStart)
  }

  /// Extends an address over everything up to whitespace or a quote, then gives back trailing
  /// sentence punctuation and an unbalanced closing bracket.
  private func pathEnd(from start: Int) -> Int {
    var end = start
    var openBrackets = 0
    while end < bytes.count {
      let byte = bytes[end]
      let byteClass = table[Int(byte)]
      if byteClass == .space || byteClass == .newline || byteClass == .other
        || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
      {
        break
      }
      if byteClass == .nonASCII {
        let (scalar, length) = scalar(at: end)
        let scalarClass = ScalarClass.of(scalar)
        if !scalarClass.isWordCharacter { break }
        end += length
        continue
      }
      if byte == UInt8(ascii: "(") { openBrackets += 1 }
      if byte == UInt8(ascii: ")") {
        if openBrackets == 0 { break }
        openBrackets -= 1
      }
      end += 1
    }
    while end > start {
      let last = bytes[end - 1]
      guard
        last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
          || last == UInt8(ascii: ":") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
          || last == UInt8(ascii: "'")
      else { break }
      end -= 1
    }
    return end
  }

  /// The longest domain name DNS allows, in bytes (RFC 1035). Capping the scan at it keeps
  /// "ab.ab.ab..." linear: each word before a dot would otherwise rescan the rest of the chain.
  private static let maximumDomainLength = 253

  /// The end of a domain name such as "bbc.co.uk" (at least two labels, a known top-level
  /// domain, at most 253 bytes), with any path after it.
  private func domainEnd(from start: Int, allowPath: Bool) -> Int? {
    var end = start
    var labels = 0
    var lastLabel = start..<start
    while true {
      let labelStart = end
      while end < bytes.count,
        isASCIIAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "-")
      {
        end += 1
        if end - start > Self.maximumDomainLength { return nil }
      }
      guard end > labelStart else { return nil }
      if labels == 0, end - labelStart < 2 { return nil }
      labels += 1
      lastLabel = labelStart..<end
      guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."),
        isASCIIAlphanumeric(bytes[end + 1])
      else { break }
      end += 1
    }
    guard labels >= 2, TopLevelDomains.contains(bytes[lastLabel]) else { return nil }
    if allowPath, end < bytes.count, bytes[end] == UInt8(ascii: "/") {
      return pathEnd(from: end)
    }
    return end
  }

  /// The end of an e-mail address starting at `start`, if there is one.
  private func emailEnd(from start: Int) -> Int? {
    var end = start
    while end < bytes.count, end - start <= 64 {
      let byte = bytes[end]
      guard
        isASCIIAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
          || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "%")
      else { break }
      end += 1
    }
    guard end > start, end < bytes.count, bytes[end] == UInt8(ascii: "@") else { return nil }
    return domainEnd(from: end + 1, allowPath: false)
  }

  // MARK: - Numbers

  /// Scans "994,614", "2.5", "–5", "3rd", "1980s", "1980’s", "2.36m", "3bn". A number glued to
  /// letters that are not a known suffix ("4G") is a word.
  private mutating func scanNumber(signLength: Int) {
    let start = position
    let leading = takeLeadingFlags(startsLowercase: false)
    position += signLength
    let digitsStart = position
    while isDigit(at: position) { position += 1 }
    var integerDigits = position - digitsStart
    while position + 1 < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: ","), isDigit(at: position + 1), isDigit(at: position + 2),
        isDigit(at: position + 3), !isDigit(at: position + 4)
      {
        position += 4  // A thousands separator: exactly three digits follow.
        integerDigits += 3
      } else if byte == UInt8(ascii: "."), isDigit(at: position + 1) {
        position += 1
        while isDigit(at: position) { position += 1 }
        break
      } else {
        break
      }
    }
    var flags = leading
    if signLength > 0 { flags.insert(.signed) }

    if position < bytes.count, isASCIILetter(bytes[position]) {
      var suffixEnd = position
      while suffixEnd < bytes.count, isASCIILetter(bytes[suffixEnd]) { suffixEnd += 1 }
      if NumberSuffixes.contains(bytes[position..<suffixEnd]), !isWordCharacter(at: suffixEnd) {
        position = suffixEnd
      } else if signLength == 0 {
        while isWordCharacter(at: position) {
          position += bytes[position] < 0x80 ? 1 : scalar(at: position).length
        }
        append(start, .word, flags)
        return
      }
    } else if integerDigits == 4, let end = decadeApostropheEnd(at: position) {
      position = end  // "1980’s"
    }
    append(start, .number, flags)
  }

  /// The end of "’s" or "'s" after a year ("1980’s"), if it is there.
  private func decadeApostropheEnd(at index: Int) -> Int? {
    guard index < bytes.count else { return nil }
    let length: Int
    if bytes[index] == UInt8(ascii: "'") {
      length = 1
    } else if bytes[index] >= 0x80, scalar(at: index).0 == "\u{2019}" {
      length = 3
    } else {
      return nil
    }
    let s = index + length
    guard s < bytes.count, bytes[s] == UInt8(ascii: "s"), !isWordCharacter(at: s + 1) else {
      return nil
    }
    return s + 1
  }

  /// Whether a sign or dash at `position` of `length` bytes is a minus or plus sign: it starts a
  /// phrase and a digit follows ("–5", "+3"), unlike the dash in "3-2" or "2008–2012".
  private func startsSignedNumber(length: Int) -> Bool {
    (atBoundary || afterOpener) && isDigit(at: position + length)
  }

  // MARK: - Punctuation, quotes, symbols

  private mutating func scanASCIIPunctuation(_ byte: UInt8) {
    if byte == UInt8(ascii: "-"), startsSignedNumber(length: 1) {
      scanNumber(signLength: 1)
      return
    }
    let start = position
    let leading = takeLeadingFlags(startsLowercase: false)
    position += 1
    // Runs make one token: "...", "--", "?!".
    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
      while position < bytes.count, bytes[position] == byte { position += 1 }
    } else if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
      while position < bytes.count,
        bytes[position] == UInt8(ascii: "?") || bytes[position] == UInt8(ascii: "!")
      {
        position += 1
      }
    }
    append(start, .punctuation, leading)
  }

  private mutating func scanASCIIQuote(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""):
      if atBoundary || afterOpener {
        appendOpeningQuote(length: 1, double: true)
      } else {
        appendClosingQuote(length: 1, double: true)
      }
    case UInt8(ascii: "'"):
      if atBoundary || afterOpener {
        if let end = decadeEnd(afterApostropheLength: 1) {
          appendShortDecade(end: end)
        } else if position + 1 < bytes.count,
          table[Int(bytes[position + 1])] != .space, table[Int(bytes[position + 1])] != .newline
        {
          appendOpeningQuote(length: 1, double: false)
        } else {
          appendUnpairedQuote(length: 1)
        }
      } else {
        appendClosingSingleQuoteOrPossessive(length: 1)
      }
    default:
      appendOpeningQuote(length: 1, double: false)  // "`": TeX-style opening quote.
    }
  }

  private mutating func scanASCIISymbol(_ byte: UInt8) {
    let start = position
    let standsAlone = atBoundary || afterOpener
    let leading = takeLeadingFlags(startsLowercase: false)
    position += 1
    if byte == UInt8(ascii: "+"), standsAlone, isDigit(at: position) {
      position = start
      scanNumber(signLength: 1)
      return
    }
    if standsAlone, byte == UInt8(ascii: "@") || byte == UInt8(ascii: "#") {
      var end = position
      var hasLetter = false
      while end < bytes.count, end - position < 140 {
        if isLetter(at: end) {
          hasLetter = true
        } else if !isDigit(at: end) && bytes[end] != UInt8(ascii: "_") {
          break
        }
        end += bytes[end] < 0x80 ? 1 : scalar(at: end).length
      }
      if end > position, byte == UInt8(ascii: "@") || hasLetter {
        position = end
        append(start, byte == UInt8(ascii: "@") ? .handle : .hashtag, leading)
        return
      }
    }
    append(start, .symbol, leading)
  }

  private mutating func scanNonASCII() {
    let (scalar, length) = scalar(at: position)
    let scalarClass = ScalarClass.of(scalar)
    switch scalarClass {
    case .space:
      sawSpace = true
      position += length
    case .newline:
      lineBreaks += 1
      position += length
    case .upperLetter:
      scanWord(startsLowercase: false, startsUppercase: true)
    case .otherLetter, .wordJoiner:
      scanWord(startsLowercase: false, startsUppercase: false)
    case .lowerLetter:
      scanWord(startsLowercase: true, startsUppercase: false)
    case .openingQuote:
      appendOpeningQuote(length: length, double: scalar.value != 0x2018 && scalar.value != 0x201A)
    case .closingQuote:
      appendClosingQuote(length: length, double: true)
    case .rightSingleQuote:
      if atBoundary || afterOpener {
        if let end = decadeEnd(afterApostropheLength: length) {
          appendShortDecade(end: end)
        } else {
          appendOpeningQuote(length: length, double: false)  // Misused as an opening mark.
        }
      } else {
        appendClosingSingleQuoteOrPossessive(length: length)
      }
    case .dash:
      if startsSignedNumber(length: length) {
        scanNumber(signLength: length)
      } else {
        appendSingle(length: length, kind: .punctuation)
      }
    case .ellipsis, .punctuation:
      appendSingle(length: length, kind: .punctuation)
    case .currency, .symbol, .emojiContinuation:
      appendSingle(length: length, kind: .symbol)
    case .emoji:
      scanEmoji(length: length)
    }
  }

  private mutating func appendSingle(length: Int, kind: Token.Kind) {
    let start = position
    let leading = takeLeadingFlags(startsLowercase: false)
    position += length
    append(start, kind, leading)
  }

  /// One emoji with its modifiers, variation selectors and ZWJ-joined parts ("👨‍👩‍👧").
  private mutating func scanEmoji(length: Int) {
    let start = position
    let leading = takeLeadingFlags(startsLowercase: false)
    position += length
    while position < bytes.count, bytes[position] >= 0x80 {
      let (next, nextLength) = scalar(at: position)
      let nextClass = ScalarClass.of(next)
      if nextClass == .emojiContinuation
        || (nextClass == .emoji && next.properties.isEmoji
          && (0x1F1E6...0x1F1FF).contains(next.value))
      {
        position += nextLength
      } else if next.value == 0x200D, position + nextLength < bytes.count,
        bytes[position + nextLength] >= 0x80
      {
        position += nextLength + scalar(at: position + nextLength).length
      } else {
        break
      }
    }
    append(start, .symbol, leading)
  }

  // MARK: Quotes

  private mutating func appendOpeningQuote(length: Int, double: Bool) {
    let start = position
    let leading = takeLeadingFlags(startsLowercase: false)
    position += length
    append(start, .quote, leading.union(.opening))
    if double {
      Self.push(tokens.count - 1, onto: &openDoubleQuotes)
    } else {
      Self.push(tokens.count - 1, onto: &openSingleQuotes)
    }
  }

  private static func push(_ index: Int, onto stack: inout [Int]) {
    if stack.count == maximumQuoteDepth { stack.removeFirst() }
    stack.append(index)
  }

  private mutating func appendClosingQuote(length: Int, double: Bool) {
    let start = position
    let leading = takeLeadingFlags(startsLowercase: false)
    position += length
    let opener = double ? openDoubleQuotes.popLast() : openSingleQuotes.popLast()
    if let opener {
      for index in (opener + 1)..<tokens.count { tokens[index].flags.insert(.insideQuotes) }
    }
    append(start, .quote, leading.union(.closing))
  }

  private mutating func appendUnpairedQuote(length: Int) {
    appendSingle(length: length, kind: .quote)
  }

  /// A "’" or "'" glued to the previous token closes an open single quote; with none open, after
  /// a word ending in "s" it is a plural possessive ("the Tories’ vote").
  private mutating func appendClosingSingleQuoteOrPossessive(length: Int) {
    if openSingleQuotes.isEmpty, let last = tokens.last, last.kind == .word,
      bytes[last.range.end - 1] | 0x20 == UInt8(ascii: "s")
    {
      let start = position
      _ = takeLeadingFlags(startsLowercase: false)
      position += length
      append(start, .punctuation, .possessive)
    } else {
      appendClosingQuote(length: length, double: false)
    }
  }

  /// The end of a short decade after an apostrophe ("’80s", "'97"), if there is one.
  private func decadeEnd(afterApostropheLength length: Int) -> Int? {
    let digits = position + length
    guard isDigit(at: digits), isDigit(at: digits + 1), !isDigit(at: digits + 2) else {
      return nil
    }
    var end = digits + 2
    if end < bytes.count, bytes[end] == UInt8(ascii: "s") { end += 1 }
    return isWordCharacter(at: end) ? nil : end
  }

  private mutating func appendShortDecade(end: Int) {
    let start = position
    let leading = takeLeadingFlags(startsLowercase: false)
    position = end
    append(start, .number, leading)
  }
}
