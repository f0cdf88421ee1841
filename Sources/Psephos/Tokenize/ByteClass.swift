/// The class of an ASCII byte, read from a 256-entry table on the tokenizer's hot path.
/// Bytes from 0x80 up are `.nonASCII`: the tokenizer decodes the scalar and asks
/// `ScalarClass` instead.
enum ByteClass: UInt8 {
  case other
  case space
  case newline
  case lower
  case upper
  case digit
  case punctuation
  case quote
  case symbol
  case nonASCII

  /// The class of each byte value.
  static let table: [ByteClass] = (0...255).map { value in
    let byte = UInt8(value)
    switch byte {
    case 0x80...0xFF: return .nonASCII
    case UInt8(ascii: "\n"): return .newline
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0B, 0x0C: return .space
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return .lower
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .upper
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): return .quote
    case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
      UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
      UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "\\"):
      return .punctuation
    case 0x21...0x7E: return .symbol
    default: return .other
    }
  }
}

/// The class of a non-ASCII scalar, decided once per scalar from its Unicode properties.
enum ScalarClass {
  case space
  case newline
  case upperLetter
  case lowerLetter
  /// Letters without case (CJK, Arabic), modifier letters and non-ASCII digits.
  case otherLetter
  /// Combining marks and joiners that continue a word (ZWJ, ZWNJ, soft hyphen).
  case wordJoiner
  case openingQuote
  case closingQuote
  /// U+2019, which is an apostrophe inside words and a closing single quote elsewhere.
  case rightSingleQuote
  case dash
  case ellipsis
  case currency
  case emoji
  /// Emoji modifiers, variation selectors and tags that continue an emoji.
  case emojiContinuation
  case punctuation
  case symbol

  /// Classifies a non-ASCII scalar.
  static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
    switch scalar.value {
    case 0x00A0, 0x1680, 0x2000...0x200A, 0x200B, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF:
      return .space
    case 0x0085, 0x2028, 0x2029: return .newline
    case 0x00AD, 0x200C, 0x200D: return .wordJoiner
    case 0x2018, 0x201A, 0x201B, 0x201C, 0x201E, 0x201F, 0x00AB, 0x2039: return .openingQuote
    case 0x2019: return .rightSingleQuote
    case 0x201D, 0x00BB, 0x203A: return .closingQuote
    case 0x2010, 0x2011:
      return .wordJoiner  // Unicode hyphens join like "-".
    case 0x2012...0x2015, 0x2212: return .dash
    case 0x2026: return .ellipsis
    case 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return .emojiContinuation
    default: break
    }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .uppercaseLetter, .titlecaseLetter: return .upperLetter
    case .lowercaseLetter: return .lowerLetter
    case .modifierLetter, .otherLetter, .decimalNumber, .letterNumber: return .otherLetter
    case .nonspacingMark, .spacingMark, .enclosingMark: return .wordJoiner
    case .currencySymbol: return .currency
    case .spaceSeparator: return .space
    case .lineSeparator, .paragraphSeparator: return .newline
    case .initialPunctuation: return .openingQuote
    case .finalPunctuation: return .closingQuote
    case .dashPunctuation: return .dash
    default: break
    }
    if properties.isEmojiPresentation || (properties.isEmoji && scalar.value >= 0x2100) {
      return .emoji
    }
    switch properties.generalCategory {
    case .mathSymbol, .modifierSymbol, .otherSymbol: return .symbol
    default: return .punctuation
    }
  }

  /// Whether the scalar continues or starts a word.
  var isWordCharacter: Bool {
    switch self {
    case .upperLetter, .lowerLetter, .otherLetter, .wordJoiner: true
    default: false
    }
  }
}
