import Foundation

/// How the readable reports write numbers: exact decimals with thousands separators, and
/// scores rounded to a few places, the same on every machine and in every locale.
enum ReportNumber {
  /// An exact decimal with commas between thousands: `994,614`, `66.1`, `-2,360,000`.
  ///
  /// Complexity: O(digits).
  static func grouped(_ value: ExactDecimal) -> String { value.grouped }

  /// A figure's value as a reader expects it: years as written (`2016`), others grouped.
  static func value(of figure: Figure) -> String {
    figure.kind == .year ? figure.value.description : grouped(figure.value)
  }

  /// A figure's value with its unit, as a reader says it: `38%`, `41,230 votes`, `2016`
  /// (no unit for years and plain counts).
  static func valueWithUnit(of figure: Figure) -> String {
    withUnit(value(of: figure), figure.unit)
  }

  /// A value the results give for a figure, in the figure's unit: `37.6%`, `5,210 votes`.
  static func expected(_ value: ExactDecimal, for figure: Figure) -> String {
    withUnit(figure.kind == .year ? value.description : grouped(value), figure.unit)
  }

  private static func withUnit(_ value: String, _ unit: String?) -> String {
    switch unit {
    case nil, "count", "year": value
    case "percent": value + "%"
    case let unit?: value + " " + unit
    }
  }

  /// A double rounded to `places` decimal places, written with a `.` and without trailing
  /// zeros: `12.5`, `3`, `0.125`.
  static func fixed(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return "NaN" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    var digits = String(UInt64(scaled))
    if digits.count <= places {
      digits = String(repeating: "0", count: places - digits.count + 1) + digits
    }
    var whole = String(digits.dropLast(places))
    var fraction = String(digits.suffix(places))
    while fraction.hasSuffix("0") { fraction.removeLast() }
    if whole.isEmpty { whole = "0" }
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
  }

  /// `1 figure`, `3 figures`.
  static func plural(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(ReportNumber.grouped(ExactDecimal(count))) \(count == 1 ? singular : plural ?? singular + "s")"
  }
}
