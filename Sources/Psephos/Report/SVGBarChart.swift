/// A horizontal bar chart as inline SVG: one labelled bar per row, its value at the bar's end.
///
/// Colours come from CSS classes the page defines, so the chart follows the page's palette;
/// every label is escaped. The chart scales with its container (`viewBox`), and carries a
/// `<title>` and `role="img"` for screen readers.
struct SVGBarChart {
  /// One row.
  struct Bar {
    /// The label left of the bar.
    var label: String
    /// The bar's length, in the chart's unit.
    var value: Int
    /// A CSS class for the bar's colour (from the page's own fixed set, never from input).
    var colorClass: String
    /// A short note after the value ("3 docs"), if any.
    var note: String? = nil
  }

  /// What the chart shows, for screen readers and the tooltip.
  var title: String
  /// The rows, top to bottom.
  var bars: [Bar]
  /// The width of the drawing, in SVG units.
  var width = 480
  /// The widest label, in characters, before it is cut with an ellipsis.
  var labelCharacters = 22

  private let rowHeight = 26
  private let barHeight = 16
  private let labelWidth = 188
  private let valueWidth = 96

  /// The `<svg>` element.
  ///
  /// Complexity: O(bars).
  var svg: String {
    let height = max(1, bars.count) * rowHeight + 4
    let longest = max(1, bars.map(\.value).max() ?? 1)
    let barArea = width - labelWidth - valueWidth
    var out = """
      <svg class="chart" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" \
      role="img" aria-label="\(HTMLEscaping.escape(title))" xmlns="http://www.w3.org/2000/svg">\
      <title>\(HTMLEscaping.escape(title))</title>
      """
    for (row, bar) in bars.enumerated() {
      let top = row * rowHeight + 4
      let textY = top + barHeight - 3
      let length = bar.value == 0 ? 0 : max(2, bar.value * barArea / longest)
      out += "<g class=\"bar\"><title>"
      HTMLEscaping.append(
        "\(bar.label): \(bar.value)\(bar.note.map { " (\($0))" } ?? "")", to: &out)
      out += "</title>"
      out += "<text class=\"label\" x=\"\(labelWidth - 10)\" y=\"\(textY)\" text-anchor=\"end\">"
      HTMLEscaping.append(Self.shortened(bar.label, to: labelCharacters), to: &out)
      out += "</text>"
      out += "<rect class=\"\(bar.colorClass)\" x=\"\(labelWidth)\" y=\"\(top)\" "
      out += "width=\"\(length)\" height=\"\(barHeight)\" rx=\"3\"/>"
      out += "<text class=\"value\" x=\"\(labelWidth + length + 6)\" y=\"\(textY)\">"
      out += String(bar.value)
      if let note = bar.note {
        out += "<tspan class=\"note\"> "
        HTMLEscaping.append(note, to: &out)
        out += "</tspan>"
      }
      out += "</text></g>"
    }
    out += "</svg>"
    return out
  }

  /// `text` cut to at most `limit` characters, with an ellipsis if it was cut.
  static func shortened(_ text: String, to limit: Int) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(limit - 1)).trimmingSuffixSpaces + "…"
  }
}

extension String {
  /// The string without trailing spaces.
  fileprivate var trimmingSuffixSpaces: String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
