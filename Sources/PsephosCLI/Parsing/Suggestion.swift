/// Finds the word a user probably meant: "--formt" -> "--format", "tokns" -> "tokens".
enum Suggestion {
  /// The candidate closest to `word`: the only candidate `word` is a prefix of (two letters or
  /// more), else the one at the smallest edit distance if that is at most 1 for short words
  /// and 2 for longer ones. Ties go to the earlier candidate.
  ///
  /// Complexity: O(candidates × |word| × |candidate|).
  static func closest(to word: String, among candidates: [String]) -> String? {
    let typed = Array(word.unicodeScalars)
    let prefixed = candidates.filter { $0.hasPrefix(word) }
    if typed.count >= 2, prefixed.count == 1 { return prefixed[0] }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(typed, Array(candidate.unicodeScalars))
      let allowed = min(typed.count, candidate.unicodeScalars.count) <= 4 ? 1 : 2
      if distance <= allowed, distance < (best?.distance ?? .max) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
  /// two adjacent letters each cost 1.
  ///
  /// Complexity: O(|a| × |b|).
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var twoAgo = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], twoAgo[j - 2] + 1)
        }
      }
      (twoAgo, previous, current) = (previous, current, twoAgo)
    }
    return previous[b.count]
  }
}
