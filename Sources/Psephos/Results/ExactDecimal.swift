/// An exact decimal number: an integer mantissa and a count of digits after the point.
///
/// `46.50` is `mantissa 4650, scale 2`. The scale written in the data is kept (it says how the
/// figure was rounded), but equality, hashing and ordering are numeric: `46.5 == 46.50`.
/// Arithmetic is exact and traps on overflow, like `Int`.
public struct ExactDecimal: Sendable, CustomStringConvertible {
  /// The digits as an integer: `4650` for `46.50`.
  public var mantissa: Int
  /// How many of the mantissa's digits are after the point: `2` for `46.50`.
  public var scale: Int

  /// The largest scale accepted, so that aligning two values cannot silently lose digits.
  public static let maximumScale = 18

  /// Creates `mantissa × 10^-scale`; `scale` must be in `0...maximumScale`.
  public init(mantissa: Int, scale: Int) {
    precondition(scale >= 0 && scale <= Self.maximumScale, "ExactDecimal scale \(scale)")
    self.mantissa = mantissa
    self.scale = scale
  }

  /// The integer `value`, with scale 0.
  public init(_ value: Int) {
    self.init(mantissa: value, scale: 0)
  }

  /// Parses `46.5`, `-405`, `+823`, `1,059,897`, `.5` or `46.5%`; nil for anything else.
  ///
  /// Thousands separators must group three digits (`1,234`, not `12,34`). Surrounding spaces,
  /// a leading `+`, `-` or U+2212 minus, and one trailing `%` are allowed.
  /// Complexity: O(n) in the length of the text.
  public init?(_ text: String) {
    var bytes = Substring(text).utf8[...]
    while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
    while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
    if bytes.last == UInt8(ascii: "%") { bytes = bytes.dropLast() }
    var negative = false
    if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
      negative = bytes.first == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    } else if bytes.starts(with: [0xE2, 0x88, 0x92]) {  // U+2212 MINUS SIGN
      negative = true
      bytes = bytes.dropFirst(3)
    }
    var mantissa = 0
    var scale = 0
    var digits = 0
    var seenPoint = false
    /// Digits since the last comma, or nil before the first comma.
    var groupLength: Int?
    var leadingGroup = 0
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let (shifted, overflow1) = mantissa.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
        guard !overflow1, !overflow2 else { return nil }
        mantissa = sum
        digits += 1
        if seenPoint {
          scale += 1
          guard scale <= Self.maximumScale else { return nil }
        } else if let length = groupLength {
          groupLength = length + 1
          guard length + 1 <= 3 else { return nil }
        } else {
          leadingGroup += 1
        }
      case UInt8(ascii: ","):
        guard !seenPoint, leadingGroup >= 1, leadingGroup <= 3 else { return nil }
        if let length = groupLength, length != 3 { return nil }
        groupLength = 0
      case UInt8(ascii: "."):
        guard !seenPoint else { return nil }
        if let length = groupLength, length != 3 { return nil }
        seenPoint = true
      default:
        return nil
      }
    }
    if !seenPoint, let length = groupLength, length != 3 { return nil }
    guard digits > 0, !(seenPoint && scale == 0) else { return nil }
    self.init(mantissa: negative ? -mantissa : mantissa, scale: scale)
  }

  /// The value as an `Int`, or nil if it has a non-zero fractional part.
  public var integerValue: Int? {
    let divisor = Self.powerOfTen(scale)
    return mantissa % divisor == 0 ? mantissa / divisor : nil
  }

  /// The value as a `Double`, for display and ratios only; never for counts.
  public var doubleValue: Double { Double(mantissa) / Double(Self.powerOfTen(scale)) }

  /// The same value written with `scale` digits after the point (`scale` must not lose digits).
  public func aligned(toScale newScale: Int) -> ExactDecimal {
    precondition(newScale >= scale, "aligning \(self) to scale \(newScale) would lose digits")
    return ExactDecimal(mantissa: mantissa * Self.powerOfTen(newScale - scale), scale: newScale)
  }

  /// The value rounded half away from zero to `newScale` digits after the point.
  public func rounded(toScale newScale: Int) -> ExactDecimal {
    if newScale >= scale { return aligned(toScale: newScale) }
    let divisor = Self.powerOfTen(scale - newScale)
    var quotient = mantissa / divisor
    let remainder = mantissa % divisor
    if 2 * abs(remainder) >= divisor { quotient += mantissa < 0 ? -1 : 1 }
    return ExactDecimal(mantissa: quotient, scale: newScale)
  }

  /// The text with exactly `scale` digits after the point: `46.50`, `-405`, `0.05`.
  public var description: String {
    guard scale > 0 else { return String(mantissa) }
    let digits = String(mantissa.magnitude)
    let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
    let point = padded.index(padded.endIndex, offsetBy: -scale)
    return (mantissa < 0 ? "-" : "") + padded[..<point] + "." + padded[point...]
  }

  static func powerOfTen(_ exponent: Int) -> Int {
    var result = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  /// The two values at a common scale.
  static func align(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (Int, Int, scale: Int) {
    let scale = max(lhs.scale, rhs.scale)
    return (lhs.aligned(toScale: scale).mantissa, rhs.aligned(toScale: scale).mantissa, scale)
  }
}

extension ExactDecimal: Hashable, Comparable {
  /// Whether the values are equal, at any scales; never traps.
  public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    compare(lhs, rhs) == 0
  }

  public func hash(into hasher: inout Hasher) {
    // Hash the value without trailing zeros so that equal values hash alike.
    var mantissa = self.mantissa
    var scale = self.scale
    while scale > 0, mantissa % 10 == 0 {
      mantissa /= 10
      scale -= 1
    }
    hasher.combine(mantissa)
    hasher.combine(scale)
  }

  /// Whether `lhs` is the smaller value, at any scales; never traps.
  public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    compare(lhs, rhs) < 0
  }

  /// -1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs`.
  ///
  /// Unlike arithmetic, comparison cannot overflow: when the value with fewer decimals does not
  /// fit in an `Int` at the other's scale (`100` against a value with 17 decimals), it is the
  /// larger in magnitude, so its sign decides.
  private static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
    var left = lhs.mantissa
    var right = rhs.mantissa
    if lhs.scale < rhs.scale {
      let factor = powerOfTen(rhs.scale - lhs.scale)
      let (scaled, overflow) = left.multipliedReportingOverflow(by: factor)
      if overflow { return left < 0 ? -1 : 1 }
      left = scaled
    } else if rhs.scale < lhs.scale {
      let factor = powerOfTen(lhs.scale - rhs.scale)
      let (scaled, overflow) = right.multipliedReportingOverflow(by: factor)
      if overflow { return right < 0 ? 1 : -1 }
      right = scaled
    }
    return left < right ? -1 : left == right ? 0 : 1
  }
}

extension ExactDecimal: AdditiveArithmetic {
  /// Zero, with scale 0.
  public static var zero: ExactDecimal { ExactDecimal(0) }

  /// The exact sum, at the larger of the two scales.
  public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    let (left, right, scale) = align(lhs, rhs)
    return ExactDecimal(mantissa: left + right, scale: scale)
  }

  /// The exact difference, at the larger of the two scales.
  public static func - (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal {
    let (left, right, scale) = align(lhs, rhs)
    return ExactDecimal(mantissa: left - right, scale: scale)
  }
}
