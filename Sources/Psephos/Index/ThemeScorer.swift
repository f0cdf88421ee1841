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
    let themeCount = taxonomy.themes.count
    var weights = [Int](repeating: 0, count: themeCount)
    var matches = [Int](repeating: 0, count: themeCount)
    for hit in hits {
      for slot in matcher.termSlots(of: hit.group) {
        let theme = matcher.termTheme(slot)
        weights[theme] += matcher.termWeight(slot)
        matches[theme] += 1
      }
    }
    var result: [ThemeScore] = []
    for (index, theme) in taxonomy.themes.enumerated() where matches[index] > 0 {
      let weighted = Double(weights[index]) / 100
      let score = Double(weights[index]) * 10 / Double(words)
      guard score >= threshold.minimumScore, weighted >= threshold.minimumWeightedMatches else {
        continue
      }
      result.append(
        ThemeScore(
          theme: theme.id, label: theme.label, score: score, weightedMatches: weighted,
          matches: matches[index], evidence: evidence(for: index, in: hits)))
    }
    return result.sorted { left, right in
      left.score != right.score
        ? left.score > right.score : left.theme.utf8.lexicographicallyPrecedes(right.theme.utf8)
    }
  }

  /// The evidence of one theme: each matched term with its count and first spans, the heaviest
  /// contribution first.
  private func evidence(for theme: Int, in hits: [ThemeMatcher.Hit]) -> [ThemeScore.Evidence] {
    // A theme has few distinct terms in one document: parallel arrays searched linearly.
    var order: [Int] = []
    var counts: [Int] = []
    var spans: [[ByteRange]] = []
    for hit in hits {
      for slot in matcher.termSlots(of: hit.group) where matcher.termTheme(slot) == theme {
        let term = matcher.term(slot)
        guard let position = order.firstIndex(of: term) else {
          order.append(term)
          counts.append(1)
          spans.append([hit.range])
          continue
        }
        counts[position] += 1
        if spans[position].count < Self.evidenceSpanLimit { spans[position].append(hit.range) }
      }
    }
    let ranked = order.indices.map { position in
      let term = taxonomy.terms[order[position]]
      return (
        contribution: term.weightHundredths * counts[position],
        evidence: ThemeScore.Evidence(
          term: term.text, count: counts[position], weight: term.weight, spans: spans[position])
      )
    }.sorted { left, right in
      if left.contribution != right.contribution { return left.contribution > right.contribution }
      if left.evidence.count != right.evidence.count {
        return left.evidence.count > right.evidence.count
      }
      return left.evidence.term.utf8.lexicographicallyPrecedes(right.evidence.term.utf8)
    }
    return ranked.map(\.evidence)
  }
}
