/// A claim with its verdict.
public struct CheckedClaim: Hashable, Sendable {
  /// The claim.
  public var claim: Claim
  /// What the results data says about it.
  public var verdict: Verdict

  /// Pairs a claim with its verdict.
  public init(claim: Claim, verdict: Verdict) {
    self.claim = claim
    self.verdict = verdict
  }
}

extension CrossChecker {
  /// Reads one document through every stage a check needs (tokens, entities, figures,
  /// claims) and checks each claim, in text order.
  ///
  /// Complexity: linear in the document for extraction, plus one `check` per claim.
  public func checkedClaims(
    in document: Document, against store: ResultsStore,
    entities: EntityExtractor = EntityExtractor()
  ) -> [CheckedClaim] {
    let tokens = Tokenizer().tokenize(document.text)
    let mentions = entities.mentions(in: document.text, tokens: tokens)
    let figures = FigureExtractor().figures(in: document.text, tokens: tokens).figures
    let claims = ClaimExtractor().claims(
      in: document.text, tokens: tokens, mentions: mentions, figures: figures,
      metadata: document.metadata)
    let context = CheckContext(metadata: document.metadata, claims: claims)
    let linker = EntityLinker(store: store)
    return claims.map {
      CheckedClaim(claim: $0, verdict: check($0, linker: linker, context: context))
    }
  }
}
