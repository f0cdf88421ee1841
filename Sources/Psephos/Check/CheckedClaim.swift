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
  /// Checks a document's claims, in text order, in the context of the document (its date and
  /// the elections its claims name).
  ///
  /// Complexity: one `check` per claim, after folding the store's names once.
  public func check(
    _ claims: [Claim], of metadata: Metadata, against store: ResultsStore
  ) -> [CheckedClaim] {
    guard !claims.isEmpty else { return [] }
    return check(claims, of: metadata, linker: EntityLinker(store: store))
  }

  /// The same, with the store's names folded beforehand (once per run, not per document).
  func check(_ claims: [Claim], of metadata: Metadata, linker: EntityLinker) -> [CheckedClaim] {
    guard !claims.isEmpty else { return [] }
    let context = CheckContext(metadata: metadata, claims: claims)
    return claims.map {
      CheckedClaim(claim: $0, verdict: check($0, linker: linker, context: context))
    }
  }
}
