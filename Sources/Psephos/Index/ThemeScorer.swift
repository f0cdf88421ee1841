/// Scores a document against every theme of a taxonomy: which themes it is about, how strongly,
/// and the words that show it.
///
/// Matching runs over the tokens, on case-folded bytes (see `TermFolding`): each token's folded
/// bytes are hashed and confirmed by comparison against the dictionary's words, phrases are
/// followed token by token through a trie, and the longest phrase starting at a token wins (so
/// "council tax" counts once, for local government, not also as "council"). A whole-word match
/// beats a stem (`immigra*`); among stems the longest wins. A hyphenated word that matches
/// nothing as a whole is tried part by part ("post-Brexit" counts "brexit"), and a hashtag by
/// the word after its sign ("#indyref"). Phrases do not run across paragraph breaks. Addresses
/// and handles are skipped. No `String` is made per token and no regex is used.
///
/// Score: the sum of the weights of a theme's matches per 1,000 words, where words are the
/// document's word tokens without split-off possessives ("’s"). A theme is reported only when it
/// passes `threshold`.
///
/// Complexity: O(tokens) expected, plus O(matches × log(matches)) to rank the evidence.
public struct ThemeScorer: Sendable {
  /// When a theme counts as a topic of the document.
  public struct Threshold: Hashable, Sendable {
    /// The least score (weighted matches per 1,000 words).
    public var minimumScore: Double
    /// The least sum of match weights, so one passing mention never makes a theme.
    public var minimumWeightedMatches: Double

    /// Creates a threshold.
    public init(minimumScore: Double, minimumWeightedMatches: Double) {
      self.minimumScore = minimumScore
      self.minimumWeightedMatches = minimumWeightedMatches
    }

    /// The default: at least 5 weighted matches per 1,000 words, and at least 3 in all (three
    /// ordinary mentions, or two strong ones such as "NHS" and "waiting lists"), so a passing
    /// phrase or two in a long article, or a single word in a short one, never makes a theme.
    public static let standard = Threshold(minimumScore: 5, minimumWeightedMatches: 3)

    /// Reports every theme with at least one match.
    public static let none = Threshold(minimumScore: 0, minimumWeightedMatches: 0)
  }

  /// How many match spans each evidence term keeps.
  public static let evidenceSpanLimit = 3

  /// The dictionary the scorer matches.
  public let taxonomy: ThemeTaxonomy
  /// When a theme is reported.
  public var threshold: Threshold
  private let matcher: ThemeMatcher

  /// Creates a scorer for a taxonomy (the bundled one by default).
  ///
  /// Complexity: O(terms) to compile the dictionary; build one scorer per run and share it.
  public init(taxonomy: ThemeTaxonomy = .bundled, threshold: Threshold = .standard) {
    self.taxonomy = taxonomy
    self.threshold = threshold
    self.matcher = ThemeMatcher(taxonomy: taxonomy)
  }

  /// The themes of a document that pass the threshold, highest score first (ties by theme id).
  public func themes(in text: SourceText, tokens: TokenizedText) -> [ThemeScore] {
    let hits = matcher.match(text, tokens.tokens)
    var words = 0
    for token in tokens.tokens where token.kind == .word && !token.flags.contains(.possessive) {
      words += 1
    }
    return scores(for: hits, words: words)
  }

  /// Turns matches into per-theme scores, applies the threshold and ranks them.
  private func scores(for hits: [ThemeMatcher.Hit], words: Int) -> [ThemeScore] {
    guard words > 0, !hits.isEmpty else { return [] }
    var perTerm: [Int: (count: Int, spans: [ByteRange])] = [:]
    for hit in hits {
      for term in matcher.terms(of: hit.group) {
        var entry = perTerm[term] ?? (0, [])
        entry.count += 1
        if entry.spans.count < Self.evidenceSpanLimit { entry.spans.append(hit.range) }
        perTerm[term] = entry
      }
    }
    var weights = Array(repeating: 0, count: taxonomy.themes.count)
    var matches = Array(repeating: 0, count: taxonomy.themes.count)
    var evidence = Array(repeating: [(Int, ThemeScore.Evidence)](), count: taxonomy.themes.count)
    for (index, entry) in perTerm {
      let term = taxonomy.terms[index]
      weights[term.theme] += term.weightHundredths * entry.count
      matches[term.theme] += entry.count
      evidence[term.theme].append(
        (
          term.weightHundredths * entry.count,
          ThemeScore.Evidence(
            term: term.text, count: entry.count, weight: term.weight, spans: entry.spans)
        ))
    }
    var result: [ThemeScore] = []
    for (index, theme) in taxonomy.themes.enumerated() where matches[index] > 0 {
      let weighted = Double(weights[index]) / 100
      let score = Double(weights[index]) * 10 / Double(words)
      guard score >= threshold.minimumScore, weighted >= threshold.minimumWeightedMatches else {
        continue
      }
      let ranked = evidence[index].sorted { left, right in
        if left.0 != right.0 { return left.0 > right.0 }
        if left.1.count != right.1.count { return left.1.count > right.1.count }
        return left.1.term.utf8.lexicographicallyPrecedes(right.1.term.utf8)
      }
      result.append(
        ThemeScore(
          theme: theme.id, label: theme.label, score: score, weightedMatches: weighted,
          matches: matches[index], evidence: ranked.map(\.1)))
    }
    return result.sorted { left, right in
      left.score != right.score
        ? left.score > right.score : left.theme.utf8.lexicographicallyPrecedes(right.theme.utf8)
    }
  }
}
