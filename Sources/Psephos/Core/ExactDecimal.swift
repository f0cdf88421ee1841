/// An exact decimal number: an integer mantissa and a count of digits after the point. The
/// project's one decimal type: figures read from articles and numbers read from results files.
///
/// `46.50` is `mantissa 4650, scale 2`. The scale written in the data is kept (it says how the
/// figure was rounded), but equality, hashing and ordering are numeric: `46.5 == 46.50`.
/// Addition and subtraction are exact and trap on overflow, like `Int`.
///
/// Division is the one inexact operation: `quotient(_:_:scale:)` rounds half away from zero at
/// the scale asked for. A fraction from an article is divided at `maximumScale`, then trailing
/// zeros are dropped: "a quarter" is exactly `0.25`, "one in five" `0.2`, but "a third" is
/// `0.333333333333333333` and "two-thirds" `0.666666666666666667` (18 digits, rounded).
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

  /// Exactly `±significand × 10^exponent`, or nil if that does not fit: a mantissa beyond
  /// `Int`, or more than `maximumScale` digits after the point once trailing zeros are dropped.
  ///
  /// `(236, -2)` is `2.36` (scale 2, as written); `(236, 4)` is `2360000`.
  public init?(significand: UInt64, exponent: Int, isNegative: Bool = false) {
    var magnitude = significand
    var exponent = exponent
    while exponent < -Self.maximumScale, magnitude % 10 == 0, magnitude != 0 {
      magnitude /= 10
      exponent += 1
    }
    if magnitude == 0 { exponent = max(exponent, 0) }
    guard exponent >= -Self.maximumScale else { return nil }
    while exponent > 0 {
      let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
      guard !overflow else { return nil }
      magnitude = product
      exponent -= 1
    }
    guard magnitude <= UInt64(Int.max) else { return nil }
    self.init(mantissa: isNegative ? -Int(magnitude) : Int(magnitude), scale: -exponent)
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

  /// Whether the value is a whole number.
  public var isInteger: Bool { mantissa % Self.powerOfTen(scale) == 0 }

  /// The absolute value, at the same scale.
  public var magnitude: ExactDecimal { ExactDecimal(mantissa: abs(mantissa), scale: scale) }

  /// The same value with no trailing zeros after the point: `46.50` becomes `46.5`, `2.0` `2`.
  public func trimmingTrailingZeros() -> ExactDecimal {
    var result = self
    while result.scale > 0, result.mantissa % 10 == 0 {
      result.mantissa /= 10
      result.scale -= 1
    }
    return result
  }

  /// The value times `10^exponent`, exactly (`2.36` shifted by 6 is `2360000`, `50` shifted by
  /// -2 is `0.50`); nil if the result does not fit.
  public func shifted(byPowerOfTen exponent: Int) -> ExactDecimal? {
    if exponent < 0 {
      let trimmed = scale - exponent > Self.maximumScale ? trimmingTrailingZeros() : self
      guard trimmed.scale - exponent <= Self.maximumScale else { return nil }
      return ExactDecimal(mantissa: trimmed.mantissa, scale: trimmed.scale - exponent)
    }
    var mantissa = self.mantissa
    var scale = self.scale
    for _ in 0..<exponent {
      if scale > 0 {
        scale -= 1
      } else {
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: 10)
        guard !overflow else { return nil }
        mantissa = product
      }
    }
    return ExactDecimal(mantissa: mantissa, scale: scale)
  }

  /// `numerator / denominator` rounded half away from zero to `scale` digits after the point;
  /// nil when the denominator is zero or the quotient does not fit.
  ///
  /// The division is done on 128-bit intermediates, so `1,233,386 / 3,536,251` to 4 places is
  /// exact before the one rounding step.
  public static func quotient(
    _ numerator: ExactDecimal, _ denominator: ExactDecimal, scale: Int
  ) -> ExactDecimal? {
    precondition(scale >= 0 && scale <= maximumScale, "quotient scale \(scale)")
    guard denominator.mantissa != 0 else { return nil }
    // n/d = (mn × 10^(scale + sd)) / (md × 10^sn), as an integer at `scale`.
    let up = scale + denominator.scale
    guard up <= maximumScale else { return nil }
    let (divisor, divisorOverflow) = denominator.mantissa.magnitude.multipliedReportingOverflow(
      by: UInt(powerOfTen(numerator.scale)))
    guard !divisorOverflow else { return nil }
    let dividend = numerator.mantissa.magnitude.multipliedFullWidth(by: UInt(powerOfTen(up)))
    guard dividend.high < divisor else { return nil }
    var (quotient, remainder) = divisor.dividingFullWidth(dividend)
    if remainder >= divisor - remainder { quotient += 1 }
    guard quotient <= UInt(Int.max) else { return nil }
    let negative = (numerator.mantissa < 0) != (denominator.mantissa < 0)
    return ExactDecimal(mantissa: negative ? -Int(quotient) : Int(quotient), scale: scale)
  }

  /// The value rounded by `rule` to a multiple of `10^exponent`: exponent 3 rounds to
  /// thousands (`238,772` toward zero is `238,000`), -1 to one decimal place. The result has
  /// scale `max(0, -exponent)`.
  public func rounded(_ rule: FloatingPointRoundingRule, toPowerOfTen exponent: Int)
    -> ExactDecimal
  {
    let newScale = max(0, -exponent)
    let places = exponent + scale
    guard places > 0 else { return aligned(toScale: newScale) }
    let unit = Self.powerOfTen(places)
    var quotient = mantissa / unit
    let remainder = mantissa % unit
    let sign = mantissa < 0 ? -1 : 1
    switch rule {
    case .towardZero:
      break
    case .awayFromZero:
      if remainder != 0 { quotient += sign }
    case .down:
      if remainder < 0 { quotient -= 1 }
    case .up:
      if remainder > 0 { quotient += 1 }
    case .toNearestOrAwayFromZero:
      if 2 * abs(remainder) >= unit { quotient += sign }
    case .toNearestOrEven:
      if 2 * abs(remainder) > unit || (2 * abs(remainder) == unit && quotient % 2 != 0) {
        quotient += sign
      }
    @unknown default:
      if 2 * abs(remainder) >= unit { quotient += sign }
    }
    return ExactDecimal(mantissa: quotient * Self.powerOfTen(max(0, exponent)), scale: newScale)
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

extension ExactDecimal: ExpressibleByIntegerLiteral {
  /// An integer literal, with scale 0.
  public init(integerLiteral value: Int) {
    self.init(value)
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

  /// The value with its sign changed.
  public static prefix func - (operand: ExactDecimal) -> ExactDecimal {
    ExactDecimal(mantissa: -operand.mantissa, scale: operand.scale)
  }
}

extension ExactDecimal {
  /// The value with commas between thousands, as evidence and reports write it: "1,233,386",
  /// "-2,360,000", "44.23".
  ///
  /// Complexity: O(digits), on the bytes of `description`.
  public var grouped: String {
    let plain = Array(description.utf8)
    let signLength = plain.first == UInt8(ascii: "-") ? 1 : 0
    let wholeEnd = plain.firstIndex(of: UInt8(ascii: ".")) ?? plain.count
    let digits = wholeEnd - signLength
    var bytes: [UInt8] = []
    bytes.reserveCapacity(plain.count + digits / 3)
    bytes += plain[..<signLength]
    for index in signLength..<wholeEnd {
      let position = index - signLength
      if position > 0, (digits - position) % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(plain[index])
    }
    bytes += plain[wholeEnd...]
    return String(decoding: bytes, as: UTF8.self)
  }
}
