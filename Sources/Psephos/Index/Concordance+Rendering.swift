extension Concordance {
  /// Plain text, one line per concordance line: the left context right-aligned in `width` code
  /// points, so every keyword starts in the same column, then the keyword and the right context.
  /// With `showingDocuments`, each line starts with the document id padded to the longest id and
  /// two spaces. Alignment counts code points, so it holds in a terminal for text without wide
  /// (East Asian) characters or combining marks.
  ///
  /// Complexity: O(total length of the lines).
  public func render(_ lines: [Line], showingDocuments: Bool = false) -> String {
    let idWidth = showingDocuments ? lines.map { $0.document.unicodeScalars.count }.max() ?? 0 : 0
    var output = ""
    for line in lines {
      if showingDocuments {
        output += line.document
        output += String(
          repeating: " ", count: idWidth - line.document.unicodeScalars.count + 2)
      }
      output += String(repeating: " ", count: max(0, width - line.left.unicodeScalars.count))
      output += line.left
      output += line.keyword
      output += line.right
      output += "\n"
    }
    return output
  }
}
