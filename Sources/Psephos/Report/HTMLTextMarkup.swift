/// Turns a document's text and a set of possibly overlapping marked spans into well-nested
/// HTML: each paragraph a `<p>`, every byte of text escaped, every span wrapped in its tags.
///
/// Spans that overlap without nesting are split where they cross: the part after the crossing
/// is reopened with the span's `continued` tag, and a span's `tail` (an entity's type label, a
/// verdict badge) is written only where the span really ends. Text outside paragraphs is
/// white space, so nothing is dropped.
struct HTMLTextMarkup {
  /// One marked span.
  struct Mark {
    /// The bytes it covers.
    var range: ByteRange
    /// The opening tag(s).
    var open: String
    /// The opening tag(s) of a part after a split; defaults to `open`.
    var continued: String?
    /// The closing tag(s).
    var close: String
    /// HTML written just before `close` where the span ends (not where it is split).
    var tail: String = ""
  }

  /// The document's text.
  var text: SourceText
  /// The paragraphs' byte ranges, in order and not overlapping.
  var paragraphs: [ByteRange]

  /// The HTML of every paragraph with `marks` applied.
  ///
  /// Complexity: O(n + m log m) for n bytes of text and m marks, plus, per segment between two
  /// span boundaries, the number of marks open there.
  func html(marks: [Mark]) -> String {
    let marks = marks.enumerated()
      .filter { !$0.element.range.isEmpty }
      .sorted { left, right in
        let (a, b) = (left.element.range, right.element.range)
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end > b.end }
        return left.offset < right.offset
      }
      .map(\.element)
    var out = ""
    var next = 0  // the first mark that may still start at or after the current paragraph
    for paragraph in paragraphs {
      while next < marks.count && marks[next].range.end <= paragraph.start { next += 1 }
      var inside: [Int] = []
      var index = next
      while index < marks.count && marks[index].range.start < paragraph.end {
        if marks[index].range.end > paragraph.start { inside.append(index) }
        index += 1
      }
      out += "<p>"
      render(paragraph, marks: inside.map { marks[$0] }, into: &out)
      out += "</p>\n"
    }
    return out
  }

  /// Writes one paragraph; `marks` are ordered outermost first.
  private func render(_ paragraph: ByteRange, marks: [Mark], into out: inout String) {
    var points: [Int] = [paragraph.start, paragraph.end]
    for mark in marks {
      points.append(max(paragraph.start, mark.range.start))
      points.append(min(paragraph.end, mark.range.end))
    }
    points = Array(Set(points)).sorted()
    var open: [Int] = []  // indices into marks, outermost first
    for (a, b) in zip(points, points.dropFirst()) {
      let active = marks.indices.filter { marks[$0].range.start <= a && marks[$0].range.end >= b }
      var shared = 0
      while shared < open.count && shared < active.count && open[shared] == active[shared] {
        shared += 1
      }
      for closing in open[shared...].reversed() {
        let mark = marks[closing]
        if mark.range.end == a { out += mark.tail }
        out += mark.close
      }
      open.removeSubrange(shared...)
      for opening in active[shared...] {
        let mark = marks[opening]
        out += mark.range.start < a ? (mark.continued ?? mark.open) : mark.open
        open.append(opening)
      }
      HTMLEscaping.append(
        String(decoding: text.bytes[a..<b], as: UTF8.self), to: &out)
    }
    for closing in open.reversed() {
      let mark = marks[closing]
      if mark.range.end == paragraph.end { out += mark.tail }
      out += mark.close
    }
  }
}
